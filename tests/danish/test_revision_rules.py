"""Danish revision rules read into structured rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from politikbase.danish.revision_rules import (
    AFTER_ADOPTION,
    AFTER_ELECTION,
    DEADLINE,
    INTERVAL,
    PERIOD_WINDOW,
    number_value,
    parse_revision_rule,
)


@pytest.mark.parametrize(
    ("phrase", "months"),
    [
        ("hvert fjerde år", 48),
        ("hvert 4. år", 48),
        ("hvert andet år", 24),
        ("hvert år", 12),
        ("årligt", 12),
        ("en gang om året", 12),
        ("én gang pr. år", 12),
        ("hvert halve år", 6),
        ("hver 3. måned", 3),
        ("med fire års mellemrum", 48),
    ],
)
def test_intervals(phrase: str, months: int) -> None:
    rule = parse_revision_rule(phrase)
    assert rule is not None
    assert (rule.kind, rule.months) == (INTERVAL, months)


@pytest.mark.parametrize(
    ("phrase", "months"),
    [
        ("ved hver valgperiode", 48),
        ("i hver valgperiode", 48),
        ("en gang i hver valgperiode", 48),
        ("i hver byrådsperiode", 48),
        ("efter hvert kommunalvalg", 48),
        ("inden for den første halvdel af valgperioden", 24),
        ("ved starten af hver ny valgperiode", 12),
        ("i valgperiodens første år", 12),
    ],
)
def test_election_period_windows(phrase: str, months: int) -> None:
    rule = parse_revision_rule(phrase)
    assert rule is not None
    assert (rule.kind, rule.months) == (PERIOD_WINDOW, months)


def test_deadlines_keep_year_month_and_validity() -> None:
    revised = parse_revision_rule("Politikken revideres i 2024.")
    assert revised is not None
    assert (revised.kind, revised.year, revised.month, revised.until) == (
        DEADLINE, 2024, None, False,
    )  # fmt: skip
    valid = parse_revision_rule("gælder til 2025")
    assert valid is not None
    assert (valid.kind, valid.year, valid.until) == (DEADLINE, 2025, True)
    monthly = parse_revision_rule("skal revideres senest i maj 2026")
    assert monthly is not None
    assert (monthly.year, monthly.month) == (2026, 5)


def test_time_after_adoption_and_after_election() -> None:
    after = parse_revision_rule("senest 2 år efter")
    assert after is not None
    assert (after.kind, after.months) == (AFTER_ADOPTION, 24)
    words = parse_revision_rule("evalueres senest to år efter vedtagelsen")
    assert words is not None
    assert (words.kind, words.months) == (AFTER_ADOPTION, 24)
    election = parse_revision_rule("senest et år efter kommunalvalget")
    assert election is not None
    assert (election.kind, election.months) == (AFTER_ELECTION, 12)


def test_rule_inside_a_sentence_gives_the_span_it_was_read_from() -> None:
    sentence = "Informationssikkerhedspolitikken vedtages af kommunalbestyrelsen hvert fjerde år."
    rule = parse_revision_rule(sentence)
    assert rule is not None
    assert rule.phrase[rule.start : rule.end] == "hvert fjerde år"


def test_text_without_a_rule() -> None:
    assert parse_revision_rule("Politikken gælder for alle kommunens medarbejdere.") is None
    assert parse_revision_rule("") is None


def test_number_words() -> None:
    assert [number_value(word) for word in ("fjerde", "to", "4.", "andet", "tolv", "x")] == [
        4, 2, 4, 2, 12, None,
    ]  # fmt: skip


def test_every_rule_of_the_policy_page_is_read(shared: Path) -> None:
    path = shared / "eval" / "dev" / "seed000_entries.jsonl"
    rules = [
        entry["revision_rule"]
        for entry in map(json.loads, path.read_text(encoding="utf-8").splitlines())
        if entry.get("revision_rule")
    ]
    assert rules
    for phrase in rules:
        assert parse_revision_rule(phrase) is not None, phrase
