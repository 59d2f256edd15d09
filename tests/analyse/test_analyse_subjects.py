"""Subject areas of real documents: the seed policies and the dev documents."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from politikbase.analyse.subjects import MAX_AREAS, SubjectAssignment, assign_subjects
from politikbase.danish.subjects import kle_codes


@pytest.fixture(scope="module")
def dev_docs(shared: Path) -> dict[str, dict[str, Any]]:
    path = shared / "eval" / "dev" / "docs.jsonl"
    with path.open(encoding="utf-8") as lines:
        docs = [json.loads(line) for line in lines if line.strip()]
    return {doc["id"]: doc for doc in docs}


def _slugs(assignments: list[SubjectAssignment]) -> list[str]:
    return [assignment.slug for assignment in assignments]


def test_every_policy_of_a_municipality_gets_an_area(
    shared: Path, dev_docs: dict[str, dict[str, Any]]
) -> None:
    path = shared / "eval" / "dev" / "seed000_entries.jsonl"
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(entries) == 32
    for entry in entries:
        doc = dev_docs[f"s000-{entry['n']:02d}"]
        assert doc["title"] == entry["title"]
        assert assign_subjects(doc["title"], doc["text"]), entry["title"]


@pytest.mark.parametrize(
    ("number", "slug"),
    [
        (3, "beskaeftigelse"),
        (4, "boern-og-unge"),
        (8, "klima-og-miljoe"),
        (9, "oekonomi"),
        (10, "klima-og-miljoe"),
        (11, "integration"),
        (12, "kultur-og-fritid"),
        (13, "frivillighed-og-civilsamfund"),
        (14, "handicap"),
        (15, "digitalisering-og-it"),
        (18, "kommunikation-og-borgerservice"),
        (2, "personale-og-arbejdsmiljoe"),
        (21, "oekonomi"),
        (24, "skole-og-uddannelse"),
        (26, "sundhed"),
        (32, "aeldre"),
    ],
)
def test_clear_titles_give_the_right_primary_area(
    dev_docs: dict[str, dict[str, Any]], number: int, slug: str
) -> None:
    doc = dev_docs[f"s000-{number:02d}"]
    assert _slugs(assign_subjects(doc["title"], doc["text"]))[0] == slug


def test_whole_policies_from_their_text_alone(seeds: dict[str, str]) -> None:
    assert _slugs(assign_subjects("", seeds["003"]))[0] == "handicap"
    assert _slugs(assign_subjects("", seeds["002"]))[0] == "sundhed"


def test_a_body_adds_an_area_only_when_it_dwells_on_it(
    dev_docs: dict[str, dict[str, Any]],
) -> None:
    title = "Sammenhængende børne- og ungepolitik"
    school_text = dev_docs["s000-24"]["text"]  # the school policy's description
    assert _slugs(assign_subjects(title, school_text)) == [
        "boern-og-unge",
        "skole-og-uddannelse",
    ]
    short_text = dev_docs["s000-04"]["text"]
    assert _slugs(assign_subjects(title, short_text)) == ["boern-og-unge"]


def test_the_title_names_the_subject_first() -> None:
    assert _slugs(assign_subjects("Frivillighedspolitik for ældreområdet", "")) == [
        "frivillighed-og-civilsamfund",
        "aeldre",
    ]
    assert _slugs(assign_subjects("Frivillighedsstrategi", "")) == ["frivillighed-og-civilsamfund"]


def test_headings_support_the_areas_of_a_broad_strategy(
    dev_docs: dict[str, dict[str, Any]],
) -> None:
    doc = dev_docs["s001-main"]  # a strategy plan with seven focus areas
    headings = ["Læring og uddannelse", "Aktiv beskæftigelsesindsats og et rummeligt arbejdsmarked"]
    assert all(heading in doc["text"] for heading in headings)
    without = _slugs(assign_subjects(doc["title"], doc["text"]))
    with_headings = _slugs(assign_subjects(doc["title"], doc["text"], headings))
    assert "beskaeftigelse" not in without
    assert "beskaeftigelse" in with_headings
    assert len(with_headings) <= MAX_AREAS


def test_evidence_points_at_the_words(dev_docs: dict[str, dict[str, Any]]) -> None:
    doc = dev_docs["s003"]
    headings = ["Tilgængelighed for alle", "Bolig og hverdagsliv"]
    assignments = assign_subjects(doc["title"], doc["text"], headings)
    assert assignments[0].slug == "handicap"
    sources = set()
    for assignment in assignments:
        assert assignment.evidence
        assert set(assignment.kle) <= set(kle_codes())
        for item in assignment.evidence:
            sources.add(item.source)
            if item.source == "title":
                assert doc["title"][item.start : item.end] == item.word
            elif item.source == "heading":
                assert item.heading is not None
                assert headings[item.heading][item.start : item.end] == item.word
            else:
                assert doc["text"][item.start : item.end] == item.word
                assert item.count >= 1
    assert sources == {"title", "heading", "text"}
    assert assignments[0].as_json()["evidence"][0]["source"] == "title"


def test_assignments_are_frozen_and_nothing_is_assigned_without_signals() -> None:
    assignment = assign_subjects("Handicappolitik", "")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        assignment.score = 0.0  # type: ignore[misc]
    assert assign_subjects("", "") == []
    assert assign_subjects("Eva Sørensen Roskilde Universitet", "Oplæg den 5. marts.") == []


def test_most_dev_documents_get_an_area(dev_docs: dict[str, dict[str, Any]]) -> None:
    assigned = [bool(assign_subjects(doc["title"] or "", doc["text"])) for doc in dev_docs.values()]
    assert sum(assigned) / len(assigned) >= 0.9
