"""The title: the given one, or the one the text states."""

from __future__ import annotations

import pytest

from politikbase.analyse import analyse_document


def test_a_given_title_is_kept_and_located() -> None:
    text = "Den dobbelte ambition. Direktionens strategiplan\nDen dobbelte ambition ..."
    facts = analyse_document(text, title="Den dobbelte  ambition. Direktionens strategiplan")
    assert facts.title == "Den dobbelte ambition. Direktionens strategiplan"
    (evidence,) = facts.evidence["title"]
    assert evidence.start == 0


@pytest.mark.parametrize("placeholder", ["", "handicappolitik_final_v3", "Dokument1", "plan.pdf"])
def test_a_placeholder_title_is_replaced_from_the_text(placeholder: str) -> None:
    text = "Handicappolitik\n\nAlle borgere i kommunen skal have mulighed for at deltage."
    assert analyse_document(text, title=placeholder).title == "Handicappolitik"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Glostrup Kommunes borgerrettede alkoholpolitik udtrykker kommunens overordnede tilgang.",
         "Alkoholpolitik"),
        ("Formålet med beskæftigelsespolitikken er at sætte rammerne for indsatsen.",
         "Beskæftigelsespolitik"),
        ("I kommunen møder alle børn det samme grundsyn.\nHent børne- og ungesynet her",
         "Børne- og ungesyn"),
        ("Demens\nDemensstrategien beskriver, hvordan vi støtter borgere med demens.\n"
         "Hent demensstrategien her", "Demensstrategi"),
    ],
)
def test_a_title_inferred_from_an_entry_without_a_heading(text: str, title: str) -> None:
    assert analyse_document(text).title == title
