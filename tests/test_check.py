"""`politikbase check`: the index agrees with the register, and the originals are sound."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from politikbase.check import check_register, repair_index
from politikbase.cli import app
from politikbase.index import IndexDocument
from politikbase.ingest import Ingester
from politikbase.service import Service

ORPHAN = "forsvundet-1"


@pytest.fixture
def service(sample_files: list, tmp_path: Path) -> Service:
    service = Service(tmp_path / "data")
    Ingester(service.register, service.index).ingest([sample.path for sample in sample_files])
    return service


def _damage_index(service: Service) -> list[str]:
    """Delete two documents from the index and add one the register does not hold."""
    lost = [record.id for record in service.register.documents()[:2]]
    for record_id in lost:
        service.index.delete(record_id)
    service.index.add(
        IndexDocument(ORPHAN, "Forsvundet politik", "En politik for ting der er forsvundet.")
    )
    service.index.commit()
    return sorted(lost)


def test_check_finds_and_repairs_what_the_index_lacks_or_holds_too_much(
    service: Service,
) -> None:
    clean = check_register(service.register, service.index)
    assert clean.ok, clean.as_json()
    assert clean.documents == clean.indexed == service.register.count_documents()
    assert clean.originals == len(service.register.sources())
    passages = clean.passages

    lost = _damage_index(service)
    found = check_register(service.register, service.index)
    assert not found.ok and not found.index_agrees
    assert found.missing_from_index == lost
    assert found.orphaned_in_index == [ORPHAN]
    assert not (found.missing_originals or found.damaged_originals or found.database_problems)
    assert service.search("forsvundet", limit=5) == []  # the orphan finds nothing shown

    repair_index(service.register, service.index, found)
    again = check_register(service.register, service.index)
    assert again.ok, again.as_json()
    assert again.passages == passages
    # The documents are back in their policies, as before the damage.
    results = service.search_page("handicappolitik", limit=5).results
    assert results and results[0].other_versions


def test_a_damaged_or_missing_original_is_reported(service: Service) -> None:
    damaged, missing = (source.sha256 for source in service.register.sources()[:2])
    path = service.register.blobs.path_for(damaged)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x20
    path.write_bytes(bytes(data))
    service.register.blobs.path_for(missing).unlink()
    report = check_register(service.register, service.index)
    assert report.damaged_originals == [damaged]
    assert report.missing_originals == [missing]
    assert report.index_agrees and not report.ok


def test_command_line_exit_codes(service: Service) -> None:
    runner = CliRunner()
    data = ["--data-dir", str(service.data_dir)]
    clean = runner.invoke(app, ["check", *data])
    assert clean.exit_code == 0, clean.output
    assert "agrees" in clean.stdout
    lost = _damage_index(service)
    service.index.close()  # the command writes the index from its own process
    found = runner.invoke(app, ["check", "--json", *data])
    assert found.exit_code == 1
    report = json.loads(found.stdout)
    assert report["missing_from_index"] == lost and report["orphaned_in_index"] == [ORPHAN]
    assert report["repaired"] is False
    repaired = runner.invoke(app, ["check", "--repair", "--json", *data])
    assert repaired.exit_code == 1  # problems were found, even though they are mended
    assert json.loads(repaired.stdout)["repaired"] is True
    after = runner.invoke(app, ["check", *data])
    assert after.exit_code == 0, after.output


def test_check_refuses_a_folder_without_a_register(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", "--data-dir", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert not (tmp_path / "none").exists()
