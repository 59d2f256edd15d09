"""PDF extraction on PDFs built here: pages, titles, hyphens, and every kind of bad file."""

from __future__ import annotations

import unicodedata

import pytest

from politikbase.extract import extract_bytes
from politikbase.models import ExtractionError

BODY = (
    "Handicappolitikken er vedtaget af Kommunalbestyrelsen den 10. december 2019.\n"
    "Politikken revideres hvert fjerde år, jf. Servicelovens § 83 og § 86."
)


def test_pages_are_kept_apart_in_order(make_pdf) -> None:
    pages = [f"Dette er side {number} af politikken om ældre og værdighed." for number in (1, 2, 3)]
    [document] = extract_bytes(make_pdf(pages), "politik.pdf")
    assert document.format == "pdf"
    assert document.needs_repair is True
    assert len(document.pages) == 3
    for number, text in enumerate(document.pages, 1):
        assert f"side {number} af politikken" in text
    assert document.warnings == []


def test_text_has_newlines_and_danish_letters_in_nfc(make_pdf) -> None:
    [document] = extract_bytes(make_pdf([BODY]), "politik.pdf")
    text = document.pages[0]
    assert "\r" not in text
    assert "vedtaget af Kommunalbestyrelsen den 10. december 2019." in text
    assert "revideres hvert fjerde år" in text
    assert "Servicelovens § 83" in text
    assert unicodedata.is_normalized("NFC", text)


def test_title_comes_from_metadata_when_a_person_wrote_it(make_pdf) -> None:
    data = make_pdf([BODY], title="Handicappolitik 2020-2024", author="Fjordby Kommune")
    [document] = extract_bytes(data, "hp.pdf")
    assert document.title == "Handicappolitik 2020-2024"
    assert document.municipality == "Fjordby Kommune"


@pytest.mark.parametrize(
    "metadata_title",
    ["Microsoft Word - Sundhedspolitik_endelig_v3.docx", "Dokument1", "untitled", ""],
)
def test_file_names_and_placeholders_give_way_to_the_largest_type(
    make_pdf, metadata_title: str
) -> None:
    data = make_pdf([BODY], title=metadata_title, heading="Sundhedspolitik 2019-2023")
    [document] = extract_bytes(data, "sp.pdf")
    assert document.title == "Sundhedspolitik 2019-2023"


def test_no_title_when_nothing_stands_out(make_pdf) -> None:
    [document] = extract_bytes(make_pdf([BODY]), "plain.pdf")
    assert document.title is None
    assert document.municipality is None


def test_line_end_hyphen_is_kept_with_its_line_break(make_pdf) -> None:
    # PDFium joins a word hyphenated at a line end; the repair stage decides, so
    # the extractor hands on "sund-" and "hed" on two lines, as the page shows them.
    data = make_pdf(["Det er vigtigt at prioritere sund-\nhedsarbejdet i kommunen."])
    [document] = extract_bytes(data, "h.pdf")
    assert "sund-\nhedsarbejdet" in document.pages[0]
    assert "\ufffe" not in document.pages[0]


def test_encrypted_pdf_says_so(make_pdf) -> None:
    data = make_pdf([BODY], password="hemmelig")
    with pytest.raises(ExtractionError, match="encrypted"):
        extract_bytes(data, "locked.pdf")


def test_truncated_pdf_returns_the_pages_that_arrived(make_pdf) -> None:
    pages = [f"Side {number}: " + "Kommunen arbejder for et godt liv. " * 8 for number in range(6)]
    data = make_pdf(pages)
    [document] = extract_bytes(data[: len(data) // 2], "halv.pdf")
    assert len(document.pages) == 6
    assert "Side 0:" in document.pages[0]
    assert not document.pages[-1]
    assert any("truncated" in warning for warning in document.warnings)


def test_pdf_cut_before_any_page_fails_clearly(make_pdf) -> None:
    data = make_pdf([BODY])
    with pytest.raises(ExtractionError, match="truncated"):
        extract_bytes(data[:200], "stump.pdf")


def test_junk_named_pdf_fails_clearly() -> None:
    with pytest.raises(ExtractionError, match="not a PDF"):
        extract_bytes(b"\x13\x37 this is not a PDF at all " * 20, "junk.pdf")


def test_scanned_pdf_without_text_layer_asks_for_ocr(make_scanned_pdf) -> None:
    with pytest.raises(ExtractionError, match=r"no text layer \(scanned\?\)"):
        extract_bytes(make_scanned_pdf(2), "scan.pdf")


def test_pages_without_text_are_reported(make_pdf) -> None:
    data = make_pdf(["Første side med tekst.", "", "Tredje side med tekst."])
    [document] = extract_bytes(data, "delvis.pdf")
    assert document.pages[1] == ""
    assert document.warnings == ["no text layer on pages 2 (scanned?); OCR is needed"]


def test_real_policy_text_survives_a_pdf_round_trip(make_pdf, seeds: dict[str, str]) -> None:
    # Paragraphs of a real policy, laid out on pages, come back word for word.
    paragraphs = [p for p in seeds["003"].split("\n") if len(p) > 40][:30]
    latin = [p.encode("latin-1", errors="ignore").decode("latin-1") for p in paragraphs]
    pages = ["\n".join(latin[i : i + 10]) for i in range(0, len(latin), 10)]
    [document] = extract_bytes(make_pdf(pages), "seed.pdf")
    extracted = " ".join(" ".join(document.pages).split())
    for line in latin:
        assert " ".join(line.split()) in extracted


def _styled_pdf(lines: list[tuple[str, float, str]]) -> bytes:
    """One page of (text, size, style) lines in Helvetica."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    for text, size, style in lines:
        pdf.set_font("Helvetica", style, size)
        pdf.cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


BODY_LINE = (
    "Kommunen arbejder for, at alle borgere kan leve et godt og selvstændigt liv i hverdagen"
)


def test_headings_are_found_by_their_type() -> None:
    data = _styled_pdf(
        [
            ("Fjordby Kommune - Handicappolitik", 8, ""),  # running header: small
            ("Politik for borgere", 24, "B"),  # a title wrapped over two lines
            ("med handicap", 24, "B"),
            (BODY_LINE, 11, ""),
            (BODY_LINE, 11, ""),
            ("Vores principper", 14, "B"),
            (BODY_LINE, 11, ""),
            ("Vi vil være en kommune for alle", 14, "I"),  # pull quote: larger, not bold
            (BODY_LINE, 11, ""),
            ("Tilgængelighed", 11, "B"),  # bold at body size
            (BODY_LINE, 11, ""),
            ("Det gælder også", 11, ""),  # short, but plain body text
        ]
    )
    [document] = extract_bytes(data, "typer.pdf")
    assert document.headings == [
        "Politik for borgere med handicap",
        "Vores principper",
        "Tilgængelighed",
    ]
    assert document.title == "Politik for borgere med handicap"


def test_body_text_alone_has_no_headings() -> None:
    data = _styled_pdf([(BODY_LINE, 11, "")] * 5 + [("Kort linje uden punktum", 11, "")])
    [document] = extract_bytes(data, "brødtekst.pdf")
    assert document.headings == []
