"""OCR of scanned PDF pages: real Danish policy text drawn as an image, read back."""

from __future__ import annotations

import io
import re
import textwrap
from collections import Counter
from collections.abc import Callable

import pypdfium2 as pdfium
import pytest
from fpdf import FPDF

from politikbase.extract import extract_bytes
from politikbase.extract.ocr import (
    TESSERACT_ENVIRONMENT_VARIABLE,
    OcrUnavailable,
    ocr_image,
)
from politikbase.models import ExtractionError

_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def _recall(source: str, read: str) -> float:
    """The share of the source's words (with repeats) that the reading holds."""
    expected, found = Counter(_words(source)), Counter(_words(read))
    return sum((expected & found).values()) / sum(expected.values())


def _seed_page(seed: str, lines: int = 12) -> str:
    """The first paragraphs of a seed document, wrapped as lines on a page."""
    paragraphs = [" ".join(p.split()) for p in seed.split("\n\n") if len(p.split()) > 8]
    wrapped: list[str] = []
    for paragraph in paragraphs:
        wrapped.extend(textwrap.wrap(paragraph, 72))
        if len(wrapped) >= lines:
            break
    return "\n".join(wrapped[:lines])


def _joined(*parts: bytes) -> bytes:
    """The pages of several PDFs, in order, as one PDF."""
    merged = pdfium.PdfDocument.new()
    for part in parts:
        merged.import_pages(pdfium.PdfDocument(part))
    buffer = io.BytesIO()
    merged.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def danish_pages(seeds: dict[str, str]) -> list[str]:
    pages = [_seed_page(seeds["003"]), _seed_page(seeds["001"], lines=8)]
    assert all(re.search("[æøå]", page) for page in pages)
    return pages


def test_scanned_danish_pages_are_read_back(make_scanned_pdf, danish_pages) -> None:
    [document] = extract_bytes(make_scanned_pdf(danish_pages), "scannet.pdf")
    assert len(document.pages) == 2
    for source, read, origin in zip(
        danish_pages, document.pages, document.page_origins, strict=True
    ):
        assert _recall(source, read) >= 0.9
        danish_words = " ".join(w for w in _words(source) if re.search("[æøå]", w))
        assert _recall(danish_words, read) >= 0.9
        assert origin.method == "ocr"
        assert origin.confidence is not None and 0 < origin.confidence <= 1
    assert any(re.match(r"pages 1-2 read by OCR \(Danish\), mean word confidence 0\.\d\d$", w)
               for w in document.warnings)


def test_ocr_keeps_the_lines_of_the_page(make_scanned_pdf, danish_pages) -> None:
    source = danish_pages[1]
    [document] = extract_bytes(make_scanned_pdf([source]), "linjer.pdf")
    read_lines = [line for line in document.pages[0].split("\n") if line.strip()]
    assert len(read_lines) == len(source.split("\n"))
    assert _recall(source.split("\n")[0], read_lines[0]) >= 0.9


def test_mixed_pdf_gives_both_pages_in_order(make_pdf, make_scanned_pdf, seeds) -> None:
    typed = "Første side er skrevet med et tekstlag, som PDFium læser direkte."
    scanned = _seed_page(seeds["004"], lines=6)
    data = _joined(make_pdf([typed]), make_scanned_pdf([scanned]))
    [document] = extract_bytes(data, "blandet.pdf")
    assert document.pages[0].strip() == typed
    assert _recall(scanned, document.pages[1]) >= 0.9
    assert [origin.method for origin in document.page_origins] == ["text-layer", "ocr"]
    assert document.page_origins[0].confidence is None
    assert any(warning.startswith("pages 2 read by OCR") for warning in document.warnings)


def test_blank_scanned_page_gives_empty_text(make_scanned_pdf, danish_pages) -> None:
    [document] = extract_bytes(make_scanned_pdf([danish_pages[1], ""]), "tom.pdf")
    assert document.pages[1] == ""
    assert document.page_origins[1].method == "ocr"
    assert document.page_origins[1].confidence is None
    assert "no text found by OCR on pages 2 (blank?)" in document.warnings


def test_scan_without_any_text_fails_clearly(make_scanned_pdf) -> None:
    with pytest.raises(ExtractionError, match="OCR found no text on them"):
        extract_bytes(make_scanned_pdf([""]), "blank.pdf")


def _scan_with_stamp(make_scanned_pdf: Callable[..., bytes], text: str, stamp: str) -> bytes:
    """A scanned page on which the scanner also wrote a few words as text."""
    image = pdfium.PdfDocument(make_scanned_pdf([text]))[0].render(scale=200 / 72).to_pil()
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=210, h=297)
    pdf.set_font("Helvetica", "", 8)
    pdf.set_xy(10, 285)
    pdf.cell(0, 5, stamp)
    return bytes(pdf.output())


def test_page_with_a_stamp_over_a_scan_is_ocrd(make_scanned_pdf, danish_pages) -> None:
    data = _scan_with_stamp(make_scanned_pdf, danish_pages[1], "Side 3")
    [document] = extract_bytes(data, "stempel.pdf")
    assert len(document.pages) == 1
    assert document.page_origins[0].method == "ocr"
    assert _recall(danish_pages[1], document.pages[0]) >= 0.9


def test_page_with_text_and_an_image_keeps_its_text_layer(make_scanned_pdf) -> None:
    typed = "Handicappolitikken består af ni principper, som kommunen arbejder efter."
    data = _scan_with_stamp(make_scanned_pdf, "", typed)
    [document] = extract_bytes(data, "logo.pdf")
    assert len(document.pages) == 1
    assert document.pages[0].strip() == typed
    assert document.page_origins[0].method == "text-layer"
    assert not any("OCR" in warning for warning in document.warnings)


def test_missing_tesseract_fails_the_scanned_file_clearly(
    make_scanned_pdf, danish_pages, monkeypatch, tmp_path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ExtractionError, match=r"OCR failed: the OCR program 'tesseract' was"):
        extract_bytes(make_scanned_pdf(danish_pages[:1]), "scannet.pdf")


def test_missing_tesseract_keeps_the_text_pages_of_a_mixed_file(
    make_pdf, make_scanned_pdf, danish_pages, monkeypatch
) -> None:
    monkeypatch.setenv(TESSERACT_ENVIRONMENT_VARIABLE, "tesseract-som-ikke-findes")
    data = _joined(make_pdf(["Første side med tekst."]), make_scanned_pdf(danish_pages))
    [document] = extract_bytes(data, "blandet.pdf")
    assert document.pages[0].strip() == "Første side med tekst."
    assert document.pages[1:] == ["", ""]
    [warning] = document.warnings
    assert warning.startswith("OCR failed on pages 2-3: the OCR program 'tesseract-som-ikke")


def test_missing_danish_model_is_named(make_scanned_pdf, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    image = pdfium.PdfDocument(make_scanned_pdf(["Tekst"]))[0].render().to_pil()
    with pytest.raises(OcrUnavailable, match="tesseract-ocr-dan"):
        ocr_image(image, 72)
