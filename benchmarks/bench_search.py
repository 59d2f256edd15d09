"""Search at national scale: build rate, index size, query latency and memory.

Builds an index of at least PASSAGES passages from real Danish policy text: the
paragraphs of the seed documents, recombined into documents of fictional
organisations (generated here with a fixed random seed; nothing is stored). A
quarter of the policies come in two or three versions, and every document carries
an adoption year, a revision due date, a lifecycle and subject areas, so grouping
and facets have real work to do.

Then it times a fixed mix of 1,000 queries (single words, compounds, prepositional
phrases, quoted phrases, each alone, with filters and with facets) after one
warm-up round. For every query it also times tantivy alone on the same compiled
query (top 10 passages), so the cost of our layer - query analysis, grouping by
policy, snippets, facets - shows as a ratio. Everything runs in this one process on
one core (the writer uses one thread).

Usage: python benchmarks/bench_search.py [PASSAGES]   (prints JSON)
"""

from __future__ import annotations

import gc
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
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from politikbase.danish.subjects import SUBJECT_AREAS
from politikbase.index import IndexDocument, SearchIndex
from politikbase.index.models import DRAFT, IN_FORCE, REPLACED, SearchFilters
from politikbase.index.passages import split_passages
from politikbase.settings import shared_dir

RANDOM_SEED = 20240501
PARAGRAPHS_PER_DOCUMENT = (8, 40)
PAGE_CHARS = 3000  # a new page starts at the first paragraph past this many characters
MAX_PARAGRAPH_CHARS = 1500
QUERY_COUNT = 1000
AS_OF = date(2026, 6, 1)

# Fictional organisations: Danish place-name elements combined.
PLACE_FIRST = ("Nord", "Syd", "Øster", "Vester", "Sø", "Skov", "Bakke", "Lund", "Holm", "Strand")
PLACE_LAST = ("by", "rup", "sted", "løse", "bjerg", "havn", "lev", "købing", "ager", "vig")
DOC_TYPES = ("politik", "strategi", "plan", "handleplan", "retningslinjer", "vision")
SUBJECTS = tuple(area.slug for area in SUBJECT_AREAS)

WORDS = (
    "sundhed", "frivillige", "demens", "budget", "inklusion", "trivsel", "klima", "borgere",
    "forebyggelse", "uddannelse", "beskæftigelse", "bevægelse", "tilgængelighed", "ældre",
    "medarbejdere", "natur", "kultur", "unge", "familier", "digitalisering",
)
COMPOUNDS = (
    "handicappolitik", "sundhedspolitikken", "informationssikkerhedspolitik",
    "digitaliseringsstrategi", "frivillighedsstrategi", "ældrepolitik", "børnepolitikken",
    "klimaplan", "personalepolitik", "arbejdsmiljøpolitik",
)
PHRASES = (
    "børne- og ungepolitik", "politik for handicappede", "strategi for energi",
    "hvordan får flere unge en uddannelse", "tilsyn med plejehjem og hjemmepleje",
    '"sund by i bevægelse"', '"vedtaget af kommunalbestyrelsen"', "ældre -demens",
    "mental sundhed", "politik for frivillighed",
)
STATUSES = ("overdue", "current", "due_soon", "draft", "replaced")


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


def _document(
    number: int, paragraphs: list[str], rng: random.Random, organisation: str, policy: str
) -> IndexDocument:
    count = rng.randint(*PARAGRAPHS_PER_DOCUMENT)
    chosen = [rng.choice(paragraphs) for _ in range(count)]
    page_starts = [0]
    offset = 0
    for paragraph in chosen:
        if offset - page_starts[-1] > PAGE_CHARS:
            page_starts.append(offset)
        offset += len(paragraph) + 2
    year = rng.randint(2005, 2026)
    return IndexDocument(
        record_id=f"bench-{number:07d}",
        title=chosen[0].splitlines()[0][:80],
        text="\n\n".join(chosen),
        municipality=organisation,
        doc_type=rng.choice(DOC_TYPES),
        page_starts=page_starts,
        policy_id=policy,
        adopted_year=year,
        due_date=date(year, 12, 31) + timedelta(days=365 * rng.randint(2, 6)),
        subjects=rng.sample(SUBJECTS, rng.randint(1, 2)),
    )


def generate_documents(paragraphs: list[str], rng: random.Random) -> Iterator[IndexDocument]:
    """Endless policies of recombined real paragraphs; some in several versions."""
    names = organisations()
    number = 0
    while True:
        organisation = rng.choice(names)
        versions = rng.choice((1, 1, 1, 2, 3))
        policy = f"bench-{number + 1:07d}"
        for version in range(versions):
            number += 1
            document = _document(number, paragraphs, rng, organisation, policy)
            newest = version == versions - 1
            document.is_current = newest
            document.lifecycle = IN_FORCE if newest else REPLACED
            if newest and rng.random() < 0.05:
                document.lifecycle = DRAFT
            yield document


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def build(folder: Path, passages: int) -> tuple[SearchIndex, dict[str, Any]]:
    rng = random.Random(RANDOM_SEED)
    documents = generate_documents(seed_paragraphs(shared_dir()), rng)
    batch: list[IndexDocument] = []
    planned = 0
    while planned < passages:
        document = next(documents)
        planned += len(split_passages(document.text, document.page_starts))
        batch.append(document)
    characters = sum(len(document.text) for document in batch)
    raw_bytes = sum(len(document.text.encode("utf-8")) for document in batch)
    started = time.perf_counter()
    index = SearchIndex(folder)
    for document in batch:
        index.add(document)
    index.commit()
    index.close()
    seconds = time.perf_counter() - started
    size = folder_bytes(folder)
    return index, {
        "documents": len(batch),
        "passages": index.count_passages(),
        "characters": characters,
        "raw_text_mb": round(raw_bytes / 1e6, 1),
        "build_seconds": round(seconds, 1),
        "passages_per_second": round(index.count_passages() / seconds),
        "raw_mb_per_second": round(raw_bytes / 1e6 / seconds, 2),
        "index_bytes": size,
        "index_mb": round(size / 1e6, 1),
        "index_vs_raw_text": round(size / raw_bytes, 3),
        "build_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def query_mix(rng: random.Random) -> list[tuple[str, str, SearchFilters, bool]]:
    """(kind, query, filters, facets) for QUERY_COUNT queries: a fifth each of plain
    words, compounds, phrases, filtered and faceted searches."""
    names = organisations()
    texts = {"word": WORDS, "compound": COMPOUNDS, "phrase": PHRASES}
    mix: list[tuple[str, str, SearchFilters, bool]] = []
    for number in range(QUERY_COUNT):
        kind = ("word", "compound", "phrase", "filtered", "faceted")[number % 5]
        source = texts.get(kind) or rng.choice(list(texts.values()))
        query = rng.choice(source)
        filters = SearchFilters()
        if kind == "filtered":
            filters = rng.choice((
                SearchFilters(municipalities=(rng.choice(names),)),
                SearchFilters(doc_types=(rng.choice(DOC_TYPES),)),
                SearchFilters(subjects=(rng.choice(SUBJECTS),)),
                SearchFilters(statuses=(rng.choice(STATUSES),)),
                SearchFilters(adopted_from=rng.randint(2010, 2020)),
            ))
        mix.append((kind, query, filters, kind == "faceted"))
    return mix


def _percentiles(latencies: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "p50_ms": round(1000 * statistics.median(latencies), 2),
        "p99_ms": round(1000 * cuts[98], 2),
        "max_ms": round(1000 * max(latencies), 2),
    }


def measure_searches(folder: Path, texts: SearchIndex) -> dict[str, Any]:
    # The texts for snippets are held here as 100,000 Python objects, where the
    # service reads them from its register; frozen, the garbage collector does not
    # walk them on every search.
    gc.freeze()
    index = SearchIndex(folder, text_source=texts._texts)
    mix = query_mix(random.Random(RANDOM_SEED + 1))
    searcher = index.searcher()
    compiled = [
        index.compile(query, filters=filters, as_of=AS_OF, searcher=searcher)[1]
        for _, query, filters, _ in mix
    ]
    for (_, query, filters, facets), tantivy_query in zip(mix, compiled, strict=True):
        index.search_page(query, filters=filters, facets=facets, count=False, as_of=AS_OF)
        if tantivy_query is not None:
            searcher.search(tantivy_query, 10, count=False)
    ours: dict[str, list[float]] = {}
    raw: dict[str, list[float]] = {}
    hits = 0
    for (kind, query, filters, facets), tantivy_query in zip(mix, compiled, strict=True):
        started = time.perf_counter()
        page = index.search_page(query, filters=filters, facets=facets, count=False, as_of=AS_OF)
        ours.setdefault(kind, []).append(time.perf_counter() - started)
        hits += len(page.hits)
        if tantivy_query is not None:
            started = time.perf_counter()
            searcher.search(tantivy_query, 10, count=False)
            raw.setdefault(kind, []).append(time.perf_counter() - started)
    all_ours = [value for values in ours.values() for value in values]
    all_raw = [value for values in raw.values() for value in values]
    result: dict[str, Any] = {
        "queries": len(mix),
        "mean_hits": round(hits / len(mix), 1),
        "latency_ms_p50": _percentiles(all_ours)["p50_ms"],
        "latency_ms_p99": _percentiles(all_ours)["p99_ms"],
        "latency_ms_max": _percentiles(all_ours)["max_ms"],
        "raw_tantivy_ms_p50": _percentiles(all_raw)["p50_ms"],
        "raw_tantivy_ms_p99": _percentiles(all_raw)["p99_ms"],
        "ours_vs_raw_p50": round(statistics.median(all_ours) / statistics.median(all_raw), 1),
        "by_kind": {
            kind: {"ours": _percentiles(ours[kind]), "raw_tantivy": _percentiles(raw[kind])}
            for kind in ours
        },
    }
    return result


def main(passages: int = 1_000_000) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="politikbase-bench-search-"))
    try:
        result: dict[str, Any] = {"target_passages": passages}
        index, built = build(folder / "index", passages)
        result.update(built)
        result.update(measure_searches(folder / "index", index))
        result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
