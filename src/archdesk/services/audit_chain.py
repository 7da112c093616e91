"""The tamper-evident audit trail: hash chain, record seals and the chain head kept outside the database.

Every audit event a unit of work writes is chained when the unit of work commits
(:func:`chain_and_seal`): its ``after_hash`` is the SHA-256 of its after-image, its ``prev_hash`` the
``hash`` of the event before it, and its ``hash`` covers both, its own fields and the digest of the
record seals it carries. A seal (``audit_seal``) is the state of one record as the event left it:
a short hash of the whole state followed by a 4-hex-digit tag per field, so that ``archdesk check``
can name the field an edit outside ArchDesk changed (``services/audit_check.py``).

Which records a unit of work touched is known three ways, so that no service has to remember to
say it: events on ``record`` with an id; records the ORM inserted, changed or deleted; on SQLite,
every row a statement of this connection changed (TEMP triggers: they exist only on ArchDesk's own
connections, so an edit made with the ``sqlite3`` shell is not sealed and stays visible; on
PostgreSQL a trigger writes into a temporary table only ArchDesk's sessions make). Records
inserted in bulk (an import, demo data) have ids above the highest one sealed.

The triggers that refuse UPDATE and DELETE on ``audit_event`` and ``audit_seal`` are made by
migration 0008_audit_chain. The chain head (the newest event's id and hash) is also written to a
file beside an SQLite archive (``archive.db.audit-head``) and into every backup, so removing the
newest events is noticed even though the chain itself stays consistent.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from archdesk.models import AuditEvent

#: The record fields a seal covers: the catalogue entry (著录项) and its status.
STATE_FIELDS = (
    "reference_code",
    "title",
    "status",
    "fonds_id",
    "category_id",
    "year",
    "retention_id",
    "department_id",
    "item_number",
    "document_number",
    "responsible_party",
    "date",
    "pages",
    "security_level_id",
    "carrier_id",
    "notes",
)
DELETED = "deleted"
_SEAL_COLUMNS = ("event_id", "record_id", "reference_code", "state")
HEAD_SUFFIX = ".audit-head"
#: Objects migration 0008 creates to keep the trail append-only (SQLite names; PostgreSQL uses the same).
APPEND_ONLY_TRIGGERS = (
    "audit_event_no_update",
    "audit_event_no_delete",
    "audit_seal_no_update",
    "audit_seal_no_delete",
)
_IN_CHUNK = 500
#: The event hash written now (see ``event_hash``); ``check`` accepts version 1 only for events
#: before the first version-2 event.
CHAIN_VERSION = 2
_PG_CHAIN_LOCK = 1_702_080_017  # pg_advisory_xact_lock key: one writer extends the chain at a time


# -- hashing ----------------------------------------------------------------------------------------


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def after_image_hash(after: dict[str, Any] | None) -> str:
    return hashlib.sha256(_canonical(after)).hexdigest()


def event_hash(
    prev_hash: str,
    occurred_at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    summary: str,
    before: dict[str, Any] | None,
    after_hash: str,
    seal_digest: str,
    message: dict[str, Any] | None = None,
    *,
    version: int = CHAIN_VERSION,
) -> str:
    """The hash of one event. Version 2 also covers ``message`` (the summary's message id and
    parameters); version 1, which events written before it carry, did not. The two hash lists of
    different lengths, so an event written as version 2 never verifies as version 1."""
    fields = [prev_hash, occurred_at.isoformat(), actor, action, entity, entity_id, summary, before, after_hash]
    if version == 1:
        return hashlib.sha256(_canonical([*fields, seal_digest])).hexdigest()
    return hashlib.sha256(_canonical([*fields, seal_digest, 2, message])).hexdigest()


_DATES = (date, datetime)
_PACK_TAGS = struct.Struct(f">{len(STATE_FIELDS)}H").pack


def _texts(values: Sequence[Any]) -> list[str]:
    # Written out inline: this runs once per record in check and in a bulk seal (a million times).
    return [
        "\x00" if v is None else v if v.__class__ is str else v.isoformat() if isinstance(v, _DATES) else str(v)
        for v in values
    ]


def record_state(values: Sequence[Any]) -> str:
    """The seal of a record's STATE_FIELDS values: 16 hex digits of the whole, then 4 per field."""
    # ``_texts`` encoded in the same pass, texts (most values) tested first: 100,000 rows 0.85 → 0.62 s.
    texts = [
        v.encode()
        if v.__class__ is str
        else b"\x00"
        if v is None
        else (v.isoformat() if isinstance(v, _DATES) else str(v)).encode()
        for v in values
    ]
    whole = hashlib.blake2b(b"\x1f".join(texts), digest_size=8).hexdigest()
    return whole + _PACK_TAGS(*[zlib.crc32(text) & 0xFFFF for text in texts]).hex()


def record_digest(values: Sequence[Any]) -> str:
    """The first 16 hex digits of ``record_state`` (the whole), at half its cost."""
    return hashlib.blake2b("\x1f".join(_texts(values)).encode(), digest_size=8).hexdigest()


def changed_fields(sealed: str, current: str) -> list[str]:
    """The STATE_FIELDS whose tags differ between two seals (all of them when one is ``deleted``)."""
    if DELETED in (sealed, current):
        return list(STATE_FIELDS)
    return [
        name
        for n, name in enumerate(STATE_FIELDS)
        if sealed[16 + 4 * n : 20 + 4 * n] != current[16 + 4 * n : 20 + 4 * n]
    ]


class SealDigest:
    """SHA-256 over one event's seals in record order (``""`` when it has none)."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self.count = 0

    def add(self, record_id: int, state: str) -> None:
        self._hash.update(f"{record_id}:{state}\n".encode())
        self.count += 1

    def add_all(self, seals: Iterable[tuple[int, str]]) -> None:
        """``add`` each (record id, seal) in turn: the same digest, in one update of the hash."""
        lines = [f"{record_id}:{state}\n" for record_id, state in seals]
        self._hash.update("".join(lines).encode())
        self.count += len(lines)

    def hexdigest(self) -> str:
        return self._hash.hexdigest() if self.count else ""


# -- writing: called by UnitOfWork -----------------------------------------------------------------


def prepare_session(session: Session) -> set[int]:
    """Start tracking the records a unit of work changes; returns the set the ORM's changes land in."""
    from sqlalchemy import event

    from archdesk.models import Record

    touched: set[int] = set()
    changed: list[Record] = []

    def before_flush(flushing: Session, _context: Any, _instances: Any) -> None:
        changed.extend(o for o in (*flushing.new, *flushing.dirty, *flushing.deleted) if isinstance(o, Record))

    def after_flush_postexec(_flushing: Session, _context: Any) -> None:
        touched.update(record.id for record in changed if record.id is not None)
        changed.clear()

    event.listen(session, "before_flush", before_flush)
    event.listen(session, "after_flush_postexec", after_flush_postexec)
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        _install_temp_triggers(session)
    elif dialect == "postgresql":  # the trigger record_touched (migration 0008) writes into it
        from sqlalchemy import text

        session.execute(text("CREATE TEMP TABLE IF NOT EXISTS archdesk_touched (record_id integer)"))
    return touched


def _install_temp_triggers(session: Session) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    statements = [
        "CREATE TEMP TABLE IF NOT EXISTS archdesk_touched (record_id INTEGER)",
        *(
            f"CREATE TEMP TRIGGER IF NOT EXISTS archdesk_touched_{kind} AFTER {kind} ON main.record "
            "BEGIN INSERT INTO archdesk_touched VALUES (old.id); END"
            for kind in ("update", "delete")
        ),
    ]
    try:
        for statement in statements:
            session.execute(text(statement))
    except OperationalError:  # no record table yet (a new file before its first migration)
        pass


def _touched_on_connection(session: Session) -> set[int]:
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    schema = {"sqlite": "temp", "postgresql": "pg_temp"}.get(session.get_bind().dialect.name)
    if schema is None:
        return set()
    try:
        ids = {row[0] for row in session.execute(text(f"SELECT DISTINCT record_id FROM {schema}.archdesk_touched"))}
        session.execute(text(f"DELETE FROM {schema}.archdesk_touched"))
    except OperationalError:
        return set()
    return ids


@dataclass(frozen=True)
class ChainHead:
    event_id: int
    hash: str


def chain_and_seal(
    session: Session, events: list[AuditEvent], touched: set[int], actor: str, written: WrittenSeals | None = None
) -> ChainHead | None:
    """Seal the touched records, chain ``events`` after the newest event and add them to the session.

    ``written`` are the seals of records inserted in bulk, computed from the values written
    (``written_states``); every other record is read back. Returns the new head, or None when there
    was nothing to write. Runs inside the unit of work's transaction, just before it commits.
    """
    from sqlalchemy import func, select

    from archdesk.models import AuditEvent, AuditSeal
    from archdesk.models.base import utcnow
    from archdesk.services.bulk import insert_rows

    session.flush()
    touched = touched | _touched_on_connection(session)
    touched.update(e.entity_id for e in events if e.entity == "record" and e.entity_id is not None)
    sealed_up_to = session.scalar(select(func.max(AuditSeal.record_id)))
    seals = dict(_states(session, touched, sealed_up_to, written))
    if not events and not seals:
        return None
    if not events:  # records changed without an event: the seal still needs one to be chained
        from archdesk.messages import msg
        from archdesk.messages.stored import message_to_json

        sealed = msg("audit.seal.records", count=len(seals))
        events = [AuditEvent(action="seal", entity="record", entity_id=None, summary=f"{len(seals)} records",
                             message=message_to_json(sealed))]  # fmt: skip
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(_PG_CHAIN_LOCK)))
    prev = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)) or ""
    digest = SealDigest()
    ordered = sorted(seals.items())
    digest.add_all((record_id, state) for record_id, (_code, state) in ordered)
    for n, audit in enumerate(events):
        audit.actor = audit.actor or actor
        audit.occurred_at = audit.occurred_at or utcnow()
        audit.summary = audit.summary or ""
        audit.after_hash = after_image_hash(audit.after)
        audit.prev_hash = prev
        last = n == len(events) - 1
        audit.hash = prev = event_hash(
            prev,
            audit.occurred_at,
            audit.actor,
            audit.action,
            audit.entity,
            audit.entity_id,
            audit.summary,
            audit.before,
            audit.after_hash,
            digest.hexdigest() if last else "",
            audit.message,
        )
    session.add_all(events)
    session.flush()
    last_id = events[-1].id
    # Tuples through one compiled statement: a bulk import seals 100,000 records, and the ORM's
    # insert of as many dicts cost more than SQLite's writing them.
    rows = [(last_id, rid, code, state) for rid, (code, state) in ordered]
    for start in range(0, len(rows), 50_000):
        insert_rows(session, AuditSeal.__table__, _SEAL_COLUMNS, rows[start : start + 50_000])
    return ChainHead(last_id, events[-1].hash)


@dataclass(frozen=True)
class WrittenSeals:
    """The seals of the records with ids ``first_id`` … ``first_id + len(seals) - 1``, in id order:
    (reference code, seal) each."""

    first_id: int
    seals: list[tuple[str, str]]

    @property
    def last_id(self) -> int:
        return self.first_id + len(self.seals) - 1


#: Rows sealed between two looks at ``stopped()`` in ``written_states``.
_STATES_PER_PIECE = 10_000


def written_states(
    table: Any,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    stopped: Callable[[], bool] | None = None,
) -> list[tuple[str, str]] | None:
    """(reference code, seal) of each of ``rows`` (tuples in ``columns`` order), from the values
    themselves: no database. A bulk import computes them on a thread of its own while SQLite
    builds the indexes (``services/background.py``), then seals with them (``WrittenSeals``).

    They are what the database returns only when every value is exactly of its column's Python
    type (str, int, date) or None: the database stores and gives back such a value unchanged, where
    a float in an integer column or a datetime in a date column would come back as another value
    with another text. Anything else, or ``stopped()`` answering True: None, and the rows are read
    back.
    """
    at = [columns.index(name) for name in STATE_FIELDS]
    for index, name in zip(at, STATE_FIELDS, strict=True):
        expected = table.c[name].type.python_type
        if not {row[index].__class__ for row in rows} <= {expected, type(None)}:
            return None
    state_of, code = itemgetter(*at), at[0]
    states: list[tuple[str, str]] = []
    for start in range(0, len(rows), _STATES_PER_PIECE):
        if stopped is not None and stopped():
            return None
        states += [(row[code], record_state(state_of(row))) for row in rows[start : start + _STATES_PER_PIECE]]
    return states


def _states(
    session: Session, ids: set[int], sealed_up_to: int | None, written: WrittenSeals | None = None
) -> Iterator[tuple[int, tuple[str, str]]]:
    """(record id, (reference code, seal)) of the given records (``deleted`` if gone) and of every
    record above ``sealed_up_to``, those of ``written`` as written unless touched again since."""
    from sqlalchemy import select

    from archdesk.models import Record

    columns = [getattr(Record, name) for name in STATE_FIELDS]
    statement = select(Record.id, *columns)
    # Core rows on the session's connection (its transaction, already flushed): the same values as
    # through session.execute without the ORM's result machinery (100,000 rows: 1.17 → 0.81 s CPU).
    connection = session.connection()
    listed = sorted(ids)
    for start in range(0, len(listed), _IN_CHUNK):
        chunk = listed[start : start + _IN_CHUNK]
        found = {row[0]: row for row in connection.execute(statement.where(Record.id.in_(chunk)))}
        for rid in chunk:
            row = found.get(rid)
            yield rid, (row[1], record_state(row[1:])) if row is not None else ("", DELETED)
    if written is not None:
        for record_id, seal in enumerate(written.seals, start=written.first_id):
            if record_id not in ids:
                yield record_id, seal
    yield from _new_states(connection, sealed_up_to, written)


def _new_states(
    connection: Any, sealed_up_to: int | None, written: WrittenSeals | None = None
) -> Iterator[tuple[int, tuple[str, str]]]:
    """(record id, (reference code, seal)) of every record above ``sealed_up_to`` (an import's).

    Read with the driver's own cursor in blocks, and each column's conversion to its Python type
    (SQLite's dates are text) applied once per distinct value of the block, not once per row: the
    same values as a Core query returns, so the same seals as ``archdesk check`` computes
    (100,000 rows read 0.52 → 0.27 s CPU).
    """
    from archdesk.models import Record
    from archdesk.services.bulk import converted_columns

    conditions = [] if sealed_up_to is None else [f"id > {int(sealed_up_to)}"]
    if written is not None:
        conditions.append(f"id NOT BETWEEN {int(written.first_id)} AND {int(written.last_id)}")
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    cursor = connection.connection.cursor()
    try:
        cursor.execute(f"SELECT id, {', '.join(STATE_FIELDS)} FROM record{where} ORDER BY id")
        converters = []
        for index, name in enumerate(STATE_FIELDS, start=1):
            kind = Record.__table__.c[name].type
            processor = kind._cached_result_processor(connection.dialect, cursor.description[index][1])
            if processor is not None:
                converters.append((index, processor))
        while block := cursor.fetchmany(20_000):
            if converters:
                block = converted_columns(block, converters)
            for row in block:
                yield row[0], (row[1], record_state(row[1:]))
    finally:
        cursor.close()


# -- the head beside the archive -------------------------------------------------------------------


def head_file(archive: Path) -> Path:
    return archive.with_name(archive.name + HEAD_SUFFIX)


def read_head(archive: Path) -> ChainHead | None:
    """The head written beside the archive; None when there is none (raises ValueError if unreadable)."""
    path = head_file(archive)
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return ChainHead(int(data["event_id"]), str(data["hash"]))


def write_head(archive: Path, head: ChainHead) -> None:
    """Write the head beside the archive (atomically), unless the file already names a newer event.

    Best effort: the commit has happened; a folder that refuses the file leaves the old head,
    which ``check`` reports as behind (not as tampering).
    """
    path = head_file(archive)
    try:
        current = read_head(archive)
    except (OSError, ValueError, KeyError):
        current = None
    if current is not None and current.event_id >= head.event_id:
        return
    part = path.with_name(path.name + ".part")
    try:
        part.write_text(json.dumps({"event_id": head.event_id, "hash": head.hash}) + "\n", encoding="utf-8")
        os.replace(part, path)
    except OSError:
        part.unlink(missing_ok=True)


def newest_head(session: Session) -> ChainHead | None:
    from sqlalchemy import select

    from archdesk.models import AuditEvent

    newest = select(AuditEvent.id.label("event_id"), AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    row = session.execute(newest).first()
    return ChainHead(**row._mapping) if row else None
