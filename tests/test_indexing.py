"""The index follows the register's links: versions, current version, lifecycle."""

from __future__ import annotations

import pytest

from politikbase.indexing import LINK_STATE_FILE, sync_links
from politikbase.ingest import Ingester, reindex
from politikbase.service import Service


@pytest.fixture(scope="module")
def service(
    sample_files: list, tmp_path_factory: pytest.TempPathFactory, register_backend: str
) -> Service:
    service = Service(tmp_path_factory.mktemp("indexing") / "data")
    Ingester(service.register, service.index).ingest([sample.path for sample in sample_files])
    return service


def test_linking_is_reflected_in_the_index(service: Service) -> None:
    page = service.search_page("ældrepolitik høringsudkast", limit=20)
    elderly = [r for r in page.results if r.title.startswith("Ældrepolitik")]
    assert len(elderly) == 1
    record = service.register.document(elderly[0].record_id)
    assert record is not None and record.policy_id is not None
    versions = service.versions(record)
    assert len(versions) >= 2
    assert {v.public_id for v in versions} >= {elderly[0].id, *elderly[0].other_versions}


def test_a_second_sync_changes_nothing(service: Service) -> None:
    assert (service.index.path / LINK_STATE_FILE).is_file()
    assert sync_links(service.register, service.index) == 0


def test_a_lost_state_file_costs_one_full_sync(service: Service) -> None:
    (service.index.path / LINK_STATE_FILE).unlink()
    assert sync_links(service.register, service.index) > 0
    assert sync_links(service.register, service.index) == 0


def test_reindex_restores_the_same_results(service: Service) -> None:
    before = [(r.id, r.other_versions) for r in service.search_page("politik", limit=30).results]
    reindex(service.register, service.index)
    after = [(r.id, r.other_versions) for r in service.search_page("politik", limit=30).results]
    assert before == after
