"""Ingest throughput: the whole pipeline against raw pypdfium2 text extraction.

Builds a set of text-layer PDFs from the real seed documents (≥ 1,000 pages), then
times, in one run and alternating so machine noise hits both alike:
  raw      pypdfium2 text extraction of every page (the limit);
  pipeline `politikbase ingest` into a fresh data directory (extract, repair,
           segment, analyse, register, index), the pure stages in one worker
           process bounded in time and memory (`--jobs 1`) or in two (`--jobs 2`),
           filing and indexing in this process.
Reports medians over the repetitions, and the peak memory of this process.

Then, once, where the time goes: the same files ingested in this process (no
workers), cold, with a timer on each stage; seconds per 1,000 pages.

Usage: python benchmarks/bench_ingest.py [PAGES] [REPETITIONS]
"""

from __future__ import annotations

import json
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import pypdfium2

sys.path.insert(0, str(Path(__file__).resolve().parent))

import politikbase.ingest as ingest_module
import politikbase.pipeline as pipeline_module
from bench_extract import build_pdf_set
from politikbase.index import SearchIndex
from politikbase.ingest import Ingester
from politikbase.service import Service
from politikbase.store import Register

# (module or class, attribute, stage): the calls each stage of an ingest makes.
STAGES: list[tuple[Any, str, str]] = [
    (pipeline_module, "extract_bytes", "extract"),
    (pipeline_module, "repair", "repair"),
    (pipeline_module, "_segments", "segment"),
    (pipeline_module, "analyse_document", "analyse"),
    (pipeline_module, "signature_bytes", "signature"),
    (pipeline_module, "prepare_document", "index analysis"),
    (Register, "keep_original", "keep original"),
    (Register, "file_documents", "file in register"),
    (SearchIndex, "add", "index add"),
    (SearchIndex, "commit", "index commit"),
    (ingest_module, "link_register", "link"),
    (ingest_module, "sync_links", "sync links"),
]


def raw_extraction(paths: list[Path]) -> int:
    pages = 0
    for path in paths:
        document = pypdfium2.PdfDocument(path)
        try:
            for page in document:
                textpage = page.get_textpage()
                textpage.get_text_bounded()
                textpage.close()
                page.close()
                pages += 1
        finally:
            document.close()
    return pages


def pipeline_ingest(paths: list[Path], data_dir: Path, jobs: int) -> float:
    """Seconds for the whole ingest of the files into a fresh data directory."""
    service = Service(data_dir)
    started = time.perf_counter()
    summary = Ingester(service.register, service.index).ingest(paths, jobs=jobs)
    # The index merges its segments in threads of its own; the ingest is over, and
    # the next measurement may start, once they are done.
    service.index.close()
    elapsed = time.perf_counter() - started
    failed = summary.failures
    if failed:
        raise RuntimeError(f"benchmark files failed: {failed[:3]}")
    service.register.close()
    return elapsed


@contextmanager
def _timed_stages() -> Iterator[dict[str, float]]:
    """Seconds spent in each stage while the block runs (nested calls count once)."""
    seconds: dict[str, float] = dict.fromkeys([stage for _, _, stage in STAGES], 0.0)
    active: list[str] = []

    def timed(function: Callable[..., Any], stage: str) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            if active:  # inside another timed stage: that one counts the time
                return function(*args, **kwargs)
            active.append(stage)
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[stage] += time.perf_counter() - started
                active.pop()
        return run

    with ExitStack() as patches:
        for owner, name, stage in STAGES:
            patches.enter_context(
                mock.patch.object(owner, name, timed(getattr(owner, name), stage))
            )
        yield seconds


def stage_split(paths: list[Path], data_dir: Path, pages: int) -> dict[str, float]:
    """Seconds per 1,000 pages of each stage, one cold ingest in this process."""
    service = Service(data_dir)
    with _timed_stages() as seconds:
        started = time.perf_counter()
        Ingester(service.register, service.index, limits=None).ingest(paths, jobs=1)
        service.index.close()
        total = time.perf_counter() - started
    service.register.close()
    split = {stage: round(1000 * value / pages, 3) for stage, value in seconds.items()}
    split["other"] = round(1000 * (total - sum(seconds.values())) / pages, 3)
    split["total"] = round(1000 * total / pages, 3)
    return split


def main(pages: int = 1000, repetitions: int = 3) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix="politikbase-bench-ingest-"))
    try:
        paths = build_pdf_set(work / "pdfs", pages)
        page_count = raw_extraction(paths)
        raw_times: list[float] = []
        pipeline_times: dict[int, list[float]] = {1: [], 2: []}
        for repetition in range(repetitions):
            started = time.perf_counter()
            raw_extraction(paths)
            raw_times.append(time.perf_counter() - started)
            for jobs, times in pipeline_times.items():
                times.append(pipeline_ingest(paths, work / f"data-{repetition}-{jobs}", jobs))
        raw_rate = page_count / statistics.median(raw_times)
        serial_rate = page_count / statistics.median(pipeline_times[1])
        parallel_rate = page_count / statistics.median(pipeline_times[2])
        split = stage_split(paths, work / "data-stages", page_count)
        return {
            "files": len(paths),
            "pages": page_count,
            "repetitions": repetitions,
            "raw_pypdfium2_pages_per_s": round(raw_rate, 1),
            "pipeline_pages_per_s": round(serial_rate, 1),
            "pipeline_vs_raw": round(serial_rate / raw_rate, 3),
            "pipeline_jobs2_pages_per_s": round(parallel_rate, 1),
            "pipeline_jobs2_vs_raw": round(parallel_rate / raw_rate, 3),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "raw_seconds_per_1000_pages": round(1000 / raw_rate, 3),
            "stage_seconds_per_1000_pages": split,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:3]]
    print(json.dumps(main(*arguments), indent=2))
