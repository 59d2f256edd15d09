"""Listing pages: one segment per entry, with exact boundaries and the entry's name."""

from __future__ import annotations

import json
from pathlib import Path

from politikbase.models import Segment
from politikbase.segment import segment_text


def _line_span(text: str, segment: Segment) -> tuple[int, int]:
    return text.count("\n", 0, segment.start) + 1, text.count("\n", 0, segment.end) + 1


def _gold_entries(shared: Path) -> list[dict[str, object]]:
    path = shared / "eval" / "dev" / "seed000_entries.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_seed_listing_gives_every_entry_with_gold_boundaries(
    seeds: dict[str, str], shared: Path
) -> None:
    text = seeds["000"]
    segments = segment_text(text)
    gold = _gold_entries(shared)
    assert [segment.kind for segment in segments] == ["entry"] * len(gold)
    assert [_line_span(text, s) for s in segments] == [
        (entry["line_start"], entry["line_end"]) for entry in gold
    ]


def test_seed_listing_titles_match_gold(seeds: dict[str, str], shared: Path) -> None:
    segments = segment_text(seeds["000"])
    gold = _gold_entries(shared)
    assert [s.title.lower() for s in segments] == [str(e["title"]).lower() for e in gold]


def test_seed_listing_segments_are_exact_slices(seeds: dict[str, str], shared: Path) -> None:
    text = seeds["000"]
    gold = _gold_entries(shared)
    for segment, entry in zip(segment_text(text), gold, strict=True):
        cut = text[segment.start : segment.end]
        assert cut.startswith(str(entry["first_line"]))
        assert cut.endswith(str(entry["last_line"]))


def test_title_lines_are_located_and_inferred_titles_are_not(seeds: dict[str, str]) -> None:
    text = seeds["000"]
    segments = segment_text(text)
    untitled = [s for s in segments if s.title_start is None]
    # The first five entries of the page lost their heading in extraction.
    assert [s.title for s in untitled] == [
        "Alkoholpolitik",
        "Arbejdsmiljøpolitik",
        "Beskæftigelsespolitik",
        "Børne- og ungepolitik",
        "Børne- og ungesyn",
    ]
    energy = next(s for s in segments if s.title == "Energistrategi")
    assert text[energy.title_start : energy.title_end] == "Energistrategi"
    # A topic heading is completed from the entry's own wording.
    dementia = next(s for s in segments if s.title == "Demensstrategi")
    assert text[dementia.title_start : dementia.title_end] == "Demens"


LISTING_OF_ANOTHER_WORDING = """Politikker og strategier
Her finder du kommunens gældende politikker, strategier og planer.

Klimaplan 2030
Klimaplanen beskriver, hvordan kommunen vil nå sine klimamål frem mod 2030.
Planen blev godkendt af byrådet den 3. marts 2021.
Læs klimaplanen (pdf)

Ældrepolitik
Ældrepolitikken sætter rammen for indsatsen på ældreområdet.
Værdier
Tryghed og respekt for den enkelte.
Politikken er vedtaget af byrådet i maj 2019.
Download ældrepolitikken

Regler for tilskud til foreninger
Reglerne gælder fra 1. januar 2022 og erstatter de tidligere retningslinjer.
Hent reglerne her
"""


def test_listing_of_another_wording_drops_the_page_heading_and_keeps_sub_headings() -> None:
    text = LISTING_OF_ANOTHER_WORDING
    segments = segment_text(text)
    assert [s.title for s in segments] == [
        "Klimaplan 2030",
        "Ældrepolitik",
        "Regler for tilskud til foreninger",
    ]
    assert all(s.kind == "entry" for s in segments)
    elderly = text[segments[1].start : segments[1].end]
    assert elderly.startswith("Ældrepolitik\n")
    assert "Værdier" in elderly
    assert elderly.endswith("Download ældrepolitikken")
    assert text[segments[2].start : segments[2].end].endswith("Hent reglerne her")


def test_linked_titles_lose_their_file_marker() -> None:
    text = (
        "Alkoholpolitik (pdf, 120 KB)\nKommunens politik om alkohol for medarbejdere.\n"
        "Rygepolitik (pdf)\nRøgfri arbejdstid for alle ansatte i kommunen.\n"
        "Kostpolitik (PDF)\nSund mad i kommunens institutioner.\n"
    )
    segments = segment_text(text)
    assert [s.title for s in segments] == ["Alkoholpolitik", "Rygepolitik", "Kostpolitik"]
    assert [text[s.title_start : s.title_end] for s in segments] == [
        "Alkoholpolitik",
        "Rygepolitik",
        "Kostpolitik",
    ]


def test_entries_without_headings_are_split_by_the_policy_they_describe() -> None:
    text = (
        "Kommunens borgerrettede alkoholpolitik beskriver kommunens tilgang til alkohol.\n"
        "Arbejdsmiljøpolitikken gælder for alle ansatte.\n"
        "Arbejdsmiljøpolitikken er vedtaget af byrådet den 2. maj 2016.\n"
        "Formålet med integrationspolitikken er at sætte rammer for integrationsindsatsen.\n"
        "Politikken blev vedtaget af byrådet i juni 2017.\n"
        "Den revideres hvert fjerde år.\n"
        "Klimastrategi\n"
        "Strategien beskriver kommunens klimaindsats.\n"
        "Hent klimastrategien her\n"
        "Trafikplan\n"
        "Trafikplanen beskriver vejnettet.\n"
        "Hent trafikplanen her\n"
    )
    segments = segment_text(text)
    assert [(s.title, _line_span(text, s)) for s in segments] == [
        ("Alkoholpolitik", (1, 1)),
        ("Arbejdsmiljøpolitik", (2, 3)),
        ("Integrationspolitik", (4, 6)),
        ("Klimastrategi", (7, 9)),
        ("Trafikplan", (10, 12)),
    ]


def test_an_untitled_entry_is_named_by_its_link_line() -> None:
    text = (
        "Klimastrategi\nStrategien beskriver kommunens klimaindsats.\nHent klimastrategien her\n"
        "Alle børn skal mødes med det samme grundsyn i dagtilbud og skole.\n"
        "Hent børne- og ungesynet her\n"
        "Trafikplan\nTrafikplanen beskriver vejnettet.\nHent trafikplanen her\n"
    )
    titles = [s.title for s in segment_text(text)]
    assert titles == ["Klimastrategi", "Børne- og ungesyn", "Trafikplan"]


def test_link_lines_that_head_entries_open_and_name_them() -> None:
    text = (
        "Download Handicappolitik (pdf)\n"
        "Politikken gælder alle borgere med handicap og deres pårørende.\n"
        "Download Sundhedspolitikken 2020-2024 (pdf)\n"
        "Politikken sætter retning for sundhedsarbejdet og bygger på ældrepolitikken.\n"
        "Download Klimaplan (pdf)\n"
        "Download Klimaplan, bilag (pdf)\n"
        "Planen beskriver kommunens klimaindsats.\n"
    )
    segments = segment_text(text)
    assert [(s.title, _line_span(text, s)) for s in segments] == [
        ("Handicappolitik", (1, 2)),
        ("Sundhedspolitik 2020-2024", (3, 4)),
        ("Klimaplan", (5, 7)),
    ]
