"""Where a text names a municipality or region."""

from __future__ import annotations

from politikbase.danish.organisations import organisation_mentions, place_mentions


def test_mentions_in_running_text_and_in_capitals() -> None:
    text = (
        "HOLSTEBRO KOMMUNES DAGTILBUDSPOLITIK gælder i Holstebro Kommune og i REGION SYDDANMARK; "
        "Bornholms Regionskommune og 6SKANDERBORG KOMMUNE."
    )
    found = organisation_mentions(text)
    assert [m.name for m in found] == [
        "Holstebro Kommune", "Holstebro Kommune", "Region Syddanmark",
        "Bornholms Regionskommune", "Skanderborg Kommune",
    ]
    assert all(text[m.start : m.end].lower().startswith(("holstebro", "region", "bornholm",
                                                          "skanderborg")) for m in found)


def test_places_alone_but_not_inside_an_institution_name() -> None:
    text = "her i Køge. Frederiksbergs strategi. Roskilde Universitet. 8722 Hedensted"
    assert [m.name for m in place_mentions(text)] == [
        "Køge Kommune", "Frederiksberg Kommune", "Hedensted Kommune",
    ]


def test_places_that_are_words_are_no_mention_alone() -> None:
    assert place_mentions("Vejen til uddannelse") == []
