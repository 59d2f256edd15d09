"""Plain text and Markdown: encodings, newlines, NFC, pages, and size."""

from __future__ import annotations

import unicodedata

import pytest

from politikbase.extract import extract_bytes
from politikbase.models import ExtractionError

TEXT = "Børne- og ungepolitik\n\nPolitikken er vedtaget af Børne- og Skoleudvalget i maj 2021.\n"


def test_utf8_text() -> None:
    [document] = extract_bytes(TEXT.encode(), "politik.txt")
    assert document.format == "text"
    assert document.pages == [TEXT]
    assert document.title is None
    assert document.warnings == []
    # A text file may be a copy of a PDF's damaged text layer.
    assert document.needs_repair is True


def test_utf8_with_byte_order_mark() -> None:
    [document] = extract_bytes(b"\xef\xbb\xbf" + TEXT.encode(), "politik.txt")
    assert document.pages == [TEXT]
    assert document.warnings == []


def test_cp1252_with_a_warning() -> None:
    data = (TEXT + "Det koster 5 € – ikke mere.").encode("cp1252")
    [document] = extract_bytes(data, "gammel.txt")
    assert document.pages[0].startswith("Børne- og ungepolitik")
    assert "5 € – ikke" in document.pages[0]
    assert len(document.warnings) == 1
    assert "cp1252" in document.warnings[0]


def test_utf16_with_byte_order_mark() -> None:
    [document] = extract_bytes(TEXT.encode("utf-16"), "windows.txt")
    assert document.pages == [TEXT]


def test_newlines_are_normalised() -> None:
    [document] = extract_bytes(b"linje 1\r\nlinje 2\rlinje 3\n", "crlf.txt")
    assert document.pages == ["linje 1\nlinje 2\nlinje 3\n"]


def test_decomposed_letters_become_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Ældrerådet i Århus")
    assert decomposed != "Ældrerådet i Århus"
    [document] = extract_bytes(decomposed.encode(), "nfd.txt")
    assert document.pages == ["Ældrerådet i Århus"]


def test_control_characters_are_dropped() -> None:
    [document] = extract_bytes(b"politik\x00ken\x07 er\tvedtaget", "ctl.txt")
    assert document.pages == ["politikken er\tvedtaget"]


def test_form_feeds_separate_pages() -> None:
    [document] = extract_bytes(b"Side 1\fSide 2\fSide 3", "pdftotext.txt")
    assert document.pages == ["Side 1", "Side 2", "Side 3"]


def test_markdown_title_and_headings() -> None:
    data = "# Beskæftigelsesplan 2024\n\nIndledning.\n\n## Mål for 2024\n\nFlere i job.\n".encode()
    [document] = extract_bytes(data, "plan.md")
    assert document.title == "Beskæftigelsesplan 2024"
    assert document.headings == ["Beskæftigelsesplan 2024", "Mål for 2024"]
    assert document.pages == [
        "Beskæftigelsesplan 2024\n\nIndledning.\n\nMål for 2024\n\nFlere i job.\n"
    ]


def test_whitespace_only_file_has_no_text() -> None:
    with pytest.raises(ExtractionError, match="no text"):
        extract_bytes(b" \n\r\n\t ", "blank.txt")


def test_fifty_megabyte_single_line_is_extracted_whole() -> None:
    line = ("Politikken revideres hvert fjerde år og gælder for hele kommunen. " * 800_000)[
        : 50 * 1024 * 1024
    ]
    [document] = extract_bytes(line.encode(), "stor.txt")
    assert len(document.pages) == 1
    assert len(document.pages[0]) == len(line)


def test_real_seeds_extract_as_damaged_text(seeds: dict[str, str]) -> None:
    for key, text in seeds.items():
        [document] = extract_bytes(text.encode(), f"{key}.txt")
        assert document.pages == [text], key
        assert document.needs_repair is True
