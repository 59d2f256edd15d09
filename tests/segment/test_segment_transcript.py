"""Transcript pages: the main document without the site's header, and the related entries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from politikbase.models import Segment
from politikbase.segment import related_snippet, segment_text
from politikbase.segment.transcript import repeated_title_rest

SEED_FILES = {"001": "001_9874be48d7f55fea.txt", "004": "004_79e40bf8bbbfe75e.txt"}
MAIN_LINES = {"001": (13, 37), "004": (10, 34)}


def _line_span(text: str, segment: Segment) -> tuple[int, int]:
    return text.count("\n", 0, segment.start) + 1, text.count("\n", 0, segment.end) + 1


@pytest.fixture(scope="module")
def related_gold(shared: Path) -> list[dict[str, object]]:
    path = shared / "eval" / "dev" / "related_docs.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def main_gold(shared: Path) -> dict[str, dict[str, object]]:
    path = shared / "eval" / "dev" / "main_docs.json"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed", ["001", "004"])
def test_main_document_has_the_gold_title_and_only_the_pages(
    seeds: dict[str, str], main_gold: dict[str, dict[str, object]], seed: str
) -> None:
    text = seeds[seed]
    main = segment_text(text)[0]
    assert main.kind == "main"
    assert main.title == main_gold[seed]["title"]
    assert text[main.title_start : main.title_end] == main.title
    assert _line_span(text, main) == MAIN_LINES[seed]
    body = text[main.start : main.end]
    for boilerplate in ("Save this PDF as", "Størrelse: px", "Transkript", "Læs mere"):
        assert boilerplate not in body


@pytest.mark.parametrize("seed", ["001", "004"])
def test_related_entries_match_gold(
    seeds: dict[str, str], related_gold: list[dict[str, object]], seed: str
) -> None:
    text = seeds[seed]
    related = [s for s in segment_text(text) if s.kind == "related"]
    gold = [entry for entry in related_gold if entry["file"] == SEED_FILES[seed]]
    assert len(related) == len(gold)
    for segment, entry in zip(related, gold, strict=True):
        first_line = entry["title_line_no"] or entry["snippet_line_no"]
        assert _line_span(text, segment) == (first_line, entry["snippet_line_no"])
        if entry["title"] is None:
            assert segment.title_start is None
            assert segment.title
        else:
            assert segment.title == entry["title"]
        assert related_snippet(text, segment) == entry["snippet"]
        assert "Læs mere" not in text[segment.start : segment.end]


FILLER = "Kommunen vil styrke indsatsen for alle borgere og arbejde med kvalitet. " * 4
UNTITLED_SNIPPET = (
    "Et uddrag uden titel, hvor kun teksten står tilbage "
    "og ingen titellinje er med i udtrækket, som det sker"
)
BUILT_TRANSCRIPT = f"""Teknik og Miljø Klimaplan 2030 for Eksempel Kommune

Størrelse: px
Starte visningen fra side:

Download "Teknik og Miljø Klimaplan 2030 for Eksempel Kommune"

Transkript

1 Klimaplan 2030 for {FILLER} Side 1 af 3

2 Indledning {FILLER} Side 2 af 3

3 Handling {FILLER} Side 3 af 3

Klimastrategi 2025

Klimastrategi 2025 Kommunens strategi for klimaet frem mod 2025 beskriver mål og indsatser

Læs mere

{UNTITLED_SNIPPET}

Læs mere
"""


def test_built_transcript_title_drops_the_issuer_and_entries_keep_their_snippets() -> None:
    text = BUILT_TRANSCRIPT
    main, strategy, untitled = segment_text(text)
    assert main.kind == "main"
    assert main.title == "Klimaplan 2030 for Eksempel Kommune"
    assert text[main.start : main.end].startswith("1 Klimaplan 2030")
    assert text[main.start : main.end].endswith("Side 3 af 3")
    assert (strategy.kind, strategy.title) == ("related", "Klimastrategi 2025")
    assert related_snippet(text, strategy).startswith("Kommunens strategi for klimaet")
    assert untitled.kind == "related" and untitled.title_start is None
    assert related_snippet(text, untitled).startswith("Et uddrag uden titel")


def test_repeated_title_tolerates_lost_punctuation_but_not_other_words() -> None:
    title = 'Vejforum 2014 - "Vejsektoren'
    assert repeated_title_rest(title, "Vejforum 2014 - Vejsektoren X") == "X"
    assert repeated_title_rest("Kommunen 3.0?", "Kommunen 3.0? Rest") == "Rest"
    assert repeated_title_rest("Plan", "Planen for byen") is None
    assert repeated_title_rest("Ældrepolitik", "Handicappolitik") is None


def test_first_related_title_is_found_after_the_last_page_without_a_repeat() -> None:
    text = (
        BUILT_TRANSCRIPT.replace("Klimastrategi 2025 Kommunens strategi", "Kommunens strategi", 1)
        + "\nTrafikplan 2024\n\nTrafikplan 2024 Planen for veje og stier\n\nLæs mere\n"
    )
    main, strategy, _, traffic = segment_text(text)
    assert traffic.title == "Trafikplan 2024"
    assert text[main.start : main.end].endswith("Side 3 af 3")
    assert strategy.title == "Klimastrategi 2025"
    assert related_snippet(text, strategy).startswith("Kommunens strategi for klimaet")
