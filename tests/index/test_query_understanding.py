from __future__ import annotations

from politikbase.index.models import SearchFilters
from politikbase.index.understanding import understand_query


def test_organisation_becomes_a_filter_when_indexed() -> None:
    understood = understand_query("klimastrategi Aarhus")
    assert understood.text == "klimastrategi"
    assert understood.filters.municipalities == ("Aarhus Kommune",)
    assert understood.filters.unknown_organisation_too


def test_unindexed_organisation_stays_a_word() -> None:
    understood = understand_query("klimastrategi Aarhus", organisation_is_indexed=lambda _: False)
    assert understood.text == "klimastrategi Aarhus"
    assert understood.filters.municipalities == ()


def test_explicit_filter_wins_over_the_query() -> None:
    given = SearchFilters(municipalities=("Glostrup Kommune",))
    understood = understand_query("klimastrategi Aarhus", given)
    assert understood.filters.municipalities == ("Glostrup Kommune",)
    assert not understood.filters.unknown_organisation_too
    assert understood.text == "klimastrategi Aarhus"


def test_years_and_types() -> None:
    understood = understand_query("politik for handicappede vedtaget efter 2015")
    assert understood.text == "politik for handicappede"
    assert (understood.filters.adopted_from, understood.filters.adopted_to) == (2016, None)
    assert understood.type_boosts == ("politik",)
    assert understood.as_json()["adopted_from"] == 2016
