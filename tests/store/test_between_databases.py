"""A register moves between SQLite and PostgreSQL through a backup, and comes back whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from politikbase.backup import restore_data_dir, write_backup
from politikbase.check import check_register
from politikbase.ingest import Ingester
from politikbase.service import Service
from politikbase.store.register import REGISTER_FILE
from politikbase.store.schema import Base, CorrectionRow

# This module names its databases itself: it runs once, not once per backend.
BACKENDS_CHOSEN_HERE = True
QUERIES = ("handicappolitik", "frivillige foreninger", "klima", "kulturpolitik")


def _sqlite(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / REGISTER_FILE}"


def _rows(service: Service) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in key order, every column as the database gives it back."""
    with service.register.engine.connect() as connection:
        return {
            table.name: [
                tuple(row)
                for row in connection.execute(
                    select(table).order_by(*table.primary_key.columns)
                )
            ]
            for table in Base.metadata.sorted_tables
        }


def _results(service: Service) -> list[list[tuple[float, str, str]]]:
    # Equal scores may come in either order: the indexes' segments differ.
    return [
        sorted((-round(hit.score, 4), hit.id, hit.title) for hit in service.search(query))
        for query in QUERIES
    ]


def test_a_sqlite_register_goes_to_postgresql_and_back_unchanged(
    sample_files: list, tmp_path: Path, postgresql_url: str
) -> None:
    first_dir, server_dir, last_dir = (tmp_path / name for name in ("sqlite", "server", "back"))
    first = Service(first_dir, _sqlite(first_dir))
    Ingester(first.register, first.index).ingest([sample.path for sample in sample_files])
    corrected = first.register.documents()[0]
    first.correct(corrected.id, "title", "Rettet titel", author="redaktør", note="referat")
    write_backup(first.register, tmp_path / "fra-sqlite.zip")

    restore_data_dir(tmp_path / "fra-sqlite.zip", server_dir, database_url=postgresql_url)
    server = Service(server_dir, postgresql_url)
    assert server.register.engine.dialect.name == "postgresql"
    write_backup(server.register, tmp_path / "fra-postgresql.zip")
    restore_data_dir(tmp_path / "fra-postgresql.zip", last_dir, database_url=_sqlite(last_dir))
    last = Service(last_dir, _sqlite(last_dir))

    rows = _rows(first)
    assert len(rows["documents"]) > 20 and rows["corrections"]
    # Texts, JSON facts, signatures (bytes) and naive datetimes survive both ways.
    assert _rows(server) == rows
    assert _rows(last) == rows
    for record in first.register.documents():
        on_server = server.register.document(record.id)
        assert on_server is not None
        assert server.show_json(on_server) == first.show_json(record)
    # Both restored indexes were built afresh from their registers, so their scores
    # agree; the first index also holds the correction's deleted entry, which moves
    # scores a little but finds the same documents.
    assert _results(server) == _results(last)
    assert [{hit[1:] for hit in found} for found in _results(server)] == [
        {hit[1:] for hit in found} for found in _results(first)
    ]
    assert check_register(server.register, server.index).ok

    # The server's numbering continues after the restored rows.
    server.correct(corrected.id, "law_refs", ["Folkeoplysningsloven"], author="redaktør")
    with server.register.engine.connect() as connection:
        ids = list(connection.scalars(select(CorrectionRow.id).order_by(CorrectionRow.id)))
    assert ids == sorted(set(ids)) and len(ids) == len(rows["corrections"]) + 1
    for service in (first, server, last):
        service.index.close()
        service.register.close()
