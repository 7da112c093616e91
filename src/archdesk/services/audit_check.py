"""The checks of the audit trail that ``archdesk check`` runs (see ``services/audit_chain.py``).

- ``audit_trail``: the append-only triggers are in place; every event's after-image, seal digest
  and hash are what they should be and it names the hash of the event before it (the first
  broken link is named); the head kept beside the archive is still in the chain.
- ``audited_state``: every record is as its last seal says (a field changed, a record added or
  deleted outside ArchDesk is named).
- ``search_content``: the text the search index holds for a record is the record's text.

Each takes the session and a collector with ``add(subject, message)`` and returns a note.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from archdesk.messages import Message, msg
from archdesk.models import AuditEvent, AuditSeal, Record
from archdesk.services import audit_chain
from archdesk.services.audit_chain import STATE_FIELDS, SealDigest, record_digest, record_state

_BLOCK = 5000
CHECKS = ("audit_trail", "audited_state", "search_content")


class Findings(Protocol):
    def add(self, subject: str, message: str) -> None: ...


Progress = Callable[[int, int], bool]


def run_checks(
    session: Session, archive: Path | None, limit: int, record_count: int, progress: Progress | None
) -> list[Any]:
    """The three checks as ``integrity.CheckResult`` values, in CHECKS order."""
    from archdesk.services.integrity import CheckResult, guarded

    results = [
        guarded("audit_trail", limit, session, lambda s, found: check_audit_trail(s, found, archive)),
        guarded(
            "audited_state", limit, session, lambda s, found: check_audited_state(s, found, record_count, progress)
        ),
    ]
    content = guarded("search_content", limit, session, check_search_content)
    if content.status == "ok" and not content.note:
        content = CheckResult("search_content", "skipped", note_content=msg("safety.check.no_search_text"))
    return [*results, content]


def _event_label(event_id: int, action: str, entity: str, entity_id: int | None) -> str:
    what = f"{entity} {entity_id}" if entity_id is not None else entity
    return f"audit event #{event_id} ({action} {what})"


def _seal_digests(session: Session) -> Iterator[tuple[int, str]]:
    """(event id, digest of its seals) for every event that has seals, in event order."""
    rows = session.connection().execute(
        select(AuditSeal.event_id, AuditSeal.record_id, AuditSeal.state)
        .order_by(AuditSeal.event_id, AuditSeal.record_id)
        .execution_options(yield_per=_BLOCK * 4)
    )
    current, digest = None, SealDigest()
    for event_id, record_id, state in rows:
        if event_id != current:
            if current is not None:
                yield current, digest.hexdigest()
            current, digest = event_id, SealDigest()
        digest.add(record_id, state)
    if current is not None:
        yield current, digest.hexdigest()


def check_audit_trail(session: Session, found: Findings, archive: Path | None) -> str:
    missing = sorted(set(audit_chain.APPEND_ONLY_TRIGGERS) - _triggers(session))
    if missing:
        found.add("audit_event", msg("safety.check.triggers_missing", triggers=", ".join(missing)))
    digests = _seal_digests(session)
    next_digest = next(digests, None)
    events = session.execute(
        select(
            AuditEvent.id,
            AuditEvent.occurred_at,
            AuditEvent.actor,
            AuditEvent.action,
            AuditEvent.entity,
            AuditEvent.entity_id,
            AuditEvent.summary,
            AuditEvent.message,
            AuditEvent.before,
            AuditEvent.after,
            AuditEvent.prev_hash,
            AuditEvent.after_hash,
            AuditEvent.hash,
        )
        .order_by(AuditEvent.id)
        .execution_options(yield_per=_BLOCK)
    )
    previous, count, broken = "", 0, False
    # Events written before chain version 2 did not cover their message: they verify as version 1,
    # but only until the first version-2 event (after it, every event must be version 2).
    older: list[bool] = [True]
    hashes_by_id: dict[int, str] = {}
    last_id = None
    for row in events:
        count += 1
        seal_digest = ""
        while next_digest is not None and next_digest[0] < row.id:
            found.add(msg("safety.check.seals_of_event", event=next_digest[0]), msg("safety.check.seals_orphaned"))
            next_digest = next(digests, None)
        if next_digest is not None and next_digest[0] == row.id:
            seal_digest, next_digest = next_digest[1], next(digests, None)
        if not broken:
            problem = _link_problem(row, previous, seal_digest, older)
            if problem:
                found.add(
                    _event_label(row.id, row.action, row.entity, row.entity_id),
                    msg("safety.check.chain_breaks", problem=problem),
                )
                broken = True
        previous, last_id = row.hash, row.id
        hashes_by_id[row.id] = row.hash
    if archive is not None:
        _check_head(found, archive, hashes_by_id, last_id)
    return msg("safety.check.events", count=count)


def _link_problem(row: Any, previous: str, seal_digest: str, older: list[bool]) -> Message | None:
    if row.prev_hash != previous:
        return msg("safety.check.not_following")
    if row.after_hash != audit_chain.after_image_hash(row.after):
        return msg("safety.check.after_image_changed")
    fields = (
        row.prev_hash,
        row.occurred_at,
        row.actor,
        row.action,
        row.entity,
        row.entity_id,
        row.summary or "",
        row.before,
        row.after_hash,
        seal_digest,
    )
    if row.hash == audit_chain.event_hash(*fields, row.message):
        older[0] = False
        return None
    if older[0] and row.hash == audit_chain.event_hash(*fields, version=1):
        return None
    return msg("safety.check.content_changed")


def _check_head(found: Findings, archive: Path, hashes: dict[int, str], last_id: int | None) -> None:
    name = audit_chain.head_file(archive).name
    try:
        head = audit_chain.read_head(archive)
    except (OSError, ValueError, KeyError):
        found.add(name, msg("safety.check.head_unreadable"))
        return
    if head is None:
        if last_id is not None:
            found.add(name, msg("safety.check.head_missing"))
        return
    if head.event_id not in hashes:
        newest = msg("safety.check.newest_is", event=last_id) if last_id is not None else msg("safety.check.none_left")
        found.add(name, msg("safety.check.head_event_gone", event=head.event_id, newest=newest))
    elif hashes[head.event_id] != head.hash:
        found.add(name, msg("safety.check.head_rewritten", event=head.event_id))


def _triggers(session: Session) -> set[str]:
    if session.get_bind().dialect.name == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    else:
        query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    return {name for (name,) in session.execute(text(query))}


# -- records against their seals ------------------------------------------------------------------


class _Seal(NamedTuple):
    record_id: int
    reference_code: str
    state: str
    event_id: int


def _latest_seals(session: Session) -> Iterator[_Seal]:
    """(record id, reference code, state, event id) of each record's newest seal, by record id."""
    if session.get_bind().dialect.name == "sqlite":
        # SQLite takes the bare columns from the row holding max(id).
        query = text(
            "SELECT record_id, reference_code, state, event_id, max(id) FROM audit_seal GROUP BY record_id ORDER BY record_id"
        )
    else:
        query = text(
            "SELECT DISTINCT ON (record_id) record_id, reference_code, state, event_id, id FROM audit_seal "
            "ORDER BY record_id, id DESC"
        )
    for row in session.execute(query.execution_options(yield_per=_BLOCK * 4)):
        yield _Seal(record_id=row.record_id, reference_code=row.reference_code, state=row.state, event_id=row.event_id)


def check_audited_state(session: Session, found: Findings, record_count: int, progress: Progress | None) -> str:
    columns = [getattr(Record, name) for name in STATE_FIELDS]
    # Core rows, not ORM ones: at a million records the ORM's row loading costs more than the hashing.
    statement = select(Record.id, *columns).order_by(Record.id).execution_options(yield_per=_BLOCK)
    records = session.connection().execute(statement)
    seals = _latest_seals(session)
    seal = next(seals, None)
    done = 0
    for row in records:
        done += 1
        if progress is not None and done % _BLOCK == 0 and progress(done, record_count) is False:
            from archdesk.services.errors import Cancelled

            raise Cancelled()
        while seal is not None and seal.record_id < row.id:
            _gone(found, seal)
            seal = next(seals, None)
        if seal is None or seal.record_id != row.id:
            found.add(row.reference_code, msg("safety.check.added_outside"))
            continue
        # The seal hashes the STATE_FIELDS values in their declared order: the columns after the id.
        state = row[1:]
        if record_digest(state) != seal.state[:16]:
            current = record_state(state)
            fields = audit_chain.changed_fields(seal.state, current) or ["a field"]
            if seal.state == audit_chain.DELETED:
                found.add(
                    row.reference_code,
                    msg("safety.check.back_outside", event=seal.event_id),
                )
            else:
                found.add(
                    row.reference_code,
                    msg("safety.check.changed_outside", fields=", ".join(fields), event=seal.event_id),
                )
        seal = next(seals, None)
    while seal is not None:
        _gone(found, seal)
        seal = next(seals, None)
    return f"{done} records"


def _gone(found: Findings, seal: _Seal) -> None:
    if seal.state != audit_chain.DELETED:
        found.add(
            seal.reference_code or msg("safety.check.record_number", id=seal.record_id),
            msg("safety.check.deleted_outside", event=seal.event_id),
        )


# -- the search index's text ----------------------------------------------------------------------


def check_search_content(session: Session, found: Findings) -> str:
    """ "" when the archive has no content-keeping search table (PostgreSQL, or no index)."""
    from archdesk.services.search import FIELDS, TRIGRAM_TABLE

    if TRIGRAM_TABLE not in inspect(session.connection()).get_table_names():
        return ""
    differs = " OR ".join(f"s.{name} IS NOT r.{name}" for name in FIELDS)
    query = text(
        f"SELECT r.reference_code, {', '.join(f's.{n} IS NOT r.{n}' for n in FIELDS)} FROM record r "
        f"JOIN {TRIGRAM_TABLE} s ON s.rowid = r.id WHERE {differs} ORDER BY r.id"
    )
    for code, *stale in session.execute(query):
        names = [name for name, off in zip(FIELDS, stale, strict=True) if off]
        found.add(code, msg("safety.check.index_differs", fields=", ".join(names)))
    return msg("safety.check.text_compared")
