"""Danish dates and year ranges at the precision the text states."""

from __future__ import annotations

import pytest

from politikbase.danish.dates import DAY, MONTH, YEAR, find_dates, find_year_ranges, find_years
from politikbase.danish.policy_words import lower_in_place


def _dates(text: str) -> list[tuple[str, str]]:
    return [(d.value, d.precision) for d in find_dates(lower_in_place(text))]


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("vedtaget af kommunalbestyrelsen den 10. september 2014.", "2014-09-10", DAY),
        ("vedtaget af kommunalbestyrelsen d. 14. august 2013.", "2013-08-14", DAY),
        ("Vedtaget af Byrådet d.14. august 2013", "2013-08-14", DAY),
        ("Resume af seminar 12. September 2012", "2012-09-12", DAY),
        ("godkendt 1. feb. 2014 i udvalget", "2014-02-01", DAY),
        ("besluttet den 3 oktober 2022", "2022-10-03", DAY),
        ("Godkendt i Nyborg Byråd 19.03.2013", "2013-03-19", DAY),
        ("Godkendt i Nyborg Byråd 19.03. 2013", "2013-03-19", DAY),
        ("Godkendt i udvalget 3/5 2016", "2016-05-03", DAY),
        ("Direktionen Aftale 2008 Rev. 7/1-08", "2008-01-07", DAY),
        ("Dato: 05-12-2014", "2014-12-05", DAY),
        ("Oprettet 2013-03-19", "2013-03-19", DAY),
        ("vedtaget af Børne- og Skoleudvalget i maj 2014", "2014-05", MONTH),
        ("Randers Social- og Sundhedsskole Godkendt dec. 2013", "2013-12", MONTH),
        ("Byrådet besluttede den xx. juni 2015 politikken", "2015-06", MONTH),
        ("Byrådet, foråret 2017", "2017", YEAR),
        ("Byrådet har ultimo 2011 taget hul på drøftelserne", "2011", YEAR),
    ],
)
def test_a_date_keeps_the_precision_the_text_states(text: str, value: str, precision: str) -> None:
    assert _dates(text) == [(value, precision)]


@pytest.mark.parametrize(
    "text",
    [
        "den 31. februar 2014",  # no such day
        "Dokumentnr.: 727-2011-34784",
        "børn og unge 0-18 år",
        "en gevinst på 1,1-6 milliarder",
        "telefon 74 34 34 34",
        "kl. 10.00 i 2014",
    ],
)
def test_numbers_that_are_no_date_give_none(text: str) -> None:
    assert _dates(text) == []


def test_bare_years_are_found_apart_from_ranges() -> None:
    lowered = lower_in_place("I 2015 og i perioden 2016-2019 samt 2020/21")
    assert [y.value for y in find_years(lowered)] == ["2015"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sundheds- og Forebyggelsesstrategi 2020-2023", "2020-2023"),
        ("Forvaltningens strategiplan for 2013-14", "2013-2014"),
        ("Budget 2013/14", "2013-2014"),
        ("Personalepolitik 2015 – 2020", "2015-2020"),
        ("i årene 2020 til og med 2023", "2020-2023"),
        ("gælder fra 2022 til 2026", "2022-2026"),
        ("Digitaliseringsstrategi 2012 2015", "2012-2015"),
    ],
)
def test_year_ranges_are_normalised(text: str, value: str) -> None:
    assert [r.value for r in find_year_ranges(lower_in_place(text))] == [value]


@pytest.mark.parametrize("text", ["2019-2012", "1990-2030", "IT-strategi 0-18 år", "2014 20 børn"])
def test_implausible_ranges_are_not_ranges(text: str) -> None:
    assert find_year_ranges(lower_in_place(text)) == []


def test_spaced_ranges_are_marked_so_callers_can_be_careful() -> None:
    (found,) = find_year_ranges(lower_in_place("Dagtilbudspolitikken for 2013 2017"))
    assert found.spaced and found.value == "2013-2017"
