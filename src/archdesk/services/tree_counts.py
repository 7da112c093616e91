"""The Catalogue tree's counts, kept in ``record_count`` by SQLite triggers on ``record``.

A full ``GROUP BY`` over a million records took 0.65–1 s on the 2-core machine (0.23 s with a
covering index, under load); the maintained table answers in about a millisecond
(bench/README.md, "Tree counts"). Triggers, not service code, keep it: every insert, delete and
change of fonds, category, year or retention updates it in the same statement's transaction, so
an import, an accept, an edit or a new kind of change written next year cannot forget it.

A later migration that re-creates ``record`` in batch mode (SQLite's copy-and-rename) drops its
triggers; ``ensure`` (run by ``migrate.upgrade`` after every upgrade) puts them back and recounts.
``archdesk check`` compares the table with a full count (``problems``). Other databases have no
triggers: there the tree is counted in full (``maintained`` answers False).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import Session

from archdesk.messages import Message, msg
from archdesk.models import Record, RecordCount

_KEY = ("fonds_id", "category_id", "year", "retention_id")
_MATCH_OLD = " AND ".join(f"{column} = OLD.{column}" for column in _KEY)
_NEW_VALUES = ", ".join(f"NEW.{column}" for column in _KEY)
_ADD_NEW = (
    f"INSERT INTO record_count ({', '.join(_KEY)}, records) VALUES ({_NEW_VALUES}, 1) "
    f"ON CONFLICT ({', '.join(_KEY)}) DO UPDATE SET records = records + 1;"
)
_REMOVE_OLD = (
    f"UPDATE record_count SET records = records - 1 WHERE {_MATCH_OLD}; "
    f"DELETE FROM record_count WHERE {_MATCH_OLD} AND records <= 0;"
)
_CHANGED = " OR ".join(f"OLD.{column} IS NOT NEW.{column}" for column in _KEY)

#: name -> CREATE TRIGGER statement (revision 0003_tree_counts holds a frozen copy).
TRIGGERS = {
    "record_count_insert": f"CREATE TRIGGER record_count_insert AFTER INSERT ON record BEGIN {_ADD_NEW} END",
    "record_count_delete": f"CREATE TRIGGER record_count_delete AFTER DELETE ON record BEGIN {_REMOVE_OLD} END",
    "record_count_update": (
        f"CREATE TRIGGER record_count_update AFTER UPDATE OF {', '.join(_KEY)} ON record "
        f"WHEN {_CHANGED} BEGIN {_REMOVE_OLD} {_ADD_NEW} END"
    ),
}


def _full_count() -> Any:
    return select(*(getattr(Record, column) for column in _KEY), func.count()).group_by(
        *(getattr(Record, column) for column in _KEY)
    )


def schema_names(connection: Connection) -> set[str]:
    """The names of the SQLite database's tables and triggers (for the counts kept by triggers:
    these and ``services/custody/box_counts.py``)."""
    return set(connection.execute(text("SELECT name FROM sqlite_master WHERE type IN ('trigger', 'table')")).scalars())


def maintained(connection: Connection) -> bool:
    """True when this database keeps ``record_count`` (SQLite with the triggers in place)."""
    return connection.dialect.name == "sqlite" and set(TRIGGERS) <= schema_names(connection)


def counts(session: Session) -> dict[tuple[int, int, int, int], int]:
    """(fonds id, category id, year, retention id) → number of records: from the table where it is
    maintained, else counted in full."""
    if maintained(session.connection()):
        rows = session.execute(select(*(getattr(RecordCount, column) for column in _KEY), RecordCount.records))
    else:
        rows = session.execute(_full_count())
    return {(fonds, category, year, retention): n for fonds, category, year, retention, n in rows}


def ensure(connection: Connection) -> bool:
    """Create any missing trigger and recount, inside the caller's transaction (SQLite only, and only
    once ``record_count`` exists). Returns True when it had to."""
    if connection.dialect.name != "sqlite":
        return False
    names = schema_names(connection)
    if "record_count" not in names or set(TRIGGERS) <= names:
        return False
    for name, statement in TRIGGERS.items():
        connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        connection.execute(text(statement))
    recount(connection)
    return True


def recount(connection: Connection) -> None:
    """Fill ``record_count`` from a full count (the migration, and ``ensure``)."""
    connection.execute(text("DELETE FROM record_count"))
    connection.execute(
        text(
            f"INSERT INTO record_count ({', '.join(_KEY)}, records) "
            f"SELECT {', '.join(_KEY)}, count(*) FROM record GROUP BY {', '.join(_KEY)}"
        )
    )


def problems(session: Session) -> list[tuple[str | Message, Message]]:
    """(subject, message) for every difference between the table and a full count; [] when they agree
    or when this database does not keep the table."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return []
    missing = sorted(set(TRIGGERS) - schema_names(connection))
    found: list[tuple[str | Message, Message]] = [
        ("record_count", msg("integrity.tree_count_trigger_missing", trigger=name)) for name in missing
    ]
    kept = {
        (f, c, y, r): n
        for f, c, y, r, n in session.execute(select(*(getattr(RecordCount, k) for k in _KEY), RecordCount.records))
    }
    actual = {(f, c, y, r): n for f, c, y, r, n in session.execute(_full_count())}
    for key in sorted(kept.keys() | actual.keys()):
        if kept.get(key, 0) != actual.get(key, 0):
            fonds, category, year, retention = key
            found.append(
                (
                    msg("integrity.tree_count_group", fonds=fonds, category=category, year=year, retention=retention),
                    msg("integrity.tree_count_wrong", kept=kept.get(key, 0), counted=actual.get(key, 0)),
                )
            )
    return found


@contextmanager
def counted_after_insert(session: Session) -> Iterator[None]:
    """Records inserted in the block are counted once at its end, not by the insert trigger row by row.

    For a bulk insert (an import of 100,000 rows): the trigger's UPSERT per row was almost half of
    SQLite's insert time (3.8 s → 2.1 s of CPU without it, bench/README.md). The trigger is dropped,
    the rows are inserted, the new ids (above the highest one before) are added to ``record_count``
    with one grouped statement and the trigger is created again — all inside the caller's
    transaction, so a rollback (an error, a cancel) brings the trigger back with everything else,
    and no other connection ever sees the table without it. Elsewhere (PostgreSQL, or an archive
    whose triggers are missing) the block simply runs.
    """
    connection = session.connection()
    if not maintained(connection):
        yield
        return
    before = connection.execute(text("SELECT coalesce(max(id), 0) FROM record")).scalar_one()
    connection.execute(text("DROP TRIGGER record_count_insert"))
    yield
    key = ", ".join(_KEY)
    connection.execute(
        text(
            f"INSERT INTO record_count ({key}, records) SELECT {key}, count(*) FROM record WHERE id > :before "
            f"GROUP BY {key} ON CONFLICT ({key}) DO UPDATE SET records = records + excluded.records"
        ),
        {"before": before},
    )
    connection.execute(text(TRIGGERS["record_count_insert"]))
