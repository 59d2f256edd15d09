"""Words that name the kind of a document."""

from __future__ import annotations

import pytest

from politikbase.danish.document_kinds import doc_type_of_kind, kind_words
from politikbase.danish.policy_words import lower_in_place


def _kinds(title: str) -> list[str]:
    return [word.kind for word in kind_words(title, lower_in_place(title))]


@pytest.mark.parametrize(
    ("title", "first"),
    [
        ("Den dobbelte ambition. Direktionens strategiplan", "strategi"),
        ("Klimahandleplan 2021-2025", "handleplan"),
        ("Handlingsplan for trafiksikkerhed", "handleplan"),
        ("Finansiel politik", "politik"),
        ("Velfærdsteknologisk Strategi 2014-2017", "strategi"),
        ("Sammenhængende. Børne. politik", "politik"),
        ("Roskilde Kommune Byrådets vision 2018", "vision"),
        ("Udkast til Beskæftigelsesplan 2017 for Varde Kommune", "plan"),
        ("Holstebro Byråd ønsker med Dagtilbudspolitik at skabe rammen", "politik"),
        ("NOTATARK. En vision for Hvidovre Kommune", "notat"),
        ("N OT AT Høring Kommunernes fælles digitaliseringsstrategi", "notat"),
        ("LEDERNYT. Direktionens strategibrev 2015", "nyhedsbrev"),
        ("Skabelon for handlingsplan 2012", "skabelon"),
        ("Dagplejens udviklingskontrakt 2015", "kontrakt"),
        ("Frivillighed i Frederikssund Kommune. en strategisk ramme", "strategi"),
        ("Kommunen 3.0? Personalkonferansen for offentlig sektor", "præsentation"),
        ("KV17 valgprogram for Radikale Venstre", "valgprogram"),
        ("Kvalitetsstandard for hjemmehjælp", "retningslinjer"),
        ("Styrelsesvedtægt", "regler"),
    ],
)
def test_the_first_kind_word_of_a_title(title: str, first: str) -> None:
    assert _kinds(title)[0] == first


@pytest.mark.parametrize(
    "title",
    [
        "Input til Socialudvalgets arbejde med udmøntning af socialpolitikken i strategier",
        "I det følgende kan indgå i kommunens politiske drøftelse af strategien.",
        "Overordnede rammer 1. Vision Ballerup Kommunes motto",
        "Sammenhæng til vision 2018",
        "Kommunens politikker og strategier",
    ],
)
def test_kind_words_that_do_not_name_the_document(title: str) -> None:
    assert _kinds(title) == []


def test_vision_and_strategy_are_both_found() -> None:
    assert _kinds("Vision og strategi for digitalisering") == ["vision", "strategi"]


def test_kinds_outside_the_register_types_are_other() -> None:
    assert doc_type_of_kind("notat") == "andet"
    assert doc_type_of_kind("handleplan") == "handleplan"
