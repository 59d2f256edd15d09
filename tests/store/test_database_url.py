"""Which database holds a register's tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from politikbase.store.register import DATABASE_VARIABLE, REGISTER_FILE, database_url


def test_without_a_url_the_tables_are_in_sqlite_in_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DATABASE_VARIABLE, raising=False)
    assert database_url(tmp_path) == f"sqlite:///{tmp_path / REGISTER_FILE}"


def test_a_plain_postgresql_url_is_read_with_psycopg(tmp_path: Path) -> None:
    assert database_url(tmp_path, "postgresql://kommune@db/politik") == (
        "postgresql+psycopg://kommune@db/politik"
    )
    assert database_url(tmp_path, "postgres://db/politik") == "postgresql+psycopg://db/politik"
    assert database_url(tmp_path, "postgresql+psycopg://db/p") == "postgresql+psycopg://db/p"


def test_the_environment_names_the_database_unless_a_url_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATABASE_VARIABLE, "postgresql://db/fra-miljoet")
    assert database_url(tmp_path) == "postgresql+psycopg://db/fra-miljoet"
    assert database_url(tmp_path, "sqlite:///andet.sqlite") == "sqlite:///andet.sqlite"
