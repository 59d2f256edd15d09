# politikbase: `make run` for the demo, `make test` for the test suite.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATA ?= politikbase-data
# wdanish: the Danish word list that text repair and compound search rely on;
# mythes-da: the Danish thesaurus whose synonyms a search also looks for;
# graphviz draws the portal's relation graph; chromium runs the browser tests and
# screenshots; npm (any, Debian's only if none is on the PATH) installs axe-core, the
# accessibility checker the browser tests use.
# tesseract-ocr with its Danish model (tesseract-ocr-dan) reads scanned PDF pages.
SYSTEM_PACKAGES := wdanish mythes-da graphviz chromium npm:npm tesseract-ocr tesseract-ocr-dan
# wrk: the HTTP load generator of the portal's benchmark; ocrmypdf: the OCR benchmark's comparison.
BENCH_PACKAGES := wrk ocrmypdf
AXE := .cache/npm/node_modules/axe-core/axe.min.js
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test lint bench samples system-packages screenshots clean

system-packages:
	@scripts/install-system-packages.sh $(SYSTEM_PACKAGES)

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

samples: $(BIN)/.installed
	$(BIN)/python samples/build_samples.py samples/build

run: system-packages $(BIN)/.installed samples
	$(BIN)/politikbase ingest samples/build --data-dir $(DATA)
	$(BIN)/politikbase demo --data-dir $(DATA)
	$(BIN)/politikbase serve --data-dir $(DATA) --host $(HOST) --port $(PORT)

serve: $(BIN)/.installed
	$(BIN)/politikbase serve --data-dir $(DATA) --host $(HOST) --port $(PORT)

# axe-core for the accessibility tests, kept in the repository's git-ignored cache.
$(AXE):
	npm install --silent --no-audit --no-fund --prefix .cache/npm axe-core@4

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks samples

test: system-packages $(BIN)/.installed lint $(AXE)
	$(BIN)/pytest

bench: system-packages $(BIN)/.installed
	@scripts/install-system-packages.sh $(BENCH_PACKAGES)
	$(BIN)/python benchmarks/run_all.py

screenshots: system-packages $(BIN)/.installed
	$(BIN)/python scripts/screenshot_portal.py

clean:
	rm -rf $(VENV) $(DATA) samples/build .pytest_cache .ruff_cache .cache
