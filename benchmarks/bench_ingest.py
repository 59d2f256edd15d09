"""Ingest throughput: the whole pipeline against raw pypdfium2 text extraction.

Builds a set of text-layer PDFs from the real seed documents (≥ 1,000 pages), then
times, in one run and alternating so machine noise hits both alike:
  raw      pypdfium2 text extraction of every page (the limit);
  pipeline `politikbase ingest` into a fresh data directory (extract, repair,
           segment, analyse, register, index), the pure stages in one worker
           process bounded in time and memory (`--jobs 1`) or in two (`--jobs 2`),
           filing and indexing in this process.
Reports medians over the repetitions, and the peak memory of this process.

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
from pathlib import Path

import pypdfium2

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import build_pdf_set
from politikbase.ingest import Ingester
from politikbase.service import Service


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
    elapsed = time.perf_counter() - started
    failed = summary.failures
    if failed:
        raise RuntimeError(f"benchmark files failed: {failed[:3]}")
    service.register.close()
    return elapsed


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
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:3]]
    print(json.dumps(main(*arguments), indent=2))
