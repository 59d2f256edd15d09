"""The register's schema comes from migrations, and older registers are brought up to it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from politikbase.store import NewDocument, Register
from politikbase.store.migrate import HEAD_REVISION, current_revision, head_of_scripts
from politikbase.store.register import REGISTER_FILE
from politikbase.store.schema import Base

# The register as the first version made it, before migrations and before the
# columns for facts, headings, policies and text signatures.
PRE_MIGRATION_DDL = """
CREATE TABLE sources (
    sha256 VARCHAR(64) NOT NULL, name VARCHAR(1024) NOT NULL, size INTEGER NOT NULL,
    format VARCHAR(16), status VARCHAR(16) NOT NULL, error TEXT, warnings JSON NOT NULL,
    attempts INTEGER NOT NULL, first_seen DATETIME NOT NULL, last_attempt DATETIME NOT NULL,
    PRIMARY KEY (sha256)
);
CREATE INDEX ix_sources_status ON sources (status);
CREATE TABLE corrections (
    id INTEGER NOT NULL, document_key VARCHAR(256) NOT NULL,
    source_name VARCHAR(1024) NOT NULL, extracted_title TEXT NOT NULL,
    field VARCHAR(32) NOT NULL, value JSON NOT NULL, author VARCHAR(128) NOT NULL,
    note TEXT, created_at DATETIME NOT NULL, PRIMARY KEY (id)
);
CREATE INDEX ix_corrections_document_key ON corrections (document_key);
CREATE TABLE documents (
    id VARCHAR(64) NOT NULL, external_id VARCHAR(256), source_sha256 VARCHAR(64) NOT NULL,
    ordinal INTEGER NOT NULL, kind VARCHAR(16) NOT NULL, title TEXT NOT NULL,
    doc_type VARCHAR(32) NOT NULL, municipality VARCHAR(128), url TEXT,
    format VARCHAR(16) NOT NULL, text TEXT NOT NULL, content_sha256 VARCHAR(64) NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, page_starts JSON NOT NULL,
    repair_log JSON NOT NULL, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL,
    PRIMARY KEY (id), UNIQUE (external_id),
    FOREIGN KEY(source_sha256) REFERENCES sources (sha256)
);
CREATE INDEX ix_documents_doc_type ON documents (doc_type);
CREATE INDEX ix_documents_source_sha256 ON documents (source_sha256);
CREATE INDEX ix_documents_municipality ON documents (municipality);
CREATE TABLE relations (
    id INTEGER NOT NULL, document_id VARCHAR(64) NOT NULL, kind VARCHAR(16) NOT NULL,
    name TEXT NOT NULL, target_id VARCHAR(64), evidence JSON, PRIMARY KEY (id),
    FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);
CREATE INDEX ix_relations_document_id ON relations (document_id);
CREATE INDEX ix_relations_target_id ON relations (target_id);
INSERT INTO sources VALUES ('aaaa', 'plan.pdf', 10, 'pdf', 'ok', NULL, '[]', 1,
    '2024-01-01 00:00:00', '2024-01-01 00:00:00');
INSERT INTO documents VALUES ('aaaa-0', NULL, 'aaaa', 0, 'document', 'Klimaplan',
    'plan', 'Aarhus', NULL, 'pdf', 'Kommunen vil halvere udledningen.', 'h', 0, 33,
    '[0]', '[]', '2024-01-01 00:00:00', '2024-01-01 00:00:00');
"""


def test_the_scripts_head_is_the_revision_the_register_expects() -> None:
    assert head_of_scripts() == HEAD_REVISION


def test_a_new_register_is_at_the_newest_revision_and_matches_the_tables(
    tmp_path: Path,
) -> None:
    register = Register(tmp_path)
    with register.engine.connect() as connection:
        assert current_revision(connection) == HEAD_REVISION
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    register.close()
    assert differences == []


def test_a_register_made_before_migrations_is_upgraded_and_keeps_its_rows(
    tmp_path: Path,
) -> None:
    with sqlite3.connect(tmp_path / REGISTER_FILE) as connection:
        connection.executescript(PRE_MIGRATION_DDL)
    # Registers were SQLite files then, whatever database the other tests use.
    register = Register(tmp_path, f"sqlite:///{tmp_path / REGISTER_FILE}")
    with register.engine.connect() as connection:
        assert current_revision(connection) == HEAD_REVISION
        columns = {row[1] for row in connection.execute(text("PRAGMA table_info(documents)"))}
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert {"facts", "headings", "policy_id", "text_signature"} <= columns
    # The index on a column added later is there too: the tables match the first revision.
    assert differences == []
    record = register.document("aaaa-0")
    assert record is not None
    assert record.title == "Klimaplan"
    assert record.text == "Kommunen vil halvere udledningen."
    assert record.extracted_facts == {}
    # The upgraded register takes new documents with the columns it gained.
    filed = register.file_documents(
        "b" * 64, "strategi.pdf", 20, "pdf",
        [NewDocument(ordinal=0, kind="document", title="Strategi", doc_type="strategi",
                     municipality="Aarhus", url=None, format="pdf", text="Tekst.",
                     headings=["Mål"])],
    )
    assert register.document(filed.added[0]).headings == ["Mål"]  # type: ignore[union-attr]
    assert register.count_documents() == 2
    register.close()
