"""Alembic's environment: migrations run on a connection the register hands over.

The register runs them itself when it opens (see `politikbase.store.migrate`), so
there is no alembic.ini; `config.attributes["connection"]` carries the connection.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from politikbase.store.schema import Base


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite alters tables by copying them; batch mode does that for us.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("the register's migrations run on a connection it opened")
_run(connection)
