"""Adopting bodies named as the register writes them."""

from __future__ import annotations

import pytest

from politikbase.danish.bodies import body_name, find_bodies
from politikbase.danish.policy_words import lower_in_place


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Kommunalbestyrelsen", "kommunalbestyrelsen"),
        ("kommunalbestyrelse", "kommunalbestyrelsen"),
        ("Nyborg Byråd", "byrådet"),
        ("Byrådet i Aalborg", "byrådet"),
        ("Borgerrepræsentationen", "borgerrepræsentationen"),
        ("Regionsrådet", "regionsrådet"),
        ("Magistraten", "magistraten"),
        ("Økonomiudvalget", "økonomiudvalget"),
        ("Økonomiudvalg", "økonomiudvalget"),
        ("Børne- og Skoleudvalget", "børne- og skoleudvalget"),
        ("Social-, Sundheds- og Ældreudvalget", "social-, sundheds- og ældreudvalget"),
        ("Innovation- & Medborgerskabsudvalget", "innovation- & medborgerskabsudvalget"),
        ("MED-udvalget", "med-udvalget"),
        ("Udvalget for Børn og Unge", "udvalget for børn og unge"),
        ("på byrådsmødet", "byrådet"),
        ("på Kommunalbestyrelsens møde", "kommunalbestyrelsen"),
        ("Direktionen", "direktionen"),
    ],
)
def test_bodies_are_named_lower_case_and_definite(written: str, name: str) -> None:
    assert body_name(written) == name


@pytest.mark.parametrize(
    "text",
    ["Byrådets vision 2018", "Direktionens strategiplan", "et bredt udvalg af tilbud"],
)
def test_owners_and_selections_are_no_adopting_bodies(text: str) -> None:
    assert find_bodies(lower_in_place(text)) == []


def test_mentions_carry_their_offsets() -> None:
    text = "Politikken er vedtaget af Børne- og Skoleudvalget i maj 2014."
    (mention,) = find_bodies(lower_in_place(text))
    assert text[mention.start : mention.end] == "Børne- og Skoleudvalget"
