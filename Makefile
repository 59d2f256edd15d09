# politikbase: `make run` for the demo, `make test` for the test suite.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATA ?= politikbase-data
# wdanish: the Danish word list that text repair and compound search rely on.
SYSTEM_PACKAGES := wdanish

.PHONY: run test lint bench samples system-packages clean

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

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks samples

test: system-packages $(BIN)/.installed lint
	$(BIN)/pytest

bench: system-packages $(BIN)/.installed
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) $(DATA) samples/build .pytest_cache .ruff_cache
