"""Shape detection from structure: listing, transcript, document."""

from __future__ import annotations

from politikbase.segment import detect_shape


def test_seed_shapes(seeds: dict[str, str]) -> None:
    assert {seed: detect_shape(text) for seed, text in seeds.items()} == {
        "000": "listing",
        "001": "transcript",
        "002": "document",
        "003": "document",
        "004": "transcript",
    }


def test_headings_naming_policies_with_descriptions_make_a_listing() -> None:
    text = (
        "Handicappolitik\nPolitikken gælder alle borgere med handicap.\n"
        "Sundhedspolitik\nSundhedspolitikken sætter retning for sundhedsarbejdet.\n"
        "Børne- og ungepolitik\nPolitikken handler om alle børn og unge.\n"
    )
    assert detect_shape(text) == "listing"


def test_entries_closed_by_read_more_without_a_document_are_a_listing() -> None:
    # The descriptions repeat their headings, as related entries do, but no
    # document's pages come before them.
    text = (
        "Klimaplan 2030\nKlimaplan 2030 beskriver kommunens mål for CO2-reduktion.\nLæs mere\n"
        "Ældrepolitik\nÆldrepolitik 2019 sætter rammen for ældreområdet.\nLæs mere\n"
        "Trafikplan\nTrafikplan for kommunens veje og stier.\nLæs mere\n"
    )
    assert detect_shape(text) == "listing"


def test_document_with_a_few_links_and_section_headings_stays_a_document() -> None:
    text = (
        "Klimastrategi for Eksempel Kommune\n\nIndledning\n"
        "Klimastrategien beskriver kommunens arbejde med klima.\n"
        "Læs mere på kommunens hjemmeside.\n\nMål\n"
        "Vi vil reducere udledningen. Klimastrategien gælder fra 2022.\nSe mere her\n\n"
        "Indsatser\nDer er fem indsatser.\n"
    )
    assert detect_shape(text) == "document"


def test_wrapped_pdf_lines_naming_policies_do_not_make_a_listing() -> None:
    text = (
        "Kommunens Handicappolitik bygger på FN's standardregler om lige\n"
        "muligheder for mennesker med handicap.\n"
        "Sundhedspolitikken og Ældrepolitikken\n"
        "gælder også, og det samme gør Kulturpolitik\n"
        "og Idrætspolitik i hele kommunen.\n"
    )
    assert detect_shape(text) == "document"
