"""The runner of background ingest jobs (`politikbase.store.jobs`).

`politikbase serve` starts one runner process beside the web workers; `politikbase
jobs run` runs one in the foreground. A runner takes one job at a time, ingests its
files that are not done yet through the ordinary `Ingester` (so a job inherits its
crash safety: a runner killed at any point leaves the register whole, and the next
ingest brings the index in line and links what was filed), records each file's
outcome as it finishes, and renews its hold on the job while it works. When the
service is killed, the job stays "running" under a runner that no longer exists;
the next runner takes it up and goes on from the first file not done.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import tempfile
import threading
from multiprocessing.process import BaseProcess
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from politikbase.index import IndexLocked
from politikbase.ingest import DEFAULT_LIMITS, FileOutcome, Ingester
from politikbase.limits import ParseLimits
from politikbase.processes import die_with_parent
from politikbase.service import Service
from politikbase.store.jobs import LEASE, Job, JobFile, this_runner

# How often a runner renews its hold on a job (well inside the lease).
HEARTBEAT_SECONDS = LEASE.total_seconds() / 6
# How often an idle runner looks for work.
POLL_SECONDS = 1.0


class JobCancelled(Exception):
    """Raised between two files of a job someone cancelled, to stop its ingest."""


class JobRunner:
    def __init__(
        self, service: Service, *, jobs: int = 1, limits: ParseLimits | None = DEFAULT_LIMITS,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        self.service = service
        self.queue = service.register.jobs
        self.jobs = jobs
        self.limits = limits
        self.poll_seconds = poll_seconds
        self.name = this_runner()

    def run(self, stop: threading.Event, *, until_idle: bool = False) -> int:
        """Run jobs until `stop` is set (or, with `until_idle`, until none is waiting);
        returns how many were run to the end."""
        finished = 0
        while not stop.is_set():
            job = self.queue.claim(self.name)
            if job is None:
                if until_idle:
                    break
                stop.wait(self.poll_seconds)
                continue
            if self.run_job(job):
                finished += 1
            else:
                stop.wait(self.poll_seconds)  # the index is busy: give its writer time
        return finished

    def run_job(self, job: Job) -> bool:
        """Ingest the job's files not done yet; True when the job came to its end."""
        beating = threading.Event()
        heart = threading.Thread(
            target=self._beat, args=(job.id, beating), daemon=True, name="job-heartbeat"
        )
        heart.start()
        try:
            with tempfile.TemporaryDirectory(prefix="politikbase-job-") as scratch:
                positions = self._inputs(job.files, Path(scratch))
                ingester = Ingester(self.service.register, self.service.index, self.limits)

                def record(outcome: FileOutcome) -> None:
                    position = positions.get(outcome.path)
                    if position is not None:
                        self.queue.file_done(
                            job.id, position, outcome.status, outcome.documents, outcome.error
                        )
                    if self.queue.is_cancelled(job.id):
                        raise JobCancelled(job.id)

                ingester.ingest(
                    [Path(path) for path in positions], jobs=self.jobs,
                    retry_failed=job.retry_failed, on_file=record,
                )
        except JobCancelled:
            # What was filed stays, and is linked now as at the end of any batch.
            Ingester(self.service.register, self.service.index, self.limits).ingest([])
            return True
        except IndexLocked:
            # Another process (a command-line ingest) is writing the index: the job
            # waits for it, not counted as a failed start.
            self.queue.release(job.id, self.name)
            return False
        except Exception as error:
            self.queue.finish(job.id, self.name, f"{type(error).__name__}: {error}")
            return True
        finally:
            beating.set()
            heart.join()
            # Let a command-line ingest write the index between jobs.
            self.service.index.close()
        self.queue.finish(job.id, self.name)
        return True

    def _inputs(self, files: list[JobFile], scratch: Path) -> dict[str, int]:
        """The paths to ingest for the files not done yet, with their positions.

        An upload is its original in the blob store, linked under its own name in
        `scratch` (the name tells the format).
        """
        positions: dict[str, int] = {}
        for item in files:
            if item.status is not None:
                continue
            if item.sha256 is not None:
                folder = scratch / str(item.position)
                folder.mkdir()
                path = folder / (Path(item.name).name or "upload")
                path.symlink_to(self.service.register.blobs.path_for(item.sha256))
            else:
                path = Path(item.path or "")
            positions.setdefault(str(path), item.position)
        return positions

    def _beat(self, job_id: str, done: threading.Event) -> None:
        while not done.wait(HEARTBEAT_SECONDS):
            try:
                self.queue.heartbeat(job_id, self.name)
            except SQLAlchemyError:
                continue  # the database was busy or away for a moment: try again soon


def _run_in_process(
    data_dir: str, database_url: str | None, jobs: int, parent_pid: int
) -> None:
    """The runner process's entry point."""
    die_with_parent(parent_pid)
    stop = threading.Event()

    def leave(*_args: object) -> None:
        # Stop at once: an unfinished job is taken up where it is by the next runner.
        os._exit(0)

    signal.signal(signal.SIGTERM, leave)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the service stops us with SIGTERM
    service = Service(Path(data_dir), database_url)
    JobRunner(service, jobs=jobs).run(stop)


def start_runner_process(
    data_dir: Path, database_url: str | None = None, jobs: int = 1
) -> BaseProcess:
    """A runner in a process of its own, which dies with the calling process."""
    context = multiprocessing.get_context("spawn")
    process = context.Process(
        target=_run_in_process, args=(str(data_dir), database_url, jobs, os.getpid()),
        name="politikbase-jobs", daemon=False,
    )
    process.start()
    return process


def stop_runner_process(process: BaseProcess, timeout: float = 10.0) -> None:
    if process.is_alive():
        process.terminate()
        process.join(timeout)
    if process.is_alive():
        process.kill()
        process.join()
