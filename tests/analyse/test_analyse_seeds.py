"""The analysis of the real seed documents, as the pipeline repairs and segments them."""

from __future__ import annotations

import pytest

from politikbase.analyse import analyse_document
from politikbase.analyse.facts import DocumentFacts
from politikbase.repair import repair_text
from politikbase.segment import segment_text


@pytest.fixture(scope="module")
def listing_entries(seeds: dict[str, str]) -> dict[str, DocumentFacts]:
    """The entries of the policy page 000, analysed by title."""
    text = repair_text(seeds["000"]).text
    entries = {}
    for segment in segment_text(text):
        facts = analyse_document(text[segment.start : segment.end], title=segment.title)
        entries[facts.title] = facts
    return entries


@pytest.mark.parametrize(
    ("title", "date", "body"),
    [
        ("Arbejdsmiljøpolitik", "2014-09-10", "kommunalbestyrelsen"),
        ("Sundhedspolitik", "2013-08-14", "kommunalbestyrelsen"),
        ("Kommunikationspolitik", "2012-08", "kommunalbestyrelsen"),
        ("IT-strategi 0-18 år", "2014-05", "børne- og skoleudvalget"),
        ("Skolepolitik", "2013-03-20", "børne- og skoleudvalget"),
        ("Regler om indkøb og udbud", "2021-08-18", "kommunalbestyrelsen"),
        ("Værdighedspolitik", "2019-06-12", "kommunalbestyrelsen"),
        ("Handicappolitik", None, None),
    ],
)
def test_adoptions_on_the_policy_page(
    listing_entries: dict[str, DocumentFacts], title: str, date: str | None, body: str | None
) -> None:
    facts = listing_entries[title]
    assert (facts.adopted_date, facts.adopted_by) == (date, body)


def test_the_other_facts_of_the_policy_page(listing_entries: dict[str, DocumentFacts]) -> None:
    assert listing_entries["Regler om indkøb og udbud"].replaces == [
        "indkøbspolitikken", "udbudsstrategien",
    ]
    assert listing_entries["Regler om indkøb og udbud"].doc_type == "regler"
    assert listing_entries["Sundheds- og forebyggelsesstrategi"].period == "2020-2023"
    assert listing_entries["Sundheds- og forebyggelsesstrategi"].based_on == ["Sundhedspolitikken"]
    assert listing_entries["Informationssikkerhedspolitik"].revision_rule == "hvert fjerde år"
    dignity = listing_entries["Værdighedspolitik"]
    assert dignity.revision_rule == "ved hver valgperiode"
    assert dignity.amounts == ["en milliard kroner", "4.188.000 kr.", "2.016.000 kr."]
    assert listing_entries["Tilsynspolitik"].law_refs == [
        "Servicelovens § 83", "Servicelovens § 86", "Sundhedslovens § 138",
    ]


def test_the_disability_policy_pdf(seeds: dict[str, str]) -> None:
    text = repair_text(seeds["003"]).text
    facts = analyse_document(text, title="Glostrup Kommunes Handicappolitik")
    # "I år 2008 vedtog Kommunalbestyrelsen en Handicappolitik" is the earlier policy.
    assert (facts.adopted_date, facts.adopted_by) == (None, None)
    assert (facts.doc_type, facts.municipality) == ("politik", "Glostrup Kommune")
    assert facts.related_to == [
        "værdighedspolitikken", "sundhedspolitikken", "erhvervspolitikken", "planstrategien",
        "digitaliseringsstrategien",
    ]


def test_the_strategy_plan_of_a_transcript_page(seeds: dict[str, str]) -> None:
    text = repair_text(seeds["001"]).text
    main = next(s for s in segment_text(text) if s.kind == "main")
    facts = analyse_document(
        text[main.start : main.end], title="Forvaltningens strategiplan for 2013-14"
    )
    assert (facts.doc_type, facts.period, facts.municipality) == (
        "strategi", "2013-2014", "Lyngby-Taarbæk Kommune",
    )
    assert facts.replaces == [
        "de hidtidige virksomhedsplaner for både direktionen og resten af administrationen"
    ]


def test_every_evidence_is_an_exact_span_of_the_text(seeds: dict[str, str]) -> None:
    for raw in seeds.values():
        text = repair_text(raw).text
        for segment in segment_text(text):
            body = text[segment.start : segment.end]
            for items in analyse_document(body, title=segment.title).evidence.values():
                for evidence in items:
                    assert body[evidence.start : evidence.end] == evidence.text
