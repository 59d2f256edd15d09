"""Ingest through a Dask cluster with 1, 2 and 4 worker processes: files/s, pages/s and
scaling efficiency (speedup over one worker, divided by the workers).

Two sets: text-layer PDFs of full pages of the seed documents (bench_extract's set)
and image-only scanned PDFs (bench_ocr's scanner look, 300 dpi), one page a file,
which Tesseract reads. For each cluster size a fresh `LocalCluster` on loopback
(one thread per worker process) is started and every worker is warmed up (imports,
the lexicon) before timing. The workers' CPU seconds (Tesseract included) are
counted too: pages per worker CPU-second is what a core does when it is not shared,
and is less disturbed by other work on the machine than wall time. The CPU of the
filing process is counted apart: it is the one part that does not spread. What is
timed is the whole `Ingester.ingest`: the files' bytes travel to the workers, which extract,
repair, OCR and analyse; the calling process files each result in the register
(SQLite here) and the index, in order.

On a machine with 2 cores, 4 workers oversubscribe the CPU: they show the cost of
running more processes than cores, not more speed. Efficiency is speedup / workers,
so it falls to about 0.5 at 4 workers on 2 cores even when nothing is lost.

Usage: python benchmarks/bench_cluster.py [TEXT_PAGES] [SCANNED_PAGES]
"""

from __future__ import annotations

import json
import logging
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from distributed import Client, LocalCluster

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import PAGES_PER_FILE, build_pdf_set
from bench_ocr import scan_pages, scanned_pdf
from politikbase.ingest import Ingester
from politikbase.pipeline import process_source
from politikbase.service import Service

WORKER_COUNTS = (1, 2, 4)
WARM_UP_TEXT = "Kulturpolitik for Fjordby Kommune\n\nPolitikken er vedtaget af Byrådet."


def build_scanned_set(out_dir: Path, pages: int) -> list[Path]:
    """One scanned page a file, each page different text (so no file repeats another)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, text in enumerate(scan_pages(pages), start=1):
        path = out_dir / f"scan-{number:03d}.pdf"
        path.write_bytes(scanned_pdf([text]))
        paths.append(path)
    return paths


def _cpu_seconds_reader() -> Callable[[], float]:
    # Built here so it travels to the workers by value (this folder is not on their path).
    def cpu_seconds() -> float:
        own = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)  # Tesseract
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    return cpu_seconds


def _workers_cpu_seconds(client: Client) -> float:
    return sum(client.run(_cpu_seconds_reader()).values())


def _own_cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def _ingest(
    client: Client, workers: int, paths: list[Path], work: Path
) -> tuple[float, float, float]:
    """Wall seconds of the ingest, the CPU seconds its workers spent, and the CPU
    seconds of this process (reading, sending, filing and indexing)."""
    service = Service(work)
    ingester = Ingester(service.register, service.index)
    cpu_before, own_before = _workers_cpu_seconds(client), _own_cpu_seconds()
    started = time.perf_counter()
    summary = ingester.ingest(paths, jobs=workers, executor=client.get_executor(pure=False))
    seconds = time.perf_counter() - started
    own = _own_cpu_seconds() - own_before
    cpu = _workers_cpu_seconds(client) - cpu_before
    if summary.failures or summary.count("new") != len(paths):
        raise RuntimeError(f"ingest through the cluster failed: {summary.failures[:3]}")
    service.register.engine.dispose()
    return seconds, cpu, own


def main(text_pages: int = 1000, scanned_pages: int = 8, repetitions: int = 1) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="politikbase-cluster-"))
    sets = {
        "text": (build_pdf_set(folder / "text", text_pages), text_pages),
        "scanned": (build_scanned_set(folder / "scanned", scanned_pages), scanned_pages),
    }
    measured: dict[str, dict[str, dict[str, float]]] = {kind: {} for kind in sets}
    for workers in WORKER_COUNTS:
        with LocalCluster(
            n_workers=workers, processes=True, threads_per_worker=1, host="127.0.0.1",
            dashboard_address=None, silence_logs=logging.ERROR,
        ) as cluster, Client(cluster) as client:
            client.run(process_source, WARM_UP_TEXT.encode(), "opvarmning.txt")
            for kind, (paths, pages) in sets.items():
                runs = [
                    _ingest(client, workers, paths, folder / f"data-{kind}-{workers}-{r}")
                    for r in range(repetitions)
                ]
                seconds = statistics.median(run[0] for run in runs)
                cpu = statistics.median(run[1] for run in runs)
                filing = statistics.median(run[2] for run in runs)
                measured[kind][str(workers)] = {
                    "seconds": round(seconds, 2),
                    "worker_cpu_seconds": round(cpu, 2),
                    "pages_per_worker_cpu_second": round(pages / cpu, 2),
                    "filing_cpu_seconds": round(filing, 2),
                    "pages_per_filing_cpu_second": round(pages / filing, 2),
                    "files_per_second": round(len(paths) / seconds, 2),
                    "pages_per_second": round(pages / seconds, 2),
                }
    for runs in measured.values():
        single = runs["1"]["seconds"]
        for workers, run in runs.items():
            speedup = single / run["seconds"]
            run["speedup"] = round(speedup, 2)
            run["efficiency"] = round(speedup / int(workers), 2)
    return {
        "text_pages": text_pages, "text_files": len(sets["text"][0]),
        "pages_per_text_file": PAGES_PER_FILE,
        "scanned_pages": scanned_pages, "scanned_files": len(sets["scanned"][0]),
        "repetitions": repetitions, "cores": len(os.sched_getaffinity(0)), **measured,
    }


if __name__ == "__main__":
    arguments = [int(value) for value in sys.argv[1:3]]
    print(json.dumps(main(*arguments), indent=2))
