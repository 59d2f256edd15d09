"""Section trees against the dev labels: headings and enumerations of the main documents.

* headings: the gold `section_headings` of the main documents (001-004 of
  `main_docs.json`) against the headings found (sections of form "heading"), each
  compared as printed (`text[start:title_end]`, number or label included) with the
  scorer's normalisation, matched one to one; recall, precision and F1 per
  document and over all four;
* enumerations: each gold list (the themes, principles, focus areas, … listed in
  `main_docs.json`) is found when one enumeration has as many items and every item
  title equals the gold item, in order; also counted: lists found with the right
  number of items, item titles right, and lists whose announced count ("ni
  principper") was read and matches;
* speed: `document_outline` over the four texts, in characters per second, in
  all and per document (002 and 003 are written a paragraph a line; 001 and 004
  are flat transcript pages, the slower shape).

The texts are those the pipeline gives the section finder: the main document of
the transcript pages 001 and 004 (as segmented), and 002 and 003 after repair.

Usage: python benchmarks/eval_sections.py   (prints JSON)
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from devset import characters_per_second, load_scorer
from politikbase.repair import repair_text
from politikbase.segment import segment_text
from politikbase.segment.sections import Enumeration, document_outline, iter_sections
from politikbase.settings import shared_dir

MAIN_DOCUMENTS = ("001", "002", "003", "004")
REPAIRED = ("002", "003")
# The gold lists of each main document, by their keys in main_docs.json.
ENUMERATION_KEYS: dict[str, tuple[str, ...]] = {
    "001": (
        "tre_strategiske_tilgange",
        "syv_prioriterede_faglige_fokusomraader",
        "fem_organisatoriske_stoettefunktioner",
    ),
    "002": ("themes",),
    "003": ("principles", "centrale_udgangspunkter_og_principper"),
}
MIN_TIMING_SECONDS = 0.5




def document_texts(shared: Path) -> dict[str, str]:
    """The text of each main document as the section finder gets it."""
    texts: dict[str, str] = {}
    for path in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        seed = path.name[:3]
        if seed not in MAIN_DOCUMENTS:
            continue
        raw = path.read_text(encoding="utf-8")
        if seed in REPAIRED:
            texts[seed] = repair_text(raw).text
            continue
        main = next(segment for segment in segment_text(raw) if segment.kind == "main")
        texts[seed] = raw[main.start : main.end]
    return texts


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def evaluate_headings(text: str, gold: list[str], norm: Any) -> dict[str, Any]:
    outline = document_outline(text)
    found = [
        text[section.start : section.title_end]
        for section in iter_sections(outline.sections)
        if section.form == "heading"
    ]
    wanted = Counter(norm(heading) for heading in gold)
    got = Counter(norm(heading) for heading in found)
    matched = sum((wanted & got).values())
    precision = matched / len(found) if found else 0.0
    recall = matched / len(gold) if gold else 0.0
    return {
        "gold": len(gold),
        "found": len(found),
        "matched": matched,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(_f1(precision, recall), 4),
        "missed": sorted((wanted - got).elements()),
        "extra": sorted((got - wanted).elements()),
    }


def _best_match(gold: list[str], found: list[Enumeration], norm: Any) -> tuple[Enumeration, int]:
    """The enumeration that shares most item titles with the gold list, in order."""

    def shared_titles(enumeration: Enumeration) -> int:
        titles = [norm(item.title) for item in enumeration.items]
        return sum(
            1
            for index, item in enumerate(gold)
            if index < len(titles) and titles[index] == norm(item)
        )

    best = max(found, key=lambda e: (shared_titles(e), len(e.items) == len(gold)))
    return best, shared_titles(best)


def evaluate_enumerations(text: str, gold_lists: dict[str, list[str]], norm: Any) -> dict[str, Any]:
    found = document_outline(text).enumerations
    results: dict[str, Any] = {}
    for key, gold in gold_lists.items():
        if not found:
            results[key] = {
                "found": False,
                "count_right": False,
                "titles_right": 0,
                "items": len(gold),
            }
            continue
        best, titles = _best_match(gold, found, norm)
        results[key] = {
            "found": len(best.items) == len(gold) and titles == len(gold),
            "count_right": len(best.items) == len(gold),
            "titles_right": titles,
            "items": len(gold),
            "kind": best.kind,
            "announcement": best.announcement,
            "stated_count_confirmed": best.count_confirmed,
        }
    return results


def _throughput(texts: list[str]) -> float:
    return characters_per_second(document_outline, texts, MIN_TIMING_SECONDS)[0]


def main() -> dict[str, Any]:
    shared = shared_dir()
    norm = load_scorer(shared).norm
    labels = json.loads((shared / "eval" / "dev" / "main_docs.json").read_text(encoding="utf-8"))
    texts = document_texts(shared)
    headings: dict[str, Any] = {}
    lists: dict[str, Any] = {}
    for seed in MAIN_DOCUMENTS:
        label = labels[seed]
        headings[seed] = evaluate_headings(texts[seed], label["section_headings"], norm)
        keys = ENUMERATION_KEYS.get(seed, ())
        if keys:
            lists[seed] = evaluate_enumerations(
                texts[seed], {key: label[key] for key in keys}, norm
            )
    gold = sum(result["gold"] for result in headings.values())
    found = sum(result["found"] for result in headings.values())
    matched = sum(result["matched"] for result in headings.values())
    precision = matched / found if found else 0.0
    recall = matched / gold if gold else 0.0
    all_lists = [result for document in lists.values() for result in document.values()]
    return {
        "headings": {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(_f1(precision, recall), 4),
            "gold": gold,
            "found": found,
            "by_document": headings,
        },
        "enumerations": {
            "gold_lists": len(all_lists),
            "found_exact": sum(1 for result in all_lists if result["found"]),
            "count_right": sum(1 for result in all_lists if result["count_right"]),
            "item_titles_right": sum(result["titles_right"] for result in all_lists),
            "gold_items": sum(result["items"] for result in all_lists),
            "stated_count_confirmed": sum(
                1 for result in all_lists if result.get("stated_count_confirmed")
            ),
            "by_document": lists,
        },
        "chars_per_second": round(_throughput(list(texts.values()))),
        "chars_per_second_by_document": {
            seed: round(_throughput([text])) for seed, text in texts.items()
        },
    }


if __name__ == "__main__":
    print(json.dumps(main(), indent=2, ensure_ascii=False))
