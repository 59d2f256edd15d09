"""Subject areas: coverage of the dev documents, agreement with hand labels, speed.

* coverage: the share of the dev documents (`eval/dev/docs.jsonl`) that get at least
  one area from their title and text; also for the entries of seed 000 (a real
  municipality's list of its policies) alone;
* agreement: `data/subject_labels.jsonl` holds the areas of 101 titles of seed 000's
  entries and seed 004's related documents, labelled by hand from the title alone
  (titles whose area cannot be told from the title were left out). Measured twice:
  from the title alone, and from the title with the document's text (every dev
  document with that title). `primary` is the share whose first area is one of the
  labelled ones; precision, recall and F1 are over (title, area) pairs; `exact` is
  the share whose areas are exactly the labelled ones;
* speed: `assign_subjects` over the dev documents and the five seed files, as
  milliseconds per 10,000 characters; warm (the word cache filled, as in a long
  ingest) and cold (a fresh cache for each pass over the seed files).

Usage: python benchmarks/eval_subjects.py   (prints JSON)
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from devset import characters_per_second, read_jsonl
from politikbase.analyse.subjects import assign_subjects
from politikbase.danish.subjects import AREA_BY_SLUG, default_subject_words
from politikbase.settings import shared_dir

LABELS = Path(__file__).resolve().parent / "data" / "subject_labels.jsonl"
MIN_TIMING_SECONDS = 1.0
COLD_REPETITIONS = 5
PER_CHARACTERS = 10_000


def agreement(predicted: list[list[str]], gold: list[list[str]]) -> dict[str, Any]:
    """Primary accuracy, micro precision/recall/F1 and exact matches of area lists."""
    pairs = list(zip(predicted, gold, strict=True))
    true_positives = sum(len(set(p) & set(g)) for p, g in pairs)
    predicted_count = sum(len(set(p)) for p, _ in pairs)
    gold_count = sum(len(set(g)) for _, g in pairs)
    precision = true_positives / predicted_count if predicted_count else 0.0
    recall = true_positives / gold_count if gold_count else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n": len(pairs),
        "primary": round(sum(bool(p) and p[0] in g for p, g in pairs) / len(pairs), 3),
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "exact": round(sum(set(p) == set(g) for p, g in pairs) / len(pairs), 3),
    }


def _slugs(title: str, text: str) -> list[str]:
    return [assignment.slug for assignment in assign_subjects(title, text)]


def _misses(
    titles: list[str], predicted: list[list[str]], gold: list[list[str]]
) -> list[dict[str, Any]]:
    return [
        {"title": title, "predicted": p, "labelled": g}
        for title, p, g in zip(titles, predicted, gold, strict=True)
        if set(p) != set(g)
    ]


def _milliseconds_per_10k(work: Callable[[str], object], texts: list[str]) -> float:
    rate, _ = characters_per_second(work, texts, MIN_TIMING_SECONDS)
    return round(1000 * PER_CHARACTERS / rate, 3)


def _cold_milliseconds_per_10k(texts: list[str]) -> float:
    """Each pass with a fresh word cache (the vocabulary rebuilt, the lexicon kept)."""
    characters = sum(map(len, texts))
    timings: list[float] = []
    for _ in range(COLD_REPETITIONS):
        default_subject_words.cache_clear()
        started = time.perf_counter()
        for text in texts:
            assign_subjects("", text)
        timings.append(time.perf_counter() - started)
    return round(1000 * statistics.median(timings) * PER_CHARACTERS / characters, 3)


def main() -> dict[str, Any]:
    shared = shared_dir()
    docs = read_jsonl(shared / "eval" / "dev" / "docs.jsonl")
    labels = read_jsonl(LABELS)
    unknown = {slug for label in labels for slug in label["subjects"]} - set(AREA_BY_SLUG)
    if unknown:
        raise SystemExit(f"labels name unknown areas: {sorted(unknown)}")

    started = time.perf_counter()
    default_subject_words()
    build_seconds = time.perf_counter() - started

    assigned = {doc["id"]: _slugs(doc["title"] or "", doc["text"]) for doc in docs}
    seed000 = [doc["id"] for doc in docs if doc["id"].startswith("s000-")]
    area_counts: dict[str, int] = {}
    for slugs in assigned.values():
        for slug in slugs:
            area_counts[slug] = area_counts.get(slug, 0) + 1

    titles = [label["title"] for label in labels]
    gold = [label["subjects"] for label in labels]
    from_title = [_slugs(title, "") for title in titles]
    gold_by_title = dict(zip(titles, gold, strict=True))
    with_text_titles: list[str] = []
    with_text_gold: list[list[str]] = []
    with_text: list[list[str]] = []
    for doc in docs:
        if doc["title"] in gold_by_title:
            with_text_titles.append(doc["title"])
            with_text_gold.append(gold_by_title[doc["title"]])
            with_text.append(assigned[doc["id"]])

    texts = [doc["text"] for doc in docs]
    seed_texts = [
        path.read_text(encoding="utf-8")
        for path in sorted((shared / "corpus" / "seeds").glob("*.txt"))
    ]
    return {
        "coverage": {
            "dev_docs": round(sum(bool(s) for s in assigned.values()) / len(assigned), 3),
            "seed000_entries": round(sum(bool(assigned[i]) for i in seed000) / len(seed000), 3),
            "mean_areas": round(sum(map(len, assigned.values())) / len(assigned), 2),
        },
        "agreement_title_only": agreement(from_title, gold),
        "agreement_title_and_text": agreement(with_text, with_text_gold),
        "speed_ms_per_10k_chars": {
            "dev_docs_warm": _milliseconds_per_10k(lambda text: assign_subjects("", text), texts),
            "seed_files_warm": _milliseconds_per_10k(
                lambda text: assign_subjects("", text), seed_texts
            ),
            "seed_files_cold": _cold_milliseconds_per_10k(seed_texts),
            "vocabulary_build_seconds": round(build_seconds, 3),
        },
        "_details": {
            "areas_assigned": dict(sorted(area_counts.items(), key=lambda item: -item[1])),
            "misses_title_only": _misses(titles, from_title, gold),
            "misses_title_and_text": _misses(with_text_titles, with_text, with_text_gold),
            "unassigned_docs": [
                {"id": doc["id"], "title": doc["title"]} for doc in docs if not assigned[doc["id"]]
            ],
        },
    }


if __name__ == "__main__":
    print(json.dumps(main(), indent=2, ensure_ascii=False))
