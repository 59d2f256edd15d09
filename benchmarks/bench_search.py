"""Search index at scale: build time, size, search latency and memory.

Builds an index of at least PASSAGES passages from real Danish policy text: the
paragraphs of the seed documents, recombined into documents of fictional
organisations (generated here with a fixed random seed; nothing is stored). Then it
times a fixed mix of queries (single words, compounds, prepositional phrases, quoted
phrases, and each with municipality or document-type filters) over several rounds
after one warm-up round, and reports latency percentiles and the peak memory of
this process.

Usage: python benchmarks/bench_search.py [PASSAGES]   (prints JSON)
"""

from __future__ import annotations

import json
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from politikbase.index import IndexDocument, SearchIndex
from politikbase.index.passages import split_passages
from politikbase.settings import shared_dir

RANDOM_SEED = 20240501
PARAGRAPHS_PER_DOCUMENT = (8, 40)
PAGE_CHARS = 3000  # a new page starts at the first paragraph past this many characters
ROUNDS = 5
MAX_PARAGRAPH_CHARS = 1500

# Fictional organisations: Danish place-name elements combined.
PLACE_FIRST = ("Nord", "Syd", "Øster", "Vester", "Sø", "Skov", "Bakke", "Lund", "Holm", "Strand")
PLACE_LAST = ("by", "rup", "sted", "løse", "bjerg", "havn", "lev", "købing", "ager", "vig")
DOC_TYPES = ("politik", "strategi", "plan", "handleplan", "retningslinjer", "vision")

QUERIES = (
    "sundhed",
    "frivillige",
    "demens",
    "budget",
    "inklusion",
    "handicappolitik",
    "sundhedspolitikken",
    "informationssikkerhedspolitik",
    "digitaliseringsstrategi",
    "børne- og ungepolitik",
    "politik for handicappede",
    "strategi for energi",
    "hvordan får flere unge en uddannelse",
    "tilsyn med plejehjem og hjemmepleje",
    '"sund by i bevægelse"',
    '"vedtaget af kommunalbestyrelsen"',
    "ældre -demens",
)
MUNICIPALITY_FILTERED = ("sundhed", "frivillighedsstrategi", "politik for handicappede")
DOC_TYPE_FILTERED = ("sundhed", "uddannelse", "strategi for inklusion")


def seed_paragraphs(shared: Path) -> list[str]:
    """Paragraphs of the seed documents (blank-line blocks, long ones cut at lines)."""
    paragraphs: list[str] = []
    for path in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            block = block.strip()
            if not block:
                continue
            if len(block) <= MAX_PARAGRAPH_CHARS:
                paragraphs.append(block)
                continue
            paragraphs.extend(line.strip() for line in block.splitlines() if line.strip())
    return paragraphs


def organisations() -> list[str]:
    return [f"{first}{last} Kommune" for first in PLACE_FIRST for last in PLACE_LAST]


def generate_documents(paragraphs: list[str], rng: random.Random) -> Iterator[IndexDocument]:
    """Endless documents of recombined real paragraphs, with pages and filters."""
    names = organisations()
    number = 0
    while True:
        number += 1
        count = rng.randint(*PARAGRAPHS_PER_DOCUMENT)
        chosen = [rng.choice(paragraphs) for _ in range(count)]
        page_starts = [0]
        offset = 0
        parts: list[str] = []
        for paragraph in chosen:
            if offset - page_starts[-1] > PAGE_CHARS:
                page_starts.append(offset)
            parts.append(paragraph)
            offset += len(paragraph) + 2
        text = "\n\n".join(parts)
        first_line = chosen[0].splitlines()[0][:80]
        yield IndexDocument(
            record_id=f"bench-{number:07d}",
            title=first_line,
            text=text,
            municipality=rng.choice(names),
            doc_type=rng.choice(DOC_TYPES),
            page_starts=page_starts,
        )


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def build(folder: Path, passages: int) -> dict[str, Any]:
    rng = random.Random(RANDOM_SEED)
    paragraphs = seed_paragraphs(shared_dir())
    documents = generate_documents(paragraphs, rng)
    batch: list[IndexDocument] = []
    planned = 0
    while planned < passages:
        document = next(documents)
        planned += len(split_passages(document.text, document.page_starts))
        batch.append(document)
    characters = sum(len(document.text) for document in batch)
    started = time.perf_counter()
    index = SearchIndex(folder)
    for document in batch:
        index.add(document)
    index.commit()
    index.close()
    seconds = time.perf_counter() - started
    return {
        "documents": len(batch),
        "passages": index.count_passages(),
        "characters": characters,
        "build_seconds": round(seconds, 2),
        "passages_per_second": round(index.count_passages() / seconds),
        "characters_per_second": round(characters / seconds),
        "index_bytes": folder_bytes(folder),
        "index_mb": round(folder_bytes(folder) / 1e6, 1),
    }


def query_mix() -> list[tuple[str, dict[str, str]]]:
    municipality = organisations()[0]
    mix: list[tuple[str, dict[str, str]]] = [(query, {}) for query in QUERIES]
    mix += [(query, {"municipality": municipality}) for query in MUNICIPALITY_FILTERED]
    mix += [(query, {"doc_type": "strategi"}) for query in DOC_TYPE_FILTERED]
    return mix


def measure_searches(folder: Path) -> dict[str, Any]:
    index = SearchIndex(folder)
    mix = query_mix()
    for query, filters in mix:  # warm-up: open files, fill caches
        index.search(query, **filters)
    latencies: list[float] = []
    hits = 0
    for _ in range(ROUNDS):
        for query, filters in mix:
            started = time.perf_counter()
            results = index.search(query, **filters)
            latencies.append(time.perf_counter() - started)
            hits += len(results)
    percentiles = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "queries": len(mix),
        "searches": len(latencies),
        "mean_hits": round(hits / len(latencies), 1),
        "latency_ms_p50": round(1000 * statistics.median(latencies), 2),
        "latency_ms_p99": round(1000 * percentiles[98], 2),
        "latency_ms_max": round(1000 * max(latencies), 2),
    }


def main(passages: int = 100_000) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="politikbase-bench-search-"))
    try:
        result: dict[str, Any] = {"target_passages": passages}
        result.update(build(folder / "index", passages))
        result.update(measure_searches(folder / "index"))
        result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
