"""Ingesting through a Dask cluster: worker processes on loopback do the pure stages,
the calling process files; a worker killed mid-task costs nothing."""

from __future__ import annotations

import json
import logging
import os
import signal
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from hostile_files import docx_bomb
from politikbase import ingest as ingest_module
from politikbase.check import check_register
from politikbase.cli import app
from politikbase.ingest import FileOutcome, Ingester
from politikbase.limits import LimitExceeded, ParseLimits, limited_call
from politikbase.service import Service
from test_hostile_input import TEST_LIMITS

WORKERS = 3


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with LocalCluster(
        n_workers=WORKERS, processes=True, threads_per_worker=1, host="127.0.0.1",
        dashboard_address=None, silence_logs=logging.ERROR,
    ) as cluster, Client(cluster) as connected:
        yield connected


@pytest.fixture
def sample_folder(sample_files: list, tmp_path: Path) -> Path:
    """The sample corpus in a folder of its own (the built files, linked)."""
    folder = tmp_path / "indbakke"
    folder.mkdir()
    for item in sample_files:
        (folder / Path(item.path).name).symlink_to(Path(item.path).resolve())
    return folder


class SlowExecutor(Executor):
    """Every task sleeps first, so the test can kill a worker while tasks run."""

    def __init__(self, inner: Executor, seconds: float) -> None:
        self.inner = inner
        self.seconds = seconds

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        return self.inner.submit(_slowly(self.seconds), fn, *args, **kwargs)


def _slowly(seconds: float) -> Callable[..., Any]:
    # Built here, so the function travels to the workers by value (the test module
    # is not importable there).
    def call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        time.sleep(seconds)
        return fn(*args, **kwargs)

    return call


def _filed(summary_outcomes: list[FileOutcome]) -> dict[str, tuple[str, str | None, int]]:
    return {
        Path(o.path).name: (o.status, o.sha256, o.documents) for o in summary_outcomes
    }


@pytest.mark.parametrize("sent_as", ["bytes", "paths"])
def test_cluster_files_what_the_calling_process_files(
    client: Client, sample_folder: Path, tmp_path: Path, sent_as: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if sent_as == "paths":
        monkeypatch.setattr(ingest_module, "MAX_SENT_BYTES", 0)
    here = Service(tmp_path / "here")
    expected = Ingester(here.register, here.index).ingest([sample_folder])
    there = Service(tmp_path / "there")
    summary = Ingester(there.register, there.index).ingest(
        [sample_folder], jobs=WORKERS, executor=client.get_executor(pure=False)
    )
    assert summary.count("new") >= 10
    assert _filed(summary.outcomes) == _filed(expected.outcomes)
    assert [o.path for o in summary.outcomes] == [o.path for o in expected.outcomes]
    ids = sorted(r.id for r in there.register.iter_documents())
    assert ids == sorted(r.id for r in here.register.iter_documents())
    assert check_register(there.register, there.index).ok
    found = there.search("politik", limit=5)
    assert found and found == here.search("politik", limit=5)


def test_a_killed_worker_loses_nothing(
    client: Client, sample_folder: Path, tmp_path: Path, postgresql_url: str
) -> None:
    service = Service(tmp_path / "data", postgresql_url)
    pids_before = client.run(os.getpid)
    killed: list[int] = []

    def kill_a_busy_worker(outcome: FileOutcome) -> None:
        if killed:
            return
        busy = [address for address, keys in client.processing().items() if keys]
        assert busy, "no task was running when the test meant to kill a worker"
        pid = pids_before[busy[0]]
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    executor = SlowExecutor(client.get_executor(pure=False), seconds=0.4)
    summary = Ingester(service.register, service.index).ingest(
        [sample_folder], jobs=WORKERS, executor=executor, on_file=kill_a_busy_worker
    )
    assert killed
    names = sorted(p.name for p in sample_folder.iterdir())
    assert sorted(Path(o.path).name for o in summary.outcomes) == names
    assert not summary.failures, summary.failures
    assert summary.count("new") == len(names)
    # Each file filed once: its documents are in the register once, nothing doubled.
    filed = sum(o.documents for o in summary.outcomes)
    assert service.register.count_documents() == filed
    report = check_register(service.register, service.index)
    assert report.ok, report.as_json()
    assert report.indexed == filed
    # The nanny started a fresh process in the killed one's place.
    client.wait_for_workers(WORKERS, timeout=30)
    assert killed[0] not in client.run(os.getpid).values()


def test_command_ingests_through_the_cluster(
    client: Client, sample_folder: Path, tmp_path: Path, postgresql_url: str
) -> None:
    address = client.scheduler.address
    assert address is not None
    data_dir = str(tmp_path / "data")
    result = CliRunner().invoke(
        app,
        ["ingest", str(sample_folder), "--cluster", address, "--data-dir", data_dir,
         "--database", postgresql_url, "--json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    outcomes = json.loads(result.stdout)
    assert len(outcomes) == len(list(sample_folder.iterdir()))
    assert {o["status"] for o in outcomes} <= {"new", "failed"}
    assert sum(o["status"] == "new" for o in outcomes) >= 10
    service = Service(Path(data_dir), postgresql_url)
    assert service.register.count_documents() == sum(o["documents"] for o in outcomes)



def test_a_hostile_file_costs_its_task_not_the_cluster_worker(
    client: Client, sample_folder: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "blandet"
    folder.mkdir()
    (folder / "bombe.docx").write_bytes(docx_bomb())
    good = sorted(p.name for p in sample_folder.iterdir())[:3]
    for name in good:
        (folder / name).symlink_to((sample_folder / name).resolve())
    pids_before = client.run(os.getpid)
    service = Service(tmp_path / "data")
    summary = Ingester(service.register, service.index, TEST_LIMITS).ingest(
        [folder], jobs=WORKERS, executor=client.get_executor(pure=False)
    )
    outcomes = {Path(o.path).name: o for o in summary.outcomes}
    assert outcomes["bombe.docx"].status == "failed"
    assert "384 MB" in (outcomes["bombe.docx"].error or "")
    assert all(outcomes[name].status == "new" for name in good)
    assert client.run(os.getpid) == pids_before  # no cluster worker was lost


def test_a_task_that_hangs_is_stopped_in_its_cluster_worker(client: Client) -> None:
    started = time.monotonic()
    hanging = client.submit(limited_call, ParseLimits(seconds=1), time.sleep, 60, pure=False)
    with pytest.raises(LimitExceeded, match="longer than 1 s"):
        hanging.result(timeout=30)
    assert time.monotonic() - started < 20
    after = client.submit(limited_call, ParseLimits(seconds=5), sum, [1, 2, 3], pure=False)
    assert after.result(timeout=30) == 6
