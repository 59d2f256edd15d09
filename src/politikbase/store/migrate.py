"""Bring a register's schema to the newest migration when it is opened.

Every command opens the register, so the usual case (already at the newest
revision) is answered by reading `alembic_version` alone; Alembic itself is only
imported when there is something to migrate.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from politikbase.store.schema import Base

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision in migrations/versions (a test checks that they agree).
HEAD_REVISION = "0002"
# The revision a register made before migrations existed matches once the columns
# below are added to it.
FIRST_REVISION = "0001"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"

# Columns that registers made before migrations gained one by one, as they were
# added then: (table, column, SQL type). Only such registers ever lack them.
_PRE_MIGRATION_COLUMNS = (
    ("documents", "facts", "JSON"),
    ("documents", "headings", "JSON"),
    ("documents", "policy_id", "VARCHAR(64)"),
    ("documents", "text_signature", "BLOB"),
)


def current_revision(connection: Connection) -> str | None:
    """The revision the register is at, None when it has no version table."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.scalar(text(f"SELECT version_num FROM {VERSION_TABLE}"))


def upgrade_schema(engine: Engine) -> None:
    """Create the schema of a new register, or migrate an older one to the newest."""
    with engine.connect() as connection:
        if current_revision(connection) == HEAD_REVISION:
            return
    with engine.begin() as connection:
        revision = current_revision(connection)
        if revision is None and inspect(connection).has_table("documents"):
            _adopt_pre_migration_register(connection)
        _alembic_command(connection, "upgrade", "head")


def _adopt_pre_migration_register(connection: Connection) -> None:
    """Add what a register made before migrations lacks, then mark it as the first revision.

    Columns were added to existing tables then, but not their indexes.
    """
    inspector = inspect(connection)
    present = {column["name"] for column in inspector.get_columns("documents")}
    for table, column, sql_type in _PRE_MIGRATION_COLUMNS:
        if column not in present:
            connection.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}"))
    for table in Base.metadata.sorted_tables:
        if not inspector.has_table(table.name):
            continue  # a table of a later revision: its migration makes it whole
        indexes = {index["name"] for index in inspector.get_indexes(table.name)}
        for index in table.indexes:
            if index.name not in indexes:
                index.create(connection)
    _alembic_command(connection, "stamp", FIRST_REVISION)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_of_scripts() -> str | None:
    """The newest revision among the migration scripts (reads them all)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _alembic_command(connection: Connection, name: str, revision: str) -> None:
    from alembic import command

    getattr(command, name)(alembic_config(connection), revision)
