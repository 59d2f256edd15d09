"""Running the portal: in the foreground (`politikbase serve`) or in a background thread
(for tests, screenshots and the load benchmark)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from politikbase.jobs import start_runner_process, stop_runner_process
from politikbase.store import Register
from politikbase.web.app import create_app

FACTORY = "politikbase.web.app:app_from_environment"
DATA_VARIABLE = "POLITIKBASE_DATA"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def serve(
    data_dir: Path, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1,
    ingest_jobs: int = 1, database_url: str | None = None,
) -> None:
    """Serve until interrupted; several workers each open the data directory read-mostly.

    With `ingest_jobs`, a job runner process (`politikbase.jobs`) ingests what is
    uploaded through the API, with that many worker processes of its own.
    """
    # Bring the schema up to date once, before workers and the runner open it at once.
    Register(data_dir, database_url).close()
    runner = start_runner_process(data_dir, database_url, ingest_jobs) if ingest_jobs else None
    try:
        if workers > 1:
            os.environ[DATA_VARIABLE] = str(data_dir)
            uvicorn.run(FACTORY, factory=True, host=host, port=port, workers=workers,
                        log_level="warning")
        else:
            uvicorn.run(create_app(data_dir, database_url), host=host, port=port,
                        log_level="warning")
    finally:
        if runner is not None:
            stop_runner_process(runner)


@contextmanager
def running_portal(data_dir: Path, host: str = "127.0.0.1", port: int | None = None,
                   database_url: str | None = None) -> Iterator[str]:
    """The portal served from a thread of this process; yields its base URL."""
    port = port or free_port(host)
    config = uvicorn.Config(create_app(data_dir, database_url), host=host, port=port,
                            log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the portal did not start")
        time.sleep(0.05)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
