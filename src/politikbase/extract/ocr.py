"""OCR of scanned PDF pages: Tesseract with its Danish model, one page at a time.

A page is rendered with PDFium in grayscale and handed to the `tesseract` program
on standard input as an uncompressed PGM image; its TSV output gives the words
with their place in the page's blocks, paragraphs and lines, and a confidence for
each word. The page's text keeps Tesseract's line breaks (a blank line between
paragraphs), like a text layer, so the hyphenated line ends go through the same
Danish-aware repair.

Tesseract is called directly rather than through OCRmyPDF or pytesseract.
On the same scanned pages (benchmarks/bench_ocr.py: 20 dense A4 pages, one
core) direct calls read 0.42 pages/s, OCRmyPDF 0.27 pages/s (0.64×) with the
same word accuracy (≈ 0.999): OCRmyPDF rasterises with Ghostscript and runs a
Python pipeline around the same Tesseract, and as a PDF-to-PDF tool it would
also hide the per-page confidence. pytesseract is a thin wrapper around the same
program call that goes through temporary files; the subprocess call is simpler.

Tesseract's own threads are limited to one (OMP_THREAD_LIMIT, unless set by the
caller): files are OCR'd in parallel by the ingest's worker processes, and more
threads per page contend for the same cores.

The program can be chosen with $POLITIKBASE_TESSERACT (default: `tesseract` on
the PATH). Debian packages: tesseract-ocr and tesseract-ocr-dan.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from politikbase.extract.textnorm import clean_text

LANGUAGE = "dan"
# Resolution of the rendered page. 200 dpi measured 1.25× faster with no loss of
# accuracy on clean synthetic scans down to 6 pt, but small print on poor real
# scans needs the x-height 300 dpi gives Tesseract (about 20 px at 10 pt).
OCR_DPI = 300
# A page is rendered no larger than this on its longer side (a poster at 300 dpi
# would otherwise take gigabytes).
MAX_RENDER_PIXELS = 7000
# A page whose text layer holds fewer letters than this while it carries an image
# is taken for a scan (a scanner may stamp a page number or a file name on it).
MIN_TEXT_LAYER_LETTERS = 20
# Seconds Tesseract may spend on one page before that page is given up.
PAGE_TIMEOUT_SECONDS = 120.0

TESSERACT_ENVIRONMENT_VARIABLE = "POLITIKBASE_TESSERACT"
_TSV_COLUMNS = 12
_WORD_LEVEL = "5"


class OcrError(Exception):
    """One page could not be OCR'd; the message says why, for a person."""


class OcrUnavailable(OcrError):
    """OCR cannot run at all here (no Tesseract, or no Danish model)."""


@dataclass(slots=True, frozen=True)
class OcrPage:
    """The text Tesseract read on one page and its mean word confidence (0–1).

    `confidence` is None when no word was found (a blank page).
    """

    text: str
    confidence: float | None
    words: int


@dataclass(slots=True)
class ScanReading:
    """The OCR of a PDF's scanned pages.

    `pages` maps a 0-based page index to the OCR text that replaces its (near
    empty) text layer; `tried` holds the 1-based numbers of every page OCR was
    run on; `failures` the 1-based numbers of pages where it failed, with why.
    """

    pages: dict[int, OcrPage] = field(default_factory=dict)
    tried: list[int] = field(default_factory=list)
    failures: dict[int, str] = field(default_factory=dict)

    def mean_confidence(self) -> float | None:
        """The mean word confidence over all OCR'd words of the document."""
        weighted = [
            (page.confidence, page.words)
            for page in self.pages.values()
            if page.confidence is not None
        ]
        words = sum(count for _, count in weighted)
        if not words:
            return None
        return sum(confidence * count for confidence, count in weighted) / words


def tesseract_program() -> str:
    """The path of the Tesseract program; raises OcrUnavailable when there is none."""
    configured = os.environ.get(TESSERACT_ENVIRONMENT_VARIABLE) or "tesseract"
    found = shutil.which(configured)
    if found is None:
        raise OcrUnavailable(
            f"the OCR program {configured!r} was not found "
            "(install the Debian packages tesseract-ocr and tesseract-ocr-dan)"
        )
    return found


def letter_count(text: str) -> int:
    return sum(1 for character in text if character.isalpha())


def has_text_layer(text: str) -> bool:
    """At least MIN_TEXT_LAYER_LETTERS letters: a page of text, not a scan. Stops at the
    first that many letters, since every page of every text PDF is asked."""
    found = 0
    for match in _LETTERS.finditer(text):
        found += len(match.group())
        if found >= MIN_TEXT_LAYER_LETTERS:
            return True
    return False


_LETTERS = re.compile(r"[^\W\d_]+")


def looks_scanned(page: pdfium.PdfPage, text_layer: str) -> bool:
    """A page with (almost) no text layer that carries an image."""
    if has_text_layer(text_layer):
        return False
    images = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])
    return next(images, None) is not None


def read_scanned_pages(
    document: pdfium.PdfDocument, texts: list[str], unreadable: list[int], dpi: int = OCR_DPI
) -> ScanReading:
    """OCR every page that looks scanned; `texts` are the pages' text layers.

    Pages in `unreadable` (1-based) are skipped. The OCR text replaces an empty
    text layer, and a sparse one where it holds more letters. When OCR cannot run at all, the
    remaining scanned pages are recorded as failures with the reason.
    """
    reading = ScanReading()
    unavailable: str | None = None
    for index, text in enumerate(texts):
        if index + 1 in unreadable or has_text_layer(text):
            continue
        try:
            page = document.get_page(index)
        except pdfium.PdfiumError:
            continue
        try:
            if not looks_scanned(page, text):
                continue
            reading.tried.append(index + 1)
            if unavailable is not None:
                reading.failures[index + 1] = unavailable
                continue
            try:
                result = ocr_pdf_page(page, dpi)
            except OcrUnavailable as error:
                unavailable = str(error)
                reading.failures[index + 1] = unavailable
                continue
            except OcrError as error:
                reading.failures[index + 1] = str(error)
                continue
        finally:
            page.close()
        if not text.strip() or letter_count(result.text) > letter_count(text):
            reading.pages[index] = result
    return reading


def render_page(page: pdfium.PdfPage, dpi: int = OCR_DPI) -> Image.Image:
    """The page as a grayscale image at `dpi` (less for very large pages)."""
    width, height = page.get_size()
    scale = min(dpi / 72, MAX_RENDER_PIXELS / max(width, height, 1))
    return page.render(scale=scale, grayscale=True).to_pil().convert("L")


def ocr_pdf_page(page: pdfium.PdfPage, dpi: int = OCR_DPI) -> OcrPage:
    image = render_page(page, dpi)
    width_points = page.get_width()
    effective_dpi = round(image.width * 72 / width_points) if width_points else dpi
    return ocr_image(image, effective_dpi)


def ocr_image(image: Image.Image, dpi: int = OCR_DPI, language: str = LANGUAGE) -> OcrPage:
    """The text Tesseract reads in an image, with its mean word confidence."""
    program = tesseract_program()
    buffer = io.BytesIO()
    image.convert("L").save(buffer, format="PPM")
    environment = dict(os.environ)
    environment.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        completed = subprocess.run(
            [program, "stdin", "stdout", "-l", language, "--dpi", str(dpi), "tsv"],
            input=buffer.getvalue(),
            capture_output=True,
            timeout=PAGE_TIMEOUT_SECONDS,
            env=environment,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise OcrError(f"OCR took longer than {PAGE_TIMEOUT_SECONDS:.0f} s") from None
    except OSError as error:
        raise OcrUnavailable(f"the OCR program could not be started: {error}") from None
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", errors="replace")
        if "Failed loading language" in message or "Could not initialize" in message:
            raise OcrUnavailable(
                f"Tesseract has no model for the language {language!r} "
                f"(install the Debian package tesseract-ocr-{language})"
            )
        last_line = message.strip().splitlines()[-1] if message.strip() else "no message"
        raise OcrError(f"Tesseract failed (exit code {completed.returncode}: {last_line})")
    return page_from_tsv(completed.stdout.decode("utf-8", errors="replace"))


def page_from_tsv(tsv: str) -> OcrPage:
    """Text and mean word confidence from Tesseract's TSV output.

    Words of one line are joined by spaces, lines by a newline, and paragraphs
    and blocks by a blank line.
    """
    paragraphs: list[list[list[str]]] = []
    confidences: list[float] = []
    current_paragraph: tuple[str, str, str] | None = None
    current_line: tuple[str, str, str, str] | None = None
    for row in tsv.splitlines()[1:]:
        columns = row.split("\t")
        if len(columns) != _TSV_COLUMNS or columns[0] != _WORD_LEVEL:
            continue
        word = columns[11].strip()
        if not word:
            continue
        paragraph_key = (columns[1], columns[2], columns[3])
        line_key = (*paragraph_key, columns[4])
        if paragraph_key != current_paragraph:
            paragraphs.append([])
            current_paragraph = paragraph_key
            current_line = None
        if line_key != current_line:
            paragraphs[-1].append([])
            current_line = line_key
        paragraphs[-1][-1].append(word)
        confidence = float(columns[10])
        if confidence >= 0:
            confidences.append(min(confidence, 100.0) / 100)
    text = "\n\n".join(
        "\n".join(" ".join(words) for words in lines) for lines in paragraphs
    )
    mean = sum(confidences) / len(confidences) if confidences else None
    return OcrPage(text=clean_text(text), confidence=mean, words=len(confidences))
