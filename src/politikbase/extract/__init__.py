"""The extraction stage: a source file becomes the text of the documents it holds.

One module per format (`pdf`, `webpage`, `wordfile`, `plaintext`, `jsonl`); this
module recognises the format and dispatches. Every failure is an
`ExtractionError` whose message a person can act on ("encrypted PDF …",
"no text layer (scanned?) …", "damaged Word (.docx) file …"), so a batch can
record it next to the kept original and move on.

Work is bounded by the size of the input: files larger than MAX_FILE_BYTES are
refused before they are read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from politikbase.extract.detect import FORMATS, detect_format
from politikbase.extract.jsonl import extract_jsonl
from politikbase.extract.pdf import extract_pdf
from politikbase.extract.plaintext import extract_text
from politikbase.extract.webpage import extract_html
from politikbase.extract.wordfile import extract_docx
from politikbase.models import ExtractedDocument, ExtractionError

__all__ = [
    "FORMATS",
    "MAX_FILE_BYTES",
    "ExtractionError",
    "detect_format",
    "extract_bytes",
    "extract_file",
]

# Larger than any policy document; big scanned PDFs reach a few hundred MB.
MAX_FILE_BYTES = 1024 * 1024 * 1024

_EXTRACTORS: dict[str, Callable[[bytes, str], list[ExtractedDocument]]] = {
    "pdf": extract_pdf,
    "html": extract_html,
    "docx": extract_docx,
    "text": extract_text,
    "jsonl": extract_jsonl,
}


def extract_bytes(data: bytes, name: str) -> list[ExtractedDocument]:
    """The documents in a file's bytes; `name` is the file name (for the format and records).

    Raises ExtractionError when nothing can be extracted.
    """
    if not data:
        raise ExtractionError("empty file")
    if len(data) > MAX_FILE_BYTES:
        raise ExtractionError(_too_large(len(data)))
    return _EXTRACTORS[detect_format(data, name)](data, name)


def extract_file(path: Path) -> list[ExtractedDocument]:
    """The documents in the file at `path`; raises ExtractionError when nothing can be extracted."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ExtractionError(_too_large(size))
        data = path.read_bytes()
    except OSError as error:
        raise ExtractionError(f"cannot read file: {error.strerror or error}") from None
    return extract_bytes(data, path.name)


def _too_large(size: int) -> str:
    return (
        f"file too large ({size // (1024 * 1024)} MB; "
        f"the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)"
    )
