"""OCR of scanned pages: speed per core and word accuracy, for the ways of calling Tesseract.

Builds one scanned PDF of N A4 pages: lines of the real seed documents drawn in
DejaVu Sans at 300 dpi, 11 pt body text and the last lines of each page in 8 pt
(notes), each page turned by a fraction of a degree, slightly blurred and with
grain, stored as JPEG, as an office scanner gives them. Then, taking turns page set by
page set so machine noise hits all alike, it reads them with:
  tesseract-300dpi  what politikbase does (`ocr.ocr_pdf_page`): PDFium renders the
                    page in grayscale, `tesseract -l dan … tsv` reads it;
  tesseract-200dpi  the same at 200 dpi;
  ocrmypdf-sidecar  OCRmyPDF with only the text as output (`--output-type none
                    --sidecar`), when the `ocrmypdf` program is installed;
  ocrmypdf-pdf      OCRmyPDF writing a PDF with a text layer, read by PDFium (what
                    a pipeline built on OCRmyPDF would do).
Every variant runs Tesseract on one thread (OMP_THREAD_LIMIT=1, `--jobs 1`).
pages/s is over wall time; pages per CPU second counts the CPU time of this
process and its children, which is what one core can do and is less disturbed
by other work on a shared machine. Word recall and precision compare the words
read (lower-cased, with repeats) with the words drawn.

Usage: python benchmarks/bench_ocr.py [PAGES] [REPETITIONS]
"""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from collections.abc import Callable
from itertools import cycle
from pathlib import Path

import pypdfium2 as pdfium
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFilter, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import seed_paragraphs
from politikbase.extract.ocr import ocr_pdf_page

SCAN_DPI = 300
LINES_PER_PAGE = 40
LINE_CHARACTERS = 78
FONT_POINTS = 11
LINE_POINTS = 16
NOTE_LINES = 10
NOTE_POINTS = 8
NOTE_LINE_POINTS = 11
GRAIN_SIGMA = 60
GRAIN_SHARE = 0.2
# Scanners store pages as JPEG; its artefacts around the letters are part of the test.
JPEG_QUALITY = 50
SKEW_DEGREES = (0.3, -0.2, 0.5, -0.4)
_WORD_CHARACTERS = str.maketrans({character: " " for character in ".,;:!?()[]\"'«»–-/§"})


def scan_pages(pages: int) -> list[str]:
    """The text of each page: wrapped lines of the seed documents, in order."""
    lines = (line for paragraph in cycle(seed_paragraphs())
             for line in textwrap.wrap(paragraph, LINE_CHARACTERS))
    return ["\n".join(next(lines) for _ in range(LINES_PER_PAGE)) for _ in range(pages)]


def scanned_pdf(texts: list[str]) -> bytes:
    """One image-only A4 page per text, drawn like a slightly skewed scan."""
    body = ImageFont.truetype("DejaVuSans.ttf", round(FONT_POINTS * SCAN_DPI / 72))
    note = ImageFont.truetype("DejaVuSans.ttf", round(NOTE_POINTS * SCAN_DPI / 72))
    size = (round(8.27 * SCAN_DPI), round(11.69 * SCAN_DPI))
    grain = Image.effect_noise(size, GRAIN_SIGMA)
    pdf = FPDF()
    for number, text in enumerate(texts):
        image = Image.new("L", size, color=255)
        draw = ImageDraw.Draw(image)
        top = SCAN_DPI * 0.8
        lines = text.split("\n")
        for row, line in enumerate(lines):
            is_note = row >= len(lines) - NOTE_LINES
            draw.text((SCAN_DPI, top), line, font=note if is_note else body, fill=20)
            top += (NOTE_LINE_POINTS if is_note else LINE_POINTS) * SCAN_DPI / 72
        skew = SKEW_DEGREES[number % len(SKEW_DEGREES)]
        image = image.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
        image = image.filter(ImageFilter.GaussianBlur(0.7))
        image = Image.blend(image, grain, GRAIN_SHARE)
        scan = io.BytesIO()
        image.save(scan, format="JPEG", quality=JPEG_QUALITY)
        pdf.add_page()
        pdf.image(scan, x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


def words(text: str) -> Counter[str]:
    return Counter(text.translate(_WORD_CHARACTERS).lower().split())


def accuracy(sources: list[str], readings: list[str]) -> tuple[float, float]:
    """Word recall and precision of the readings against the drawn text."""
    expected, found = words(" ".join(sources)), words(" ".join(readings))
    matched = sum((expected & found).values())
    return matched / max(1, sum(expected.values())), matched / max(1, sum(found.values()))


def tesseract_direct(dpi: int) -> Callable[[Path, Path], list[str]]:
    def read(pdf_path: Path, _work: Path) -> list[str]:
        document = pdfium.PdfDocument(pdf_path)
        try:
            texts = []
            for page in document:
                texts.append(ocr_pdf_page(page, dpi).text)
                page.close()
            return texts
        finally:
            document.close()

    return read


def _ocrmypdf(arguments: list[str]) -> None:
    environment = dict(os.environ, OMP_THREAD_LIMIT="1")
    subprocess.run(
        ["ocrmypdf", "-l", "dan", "--jobs", "1", "--quiet", *arguments],
        check=True, env=environment, capture_output=True,
    )


def ocrmypdf_sidecar(pdf_path: Path, work: Path) -> list[str]:
    sidecar = work / "sidecar.txt"
    _ocrmypdf(["--output-type", "none", "--sidecar", str(sidecar), str(pdf_path), "-"])
    return sidecar.read_text(encoding="utf-8").split("\f")


def ocrmypdf_pdf(pdf_path: Path, work: Path) -> list[str]:
    output = work / "ocr.pdf"
    _ocrmypdf(["--output-type", "pdf", "--optimize", "0", str(pdf_path), str(output)])
    document = pdfium.PdfDocument(output)
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(pages: int = 20, repetitions: int = 1) -> dict[str, object]:
    if shutil.which("tesseract") is None:
        raise SystemExit("bench_ocr needs tesseract (Debian: tesseract-ocr tesseract-ocr-dan)")
    os.environ["OMP_THREAD_LIMIT"] = "1"
    variants: dict[str, Callable[[Path, Path], list[str]]] = {
        "tesseract-300dpi": tesseract_direct(300),
        "tesseract-200dpi": tesseract_direct(200),
    }
    if shutil.which("ocrmypdf") is not None:
        variants["ocrmypdf-sidecar"] = ocrmypdf_sidecar
        variants["ocrmypdf-pdf"] = ocrmypdf_pdf
    work = Path(tempfile.mkdtemp(prefix="politikbase-bench-ocr-"))
    try:
        sources = scan_pages(pages)
        pdf_path = work / "scan.pdf"
        pdf_path.write_bytes(scanned_pdf(sources))
        wall: dict[str, list[float]] = {name: [] for name in variants}
        cpu: dict[str, list[float]] = {name: [] for name in variants}
        readings: dict[str, list[str]] = {}
        for repetition in range(repetitions):
            order = list(variants) if repetition % 2 == 0 else list(reversed(variants))
            for name in order:
                cpu_start, wall_start = _cpu_seconds(), time.perf_counter()
                readings[name] = variants[name](pdf_path, work)
                wall[name].append(time.perf_counter() - wall_start)
                cpu[name].append(_cpu_seconds() - cpu_start)
        result: dict[str, object] = {
            "pages": pages,
            "repetitions": repetitions,
            "pdf_mb": round(pdf_path.stat().st_size / 1e6, 1),
            "ocrmypdf": "measured" if "ocrmypdf-pdf" in variants else "not installed",
        }
        baseline = pages / statistics.median(wall["tesseract-300dpi"])
        for name in variants:
            recall, precision = accuracy(sources, readings[name])
            rate = pages / statistics.median(wall[name])
            result[name] = {
                "pages_per_s": round(rate, 2),
                "pages_per_cpu_s": round(pages / statistics.median(cpu[name]), 2),
                "speed_vs_tesseract_300dpi": round(rate / baseline, 2),
                "word_recall": round(recall, 4),
                "word_precision": round(precision, 4),
            }
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:3]]
    print(json.dumps(main(*arguments), indent=2))
