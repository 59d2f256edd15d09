"""Faults: what SIGKILL costs an ingest and a running service, and what hostile files cost.

1. `politikbase ingest` killed with SIGKILL. Each trial starts from an empty data
   directory, runs the command over the sample corpus and the seed documents, kills
   it at a random moment (seeded) within the time a clean run takes, and runs it again
   to the end. A trial is whole when the register holds the same documents (ids,
   titles, text hashes, policies) and sources as a run never killed, `check` finds
   the index in line with it, and no linking is left pending. Timed: the finishing
   run against a clean run of the same files. On SQLite, and on PostgreSQL when the
   test server is reachable.
2. `politikbase serve` killed with SIGKILL during a background job (uploaded through
   the API), once the job has finished its first file; then started again. Timed:
   from the restart to the end of the job, against an uninterrupted job; checked:
   the register equals the reference and every file of the job has its outcome.
3. Hostile files, each ingested alone (with two good files after it) under the
   service's default limits: the outcome, the reason given, the seconds to it, and
   that the good files were filed.

Usage: python benchmarks/bench_faults.py [KILL_TRIALS] [RESTART_TRIALS]   (prints JSON)
"""

from __future__ import annotations

import hashlib
import os
import random
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "samples"))

import httpx  # noqa: E402
from build_samples import build_samples  # noqa: E402

from hostile_files import (  # noqa: E402
    MEGABYTE,
    docx_bomb,
    pdf_decompression_bomb,
    pdf_with_cycles,
)
from politikbase.check import check_register  # noqa: E402
from politikbase.ingest import DEFAULT_LIMITS, LINKING_PENDING_FILE, Ingester  # noqa: E402
from politikbase.service import Service  # noqa: E402
from politikbase.settings import shared_dir  # noqa: E402
from service_process import ServiceProcess  # noqa: E402

SEED = 20261123
POSTGRESQL = os.environ.get(
    "POLITIKBASE_TEST_POSTGRESQL", "postgresql+psycopg://root@/test?host=/var/run/postgresql"
)


def _command(paths: list[Path], data_dir: Path, database: str | None) -> list[str]:
    return [
        sys.executable, "-c", "from politikbase.cli import main; main()", "ingest",
        *map(str, paths), "--data-dir", str(data_dir),
        *(["--database", database] if database else []),
    ]


def _state(service: Service) -> tuple[dict[str, tuple[str, str, str | None]], set[tuple]]:
    documents = {
        record.id: (record.title, hashlib.sha256(record.text.encode()).hexdigest(),
                    record.policy_id)
        for record in service.register.documents()
    }
    sources = {(s.sha256, s.status, s.document_count) for s in service.register.sources()}
    return documents, sources


def _whole(service: Service, reference: tuple[dict, set]) -> bool:
    documents = service.register.documents()
    no_duplicates = len(documents) == len({(r.source_sha256, r.ordinal) for r in documents})
    report = check_register(service.register, service.index)
    pending = (service.index.path / LINKING_PENDING_FILE).exists()
    return no_duplicates and report.ok and not pending and _state(service) == reference


class Schemas:
    """An empty PostgreSQL schema per trial (None when no server answers)."""

    def __init__(self) -> None:
        from sqlalchemy import create_engine, text

        from politikbase.store.register import database_url

        self.url = database_url(Path("."), POSTGRESQL)
        self.engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        self.made: list[str] = []

    def fresh(self) -> str:
        from sqlalchemy import text

        name = f"bench_faults_{os.getpid()}_{len(self.made)}"
        with self.engine.connect() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
            connection.execute(text(f"CREATE SCHEMA {name}"))
        self.made.append(name)
        return f"{self.url}&options=-csearch_path%3D{name}"

    def drop(self) -> None:
        from sqlalchemy import text

        with self.engine.connect() as connection:
            for name in self.made:
                connection.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
        self.engine.dispose()


def _postgresql() -> Schemas | None:
    try:
        return Schemas()
    except Exception:  # no server here: the PostgreSQL rows are left out
        return None


def kill_during_ingest(
    paths: list[Path], reference: tuple[dict, set], work: Path, trials: int,
    database: Schemas | None,
) -> dict[str, Any]:
    chooser = random.Random(SEED)
    clean_times = []
    for number in range(3):
        url = database.fresh() if database else None
        started = time.perf_counter()
        subprocess.run(_command(paths, work / f"clean-{number}", url), check=True,
                       capture_output=True)
        clean_times.append(time.perf_counter() - started)
    clean = statistics.median(clean_times)
    whole = killed = 0
    finishing_times = []
    for number in range(trials):
        data_dir = work / f"trial-{number}"
        url = database.fresh() if database else None
        process = subprocess.Popen(_command(paths, data_dir, url), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        delay = chooser.uniform(0.2, clean)
        try:
            process.wait(delay)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            killed += 1
        started = time.perf_counter()
        subprocess.run(_command(paths, data_dir, url), check=True, capture_output=True)
        finishing_times.append(time.perf_counter() - started)
        service = Service(data_dir, url)
        whole += _whole(service, reference)
        service.register.close()
    return {
        "trials": trials, "killed_mid_run": killed, "whole_afterwards": whole,
        "clean_run_s": round(clean, 2),
        "finishing_run_median_s": round(statistics.median(finishing_times), 2),
        "finishing_vs_clean": round(statistics.median(finishing_times) / clean, 2),
    }


def _upload(base: str, paths: list[Path]) -> str:
    files = [("files", (path.name, path.read_bytes())) for path in paths]
    answer = httpx.post(f"{base}/api/v1/jobs", files=files, timeout=120)
    answer.raise_for_status()
    return str(answer.json()["id"])


def _wait_done(service: ServiceProcess, job_id: str, timeout: float = 600) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while (job := service.job(job_id))["state"] not in {"done", "failed"}:
        if time.monotonic() > deadline:
            raise RuntimeError(f"job {job_id} did not end: {job}")
        time.sleep(0.05)
    return job


def restart_during_job(
    paths: list[Path], reference: tuple[dict, set], work: Path, trials: int,
    database: Schemas | None,
) -> dict[str, Any]:
    uninterrupted = []
    for number in range(2):
        url = database.fresh() if database else None
        service = ServiceProcess(work / f"serve-clean-{number}", url)
        try:
            started = time.perf_counter()
            _wait_done(service, _upload(service.base, paths))
            uninterrupted.append(time.perf_counter() - started)
        finally:
            service.stop()
    whole = cut_off = 0
    after_restart: list[float] = []
    start_times: list[float] = []
    for number in range(trials):
        data_dir = work / f"serve-trial-{number}"
        url = database.fresh() if database else None
        first = ServiceProcess(data_dir, url)
        try:
            job_id = _upload(first.base, paths)
            while first.job(job_id)["files_done"] == 0:
                time.sleep(0.02)
            first.kill_main_process()
        finally:
            first.stop()
        seen = Service(data_dir, url)
        job = seen.register.jobs.job(job_id)
        cut_off += job is not None and job.state == "running" and job.files_done < len(paths)
        seen.register.close()
        started = time.perf_counter()
        second = ServiceProcess(data_dir, url)
        try:
            ready = time.perf_counter()
            finished = _wait_done(second, job_id)
            after_restart.append(time.perf_counter() - started)
            start_times.append(ready - started)
        finally:
            second.stop()
        service = Service(data_dir, url)
        complete = finished["state"] == "done" and finished["files_done"] == len(paths)
        whole += complete and _whole(service, reference)
        service.register.close()
    return {
        "trials": trials, "cut_off_mid_job": cut_off, "whole_afterwards": whole,
        "uninterrupted_job_s": round(statistics.median(uninterrupted), 2),
        "restart_to_done_median_s": round(statistics.median(after_restart), 2),
        "of_which_service_start_s": round(statistics.median(start_times), 2),
    }


def hostile(work: Path, seeds: Path) -> dict[str, Any]:
    files = {
        "pdf_bomb_8gb.pdf": pdf_decompression_bomb(8192),
        "pdf_cycles.pdf": pdf_with_cycles(),
        "docx_bomb_1gb.docx": docx_bomb(1024),
        "docx_bomb_480mb.docx": docx_bomb(480),
        "single_line_50mb.txt": ("politik " * (50 * MEGABYTE // 8)).encode(),
        "junk.pdf": random.Random(SEED).randbytes(200_000),
    }
    good = sorted(seeds.glob("*.txt"))[:2]
    results: dict[str, Any] = {"limits": {"memory": DEFAULT_LIMITS.memory_text(),
                                          "seconds": DEFAULT_LIMITS.seconds}}
    for name, data in files.items():
        folder = work / f"hostile-{name}"
        folder.mkdir(parents=True)
        (folder / f"0-{name}").write_bytes(data)
        for path in good:
            (folder / f"1-{path.name}").write_bytes(path.read_bytes())
        service = Service(work / f"hostile-data-{name}")
        times: dict[str, float] = {}
        started = time.perf_counter()

        def seen(outcome: Any, times: dict[str, float] = times, started: float = started) -> None:
            times[Path(outcome.path).name] = time.perf_counter() - started

        summary = Ingester(service.register, service.index, DEFAULT_LIMITS).ingest(
            [folder], on_file=seen)
        outcomes = {Path(o.path).name: o for o in summary.outcomes}
        mine = outcomes[f"0-{name}"]
        results[name] = {
            "bytes": len(data), "status": mine.status, "documents": mine.documents,
            "reason": (mine.error or "")[:120], "seconds": round(times[f"0-{name}"], 2),
            "good_files_filed": sum(outcomes[f"1-{p.name}"].status == "new" for p in good),
        }
        service.register.close()
    results["worker_peak_rss_mb"] = round(
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
    )
    return results


def main(kill_trials: int = 10, restart_trials: int = 3) -> dict[str, Any]:
    seeds = shared_dir() / "corpus" / "seeds"
    with tempfile.TemporaryDirectory(prefix="bench-faults-") as scratch:
        work = Path(scratch)
        samples = build_samples(work / "samples")
        paths = [Path(samples[0].path).parent, seeds]
        files = [p for folder in paths for p in sorted(folder.iterdir()) if p.is_file()]
        reference_service = Service(work / "reference")
        Ingester(reference_service.register, reference_service.index).ingest(paths)
        reference = _state(reference_service)
        result: dict[str, Any] = {
            "files": len(files), "documents": len(reference[0]),
            "kill_ingest": {"sqlite": kill_during_ingest(paths, reference, work / "k-sqlite",
                                                         kill_trials, None)},
            "kill_serve": {"sqlite": restart_during_job(files, reference, work / "r-sqlite",
                                                        restart_trials, None)},
        }
        schemas = _postgresql()
        if schemas is not None:
            try:
                result["kill_ingest"]["postgresql"] = kill_during_ingest(
                    paths, reference, work / "k-pg", kill_trials, schemas)
                result["kill_serve"]["postgresql"] = restart_during_job(
                    files, reference, work / "r-pg", restart_trials, schemas)
            finally:
                schemas.drop()
        result["hostile"] = hostile(work / "hostile", seeds)
    return result


if __name__ == "__main__":
    import json

    arguments = [int(value) for value in sys.argv[1:3]]
    print(json.dumps(main(*arguments), indent=2))
