"""Money amounts kept verbatim."""

from __future__ import annotations

import pytest

from politikbase.danish.amounts import find_amounts
from politikbase.danish.policy_words import lower_in_place


def _amounts(text: str) -> list[str]:
    return [amount.text for amount in find_amounts(text, lower_in_place(text))]


def test_amounts_of_the_dignity_policy(seeds: dict[str, str]) -> None:
    paragraph = next(line for line in seeds["000"].splitlines() if "4.188.000" in line)
    assert _amounts(paragraph) == ["4.188.000 kr.", "2.016.000 kr."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("afsættes en milliard kroner til ældre", ["en milliard kroner"]),
        ("Indsatsen er hævet med 8,5 mia. kr. Store forskelle", ["8,5 mia. kr."]),
        ("et tilskud på kr. 4.000 pr. måned", ["kr. 4.000"]),
        ("en ramme på DKK 1,5 mio. årligt", ["DKK 1,5 mio."]),
        ("mellem 100.000-200.000 kr. pr. projekt", ["100.000-200.000 kr."]),
        ("to mio. kr. og 500 millioner kroner", ["to mio. kr.", "500 millioner kroner"]),
    ],
)
def test_amounts_with_a_currency(text: str, expected: list[str]) -> None:
    assert _amounts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "en gevinst på 1,1-6 milliarder",
        "ca. 70 foreninger",
        "Værdighedsmilliarden",
        "krav til 5 kroge",
    ],
)
def test_numbers_without_a_currency_are_no_amounts(text: str) -> None:
    assert _amounts(text) == []
