"""How many records each box holds, kept in ``box_record_count`` by SQLite triggers on ``record``;
the Shelf locations dock's record count per shelf is their sum over the shelf's boxes.

At 1,000,000 records the join of every boxed record with its box took 90–160 ms (88 ms in plain
sqlite3); summing the 35,663 kept box counts per shelf takes about 6 ms (bench/README.md, issue
10). A count per shelf would be read in 1.4 ms but needs triggers on ``box`` as well (a box moved
to another shelf); per box, a move changes nothing and ``record`` alone keeps it. Triggers, not
service code, keep it: boxing, moving a record to another box, a destruction or a transfer that
empties ``box_id``, an insert or a delete, whoever writes it, all update it in the same transaction.

An import or the benchmark generator keeps the insert trigger (unlike the tree counts'
``counted_after_insert``): 100,000 rows went in as fast with it as without it, boxed or not, with
the indexes or without (bench/README.md), the upsert of an integer key being that cheap.

A later migration that re-creates ``record`` in batch mode drops its triggers; ``ensure`` (run by
``migrate.upgrade`` after every upgrade) puts them back and recounts. ``archdesk check`` compares
the table with a full count (``problems``). Other databases have no triggers: there the shelves
are counted in full (``maintained`` answers False).
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import Session

from archdesk.messages import Message, msg
from archdesk.models import Box, BoxRecordCount, Record
from archdesk.services.tree_counts import schema_names

_ADD_NEW = (
    "INSERT INTO box_record_count (box_id, records) SELECT NEW.box_id, 1 WHERE NEW.box_id IS NOT NULL "
    "ON CONFLICT (box_id) DO UPDATE SET records = records + 1;"
)
_REMOVE_OLD = (
    "UPDATE box_record_count SET records = records - 1 WHERE box_id = OLD.box_id; "
    "DELETE FROM box_record_count WHERE box_id = OLD.box_id AND records <= 0;"
)
#: name -> CREATE TRIGGER statement (revision 0017_box_record_counts holds a frozen copy).
TRIGGERS = {
    "box_record_count_insert": (
        "CREATE TRIGGER box_record_count_insert AFTER INSERT ON record WHEN NEW.box_id IS NOT NULL "
        f"BEGIN {_ADD_NEW} END"
    ),
    "box_record_count_delete": (
        "CREATE TRIGGER box_record_count_delete AFTER DELETE ON record WHEN OLD.box_id IS NOT NULL "
        f"BEGIN {_REMOVE_OLD} END"
    ),
    "box_record_count_update": (
        "CREATE TRIGGER box_record_count_update AFTER UPDATE OF box_id ON record "
        f"WHEN OLD.box_id IS NOT NEW.box_id BEGIN {_REMOVE_OLD} {_ADD_NEW} END"
    ),
}
_COUNT_BOXED = "SELECT box_id, count(*) FROM record WHERE box_id IS NOT NULL"


def maintained(connection: Connection) -> bool:
    """True when this database keeps ``box_record_count`` (SQLite with the triggers in place)."""
    return connection.dialect.name == "sqlite" and set(TRIGGERS) <= schema_names(connection)


def shelf_record_counts(session: Session) -> dict[int, int]:
    """Shelf (location) id → records in its boxes; shelves holding none are left out. From the kept
    box counts where they are maintained, else counted from the records."""
    if maintained(session.connection()):
        statement = (
            select(Box.location_id, func.sum(BoxRecordCount.records))
            .select_from(BoxRecordCount)
            .join(Box, Box.id == BoxRecordCount.box_id)
            .where(Box.location_id.is_not(None))
            .group_by(Box.location_id)
        )
    else:
        statement = (
            select(Box.location_id, func.count(Record.id))
            .join(Record, Record.box_id == Box.id)
            .where(Box.location_id.is_not(None))
            .group_by(Box.location_id)
        )
    return {location: int(records) for location, records in session.execute(statement)}


def ensure(connection: Connection) -> bool:
    """Create any missing trigger and recount, inside the caller's transaction (SQLite only, and only
    once ``box_record_count`` exists). Returns True when it had to."""
    if connection.dialect.name != "sqlite":
        return False
    names = schema_names(connection)
    if "box_record_count" not in names or set(TRIGGERS) <= names:
        return False
    for name, statement in TRIGGERS.items():
        connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        connection.execute(text(statement))
    connection.execute(text("DELETE FROM box_record_count"))
    connection.execute(text(f"INSERT INTO box_record_count (box_id, records) {_COUNT_BOXED} GROUP BY box_id"))
    return True


def problems(session: Session) -> list[tuple[str, Message]]:
    """(box code, message) for every box whose kept count differs from a count of its records, and
    one finding per missing trigger; [] when they agree or when this database does not keep them."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return []
    found = [
        ("box_record_count", msg("integrity.box_count_trigger_missing", trigger=name))
        for name in sorted(set(TRIGGERS) - schema_names(connection))
    ]
    kept = dict(session.execute(select(BoxRecordCount.box_id, BoxRecordCount.records)).all())
    actual = dict(session.execute(text(f"{_COUNT_BOXED} GROUP BY box_id")).all())
    wrong = sorted(box for box in kept.keys() | actual.keys() if kept.get(box, 0) != actual.get(box, 0))
    codes = dict(session.execute(select(Box.id, Box.code).where(Box.id.in_(wrong[:1000]))).all()) if wrong else {}
    for box in wrong:
        subject = codes.get(box, f"#{box}")
        found.append((subject, msg("integrity.box_count_wrong", kept=kept.get(box, 0), counted=actual.get(box, 0))))
    return found
