"""Background ingest jobs, kept in the register's database so they outlive the process.

A job is a list of files (uploaded originals, already kept in the blob store, or
paths on the server) and its state:

    queued -> running -> done | failed
    queued | running -> cancelled    (a running job stops after the file it is on)

A runner takes a job with a compare-and-set update, so two runners never take the
same one, and renews its heartbeat while it works. A running job whose heartbeat is
older than `LEASE` - or whose runner is a process of this machine that no longer
exists - is taken up again by the next runner, which skips the files already done.
A job taken up `MAX_STARTS` times without finishing a file in between is failed
rather than retried for ever.
"""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, case, func, select, update
from sqlalchemy.orm import sessionmaker

from politikbase.store.schema import IngestJobFileRow, IngestJobRow

QUEUED, RUNNING, DONE, FAILED, CANCELLED = "queued", "running", "done", "failed", "cancelled"
STATES = (QUEUED, RUNNING, DONE, FAILED, CANCELLED)
UPLOAD, PATHS = "upload", "paths"
# A runner renews its heartbeat far more often than this; a job silent for longer
# has lost its runner.
LEASE = timedelta(seconds=30)
MAX_STARTS = 3
FILE_STATUSES = ("new", "updated", "unchanged", "failed")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def this_runner() -> str:
    """How a runner names itself: the machine and the process."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _runner_is_gone(runner: str | None) -> bool:
    """True when the runner was a process of this machine that has ended."""
    if not runner:
        return True
    host, _, pid = runner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False  # another machine's: only its heartbeat can tell
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


@dataclass(slots=True)
class JobFile:
    position: int
    name: str
    sha256: str | None  # of an uploaded original
    path: str | None  # of a file on the server
    status: str | None = None  # None until done
    documents: int = 0
    error: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "sha256": self.sha256, "status": self.status,
            "documents": self.documents, "error": self.error,
        }


@dataclass(slots=True)
class Job:
    id: str
    state: str
    origin: str
    retry_failed: bool
    starts_without_progress: int
    error: str | None
    runner: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    heartbeat_at: datetime | None
    file_count: int
    counts: dict[str, int] = field(default_factory=dict)  # files done, by status
    files: list[JobFile] = field(default_factory=list)  # filled by `JobQueue.job`

    @property
    def files_done(self) -> int:
        return sum(self.counts.values())

    def as_json(self, with_files: bool = False) -> dict[str, Any]:
        def stamp(moment: datetime | None) -> str | None:
            return moment.isoformat() + "Z" if moment else None

        data: dict[str, Any] = {
            "id": self.id, "state": self.state, "origin": self.origin,
            "files": self.file_count, "files_done": self.files_done,
            "counts": {status: self.counts.get(status, 0) for status in FILE_STATUSES},
            "error": self.error,
            "created_at": stamp(self.created_at), "started_at": stamp(self.started_at),
            "finished_at": stamp(self.finished_at),
        }
        if with_files:
            data["file_list"] = [item.as_json() for item in self.files]
        return data


class JobQueue:
    def __init__(self, engine: Engine) -> None:
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    # -- adding ------------------------------------------------------------------------

    def add_uploads(self, files: list[tuple[str, str]], retry_failed: bool = False) -> Job:
        """A job for originals already kept: (file name, SHA-256) pairs."""
        return self._add(UPLOAD, [(name, sha256, None) for name, sha256 in files], retry_failed)

    def add_paths(self, paths: list[str], retry_failed: bool = False) -> Job:
        """A job for files on this machine, read when the job runs."""
        return self._add(
            PATHS, [(os.path.basename(path), None, path) for path in paths], retry_failed
        )

    def _add(
        self, origin: str, files: list[tuple[str, str | None, str | None]], retry_failed: bool
    ) -> Job:
        if not files:
            raise ValueError("a job needs at least one file")
        job_id = uuid.uuid4().hex
        with self._sessions.begin() as session:
            session.add(IngestJobRow(
                id=job_id, state=QUEUED, origin=origin, retry_failed=retry_failed,
                starts_without_progress=0, created_at=_now(),
            ))
            session.flush()
            session.add_all(
                IngestJobFileRow(
                    job_id=job_id, position=position, name=name, sha256=sha256, path=path,
                    documents=0,
                )
                for position, (name, sha256, path) in enumerate(files)
            )
        job = self.job(job_id)
        assert job is not None
        return job

    # -- reading -----------------------------------------------------------------------

    def job(self, job_id: str) -> Job | None:
        """A job with its files."""
        with self._sessions() as session:
            row = session.get(IngestJobRow, job_id)
            if row is None:
                return None
            files = [
                _job_file(file_row) for file_row in session.scalars(
                    select(IngestJobFileRow).where(IngestJobFileRow.job_id == job_id)
                    .order_by(IngestJobFileRow.position)
                )
            ]
        job = _job(row, len(files), {})
        job.files = files
        for item in files:
            if item.status:
                job.counts[item.status] = job.counts.get(item.status, 0) + 1
        return job

    def jobs(self, *, limit: int = 50, offset: int = 0, state: str | None = None) -> list[Job]:
        """Jobs, newest first, with their counts but not their files."""
        with self._sessions() as session:
            query = select(IngestJobRow).order_by(
                IngestJobRow.created_at.desc(), IngestJobRow.id
            )
            if state:
                query = query.where(IngestJobRow.state == state)
            rows = list(session.scalars(query.limit(limit).offset(offset)))
            ids = [row.id for row in rows]
            totals: dict[str, int] = {}
            counts: dict[str, dict[str, int]] = {job_id: {} for job_id in ids}
            if ids:
                tallies = session.execute(
                    select(IngestJobFileRow.job_id, IngestJobFileRow.status, func.count())
                    .where(IngestJobFileRow.job_id.in_(ids))
                    .group_by(IngestJobFileRow.job_id, IngestJobFileRow.status)
                )
                for job_id, status, count in tallies:
                    totals[job_id] = totals.get(job_id, 0) + count
                    if status:
                        counts[job_id][status] = count
        return [_job(row, totals.get(row.id, 0), counts[row.id]) for row in rows]

    def count(self, state: str | None = None) -> int:
        with self._sessions() as session:
            query = select(func.count()).select_from(IngestJobRow)
            if state:
                query = query.where(IngestJobRow.state == state)
            return int(session.scalar(query) or 0)

    # -- running -----------------------------------------------------------------------

    def claim(self, runner: str | None = None) -> Job | None:
        """Take the oldest job that is waiting or has lost its runner; None when none is.

        The update only succeeds while the job is still as it was read, so of two
        runners reaching for one job, one gets it.
        """
        runner = runner or this_runner()
        while True:
            candidate = self._claimable()
            if candidate is None:
                return None
            job_id, state, old_runner, old_heartbeat, starts = candidate
            if starts >= MAX_STARTS:
                self._give_up(job_id, state, old_heartbeat, starts)
                continue
            now = _now()
            with self._sessions.begin() as session:
                claimed = session.execute(
                    update(IngestJobRow)
                    .where(
                        IngestJobRow.id == job_id, IngestJobRow.state == state,
                        _same(IngestJobRow.runner, old_runner),
                        _same(IngestJobRow.heartbeat_at, old_heartbeat),
                    )
                    .values(
                        state=RUNNING, runner=runner, heartbeat_at=now,
                        starts_without_progress=IngestJobRow.starts_without_progress + 1,
                        started_at=func.coalesce(IngestJobRow.started_at, now),
                    )
                    .execution_options(synchronize_session=False)
                ).rowcount
            if claimed == 1:
                return self.job(job_id)

    def _claimable(self) -> tuple[str, str, str | None, datetime | None, int] | None:
        expired = _now() - LEASE
        with self._sessions() as session:
            rows = session.execute(
                select(
                    IngestJobRow.id, IngestJobRow.state, IngestJobRow.runner,
                    IngestJobRow.heartbeat_at, IngestJobRow.starts_without_progress,
                )
                .where(IngestJobRow.state.in_((QUEUED, RUNNING)))
                .order_by(IngestJobRow.created_at, IngestJobRow.id)
            ).all()
        for job_id, state, runner, heartbeat, starts in rows:
            if state == QUEUED:
                return job_id, state, runner, heartbeat, starts
            if heartbeat is None or heartbeat < expired or _runner_is_gone(runner):
                return job_id, state, runner, heartbeat, starts
        return None

    def _give_up(
        self, job_id: str, state: str, heartbeat: datetime | None, starts: int
    ) -> None:
        with self._sessions.begin() as session:
            session.execute(
                update(IngestJobRow)
                .where(
                    IngestJobRow.id == job_id, IngestJobRow.state == state,
                    _same(IngestJobRow.heartbeat_at, heartbeat),
                )
                .values(
                    state=FAILED, finished_at=_now(),
                    error=f"the job was started {starts} times without finishing a file; "
                          "its runner stopped each time",
                )
                .execution_options(synchronize_session=False)
            )

    def heartbeat(self, job_id: str, runner: str) -> bool:
        """Renew the runner's hold on the job; False when the job is no longer its own."""
        with self._sessions.begin() as session:
            renewed = session.execute(
                update(IngestJobRow)
                .where(
                    IngestJobRow.id == job_id, IngestJobRow.runner == runner,
                    IngestJobRow.state == RUNNING,
                )
                .values(heartbeat_at=_now())
                .execution_options(synchronize_session=False)
            ).rowcount
        return renewed == 1

    def release(self, job_id: str, runner: str) -> None:
        """Give a job back to the queue unfinished (its start is not held against it)."""
        with self._sessions.begin() as session:
            session.execute(
                update(IngestJobRow)
                .where(
                    IngestJobRow.id == job_id, IngestJobRow.runner == runner,
                    IngestJobRow.state == RUNNING,
                )
                .values(
                    state=QUEUED, runner=None, heartbeat_at=None,
                    starts_without_progress=case(
                        (IngestJobRow.starts_without_progress > 0,
                         IngestJobRow.starts_without_progress - 1),
                        else_=0,
                    ),
                )
                .execution_options(synchronize_session=False)
            )

    def cancel(self, job_id: str) -> Job | None:
        """Stop a job that has not ended: a waiting one is never started, a running one
        stops after the file it is on (its runner sees the state). None when no such job."""
        with self._sessions.begin() as session:
            session.execute(
                update(IngestJobRow)
                .where(IngestJobRow.id == job_id, IngestJobRow.state.in_((QUEUED, RUNNING)))
                .values(state=CANCELLED, finished_at=_now())
                .execution_options(synchronize_session=False)
            )
        return self.job(job_id)

    def is_cancelled(self, job_id: str) -> bool:
        with self._sessions() as session:
            return session.scalar(
                select(IngestJobRow.state).where(IngestJobRow.id == job_id)
            ) == CANCELLED

    def file_done(
        self, job_id: str, position: int, status: str, documents: int, error: str | None
    ) -> None:
        now = _now()
        with self._sessions.begin() as session:
            session.execute(
                update(IngestJobFileRow)
                .where(IngestJobFileRow.job_id == job_id, IngestJobFileRow.position == position)
                .values(status=status, documents=documents, error=error, finished_at=now)
                .execution_options(synchronize_session=False)
            )
            session.execute(
                update(IngestJobRow).where(IngestJobRow.id == job_id)
                .values(starts_without_progress=0, heartbeat_at=now)
                .execution_options(synchronize_session=False)
            )

    def finish(self, job_id: str, runner: str, error: str | None = None) -> None:
        """Mark the runner's job done, or failed with the reason."""
        with self._sessions.begin() as session:
            session.execute(
                update(IngestJobRow)
                .where(
                    IngestJobRow.id == job_id, IngestJobRow.runner == runner,
                    IngestJobRow.state == RUNNING,
                )
                .values(state=FAILED if error else DONE, error=error, finished_at=_now())
                .execution_options(synchronize_session=False)
            )


def _same(column: Any, value: Any) -> Any:
    return column.is_(None) if value is None else column == value


def _job_file(row: IngestJobFileRow) -> JobFile:
    return JobFile(
        position=row.position, name=row.name, sha256=row.sha256, path=row.path,
        status=row.status, documents=row.documents, error=row.error,
    )


def _job(row: IngestJobRow, file_count: int, counts: dict[str, int]) -> Job:
    return Job(
        id=row.id, state=row.state, origin=row.origin, retry_failed=row.retry_failed,
        starts_without_progress=row.starts_without_progress, error=row.error,
        runner=row.runner, created_at=row.created_at, started_at=row.started_at,
        finished_at=row.finished_at, heartbeat_at=row.heartbeat_at, file_count=file_count,
        counts=dict(counts),
    )
