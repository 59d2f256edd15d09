"""A data directory ingested from the sample corpus (plus a document with markup in its
text), a TestClient over it, and for the browser tests the portal on a free port.

The portal is built on each register database in turn (`session_database`: SQLite,
then PostgreSQL), so every page and API test reads both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from politikbase.ingest import Ingester
from politikbase.service import Service
from politikbase.store.register import REGISTER_FILE
from politikbase.web import create_app
from politikbase.web.server import running_portal

# A document whose text holds markup: every page must show it as text.
HOSTILE_TITLE = 'Politik for sikker kode <script>alert("titel")</script>'
HOSTILE_TEXT = f"""{HOSTILE_TITLE}

Politik for sikker kode er vedtaget af Kommunalbestyrelsen den 3. marts 2021.
Vi skriver aldrig <script>alert('tekst')</script> ind i en side, og <b>fed</b> tekst er bare tekst.
Politikken revideres hvert fjerde år.
"""


@pytest.fixture(scope="session")
def hostile_text() -> str:
    return HOSTILE_TEXT


@pytest.fixture(scope="session")
def portal_data(
    sample_files: list, tmp_path_factory: pytest.TempPathFactory, session_database: str | None
) -> Path:
    folder = tmp_path_factory.mktemp("portal")
    extra = folder / "extra"
    extra.mkdir()
    (extra / "sikker-kode.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    data_dir = folder / "data"
    service = Service(data_dir, session_database)
    paths = [Path(sample.path) for sample in sample_files] + [extra]
    summary = Ingester(service.register, service.index).ingest(paths, jobs=1)
    assert not summary.failures
    service.register.close()
    # The register is where the backend says: a SQLite file, or none beside the index.
    assert (data_dir / REGISTER_FILE).exists() == (session_database is None)
    return data_dir


@pytest.fixture(scope="session")
def service(portal_data: Path, session_database: str | None) -> Service:
    return Service(portal_data, session_database)


@pytest.fixture(scope="session")
def client(portal_data: Path, session_database: str | None) -> Iterator[TestClient]:
    with TestClient(create_app(portal_data, session_database)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def portal_url(portal_data: Path, session_database: str | None) -> Iterator[str]:
    with running_portal(portal_data, database_url=session_database) as base:
        yield base
