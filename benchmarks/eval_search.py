"""Retrieval quality of the search index on the dev queries, against the classic baseline.

Indexes the dev documents (title + text) with `politikbase.index.SearchIndex`, runs
the 30 dev queries (ten documents each) and scores the runs with the shared scorer's
`retrieval` (nDCG@10, recall@10, MRR). In the same run, the shared baseline script
`baseline_bm25.py` (BM25 with the classic Danish analyzer: lowercase, stop words,
Snowball, no compounds) is run on the same files and scored the same way. Per-query
nDCG of both shows where the analyzer wins and loses.

Usage: python benchmarks/eval_search.py   (prints JSON)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from devset import load_scorer, read_jsonl
from politikbase.index import IndexDocument, SearchIndex
from politikbase.settings import shared_dir

K = 10
METRICS = ("ndcg@10", "recall@10", "mrr")


def our_run(docs: list[dict[str, Any]], queries: list[dict[str, Any]]) -> dict[str, Any]:
    """Rankings of our index for every query, with indexing and search times."""
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        index = SearchIndex(Path(folder))
        for doc in docs:
            index.add(
                IndexDocument(
                    record_id=doc["id"],
                    title=doc.get("title") or "",
                    text=doc["text"],
                    municipality=doc.get("municipality"),
                )
            )
        index.commit()
        indexed = time.perf_counter() - started
        started = time.perf_counter()
        run = [
            {
                "qid": query["qid"],
                "ids": [
                    hit.record_id
                    for hit in index.understood_search(query["query"], limit=K, count=False)[1].hits
                ],
            }
            for query in queries
        ]
        searched = time.perf_counter() - started
        passages = index.count_passages()
        index.close()
    return {
        "run": run,
        "index_seconds": round(indexed, 3),
        "search_ms_per_query": round(1000 * searched / len(queries), 2),
        "passages": passages,
    }


def baseline_run(shared: Path) -> list[dict[str, Any]]:
    """The shared classic-analyzer baseline, run as its own script."""
    dev = shared / "eval" / "dev"
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "run.jsonl"
        subprocess.run(
            [
                sys.executable,
                str(shared / "eval" / "tools" / "baseline_bm25.py"),
                str(dev / "docs.jsonl"),
                str(dev / "queries.jsonl"),
                str(out),
            ],
            check=True,
            capture_output=True,
        )
        return read_jsonl(out)


def per_query(
    scorer: ModuleType,
    qrels: list[dict[str, Any]],
    queries: list[dict[str, Any]],
    ours: list[dict[str, Any]],
    baseline: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    rows = []
    for query in queries:
        qid = query["qid"]
        judged = [row for row in qrels if row["qid"] == qid]
        mine = scorer.retrieval(judged, [r for r in ours if r["qid"] == qid], K)["ndcg@10"]
        base = scorer.retrieval(judged, [r for r in baseline if r["qid"] == qid], K)["ndcg@10"]
        rows.append(
            {
                "qid": qid,
                "query": query["query"],
                "ndcg@10": mine,
                "baseline_ndcg@10": base,
                "difference": round(mine - base, 4),
            }
        )
    return rows


def main() -> dict[str, Any]:
    shared = shared_dir()
    dev = shared / "eval" / "dev"
    scorer = load_scorer(shared)
    docs = read_jsonl(dev / "docs.jsonl")
    queries = read_jsonl(dev / "queries.jsonl")
    qrels = read_jsonl(dev / "qrels.jsonl")

    ours = our_run(docs, queries)
    baseline = baseline_run(shared)
    our_scores = scorer.retrieval(qrels, ours["run"], K)
    base_scores = scorer.retrieval(qrels, baseline, K)
    rows = per_query(scorer, qrels, queries, ours["run"], baseline)
    result = {
        "documents": len(docs),
        "passages": ours["passages"],
        "queries": our_scores["queries"],
        "ours": {metric: our_scores[metric] for metric in METRICS},
        "baseline_classic_danish": {metric: base_scores[metric] for metric in METRICS},
        "difference": {
            metric: round(our_scores[metric] - base_scores[metric], 4) for metric in METRICS
        },
        "queries_won": sum(row["difference"] > 0 for row in rows),
        "queries_lost": sum(row["difference"] < 0 for row in rows),
        "index_seconds": ours["index_seconds"],
        "search_ms_per_query": ours["search_ms_per_query"],
        "per_query": rows,
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return result


if __name__ == "__main__":
    main()
