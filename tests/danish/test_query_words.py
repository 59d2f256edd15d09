from __future__ import annotations

from politikbase.danish.query_words import (
    organisations_in_query,
    type_words_in_query,
    years_in_query,
)


def names(query: str) -> list[str]:
    return [found.name for found in organisations_in_query(query)]


def test_organisations_by_place_or_official_name() -> None:
    assert names("klimastrategi Aarhus") == ["Aarhus Kommune"]
    assert names("sundhed i Københavns Kommune") == ["Københavns Kommune"]
    assert names("Region Midtjylland sundhed") == ["Region Midtjylland"]
    assert names("aalborg ældrepolitik") == ["Aalborg Kommune"]


def test_place_names_that_are_words_need_a_capital_or_kommune() -> None:
    assert names("vejen til job") == []
    assert names("handicappolitik Vejen") == ["Vejen Kommune"]
    assert names("politik") == []


def test_years_with_a_cue_only() -> None:
    [after] = years_in_query("politik for handicappede vedtaget efter 2015")
    assert (after.first, after.last) == (2016, None)
    [before] = years_in_query("frivillighed før 2012")
    assert (before.first, before.last) == (None, 2011)
    [during] = years_in_query("vedtaget i 2019")
    assert (during.first, during.last) == (2019, 2019)
    assert years_in_query("klimaplan 2030") == []


def test_type_words() -> None:
    assert [kind for _, kind in type_words_in_query("politikker om sundhed")] == ["politik"]
    assert type_words_in_query("sundhedspolitik") == []
