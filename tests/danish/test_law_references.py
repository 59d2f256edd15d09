"""Legal references kept verbatim, sections named with their law."""

from __future__ import annotations

import pytest

from politikbase.danish.laws import find_law_references, law_key
from politikbase.danish.policy_words import lower_in_place


def _refs(text: str) -> list[str]:
    return [ref.text for ref in find_law_references(text, lower_in_place(text))]


def test_coordinated_sections_are_named_with_their_law(seeds: dict[str, str]) -> None:
    line = next(line for line in seeds["000"].splitlines() if "Servicelovens" in line)
    assert _refs(line) == ["Servicelovens § 83", "Servicelovens § 86", "Sundhedslovens § 138"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rammerne er folkeoplysningsloven og det aktive medborgerskab.", ["folkeoplysningsloven"]),
        ("afsat på Finansloven fra 2016 med Finanslovsaftalen", ["Finansloven"]),
        ("jf. § 17, stk. 4 i serviceloven", ["§ 17, stk. 4 i serviceloven"]),
        ("efter Lov om social service § 148 a", ["Lov om social service § 148 a"]),
        ("efter lov om kommunernes styrelse og planloven",
         ["lov om kommunernes styrelse", "planloven"]),
        ("Folkeskolelovens §§ 3 og 4", ["Folkeskolelovens § 3", "Folkeskolelovens § 4"]),
        ("servicelovens §§ 83-86", ["servicelovens §§ 83-86"]),
        ("efter Barnets Lov og databeskyttelsesforordningen",
         ["Barnets Lov", "databeskyttelsesforordningen"]),
        ("SUNDHEDSLOVEN § 119", ["SUNDHEDSLOVEN § 119"]),
    ],
)
def test_references_are_kept_as_written(text: str, expected: list[str]) -> None:
    assert _refs(text) == expected


@pytest.mark.parametrize(
    "text",
    ["den gældende lovgivning", "barselsorloven forlænges", "et lovforslag om ældre", "Ploven"],
)
def test_words_on_lov_that_name_no_law(text: str) -> None:
    assert _refs(text) == []


def test_the_same_law_in_two_forms_has_one_key() -> None:
    assert law_key("Servicelovens § 83") == law_key("serviceloven  § 83")
