"""The stage's entry points: format detection, empty and unreadable files."""

from __future__ import annotations

from pathlib import Path

import pytest

from politikbase.extract import detect_format, extract_bytes, extract_file
from politikbase.models import ExtractionError


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"%PDF-1.7\n...", "x.bin", "pdf"),
        (b"\x00\x01junk before the header %PDF-1.4\n", "x", "pdf"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "side.pdf", "html"),
        (b"\xef\xbb\xbf  <html lang='da'><p>x</p></html>", "side", "html"),
        (b"<!-- cms -->\n<head><title>x</title></head>", "side", "html"),
        (b'{"id": 1, "text": "x"}\n{"id": 2, "text": "y"}\n', "data.txt", "jsonl"),
        (b"Politik for seniorer\n\nTekst.", "politik.txt", "text"),
        (b"Politik for seniorer", "politik", "text"),
        (b"# Plan\n\nTekst.", "plan.md", "text"),
        (b"{ikke json", "noter.txt", "text"),
        (b"junk", "politik.pdf", "pdf"),
        (b"junk", "politik.html", "html"),
        (b"junk", "politik.docx", "docx"),
    ],
)
def test_format_by_content_first_then_name(data: bytes, name: str, expected: str) -> None:
    assert detect_format(data, name) == expected


def test_word_file_is_recognised_by_its_content(make_docx) -> None:
    assert detect_format(make_docx([("", "Tekst.")]), "download") == "docx"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "legacy Office"),
        (b"{\\rtf1\\ansi Politik}", "RTF"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "OCR"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 50, "OCR"),
        (b"\x00\x01\x02\x03binary", "binary"),
    ],
)
def test_unsupported_formats_are_named(data: bytes, message: str) -> None:
    with pytest.raises(ExtractionError, match=message):
        extract_bytes(data, "fil")


def test_empty_file() -> None:
    with pytest.raises(ExtractionError, match="empty file"):
        extract_bytes(b"", "tom.pdf")


def test_extract_file_reads_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "politik.txt"
    path.write_text("Værdighedspolitik", encoding="utf-8")
    [document] = extract_file(path)
    assert document.source_name == "politik.txt"
    assert document.pages == ["Værdighedspolitik"]


def test_missing_file_is_an_extraction_error(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="cannot read file"):
        extract_file(tmp_path / "findes-ikke.pdf")


def test_empty_file_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "tom.docx"
    path.write_bytes(b"")
    with pytest.raises(ExtractionError, match="empty file"):
        extract_file(path)


def test_oversized_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import politikbase.extract as extract

    monkeypatch.setattr(extract, "MAX_FILE_BYTES", 10)
    path = tmp_path / "stor.txt"
    path.write_bytes(b"x" * 11)
    with pytest.raises(ExtractionError, match="too large"):
        extract.extract_file(path)
    with pytest.raises(ExtractionError, match="too large"):
        extract.extract_bytes(b"x" * 11, "stor.txt")
