"""Ingesting a batch: good files are filed, bad ones are kept with a reason, nothing breaks."""

from __future__ import annotations

import gc
import os
import sqlite3
from pathlib import Path

import pytest

from conftest import build_docx, build_pdf
from politikbase.ingest import Ingester, default_jobs, reindex
from politikbase.service import Service
from politikbase.store.blobs import sha256_of

POLICY_PAGE = (
    "Frivillighedsstrategi for Fjordby Kommune\n"
    "Strategien er vedtaget af Kommunalbestyrelsen den 11. marts 2015.\n"
    "Frivillige foreninger er en vigtig del af lokalsamfundet."
)


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A folder with good files and every kind of bad input, in subfolders."""
    folder = tmp_path / "indbakke"
    (folder / "gode").mkdir(parents=True)
    (folder / "daarlige").mkdir()
    good_pdf = build_pdf([POLICY_PAGE, "Side to handler om frivillighed og foreninger."])
    (folder / "gode" / "frivillighed.pdf").write_bytes(good_pdf)
    (folder / "gode" / "kultur.docx").write_bytes(
        build_docx([("Title", "Kulturpolitik"), ("", "Kulturpolitikken gælder for Fjordby.")])
    )
    (folder / "gode" / "ansi.txt").write_bytes(
        "Ældrepolitik\n\nPolitikken sætter rammer for ældreplejen i Fjordby Kommune."
        .encode("cp1252")
    )
    (folder / "gode" / "scripts.html").write_text(
        "<html><head><title>Værdighedspolitik</title>"
        + "<script>var tracking = 'hemmelig-sporing';</script>" * 200
        + "<body><article><h1>Værdighedspolitik</h1>"
        "<p>Værdighedspolitikken beskriver, hvordan Fjordby Kommune sikrer en værdig ældrepleje "
        "for alle borgere, der modtager hjælp i eget hjem eller på plejecenter.</p>"
        "<p>Politikken er vedtaget af Byrådet og bygger på dialog med Ældrerådet.</p>"
        "</article><script>document.write('mere-sporing')</script></body></html>",
        encoding="utf-8",
    )
    (folder / "daarlige" / "tom.txt").write_bytes(b"")
    (folder / "daarlige" / "rod.pdf").write_bytes(bytes(range(256)) * 40)
    (folder / "daarlige" / "laast.pdf").write_bytes(build_pdf([POLICY_PAGE], password="hemmeligt"))
    (folder / "daarlige" / "afkortet.pdf").write_bytes(good_pdf[: len(good_pdf) // 3])
    return folder


def _ingest(data_dir: Path, *paths: Path, retry_failed: bool = False):
    service = Service(data_dir)
    summary = Ingester(service.register, service.index).ingest(
        list(paths), retry_failed=retry_failed
    )
    return service, summary


def test_batch_goes_on_past_bad_files(tmp_path: Path, batch: Path) -> None:
    _, summary = _ingest(tmp_path / "data", batch)
    by_name = {Path(o.path).name: o for o in summary.outcomes}
    assert len(by_name) == 8
    for name in ("frivillighed.pdf", "kultur.docx", "ansi.txt", "scripts.html"):
        assert by_name[name].status == "new", by_name[name]
    assert "empty" in (by_name["tom.txt"].error or "")
    assert "encrypted" in (by_name["laast.pdf"].error or "")
    assert by_name["rod.pdf"].status == "failed"
    assert by_name["rod.pdf"].error
    # A truncated PDF either yields what survives, with a warning, or fails with a reason.
    truncated = by_name["afkortet.pdf"]
    assert truncated.warnings if truncated.status == "new" else truncated.error


def test_every_original_is_kept_even_when_it_fails(tmp_path: Path, batch: Path) -> None:
    service, _ = _ingest(tmp_path / "data", batch)
    for path in batch.rglob("*"):
        if path.is_file():
            digest = sha256_of(path.read_bytes())
            assert service.register.original(digest) == path.read_bytes()
    failed = {source.name: source.error for source in service.register.sources("failed")}
    assert {"tom.txt", "rod.pdf", "laast.pdf"} <= set(failed)
    assert all(failed.values())


def test_text_of_good_files_is_right(tmp_path: Path, batch: Path) -> None:
    service, _ = _ingest(tmp_path / "data", batch)
    texts = {record.source_name: record.text for record in service.register.documents()}
    assert "ældreplejen" in texts["ansi.txt"]  # cp1252 decoded
    assert "sporing" not in texts["scripts.html"]
    assert "værdig ældrepleje" in texts["scripts.html"]
    assert "vedtaget af Kommunalbestyrelsen den 11. marts 2015" in texts["frivillighed.pdf"]


def test_register_is_sound_and_reingest_adds_nothing(tmp_path: Path, batch: Path) -> None:
    data_dir = tmp_path / "data"
    first_service, _ = _ingest(data_dir, batch)
    documents_before = first_service.register.count_documents()
    first_service.index.close()
    service, again = _ingest(data_dir, batch)
    assert {o.status for o in again.outcomes} == {"unchanged"}
    assert service.register.count_documents() == documents_before
    with sqlite3.connect(data_dir / "register.sqlite") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    originals = [p for p in (data_dir / "originals").rglob("*") if p.is_file()]
    assert len(originals) == 8


def test_failed_files_can_be_retried(tmp_path: Path, batch: Path) -> None:
    data_dir = tmp_path / "data"
    service, _ = _ingest(data_dir, batch / "daarlige" / "laast.pdf")
    service.index.close()
    service, retried = _ingest(data_dir, batch / "daarlige" / "laast.pdf", retry_failed=True)
    assert retried.outcomes[0].status == "failed"
    source = service.register.sources("failed")[0]
    assert source.attempts == 2


def test_search_finds_ingested_document_and_reindex_agrees(tmp_path: Path, batch: Path) -> None:
    service, _ = _ingest(tmp_path / "data", batch)
    hits = service.search("frivillige foreninger")
    assert hits and hits[0].source_name == "frivillighed.pdf"
    passages = service.index.count_passages()
    assert reindex(service.register, service.index) == service.register.count_documents()
    assert service.index.count_passages() == passages
    assert service.search("frivillige foreninger")[0].record_id == hits[0].record_id


def test_seed_documents_ingest_into_many_documents(tmp_path: Path, shared: Path) -> None:
    service, summary = _ingest(tmp_path / "data", shared / "corpus" / "seeds")
    assert summary.count("new") == 5
    kinds = [record.kind for record in service.register.documents()]
    assert kinds.count("entry") == 32
    assert kinds.count("related") == 199
    assert kinds.count("main") == 2
    hits = service.search("politik for handicappede", limit=3)
    assert any("andicappolitik" in hit.title for hit in hits)


def test_parallel_workers_give_the_same_register(tmp_path: Path, batch: Path) -> None:
    serial, serial_summary = _ingest(tmp_path / "serial", batch)
    parallel = Service(tmp_path / "parallel")
    summary = Ingester(parallel.register, parallel.index).ingest([batch], jobs=2)
    assert [(o.path, o.status, o.error) for o in summary.outcomes] == [
        (o.path, o.status, o.error) for o in serial_summary.outcomes
    ]

    def snapshot(service: Service) -> list[tuple[str, str, str]]:
        return sorted((r.id, r.title, r.text) for r in service.register.documents())

    assert snapshot(parallel) == snapshot(serial)


def test_small_batches_run_in_process_large_ones_in_workers() -> None:
    assert default_jobs(1) == 1
    assert default_jobs(19) == 1
    assert default_jobs(10_000) >= 1
    assert default_jobs(10_000) <= (os.cpu_count() or 1)


def test_the_collector_is_handed_back_after_a_batch(tmp_path: Path, batch: Path) -> None:
    service = Service(tmp_path / "data")
    ingester = Ingester(service.register, service.index)
    summary = ingester.ingest([batch])
    assert summary.failures  # the batch holds bad files: they end it no differently
    assert gc.get_freeze_count() == 0

    def interrupt(outcome: object) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingester.ingest([batch], retry_failed=True, on_file=interrupt)
    assert gc.get_freeze_count() == 0
