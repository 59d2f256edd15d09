"""Which format a file is in: its first bytes decide, its name only breaks ties.

Municipal websites serve error pages named ".pdf" and PDFs without an extension,
so the content is trusted before the name. Formats politikbase cannot read yet
(legacy .doc, images, OpenDocument, RTF) are refused here with a message that
says what the file is, instead of failing later with a parser error.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath

from politikbase.models import ExtractionError

FORMATS = ("pdf", "html", "docx", "text", "jsonl")

# The PDF header may follow some junk; readers accept it within the first kilobyte.
_PDF_HEADER_WINDOW = 1024
_ZIP_MAGIC = b"PK\x03\x04"
# A zip names its members in the local headers (start) and the central directory
# (end); a Word file always has this member.
_DOCX_MEMBER = b"word/document.xml"
_ZIP_SCAN_WINDOW = 256 * 1024
_SNIFF_WINDOW = 4096
# The first line of a JSONL file is parsed only when it is this short or shorter.
_MAX_JSONL_FIRST_LINE = 1024 * 1024

_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|div|p|h1)\b",
    re.IGNORECASE | re.DOTALL,
)

_REFUSED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "legacy Office file (.doc/.xls/.ppt); save it as .docx or PDF",
    ),
    (b"{\\rtf", "RTF document; save it as .docx or PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image; images need OCR, which is not supported yet"),
    (b"\xff\xd8\xff", "JPEG image; images need OCR, which is not supported yet"),
    (b"II*\x00", "TIFF image; images need OCR, which is not supported yet"),
    (b"MM\x00*", "TIFF image; images need OCR, which is not supported yet"),
    (b"GIF8", "GIF image; images need OCR, which is not supported yet"),
)

_BY_EXTENSION = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
}
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_FIRST_NON_SPACE = re.compile(rb"[^\s\xef\xbb\xbf]")


def detect_format(data: bytes, name: str) -> str:
    """One of FORMATS for these bytes; ExtractionError for a format that cannot be read."""
    if data[:_PDF_HEADER_WINDOW].find(b"%PDF-") >= 0:
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return _zip_format(data)
    for magic, description in _REFUSED_MAGIC:
        if data.startswith(magic):
            raise ExtractionError(f"unsupported format: {description}")
    if _HTML_START.match(data[:_SNIFF_WINDOW]):
        return "html"
    if _first_line_is_json_object(data):
        return "jsonl"
    by_name = _BY_EXTENSION.get(PurePath(name).suffix.lower())
    if by_name is not None:
        return by_name
    if b"\x00" in data[:_SNIFF_WINDOW] and not data.startswith(_UTF16_BOMS):
        raise ExtractionError("unsupported format: unrecognised binary file")
    return "text"


def _zip_format(data: bytes) -> str:
    if _DOCX_MEMBER in data[:_ZIP_SCAN_WINDOW] or _DOCX_MEMBER in data[-_ZIP_SCAN_WINDOW:]:
        return "docx"
    if b"application/vnd.oasis.opendocument" in data[:_SNIFF_WINDOW]:
        raise ExtractionError(
            "unsupported format: OpenDocument file (.odt); save it as .docx or PDF"
        )
    raise ExtractionError("unsupported format: zip archive that is not a Word (.docx) file")


def _first_line_is_json_object(data: bytes) -> bool:
    first = _FIRST_NON_SPACE.search(data, 0, _SNIFF_WINDOW)
    if first is None or first.group() != b"{":
        return False
    start = first.start()
    end = data.find(b"\n", start, start + _MAX_JSONL_FIRST_LINE)
    if end < 0:
        if len(data) - start > _MAX_JSONL_FIRST_LINE:
            return False
        end = len(data)
    try:
        return isinstance(json.loads(data[start:end]), dict)
    except ValueError:
        return False
