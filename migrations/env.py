"""Alembic environment. ArchDesk runs migrations itself (services/migrate.py) and passes the
connection in ``config.attributes["connection"]``; the connection's transaction is owned by the caller."""

from alembic import context

import archdesk.models  # noqa: F401  (registers every table)
from archdesk.models import Base

# Objects that live outside the ORM metadata: SQLite's own, and the search index the search
# module builds (FTS5 virtual tables and their shadow tables), all named search_*.
_UNMANAGED_PREFIXES = ("sqlite_", "search_")


def include_name(name: str | None, type_: str, parent_names: dict[str, str | None]) -> bool:
    if type_ == "table" and name and name.startswith(_UNMANAGED_PREFIXES):
        return False
    return True


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("ArchDesk migrations are run by archdesk.services.migrate, not by the alembic command")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_name=include_name,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
