"""Background ingest: files uploaded to the API or queued from the command line are
ingested by the runner of `serve`, and a service killed half-way through a job
finishes it after a restart, as if it had never stopped."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from politikbase.check import check_register
from politikbase.cli import app
from politikbase.index import IndexDocument, SearchIndex
from politikbase.ingest import Ingester
from politikbase.jobs import JobRunner
from politikbase.service import INDEX_DIR, Service
from politikbase.store.jobs import CANCELLED, DONE, RUNNING
from politikbase.web import create_app
from politikbase.web.api_jobs import TOKEN_VARIABLE
from service_process import ServiceProcess

BACKENDS_CHOSEN_HERE = True
LOCAL = ("127.0.0.1", 40000)
REMOTE = ("203.0.113.7", 40000)


@pytest.fixture
def inbox(sample_files: list, shared: Path) -> list[Path]:
    """The sample corpus and the real seeds: files of every format, some damaged."""
    return [Path(sample.path) for sample in sample_files] + sorted(
        (shared / "corpus" / "seeds").glob("*.txt")
    )


def _uploads(paths: list[Path]) -> list[tuple[str, tuple[str, bytes]]]:
    return [("files", (path.name, path.read_bytes())) for path in paths]


def _filed(service: Service) -> dict[str, tuple[str, str | None]]:
    return {record.id: (record.title, record.policy_id) for record in service.register.documents()}


def _reference(paths: list[Path], data_dir: Path) -> Service:
    reference = Service(data_dir)
    Ingester(reference.register, reference.index).ingest(paths)
    return reference


def test_uploaded_files_are_ingested_by_the_runner(inbox: list[Path], tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with TestClient(create_app(data_dir), client=LOCAL) as client:
        answer = client.post("/api/v1/jobs", files=_uploads(inbox))
        assert answer.status_code == 202, answer.text
        job = answer.json()
        assert answer.headers["location"] == f"/api/v1/jobs/{job['id']}"
        assert job["state"] == "queued" and job["files"] == len(inbox)
        # Kept before the answer: every upload is an original already.
        service = Service(data_dir)
        assert all(item["sha256"] in service.register.blobs for item in job["file_list"])

        assert JobRunner(service).run(threading.Event(), until_idle=True) == 1

        done = client.get(job["url"]).json()
        assert done["state"] == DONE and done["files_done"] == len(inbox)
        assert [item["name"] for item in done["file_list"]] == [path.name for path in inbox]
        assert done["counts"]["new"] >= len(inbox) - done["counts"]["failed"] - 1
        listed = client.get("/api/v1/jobs", params={"state": "done"}).json()
        assert [item["id"] for item in listed["items"]] == [job["id"]]
        found = client.get("/api/v1/search", params={"q": "handicappolitik"}).json()
        assert found["results"]

    reference = _reference(inbox, tmp_path / "reference")
    assert _filed(service) == _filed(reference)
    assert check_register(service.register, service.index).ok


def test_adding_jobs_is_for_this_machine_or_the_token_holder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [("files", ("politik.txt", b"Politik for kultur\n\nVi vil mere kultur."))]
    with TestClient(create_app(tmp_path / "data"), client=REMOTE) as remote:
        refused = remote.post("/api/v1/jobs", files=files)
        assert refused.status_code == 403 and TOKEN_VARIABLE in refused.json()["detail"]
        assert remote.get("/api/v1/jobs").status_code == 200  # reading stays open
        monkeypatch.setenv(TOKEN_VARIABLE, "hemmelig-noegle-42")
        assert remote.post("/api/v1/jobs", files=files).status_code == 401
        wrong = {"Authorization": "Bearer forkert"}
        assert remote.post("/api/v1/jobs", files=files, headers=wrong).status_code == 401
        right = {"Authorization": "Bearer hemmelig-noegle-42"}
        assert remote.post("/api/v1/jobs", files=files, headers=right).status_code == 202
        assert remote.get("/api/v1/jobs/ukendt").status_code == 404


def test_jobs_from_the_command_line(inbox: list[Path], tmp_path: Path) -> None:
    data_dir = str(tmp_path / "data")
    runner = CliRunner()
    queued = runner.invoke(
        app, ["jobs", "add", str(inbox[0].parent), "--data-dir", data_dir, "--json"],
        catch_exceptions=False,
    )
    assert queued.exit_code == 0, queued.output
    job = json.loads(queued.stdout)
    assert job["files"] == len(list(inbox[0].parent.iterdir()))
    ran = runner.invoke(app, ["jobs", "run", "--until-idle", "--data-dir", data_dir],
                        catch_exceptions=False)
    assert ran.exit_code == 0 and "1 jobs run" in ran.stdout
    shown = runner.invoke(app, ["jobs", "show", job["id"], "--data-dir", data_dir, "--json"])
    detail = json.loads(shown.stdout)
    assert detail["state"] == DONE
    assert all(item["status"] in {"new", "failed"} for item in detail["file_list"])
    listed = runner.invoke(app, ["jobs", "list", "--data-dir", data_dir])
    assert job["id"] in listed.stdout and "done" in listed.stdout


# -- a service killed in the middle of a job ---------------------------------------------


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie has ended too; only its parent (gone) could reap it.
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return stat.read().split(") ")[-1][0] != "Z"


def test_a_job_cut_off_by_a_killed_service_is_finished_after_the_restart(
    inbox: list[Path], tmp_path: Path, database: str | None
) -> None:
    data_dir = tmp_path / "data"
    first = ServiceProcess(data_dir, database)
    try:
        answer = httpx.post(f"{first.base}/api/v1/jobs", files=_uploads(inbox), timeout=60)
        assert answer.status_code == 202, answer.text
        job_id = answer.json()["id"]
        deadline = time.monotonic() + 120
        while (seen := first.job(job_id))["files_done"] == 0:
            assert time.monotonic() < deadline, seen
            time.sleep(0.02)
        first.kill_main_process()
    finally:
        first.stop()
    assert seen["state"] == RUNNING and seen["files_done"] < len(inbox), seen

    service = Service(data_dir, database)
    cut_off = service.register.jobs.job(job_id)
    assert cut_off is not None and cut_off.state == RUNNING and cut_off.runner
    runner_pid = int(cut_off.runner.rpartition(":")[2])
    deadline = time.monotonic() + 10
    while _alive(runner_pid):
        assert time.monotonic() < deadline, "the runner outlived the killed service"
        time.sleep(0.05)

    second = ServiceProcess(data_dir, database)
    try:
        deadline = time.monotonic() + 180
        while (finished := second.job(job_id))["state"] != DONE:
            assert finished["state"] == RUNNING, finished
            assert time.monotonic() < deadline, finished
            time.sleep(0.1)
        found = httpx.get(f"{second.base}/api/v1/search", params={"q": "frivillighed"},
                          timeout=10).json()
    finally:
        second.stop()

    assert finished["files_done"] == len(inbox)
    assert all(item["status"] for item in finished["file_list"])
    reference = _reference(inbox, tmp_path / "reference")
    assert _filed(service) == _filed(reference)
    sources = service.register.sources()
    assert {(s.sha256, s.status, s.document_count) for s in sources} == {
        (s.sha256, s.status, s.document_count) for s in reference.register.sources()
    }
    report = check_register(service.register, service.index)
    assert report.ok, report.as_json()
    assert found["results"]


def test_web_workers_share_one_register_and_one_index_with_the_runner(
    inbox: list[Path], tmp_path: Path, database: str | None
) -> None:
    service = ServiceProcess(tmp_path / "data", database, "--workers", "2")
    try:
        job_id = httpx.post(f"{service.base}/api/v1/jobs", files=_uploads(inbox[:6]),
                            timeout=60).json()["id"]
        deadline = time.monotonic() + 120
        while (job := service.job(job_id))["state"] != DONE:
            assert job["state"] in {"queued", RUNNING} and time.monotonic() < deadline, job
            time.sleep(0.1)
        # Each request may go to either worker; every one must see what the runner filed.
        with httpx.Client(base_url=service.base, timeout=10) as client:
            totals = {
                client.get("/api/v1/policies").json()["total"] for _ in range(20)
            }
            titles = {
                tuple(hit["title"] for hit in client.get(
                    "/api/v1/search", params={"q": "politik"}).json()["results"])
                for _ in range(20)
            }
    finally:
        service.stop()
    assert len(totals) == 1 and totals.pop() > 0
    assert len(titles) == 1 and titles.pop()


def test_a_job_waits_while_another_process_writes_the_index(
    inbox: list[Path], tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    service = Service(data_dir)
    job = service.register.jobs.add_paths([str(path) for path in inbox[:2]])
    # A command-line ingest elsewhere holds the index's writer.
    other = SearchIndex(data_dir / INDEX_DIR)
    other.add(IndexDocument(record_id="anden", title="Anden skrivning", text="Politik."))
    stop = threading.Event()
    runner = JobRunner(service, poll_seconds=0.1)
    worker = threading.Thread(target=runner.run, args=(stop,), kwargs={"until_idle": True})
    worker.start()
    try:
        time.sleep(1.5)
        waiting = service.register.jobs.job(job.id)
        assert waiting is not None and waiting.state in {"queued", RUNNING}
        assert waiting.starts_without_progress <= 1 and waiting.error is None
        other.close()  # the other writer is done
        worker.join(60)
        assert not worker.is_alive()
    finally:
        stop.set()
        worker.join()
    done = service.register.jobs.job(job.id)
    assert done is not None and done.state == DONE and done.files_done == 2


def test_a_cancelled_job_stops_after_its_current_file_and_keeps_what_it_filed(
    inbox: list[Path], tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    service = Service(data_dir)
    queued = service.register.jobs.add_paths([str(path) for path in inbox[:4]])
    runner = JobRunner(service)
    job = service.register.jobs.claim(runner.name)
    assert job is not None
    with TestClient(create_app(data_dir), client=REMOTE) as remote:
        assert remote.post(f"/api/v1/jobs/{job.id}/cancel").status_code == 403
    with TestClient(create_app(data_dir), client=LOCAL) as local:
        answer = local.post(f"/api/v1/jobs/{job.id}/cancel")
        assert answer.status_code == 200 and answer.json()["state"] == CANCELLED
        assert local.post("/api/v1/jobs/findes-ikke/cancel").status_code == 404

    assert runner.run_job(job)
    stopped = service.register.jobs.job(queued.id)
    assert stopped is not None and stopped.state == CANCELLED
    assert stopped.files_done == 1  # the file it was on, and no more
    filed = stopped.files[0]
    assert filed.status == "new"
    assert service.register.count_documents() == filed.documents
    assert check_register(service.register, service.index).ok
