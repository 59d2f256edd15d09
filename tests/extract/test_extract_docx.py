"""Word extraction: paragraphs in order, headings in English and Danish Word, tables."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from politikbase.extract import extract_bytes
from politikbase.models import ExtractionError

BLOCKS = [
    ("Title", "Frivillighedsstrategi 2022-2025"),
    ("Heading 1", "Indledning"),
    ("", "Strategien er vedtaget af Kultur- og Fritidsudvalget den 7. april 2022."),
    ("Heading 2", "Flere frivillige"),
    ("List Bullet", "Unge skal inviteres ind i det frivillige arbejde."),
    ("", "Støtten gives efter Servicelovens § 18."),
]


def test_paragraphs_headings_and_lists_in_order(make_docx) -> None:
    [document] = extract_bytes(make_docx(BLOCKS), "strategi.docx")
    assert document.format == "docx"
    assert document.needs_repair is False
    assert document.pages == [
        "Frivillighedsstrategi 2022-2025\n\n"
        "Indledning\n\n"
        "Strategien er vedtaget af Kultur- og Fritidsudvalget den 7. april 2022.\n\n"
        "Flere frivillige\n\n"
        "• Unge skal inviteres ind i det frivillige arbejde.\n\n"
        "Støtten gives efter Servicelovens § 18."
    ]
    assert document.headings == [
        "Frivillighedsstrategi 2022-2025",
        "Indledning",
        "Flere frivillige",
    ]


def test_danish_heading_styles_are_headings(make_docx) -> None:
    blocks = [
        ("Overskrift 1", "Sundhedspolitik"),
        ("", "Politikken gælder for alle borgere."),
        ("Overskrift 2", "Mental sundhed"),
        ("", "Flere unge oplever stress."),
    ]
    [document] = extract_bytes(make_docx(blocks), "sundhed.docx")
    assert document.headings == ["Sundhedspolitik", "Mental sundhed"]
    assert document.title == "Sundhedspolitik"


def test_title_from_core_properties_when_written(make_docx) -> None:
    [document] = extract_bytes(make_docx(BLOCKS, core_title="Frivillighedsstrategi"), "f.docx")
    assert document.title == "Frivillighedsstrategi"


def test_placeholder_core_title_gives_way_to_the_title_paragraph(make_docx) -> None:
    [document] = extract_bytes(make_docx(BLOCKS, core_title="Dokument1"), "f.docx")
    assert document.title == "Frivillighedsstrategi 2022-2025"


def test_no_title_without_headings(make_docx) -> None:
    [document] = extract_bytes(make_docx([("", "Kun almindelig tekst her.")]), "x.docx")
    assert document.title is None
    assert document.headings == []


def test_table_text_is_included_row_by_row(make_docx) -> None:
    table = [["Formål", "Beløb pr. år"], ["Tilskud efter § 18", "1.200.000 kr."]]
    [document] = extract_bytes(make_docx(BLOCKS, table=table), "t.docx")
    assert document.pages[0].endswith("Formål | Beløb pr. år\n\nTilskud efter § 18 | 1.200.000 kr.")


def test_content_controls_and_header_boilerplate(make_docx) -> None:
    # Text inside a content control (w:sdt) is body text; a page header is not.
    document = docx.Document(io.BytesIO(make_docx(BLOCKS)))
    document.sections[0].header.paragraphs[0].text = "Fjordby Kommune – sidehoved"
    body = document.element.body
    paragraph = body[2]
    namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    sdt = body.makeelement(f"{{{namespace}}}sdt", {})
    content = sdt.makeelement(f"{{{namespace}}}sdtContent", {})
    paragraph.addprevious(sdt)
    sdt.append(content)
    content.append(paragraph)
    out = io.BytesIO()
    document.save(out)
    [extracted] = extract_bytes(out.getvalue(), "sdt.docx")
    assert "Strategien er vedtaget af Kultur- og Fritidsudvalget" in extracted.pages[0]
    assert "sidehoved" not in extracted.pages[0]


def test_broken_zip_fails_clearly(make_docx) -> None:
    data = make_docx(BLOCKS)
    with pytest.raises(ExtractionError, match="damaged Word"):
        extract_bytes(data[: len(data) // 2], "halv.docx")


def test_zip_without_a_word_document_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bilag.csv", "a;b\n1;2\n")
    with pytest.raises(ExtractionError, match="zip archive"):
        extract_bytes(buffer.getvalue(), "bilag.docx")


def test_word_file_without_text(make_docx) -> None:
    with pytest.raises(ExtractionError, match="no text"):
        extract_bytes(make_docx([("", "")]), "tom.docx")


def test_package_that_unpacks_too_large_is_refused(
    make_docx, monkeypatch: pytest.MonkeyPatch
) -> None:
    from politikbase.extract import wordfile

    monkeypatch.setattr(wordfile, "MAX_UNCOMPRESSED_BYTES", 10_000)
    with pytest.raises(ExtractionError, match="too large"):
        extract_bytes(make_docx(BLOCKS), "bombe.docx")
