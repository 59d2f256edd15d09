"""An ingest killed with SIGKILL at random moments is finished by the next run.

The sample corpus and the seeds are ingested by the command in a subprocess that is
killed again and again (seeded delays, so a failure can be replayed), then once to
the end. The register must hold every source once and every document once, `check`
must find the index in line with it, and search and linking must give what an
ingest that was never interrupted gives.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from politikbase.check import check_register
from politikbase.ingest import LINKING_PENDING_FILE, Ingester
from politikbase.service import Service

KILLS = 9
SEED = 20241123
QUERIES = ("politik", "klima", "ældre", "udbud", "børn og unge", "handicap")


def _ingest_command(paths: list[Path], data_dir: Path, database: str | None) -> list[str]:
    code = "from politikbase.cli import main; main()"
    return [
        sys.executable, "-c", code, "ingest", *map(str, paths), "--data-dir", str(data_dir),
        *(["--database", database] if database else []),
    ]


def _run_and_kill(command: list[str], delay: float) -> bool:
    """Run the command and kill it after `delay` seconds; True when it was killed."""
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONFAULTHANDLER": ""},
    )
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        if process.poll() is not None:
            assert process.returncode == 0, process.stderr.read().decode() if process.stderr else ""
            return False
        time.sleep(0.02)
    # Only the ingest: its workers see their pipe close and leave.
    process.send_signal(signal.SIGKILL)
    process.wait()
    return True


def _documents(service: Service) -> dict[str, tuple[str, str, str | None]]:
    return {
        record.id: (
            record.title, hashlib.sha256(record.text.encode()).hexdigest(), record.policy_id
        )
        for record in service.register.documents()
    }


def _found(service: Service, query: str) -> set[str]:
    return {result.record_id for result in service.search(query, limit=500)}


def test_an_ingest_killed_many_times_ends_as_one_never_killed(
    sample_files: list, shared: Path, tmp_path: Path, database: str | None
) -> None:
    paths = [Path(sample_files[0].path).parent, shared / "corpus" / "seeds"]
    reference = Service(tmp_path / "reference")
    Ingester(reference.register, reference.index).ingest(paths)

    data_dir = tmp_path / "killed"
    command = _ingest_command(paths, data_dir, database)
    chooser = random.Random(SEED)
    kills = 0
    for _ in range(KILLS):
        kills += _run_and_kill(command, chooser.uniform(0.4, 3.2))
    assert kills >= KILLS // 2  # most runs were really cut short
    finished = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr

    service = Service(data_dir, database)
    documents = service.register.documents()
    assert len(documents) == len({record.id for record in documents})
    contents = [(record.source_sha256, record.ordinal) for record in documents]
    assert len(contents) == len(set(contents))
    assert _documents(service) == _documents(reference)

    sources = service.register.sources()
    assert len(sources) == len({source.sha256 for source in sources})
    assert {(s.sha256, s.status, s.document_count) for s in sources} == {
        (s.sha256, s.status, s.document_count) for s in reference.register.sources()
    }

    report = check_register(service.register, service.index)
    assert report.ok, report.as_json()
    assert report.passages == check_register(reference.register, reference.index).passages
    assert not (service.index.path / LINKING_PENDING_FILE).exists()
    for query in QUERIES:
        assert _found(service, query) == _found(reference, query), query
