"""Backup and restore: the whole register as one archive, and back, byte for byte."""

from __future__ import annotations

import json
import struct
import threading
import zipfile
from dataclasses import asdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from politikbase.backup import (
    FORMAT_VERSION,
    ArchiveError,
    TargetNotEmpty,
    open_backup,
    restore_data_dir,
    write_backup,
)
from politikbase.check import check_register
from politikbase.cli import app
from politikbase.ingest import Ingester, reindex
from politikbase.jobs import JobRunner
from politikbase.service import Service
from politikbase.store import Register

QUERIES = ("handicappolitik", "frivillige foreninger", "klima", "kulturpolitik", "idræt")
CORRECTED_TITLE = "Kulturpolitik for Fjordby 2024-2028"


@pytest.fixture(scope="module")
def original(
    sample_files: list, tmp_path_factory: pytest.TempPathFactory, register_backend: str
) -> Service:
    """The sample corpus ingested, with corrections of one document."""
    service = Service(tmp_path_factory.mktemp("original") / "data")
    Ingester(service.register, service.index).ingest([sample.path for sample in sample_files])
    [culture] = [
        r for r in service.register.documents()
        if r.source_name == "kulturpolitik-2023-2026.html"
    ]
    service.correct(culture.id, "title", CORRECTED_TITLE, author="redaktør", note="referat")
    service.correct(culture.id, "law_refs", ["Folkeoplysningsloven"], author="redaktør")
    # A record with an external id: its corrections are keyed by that id.
    service.correct("fjordby-idraetspolitik", "adopted_date", "2020-03-17", author="redaktør")
    return service


@pytest.fixture(scope="module")
def archive(original: Service, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("archive") / "politikbase.zip"
    write_backup(original.register, path)
    return path


@pytest.fixture(scope="module")
def restored(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Service:
    target = tmp_path_factory.mktemp("restored") / "data"
    restore_data_dir(archive, target)
    return Service(target)


def test_every_document_comes_back_the_same(original: Service, restored: Service) -> None:
    documents = original.register.documents()
    assert len(documents) == len(restored.register.documents()) > 20
    for record in documents:
        again = restored.register.document(record.id)
        assert again is not None
        # Public id, title, facts with corrections, text, versions and relations.
        assert restored.show_json(again) == original.show_json(record)
        assert again.text_signature == record.text_signature
        assert again.repair_log == record.repair_log
    corrected = {r.public_id: r for r in documents if r.corrections}
    assert len(corrected) == 2
    assert restored.register.document("fjordby-idraetspolitik").fact("adopted_date") == (
        "2020-03-17"
    )
    assert CORRECTED_TITLE in {r.title for r in corrected.values()}
    assert any(original.register.relations(r.id) for r in documents)


def test_originals_and_sources_come_back_byte_for_byte(
    original: Service, restored: Service
) -> None:
    sources = original.register.sources()
    assert [asdict(s) for s in restored.register.sources()] == [asdict(s) for s in sources]
    for source in sources:
        assert restored.register.original(source.sha256) == original.register.original(
            source.sha256
        )


def test_searches_give_the_same_results(original: Service, restored: Service) -> None:
    def results(service: Service, query: str) -> list[tuple[float, str, str, list[str]]]:
        # Equal scores may come in either order: the index's segments differ.
        found = service.search_page(query, limit=10).results
        return sorted((-round(r.score, 4), r.id, r.title, r.other_versions) for r in found)

    def found(service: Service, query: str) -> set[tuple[str, str, tuple[str, ...]]]:
        return {
            (r.id, r.title, tuple(r.other_versions))
            for r in service.search_page(query, limit=10).results
        }

    for query in QUERIES:
        assert found(restored, query) == found(original, query), query
    # Scores count passages deleted but not yet merged away, so they depend on the
    # index's history; an index rebuilt from the original register has the restored
    # one's history.
    reindex(original.register, original.index)
    for query in QUERIES:
        before = results(original, query)
        assert before, query
        assert results(restored, query) == before
    [found] = restored.search("Kulturpolitik for Fjordby", limit=1)
    assert found.title == CORRECTED_TITLE


def test_restored_register_passes_the_check(restored: Service) -> None:
    report = check_register(restored.register, restored.index)
    assert report.ok, report.as_json()
    assert report.documents == report.indexed


def test_manifest_names_every_member_with_its_checksum(
    archive: Path, original: Service
) -> None:
    with open_backup(archive) as reader:
        manifest = reader.manifest
        names = set(reader.archive.namelist())
    assert manifest["format_version"] == FORMAT_VERSION
    assert set(manifest["members"]) | {"manifest.json"} == names
    assert manifest["tables"]["documents"]["rows"] == original.register.count_documents()
    assert manifest["tables"]["corrections"]["rows"] == 3
    assert manifest["originals"]["count"] == len(original.register.sources())
    tables = {
        "sources", "documents", "corrections", "relations", "ingest_jobs", "ingest_job_files"
    }
    assert set(manifest["tables"]) == tables
    with zipfile.ZipFile(archive) as opened:
        first = opened.read("tables/documents.jsonl").split(b"\n", 1)[0]
    row = json.loads(first)
    assert {"id", "text", "facts", "text_signature", "created_at"} <= set(row)


def test_a_non_empty_target_is_refused_without_force(
    archive: Path, tmp_path: Path
) -> None:
    target = tmp_path / "data"
    target.mkdir()
    (target / "notes.txt").write_text("egne noter", encoding="utf-8")
    with pytest.raises(TargetNotEmpty):
        restore_data_dir(archive, target)
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_force_replaces_the_register_and_keeps_other_files(
    archive: Path, original: Service, tmp_path: Path
) -> None:
    target = tmp_path / "data"
    Register(target).close()  # an empty register of its own
    (target / "notes.txt").write_text("egne noter", encoding="utf-8")
    restore_data_dir(archive, target, force=True)
    assert (target / "notes.txt").read_text(encoding="utf-8") == "egne noter"
    assert Register(target).count_documents() == original.register.count_documents()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


# -- damaged archives -------------------------------------------------------------


def _rewrite(
    source: Path, target: Path, *, drop: str | None = None,
    replace: dict[str, bytes] | None = None,
) -> None:
    """A copy of an archive with a member left out or given other bytes."""
    replace = replace or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename != drop:
                new.writestr(info, replace.get(info.filename, old.read(info)))


def _stored_original(archive: Path) -> zipfile.ZipInfo:
    with zipfile.ZipFile(archive) as opened:
        return next(
            info for info in opened.infolist()
            if info.filename.startswith("originals/") and info.compress_type == zipfile.ZIP_STORED
        )


def _flip_byte_in_stored_original(archive: Path, damaged: Path) -> None:
    data = bytearray(archive.read_bytes())
    info = _stored_original(archive)
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    data[start + info.file_size // 2] ^= 0x01
    damaged.write_bytes(bytes(data))


def _other_version(archive: Path, damaged: Path) -> None:
    with zipfile.ZipFile(archive) as opened:
        manifest = json.loads(opened.read("manifest.json"))
    manifest["format_version"] = FORMAT_VERSION + 1
    _rewrite(archive, damaged, replace={"manifest.json": json.dumps(manifest).encode()})


def _changed_member(archive: Path, damaged: Path) -> None:
    # The zip's own CRC is made anew; only the manifest's SHA-256 tells.
    with zipfile.ZipFile(archive) as opened:
        rows = opened.read("tables/documents.jsonl")
    changed = rows.replace(b"Fjordby", b"Fjordbi", 1)
    assert changed != rows
    _rewrite(archive, damaged, replace={"tables/documents.jsonl": changed})


def _missing_member(archive: Path, damaged: Path) -> None:
    _rewrite(archive, damaged, drop=_stored_original(archive).filename)


def _truncated(archive: Path, damaged: Path) -> None:
    damaged.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])


DAMAGES = {
    "flipped byte": (_flip_byte_in_stored_original, "damaged"),
    "changed member": (_changed_member, "does not match its checksum"),
    "missing member": (_missing_member, "missing"),
    "other format version": (_other_version, "format version"),
    "truncated": (_truncated, "no manifest|not a readable backup"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_archive_is_refused_and_the_target_untouched(
    archive: Path, tmp_path: Path, damage: str
) -> None:
    make, message = DAMAGES[damage]
    damaged = tmp_path / "damaged.zip"
    make(archive, damaged)
    target = tmp_path / "data"
    target.mkdir()
    (target / "notes.txt").write_text("egne noter", encoding="utf-8")
    with pytest.raises(ArchiveError, match=message):
        restore_data_dir(damaged, target, force=True)
    with pytest.raises(ArchiveError, match=message):
        restore_data_dir(damaged, tmp_path / "new")
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.zip", "data"]


# -- a register with a lost original, and the command line -----------------------------


def test_a_lost_original_is_named_and_the_rest_restored(
    sample_files: list, tmp_path: Path
) -> None:
    service = Service(tmp_path / "data")
    paths = [s.path for s in sample_files if s.path.suffix in {".pdf", ".html"}]
    Ingester(service.register, service.index).ingest(paths)
    lost = service.register.sources()[0].sha256
    service.register.blobs.path_for(lost).unlink()
    summary = write_backup(service.register, tmp_path / "backup.zip")
    assert summary.missing_originals == [lost]
    assert summary.originals == len(paths) - 1
    restored = restore_data_dir(tmp_path / "backup.zip", tmp_path / "restored")
    assert restored.missing_originals == [lost]
    again = Service(tmp_path / "restored")
    report = check_register(again.register, again.index)
    assert report.missing_originals == [lost] and report.index_agrees


def _flat(output: str) -> str:
    """Command output with the terminal's line wrapping undone."""
    return " ".join(output.split())


def test_command_line_backup_and_restore(
    original: Service, archive: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    data = str(original.data_dir)
    written = tmp_path / "cli.zip"
    result = runner.invoke(app, ["backup", str(written), "--data-dir", data, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["rows"]["corrections"] == 3
    again = runner.invoke(app, ["backup", str(written), "--data-dir", data])
    assert again.exit_code == 2 and "--force" in _flat(again.output)
    target = tmp_path / "restored"
    result = runner.invoke(app, ["restore", str(written), "--data-dir", str(target)])
    assert result.exit_code == 0, result.output
    assert f"{original.register.count_documents()} documents indexed" in _flat(result.stdout)
    refused = runner.invoke(app, ["restore", str(written), "--data-dir", str(target)])
    assert refused.exit_code == 1 and "not empty" in _flat(refused.output)
    damaged = tmp_path / "damaged.zip"
    _changed_member(archive, damaged)
    forced = runner.invoke(
        app, ["restore", str(damaged), "--data-dir", str(target), "--force"]
    )
    assert forced.exit_code == 1 and "does not match its checksum" in _flat(forced.output)
    assert Register(target).count_documents() == original.register.count_documents()


def test_an_upload_waiting_in_a_job_is_backed_up_and_ingested_after_the_restore(
    tmp_path: Path,
) -> None:
    service = Service(tmp_path / "data")
    text = "Kulturpolitik for Fjordby Kommune\n\nPolitikken er vedtaget af Byrådet i 2022."
    sha256 = service.register.keep_original(text.encode())
    job = service.register.jobs.add_uploads([("kulturpolitik.txt", sha256)])
    archive = tmp_path / "backup.zip"
    write_backup(service.register, archive)

    restore_data_dir(archive, tmp_path / "restored")
    restored = Service(tmp_path / "restored")
    waiting = restored.register.jobs.job(job.id)
    assert waiting is not None and waiting.state == "queued"
    assert sha256 in restored.register.blobs
    JobRunner(restored).run(threading.Event(), until_idle=True)
    done = restored.register.jobs.job(job.id)
    assert done is not None and done.state == "done" and done.counts == {"new": 1}
    assert [record.title for record in restored.register.documents()] == [
        "Kulturpolitik for Fjordby Kommune"
    ]
