"""Extraction speed against the limit: raw PDFium text extraction, in pages per second.

Builds a set of text-layer PDFs from the paragraphs of the real seed documents
(laid out with fpdf2 in a temporary folder), then reads every page twice:
with plain pypdfium2 calls (open, text page, `get_text_range`, close), which is
the fastest any PDF ingest on PDFium can go, and with `extract_file`.

Usage: python benchmarks/bench_extract.py [PAGES]   (default 1000)
"""

from __future__ import annotations

import json
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from itertools import cycle
from pathlib import Path

import pypdfium2 as pdfium
from fpdf import FPDF

from politikbase.extract import extract_file
from politikbase.settings import shared_dir

PAGES_PER_FILE = 20
LINES_PER_PAGE = 52
LINE_CHARS = 92
LINE_HEIGHT = 5.2
ROUNDS = 5
_TYPOGRAPHY = str.maketrans(
    {"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "…": "..."}
)


def seed_paragraphs() -> list[str]:
    """Every non-trivial paragraph (line) of the real seed documents."""
    seeds = sorted((shared_dir() / "corpus" / "seeds").glob("*.txt"))
    if not seeds:
        raise FileNotFoundError(f"no seed documents under {shared_dir()}; set POLITIKBASE_SHARED")
    paragraphs = []
    for path in seeds:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = line.strip().translate(_TYPOGRAPHY)
            if len(text) > 20:
                # The PDF core fonts know Latin-1 only.
                paragraphs.append(text.encode("latin-1", errors="replace").decode("latin-1"))
    return paragraphs


def _page_lines(paragraphs: list[str]) -> Iterator[str]:
    for paragraph in cycle(paragraphs):
        yield from textwrap.wrap(paragraph, LINE_CHARS)
        yield ""


def build_pdf_set(out_dir: Path, pages: int = 1000) -> list[Path]:
    """PDFs of PAGES_PER_FILE full pages of real text, `pages` pages in all."""
    out_dir.mkdir(parents=True, exist_ok=True)
    lines = _page_lines(seed_paragraphs())
    paths: list[Path] = []
    remaining = pages
    while remaining > 0:
        count = min(PAGES_PER_FILE, remaining)
        pdf = FPDF()
        pdf.set_creation_date(datetime(2024, 1, 1, tzinfo=UTC))
        pdf.set_title(f"Benchmarkdokument {len(paths) + 1}")
        pdf.set_auto_page_break(auto=False)
        pdf.set_font("Helvetica", size=10)
        for _ in range(count):
            pdf.add_page()
            for _ in range(LINES_PER_PAGE):
                pdf.cell(0, LINE_HEIGHT, next(lines), new_x="LMARGIN", new_y="NEXT")
        path = out_dir / f"bench-{len(paths) + 1:04d}.pdf"
        pdf.output(str(path))
        paths.append(path)
        remaining -= count
    return paths


def raw_pdfium_pages(paths: list[Path]) -> int:
    """Every page's text with plain pypdfium2 calls; the number of pages read."""
    pages = 0
    for path in paths:
        document = pdfium.PdfDocument(path.read_bytes())
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
        document.close()
    return pages


def extract_pages(paths: list[Path]) -> int:
    return sum(len(document.pages) for path in paths for document in extract_file(path))


def _best_pages_per_second(
    readers: dict[str, Callable[[list[Path]], int]], paths: list[Path]
) -> dict[str, float]:
    """Each reader's best speed over ROUNDS, taking turns so neither gets a warmer machine."""
    best = dict.fromkeys(readers, float("inf"))
    pages = dict.fromkeys(readers, 0)
    for _ in range(ROUNDS):
        for name, read in readers.items():
            start = time.perf_counter()
            pages[name] = read(paths)
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: pages[name] / best[name] for name in readers}


def main(pages: int = 1000, out_dir: Path | None = None) -> dict:
    """Build the PDF set and measure; the files stay (in `out_dir`, else a new
    temporary folder) and their paths are returned, for other benchmarks to reuse."""
    folder = out_dir or Path(tempfile.mkdtemp(prefix="politikbase-bench-"))
    build_start = time.perf_counter()
    paths = build_pdf_set(folder, pages)
    build_seconds = time.perf_counter() - build_start
    raw_pdfium_pages(paths[:2])  # warm the file cache and PDFium
    speeds = _best_pages_per_second({"raw": raw_pdfium_pages, "extract": extract_pages}, paths)
    raw, extracted = speeds["raw"], speeds["extract"]
    return {
        "pages": pages,
        "files": len(paths),
        "build_seconds": round(build_seconds, 2),
        "raw_pdfium_pages_per_second": round(raw),
        "extract_pages_per_second": round(extracted),
        "extract_share_of_raw": round(extracted / raw, 3),
        "pdf_dir": str(folder),
        "paths": [str(path) for path in paths],
    }


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="politikbase-bench-") as folder:
        result = main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, Path(folder))
    result.pop("paths")
    print(json.dumps(result, indent=1))
