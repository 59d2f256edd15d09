"""`politikbase serve` run as a command, in a process group of its own, for the tests and
the fault benchmark that kill it."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from politikbase.web.server import free_port


class ServiceProcess:
    """`politikbase serve` in a process group of its own."""

    def __init__(self, data_dir: Path, database: str | None, *options: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [
            sys.executable, "-c", "from politikbase.cli import main; main()", "serve",
            "--data-dir", str(data_dir), "--port", str(self.port),
            *(["--database", database] if database else []), *options,
        ]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
            env={**os.environ, "PYTHONFAULTHANDLER": ""},
        )
        deadline = time.monotonic() + 60
        while True:
            assert self.process.poll() is None, self.process.stderr.read().decode()  # type: ignore[union-attr]
            try:
                if httpx.get(f"{self.base}/api/v1/jobs", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the service did not start"
            time.sleep(0.1)

    def job(self, job_id: str) -> dict[str, Any]:
        return httpx.get(f"{self.base}/api/v1/jobs/{job_id}", timeout=10).json()

    def kill_main_process(self) -> None:
        """SIGKILL to the service alone: its runner must not outlive it."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
