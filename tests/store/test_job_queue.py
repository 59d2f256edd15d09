"""The queue of background ingest jobs: one runner per job, and jobs whose runner died
are taken up again."""

from __future__ import annotations

import socket
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from politikbase.store import Register
from politikbase.store.jobs import (
    CANCELLED,
    DONE,
    FAILED,
    LEASE,
    MAX_STARTS,
    QUEUED,
    RUNNING,
    JobQueue,
)
from politikbase.store.schema import IngestJobRow


@pytest.fixture
def register(tmp_path: Path) -> Register:
    return Register(tmp_path / "data")


def _ended_process_runner() -> str:
    """The name a runner on this machine had, whose process has ended."""
    process = subprocess.Popen(["true"])
    process.wait()
    return f"{socket.gethostname()}:{process.pid}"


def _age_heartbeat(register: Register, job_id: str, by: timedelta) -> None:
    job = register.jobs.job(job_id)
    assert job is not None and job.heartbeat_at is not None
    with register.engine.begin() as connection:
        connection.execute(
            update(IngestJobRow).where(IngestJobRow.id == job_id)
            .values(heartbeat_at=job.heartbeat_at - by)
        )


def test_a_job_keeps_its_files_in_order_and_starts_queued(register: Register) -> None:
    job = register.jobs.add_uploads([("plan.pdf", "a" * 64), ("politik.docx", "b" * 64)])
    assert job.state == QUEUED
    assert [(f.position, f.name, f.sha256, f.status) for f in job.files] == [
        (0, "plan.pdf", "a" * 64, None), (1, "politik.docx", "b" * 64, None),
    ]
    assert register.jobs.jobs()[0].file_count == 2
    assert register.jobs.count(QUEUED) == 1
    with pytest.raises(ValueError):
        register.jobs.add_paths([])


def test_one_runner_gets_a_job_and_others_find_none(register: Register) -> None:
    first = register.jobs.add_paths(["/srv/a.pdf"])
    second = register.jobs.add_paths(["/srv/b.pdf"])
    claimed = register.jobs.claim("host-a:1")
    assert claimed is not None and claimed.id == first.id and claimed.state == RUNNING
    also = register.jobs.claim("host-b:1")
    assert also is not None and also.id == second.id
    assert register.jobs.claim("host-c:1") is None


def test_a_second_queue_over_the_same_database_cannot_take_a_claimed_job(
    register: Register,
) -> None:
    job = register.jobs.add_paths(["/srv/a.pdf"])
    other = JobQueue(register.engine)
    assert other.claim("host-a:1") is not None
    assert register.jobs.claim("host-b:1") is None
    assert register.jobs.job(job.id).runner == "host-a:1"  # type: ignore[union-attr]


def test_a_job_whose_heartbeat_stopped_is_taken_up_again(register: Register) -> None:
    job = register.jobs.add_paths(["/srv/a.pdf", "/srv/b.pdf"])
    assert register.jobs.claim("elsewhere:1") is not None
    register.jobs.file_done(job.id, 0, "new", 3, None)
    assert register.jobs.claim("here:2") is None  # its runner is alive, as far as we know
    _age_heartbeat(register, job.id, LEASE + timedelta(seconds=1))
    again = register.jobs.claim("here:2")
    assert again is not None and again.id == job.id and again.runner == "here:2"
    assert [f.status for f in again.files] == ["new", None]
    assert again.counts == {"new": 1}


def test_a_job_of_a_runner_process_that_ended_here_is_taken_up_at_once(
    register: Register,
) -> None:
    job = register.jobs.add_paths(["/srv/a.pdf"])
    assert register.jobs.claim(_ended_process_runner()) is not None
    again = register.jobs.claim()
    assert again is not None and again.id == job.id


def test_a_job_that_stops_its_runner_every_time_is_failed(register: Register) -> None:
    job = register.jobs.add_paths(["/srv/a.pdf"])
    for _ in range(MAX_STARTS):
        assert register.jobs.claim(_ended_process_runner()) is not None
    assert register.jobs.claim() is None
    failed = register.jobs.job(job.id)
    assert failed is not None and failed.state == FAILED
    assert "started 3 times" in (failed.error or "")


def test_restarts_of_a_job_that_makes_progress_are_not_held_against_it(
    register: Register,
) -> None:
    job = register.jobs.add_paths([f"/srv/{n}.pdf" for n in range(MAX_STARTS + 2)])
    for position in range(MAX_STARTS + 1):
        claimed = register.jobs.claim(_ended_process_runner())
        assert claimed is not None and claimed.id == job.id
        register.jobs.file_done(job.id, position, "new", 1, None)
    assert register.jobs.claim() is not None


def test_released_and_finished_jobs(register: Register) -> None:
    job = register.jobs.add_paths(["/srv/a.pdf"])
    assert register.jobs.claim("here:1") is not None
    register.jobs.release(job.id, "here:1")
    released = register.jobs.job(job.id)
    assert released is not None and released.state == QUEUED
    assert released.starts_without_progress == 0
    assert register.jobs.claim("here:1") is not None
    register.jobs.finish(job.id, "someone-else:1")  # not its runner: no change
    assert register.jobs.job(job.id).state == RUNNING  # type: ignore[union-attr]
    register.jobs.finish(job.id, "here:1")
    finished = register.jobs.job(job.id)
    assert finished is not None and finished.state == DONE and finished.finished_at
    assert not register.jobs.heartbeat(job.id, "here:1")
    assert register.jobs.claim() is None


def test_a_cancelled_job_is_not_started_nor_finished_over(register: Register) -> None:
    waiting = register.jobs.add_paths(["/srv/a.pdf"])
    cancelled = register.jobs.cancel(waiting.id)
    assert cancelled is not None and cancelled.state == CANCELLED and cancelled.finished_at
    assert register.jobs.claim("here:1") is None

    running = register.jobs.add_paths(["/srv/b.pdf"])
    assert register.jobs.claim("here:1") is not None
    register.jobs.cancel(running.id)
    assert register.jobs.is_cancelled(running.id)
    register.jobs.finish(running.id, "here:1")
    register.jobs.release(running.id, "here:1")
    assert register.jobs.job(running.id).state == CANCELLED  # type: ignore[union-attr]

    done = register.jobs.add_paths(["/srv/c.pdf"])
    assert register.jobs.claim("here:1") is not None
    register.jobs.finish(done.id, "here:1")
    assert register.jobs.cancel(done.id).state == DONE  # type: ignore[union-attr]
    assert register.jobs.cancel("findes-ikke") is None
