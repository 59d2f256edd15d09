"""Revision rules as the phrase the policy states them in."""

from __future__ import annotations

import pytest

from politikbase.danish.policy_words import lower_in_place
from politikbase.danish.revision_phrases import find_revision_phrase


def _rule(sentence: str) -> str | None:
    found = find_revision_phrase(sentence, lower_in_place(sentence), 0, len(sentence))
    return found.text if found else None


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Informationssikkerhedspolitikken vedtages af kommunalbestyrelsen hvert fjerde år.",
         "hvert fjerde år"),
        ("Værdighedspolitik, der skal redigeres ved hver valgperiode.", "ved hver valgperiode"),
        ("Udviklingsstrategien skal være offentliggjort som forslag inden for den første halvdel "
         "af den kommunale valgperiode.",
         "skal være offentliggjort som forslag inden for den første halvdel af den kommunale "
         "valgperiode"),
        ("Politikken revideres hvert 4. år.", "hvert 4. år"),
        ("Planen rulleres hvert andet år.", "hvert andet år"),
        ("Strategien opdateres én gang årligt.", "én gang årligt"),
        ("Politikken tages op til revision i hver byrådsperiode.", "i hver byrådsperiode"),
        ("Politikken skal revideres senest i 2025.", "skal revideres senest i 2025"),
    ],
)
def test_rules_in_sentences_about_revising(sentence: str, rule: str) -> None:
    assert _rule(sentence) == rule


@pytest.mark.parametrize(
    "sentence",
    [
        "Der følges årligt op i andet kvartal med status til Handicaprådet.",
        "Hvert år uddeles en pris til årets frivillige.",
        "Der udarbejdes hvert år en status til Ældrerådet.",
    ],
)
def test_yearly_things_that_are_no_revision(sentence: str) -> None:
    assert _rule(sentence) is None
