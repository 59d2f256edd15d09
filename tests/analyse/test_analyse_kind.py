"""Document type, finer kind and status."""

from __future__ import annotations

import pytest

from politikbase.analyse import analyse_document, basic_facts

BODY = "\nTeksten beskriver indsatsen i kommunen."


@pytest.mark.parametrize(
    ("title", "doc_type"),
    [
        ("Klimahandleplan 2021-2025", "handleplan"),
        ("Retningslinjer for brug af sociale medier", "retningslinjer"),
        ("Regulativ for husholdningsaffald", "regler"),
        ("Beredskabsplan for Vejle Kommune", "plan"),
        ("Høringssvar vedrørende forslag til ny sundhedsaftale", "høring"),
        ("Vision 2030", "vision"),
        ("Vision og strategi for digitalisering", "strategi"),
        ("Referat af byrådsmøde 12. maj 2020", "andet"),
        ("Budget 2024", "andet"),
        ("Børne- og ungepolitik - høringsudkast", "politik"),
        ("3. UDKAST BØRNE- OG UNGEPOLITIK", "politik"),
        ("FORSLAG TIL FRIVILLIGHEDSSTRATEGI", "strategi"),
        ("Stillings- og personprofil. Specialist til støttet byggeri", "andet"),
    ],
)
def test_doc_type_from_the_title(title: str, doc_type: str) -> None:
    assert analyse_document(title + BODY, title=title).doc_type == doc_type


def test_a_title_without_a_kind_is_read_from_the_opening() -> None:
    text = (
        "Fællesskab, sammenhæng og forenkling\nStrategi 2018 Fællesskab, sammenhæng og forenkling"
    )
    facts = analyse_document(text, title="Fællesskab, sammenhæng og forenkling")
    assert (facts.doc_type, facts.period) == ("strategi", "2018")


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Innovation i den offentlige sektor. Lisbeth Binderup, Kommunaldirektør i Skanderborg",
         "Vi skaber lige nu Kommunen 3.0 og en ny digitaliseringsstrategi 2016-2020"),
        ("Lokal og digital", "1 of 15 Lokal og digital Oplæg om digitaliseringsstrategi 2016-2020"),
        ("Digital velfærd", "V. PIA FÆRCH KONTORCHEF, KL 1 FÆLLESKOMMUNAL STRATEGI 2016-2020"),
    ],
)
def test_slide_decks_are_presentations_without_a_period(title: str, text: str) -> None:
    facts = analyse_document(title + "\n" + text, title=title)
    assert (facts.doc_type, facts.kind, facts.period) == ("andet", "præsentation", None)


@pytest.mark.parametrize(
    ("title", "status"),
    [
        ("Høringsversion. Sundhedspolitik for Gribskov Kommune", "høring"),
        ("Udkast til Beskæftigelsesplan 2017 for Varde Kommune", "udkast"),
        ("Ældrepolitik", None),
    ],
)
def test_status_of_drafts(title: str, status: str | None) -> None:
    assert analyse_document(title + BODY, title=title).status == status


def test_basic_facts_use_the_same_kind_and_organisation() -> None:
    facts = basic_facts("Udkast til Beskæftigelsesplan 2017", "Planen for Varde Kommune", None)
    assert (facts.doc_type, facts.municipality) == ("plan", "Varde Kommune")
    hinted = basic_facts("Handicappolitik", "Teksten", "aarhus kommune")
    assert hinted.municipality == "Aarhus Kommune"
