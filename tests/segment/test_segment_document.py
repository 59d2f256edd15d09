"""Plain documents: one segment over the whole text, with a guessed title."""

from __future__ import annotations

from pathlib import Path

from politikbase.segment import segment_text


def test_policy_document_is_one_segment_without_surrounding_whitespace(
    seeds: dict[str, str],
) -> None:
    for seed in ("002", "003"):
        text = seeds[seed]
        (segment,) = segment_text(text)
        assert segment.kind == "document"
        assert text[segment.start : segment.end] == text.strip()


def test_running_header_naming_the_policy_is_the_title(seeds: dict[str, str]) -> None:
    text = seeds["003"]
    (segment,) = segment_text(text)
    assert segment.title == "Glostrup Kommunes Handicappolitik"
    assert text[segment.title_start : segment.title_end] == segment.title


def test_repaired_policy_without_a_title_line_is_named_after_its_policy(shared: Path) -> None:
    # The repaired text of seed 002 opens with "Indledning", a heading of no use as title.
    text = (shared / "eval" / "dev" / "clean_002.txt").read_text(encoding="utf-8")
    (segment,) = segment_text(text)
    assert segment.title == "Sundhedspolitik"
    assert segment.title_start is None


def test_first_line_heading_is_the_title() -> None:
    text = "\n\n  Strategi for grøn omstilling  \n\nKommunen vil reducere udledningen.\n\n"
    (segment,) = segment_text(text)
    assert segment.title == "Strategi for grøn omstilling"
    assert text[segment.start : segment.end] == text.strip()
    assert text[segment.title_start : segment.title_end] == segment.title


def test_text_without_headings_gets_its_first_sentence_as_title() -> None:
    text = "Kommunen holder borgermøde om trafik i maj. Alle er velkomne."
    (segment,) = segment_text(text)
    assert segment.title == "Kommunen holder borgermøde om trafik i maj"


def test_empty_text_has_no_segments() -> None:
    assert segment_text("") == []
    assert segment_text(" \n\t\n ") == []
