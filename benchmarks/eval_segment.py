"""Segmentation against the dev labels: listing entries, transcript documents, related entries.

* seed 000 (a policy listing page): entries found / gold, entries whose first and
  last line equal the gold's, titles equal to the gold's (case-insensitive, with
  the scorer's normalisation);
* seeds 001 and 004 (transcript pages): related entries found / gold, exact line
  boundaries, titles (a gold entry without a title line matches a segment whose
  title is inferred, i.e. has no title span), snippets (text after the title line
  without the repeated title), and the main document found with the gold title and
  the gold's line range;
* throughput of `segment_text` over the five seeds, in characters per second.

Usage: python benchmarks/eval_segment.py   (prints JSON)
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

from devset import load_scorer
from politikbase.models import Segment
from politikbase.segment import related_snippet, segment_text
from politikbase.segment.names import line_policy_names
from politikbase.settings import shared_dir

LISTING_SEED = "000"
TRANSCRIPT_SEEDS = ("001", "004")
MIN_TIMING_SECONDS = 0.5
_LINE_RANGE = re.compile(r"lines\s+(\d+)-(\d+)")




def _seed_texts(shared: Path) -> dict[str, tuple[str, str]]:
    """Seed prefix -> (file name, text)."""
    return {
        path.name[:3]: (path.name, path.read_text(encoding="utf-8"))
        for path in sorted((shared / "corpus" / "seeds").glob("*.txt"))
    }


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _line_span(text: str, segment: Segment) -> tuple[int, int]:
    return _line_of(text, segment.start), _line_of(text, segment.end)


def _ratio(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def evaluate_listing(text: str, gold: list[dict[str, Any]], norm: Any) -> dict[str, Any]:
    segments = [s for s in segment_text(text) if s.kind == "entry"]
    by_span = {_line_span(text, segment): segment for segment in segments}
    exact = titles = 0
    misses: list[str] = []
    for entry in gold:
        segment = by_span.get((entry["line_start"], entry["line_end"]))
        if segment is None:
            misses.append(f"boundary {entry['line_start']}-{entry['line_end']} {entry['title']}")
            continue
        exact += 1
        if norm(segment.title) == norm(entry["title"]):
            titles += 1
        else:
            misses.append(f"title {segment.title!r} != {entry['title']!r}")
    return {
        "entries_found": len(segments),
        "entries_gold": len(gold),
        "exact_boundaries": exact,
        "exact_boundary_rate": _ratio(exact, len(gold)),
        "title_matches": titles,
        "title_match_rate": _ratio(titles, len(gold)),
        "misses": misses,
    }


def evaluate_transcripts(
    seeds: dict[str, tuple[str, str]],
    related_gold: list[dict[str, Any]],
    main_gold: dict[str, Any],
    norm: Any,
) -> dict[str, Any]:
    found = boundaries = titles = snippets = mains = main_spans = 0
    gold_total = 0
    misses: list[str] = []
    for prefix in TRANSCRIPT_SEEDS:
        name, text = seeds[prefix]
        segments = segment_text(text)
        related = [s for s in segments if s.kind == "related"]
        found += len(related)
        by_span = {_line_span(text, segment): segment for segment in related}
        gold = [entry for entry in related_gold if entry["file"] == name]
        gold_total += len(gold)
        for entry in gold:
            first = entry["title_line_no"] or entry["snippet_line_no"]
            segment = by_span.get((first, entry["snippet_line_no"]))
            if segment is None:
                misses.append(f"{prefix} boundary {first}-{entry['snippet_line_no']}")
                continue
            boundaries += 1
            if entry["title"] is None:
                titles += segment.title_start is None
            else:
                titles += norm(segment.title) == norm(entry["title"])
            if norm(related_snippet(text, segment)) == norm(entry["snippet"]):
                snippets += 1
            else:
                misses.append(f"{prefix} snippet line {entry['snippet_line_no']}")
        main = next((s for s in segments if s.kind == "main"), None)
        expected = main_gold[prefix]
        if main is not None and norm(main.title) == norm(expected["title"]):
            mains += 1
        else:
            misses.append(f"{prefix} main title {main.title if main else None!r}")
        gold_range = _LINE_RANGE.search(expected.get("part", ""))
        if main is not None and gold_range is not None:
            main_spans += _line_span(text, main) == tuple(int(g) for g in gold_range.groups())
    return {
        "related_found": found,
        "related_gold": gold_total,
        "related_exact_boundaries": boundaries,
        "related_title_matches": titles,
        "related_title_match_rate": _ratio(titles, gold_total),
        "related_snippet_matches": snippets,
        "related_snippet_match_rate": _ratio(snippets, gold_total),
        "main_found_with_gold_title": mains,
        "main_gold": len(TRANSCRIPT_SEEDS),
        "main_exact_line_range": main_spans,
        "misses": misses,
    }


def throughput(texts: list[str]) -> dict[str, float]:
    """Characters per second of `segment_text` over the seeds (repeated for a stable figure).

    The per-line name cache is emptied before each text, so every text is
    segmented as if it were new, as in an ingest.
    """
    segment_text(texts[0])  # load resources once, outside the timing
    characters = rounds = 0
    started = time.perf_counter()
    while time.perf_counter() - started < MIN_TIMING_SECONDS:
        for text in texts:
            line_policy_names.cache_clear()
            segment_text(text)
            characters += len(text)
        rounds += 1
    elapsed = time.perf_counter() - started
    return {"chars_per_second": round(characters / elapsed), "rounds": rounds}


def main() -> dict[str, Any]:
    shared = shared_dir()
    dev = shared / "eval" / "dev"
    scorer = load_scorer(shared)
    seeds = _seed_texts(shared)
    listing_gold = scorer.load_jsonl(dev / "seed000_entries.jsonl")
    related_gold = scorer.load_jsonl(dev / "related_docs.jsonl")
    main_gold = json.loads((dev / "main_docs.json").read_text(encoding="utf-8"))
    result = {
        "listing_000": evaluate_listing(seeds[LISTING_SEED][1], listing_gold, scorer.norm),
        "transcripts_001_004": evaluate_transcripts(seeds, related_gold, main_gold, scorer.norm),
        "speed": throughput([text for _, text in seeds.values()]),
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return result


if __name__ == "__main__":
    main()
