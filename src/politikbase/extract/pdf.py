"""PDF files: the text layer of every page, read with PDFium (pypdfium2).

One string per page, with PDFium's line breaks. Where PDFium recognises a word
broken with a hyphen at the end of a line it joins the lines and marks the place
(U+FFFE); the hyphen and line break are put back, because only the Danish-aware
repair can tell "sund-/hed" (one word) from "Børne-/og" (a real hyphen).

Headings are the lines set as headings (see `pdf_layout`). The title comes from
the document properties when a person wrote it there, else from the heading in
the largest type on the first page with text (the cover or the top heading),
which is what a reader takes for the title. Both are raw text-layer strings: a
PDF with damaged ligatures has damaged headings too, until repair.

A file cut short (an interrupted download) is rescued where possible: the objects
that arrived are given a new trailer, and the pages that load are returned with
a warning. A page with (almost) no text layer that carries an image is a scan:
it is read by OCR (`ocr`, Tesseract in Danish), and `page_origins` keeps how each
page's text was obtained; a warning names the OCR'd pages and the confidence. A
PDF where neither the text layer nor OCR gives any text fails with a message
that says why.

PDFium is not thread-safe: extract PDFs from one thread per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from politikbase.extract.ocr import ScanReading, read_scanned_pages
from politikbase.extract.pdf_layout import PageLayout, page_layout
from politikbase.extract.textnorm import (
    clean_text,
    meaningful_title,
    municipality_from_publisher,
)
from politikbase.models import ExtractedDocument, ExtractionError, PageOrigin

# PDFium's marks for a hyphen at a line end: U+FFFE from FPDFText_GetText and
# U+0002 from FPDFText_GetBoundedText.
_LINE_END_HYPHENS = ("\ufffe", "\x02")
_NON_SPACE = re.compile(r"\S")
_OBJECT_HEADER = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_EOF_MARKER = b"%%EOF"
_EOF_WINDOW = 2048
_CATALOG_LOOKBEHIND = 4096

# Title type must be clearly larger than the text around it.
TITLE_SIZE_RATIO = 1.25
TITLE_MAX_LENGTH = 200
# Only the first pages are searched for the first page with text.
TITLE_SEARCH_PAGES = 3

_LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_PASSWORD: "encrypted PDF: it needs a password to be opened",
    pdfium_c.FPDF_ERR_SECURITY: "encrypted PDF with an unsupported security handler",
    pdfium_c.FPDF_ERR_FILE: "PDF could not be read",
}


_INTACT = "intact"
_TRUNCATED = "truncated PDF (incomplete download?)"
_DAMAGED = "damaged PDF"


@dataclass(slots=True)
class _PageTexts:
    pages: list[str]
    failed: list[int]  # 1-based numbers of pages that could not be loaded
    headings: list[str]
    title_hint: str | None


def extract_pdf(data: bytes, name: str) -> list[ExtractedDocument]:
    document, condition = _open(data)
    try:
        page_texts = _read_pages(document)
        scans = read_scanned_pages(document, page_texts.pages, page_texts.failed)
        metadata_title = meaningful_title(document.get_metadata_value("Title"))
        author = document.get_metadata_value("Author")
    finally:
        document.close()

    pages = [
        scans.pages[index].text if index in scans.pages else text
        for index, text in enumerate(page_texts.pages)
    ]
    blank = [number for number, text in enumerate(pages, 1) if not _NON_SPACE.search(text)]
    if len(blank) == len(pages):
        if condition != _INTACT or page_texts.failed:
            problem = _DAMAGED if condition == _INTACT else condition
            raise ExtractionError(f"{problem}: none of its pages could be read")
        raise ExtractionError(
            f"no text layer (scanned?) on any of its {len(pages)} pages; "
            + _ocr_outcome(scans)
        )
    warnings: list[str] = []
    if condition != _INTACT:
        lost = sorted(set(blank) | set(page_texts.failed))
        warnings.append(
            f"{condition}: read the pages that could be recovered"
            + (f"; pages {_page_list(lost)} are missing or incomplete" if lost else "")
        )
    else:
        if page_texts.failed:
            warnings.append(f"pages {_page_list(page_texts.failed)} could not be read")
        scanned = [
            number for number in blank
            if number not in page_texts.failed and number not in scans.tried
        ]
        if scanned:
            warnings.append(
                f"no text layer on pages {_page_list(scanned)} (scanned?); OCR is needed"
            )
    warnings.extend(_ocr_warnings(scans))
    return [
        ExtractedDocument(
            source_name=name,
            format="pdf",
            pages=pages,
            page_origins=[
                PageOrigin("ocr", scans.pages[index].confidence)
                if index in scans.pages else PageOrigin("text-layer")
                for index in range(len(pages))
            ],
            title=metadata_title or page_texts.title_hint,
            headings=page_texts.headings,
            municipality=municipality_from_publisher(author),
            needs_repair=True,
            warnings=warnings,
        )
    ]


def _open(data: bytes) -> tuple[pdfium.PdfDocument, str]:
    """The opened document and its condition: intact, or rescued from truncation or damage."""
    try:
        return pdfium.PdfDocument(data), _INTACT
    except pdfium.PdfiumError as error:
        known = _LOAD_ERRORS.get(error.err_code) if error.err_code is not None else None
        if known:
            raise ExtractionError(known) from None
        first_error = error
    if data[:1024].find(b"%PDF-") < 0:
        raise ExtractionError("not a PDF: the file has no PDF header") from None
    condition = _DAMAGED if _EOF_MARKER in data[-_EOF_WINDOW:] else _TRUNCATED
    rescued = _with_rebuilt_trailer(data)
    if rescued is not None:
        try:
            return pdfium.PdfDocument(rescued), condition
        except pdfium.PdfiumError:
            pass
    if condition == _TRUNCATED:
        raise ExtractionError(
            f"{_TRUNCATED}: the file ends before its end marker and no page could be recovered"
        )
    raise ExtractionError(f"{_DAMAGED} that PDFium cannot open ({first_error})")


def _with_rebuilt_trailer(data: bytes) -> bytes | None:
    """The complete objects of a cut-off PDF with a trailer pointing at its catalog.

    PDFium rebuilds a lost cross-reference table by scanning the objects, but it
    needs a trailer that names the document catalog; a truncated file lost it.
    """
    end = data.rfind(b"endobj")
    if end < 0:
        return None
    body = data[: end + len(b"endobj")]
    catalog = body.rfind(b"/Catalog")
    if catalog < 0:
        return None
    window_start = max(0, catalog - _CATALOG_LOOKBEHIND)
    headers = list(_OBJECT_HEADER.finditer(body, window_start, catalog))
    if not headers:
        return None
    number, generation = headers[-1].group(1), headers[-1].group(2)
    return body + b"\ntrailer\n<< /Root " + number + b" " + generation + b" R >>\n%%EOF\n"


def _read_pages(document: pdfium.PdfDocument) -> _PageTexts:
    pages: list[str] = []
    failed: list[int] = []
    headings: list[str] = []
    title_hint: str | None = None
    looking_for_title = True
    for index in range(len(document)):
        try:
            page = document.get_page(index)
        except pdfium.PdfiumError:
            failed.append(index + 1)
            pages.append("")
            continue
        try:
            textpage = page.get_textpage()
            try:
                raw_text = textpage.get_text_range()
                layout = page_layout(textpage, raw_text)
            finally:
                textpage.close()
        except pdfium.PdfiumError:
            failed.append(index + 1)
            raw_text, layout = "", PageLayout([], None)
        finally:
            page.close()
        headings.extend(heading.text for heading in layout.headings)
        if looking_for_title and _NON_SPACE.search(raw_text):
            title_hint = _title_from_type(layout)
            looking_for_title = False
        if index + 1 >= TITLE_SEARCH_PAGES:
            looking_for_title = False
        pages.append(_clean_page(raw_text))
    return _PageTexts(pages, failed, headings, title_hint)


def _clean_page(raw_text: str) -> str:
    for mark in _LINE_END_HYPHENS:
        if mark in raw_text:
            raw_text = raw_text.replace(mark, "-\n")
    return clean_text(raw_text)


def _title_from_type(layout: PageLayout) -> str | None:
    """The heading in the largest type on the first page, when clearly larger than the body."""
    if not layout.headings or layout.body_size is None:
        return None
    largest = max(layout.headings, key=lambda heading: heading.size)
    if largest.size < TITLE_SIZE_RATIO * layout.body_size:
        return None
    if len(largest.text) > TITLE_MAX_LENGTH:
        return None
    return largest.text


def _ocr_outcome(scans: ScanReading) -> str:
    if not scans.tried:
        return "none of them carries an image to OCR"
    if scans.failures:
        return f"OCR failed: {next(iter(scans.failures.values()))}"
    return "OCR found no text on them"


def _ocr_warnings(scans: ScanReading) -> list[str]:
    warnings: list[str] = []
    read = sorted(index + 1 for index, page in scans.pages.items() if page.words)
    if read:
        confidence = scans.mean_confidence()
        warnings.append(
            f"pages {_page_list(read)} read by OCR (Danish)"
            + (f", mean word confidence {confidence:.2f}" if confidence is not None else "")
        )
    empty = [number for number in scans.tried if number not in scans.failures]
    empty = [n for n in empty if n - 1 not in scans.pages or not scans.pages[n - 1].words]
    if empty:
        warnings.append(f"no text found by OCR on pages {_page_list(empty)} (blank?)")
    failures: dict[str, list[int]] = {}
    for number, reason in scans.failures.items():
        failures.setdefault(reason, []).append(number)
    for reason, numbers in failures.items():
        warnings.append(f"OCR failed on pages {_page_list(numbers)}: {reason}")
    return warnings


def _page_list(numbers: list[int]) -> str:
    """Page numbers as ranges: [1, 3, 4, 5, 9] gives "1, 3-5, 9"."""
    ranges: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        ranges.append(str(start) if start == previous else f"{start}-{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(ranges)
