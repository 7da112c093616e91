"""Importing a department's transfer spreadsheet as one transfer batch (移交批次).

``preview_import`` reads and checks the file without writing anything; ``accept_import`` turns the
valid rows of a preview into records in ONE unit of work (batch row, item numbers, records, audit
event, search index): either the whole batch is in, or nothing is. ``import_transfer`` does both.

Records are inserted with SQLAlchemy Core in chunks (not ORM objects) for speed. The audit trail
gets one event for the batch, naming the id range of its records, instead of one event per record:
100,000 per-record events with before/after values would cost more than the import itself.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from datetime import date
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update

from archdesk.messages import msg
from archdesk.models import Department, Fonds, ItemSequence, Record, TransferBatch
from archdesk.models.base import utcnow
from archdesk.services import search
from archdesk.services.audit_chain import WrittenSeals, written_states
from archdesk.services.background import Background, Handoff, cycle_collector_paused
from archdesk.services.bulk import indexes_built_after, insert_rows, large_page_cache
from archdesk.services.collection.batches import with_note
from archdesk.services.collection.file_values import given_values, info_values, merged, sheet_name_values
from archdesk.services.collection.mapping import (
    ColumnMapping,
    guess_mapping,
    remember_mapping,
    remembered_mapping,
    remembered_values,
)
from archdesk.services.collection.reader import read_table, read_tables
from archdesk.services.collection.results import ImportPreview, ImportResult, SheetPreview
from archdesk.services.collection.returned import returned_rows_json
from archdesk.services.collection.tables import CategoryInfo, CodeTables, load_code_tables
from archdesk.services.collection.validation import (
    CANDIDATE_FIELDS,
    Candidate,
    FilledValue,
    ImportOptions,
    Seen,
    Validation,
    validate_table,
)
from archdesk.services.database import Database
from archdesk.services.errors import Cancelled, NotAllowed, NotFound, ValidationError
from archdesk.services.refcode import CodeParts, allocate_item_numbers, format_item, group_key, render_reference_code
from archdesk.services.tree_counts import counted_after_insert
from archdesk.services.uow import UnitOfWork

Progress = Callable[[int, int], bool]
INSERT_CHUNK = 5000


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@cycle_collector_paused()
def preview_import(
    db: Database,
    path: str | Path,
    *,
    department: str | None = None,
    category: str | None = None,
    mapping: Mapping[str, str] | None = None,
    sheet: str | None = None,
    values: Mapping[str, str] | None = None,
    value_map: Mapping[str, Mapping[str, str]] | None = None,
    keep_reference_codes: bool = False,
    progress: Progress | None = None,
) -> ImportPreview:
    """Read and check a transfer spreadsheet; writes nothing.

    ``department`` and ``category`` are codes or names (the defaults for rows without their own);
    ``mapping`` corrects the guessed columns (heading → field, '' to ignore) and otherwise the
    department's remembered mapping applies. ``sheet`` is a sheet's name or "all" (default: the
    first); ``values`` gives a field without a column one value for every row (``--set``);
    ``value_map`` maps a field's spellings to codes (``--value``); ``keep_reference_codes`` keeps
    each row's 档号 (a catalogue moved from another system). Raises ImportFileError (file
    unreadable), ValidationError (unknown department/category, a required column not mapped) or
    Cancelled. Runs on the calling thread; the UI calls it from its worker.
    """
    workbook = read_tables(path, sheet, known=[h for h, f in (mapping or {}).items() if f])
    sha = file_sha256(path)
    seen = Seen()
    sheets: list[SheetPreview] = []
    with db.reading() as session:
        tables = load_code_tables(session)
        dept = _resolve_department(tables, department)
        cat = _resolve_category(tables, category)
        corrections = dict(remembered_mapping(session, dept[0] if dept else None))
        corrections.update(mapping or {})
        spellings = remembered_values(session, dept[0] if dept else None)
        for name, given_map in (value_map or {}).items():
            spellings.setdefault(name, {}).update(given_map)
        options = ImportOptions(keep_reference_codes, spellings)
        given = given_values(values or {})
        for table in workbook.tables:
            sheet_values = merged(given, info_values(table.info, tables), sheet_name_values(table.sheet_name, tables))
            if dept is not None:
                sheet_values.pop("department", None)  # the department named for the import wins
            column_mapping = guess_mapping(table.headers, corrections)
            validation = validate_table(
                session, table, column_mapping, tables, department=dept, category=cat,
                file_values=sheet_values, options=options, seen=seen, progress=progress,
            )  # fmt: skip
            sheets.append(SheetPreview(table, column_mapping, validation))
        earlier = tuple(session.scalars(select(TransferBatch.id).where(TransferBatch.file_sha256 == sha)))
    return ImportPreview(
        file=str(path),
        sha256=sha,
        sheets=tuple(sheets),
        validation=_together([s.validation for s in sheets]),
        department_id=dept[0] if dept else None,
        department_label=f"{dept[1]} {dept[2]}" if dept else _single_label(sheets),
        category_code=cat.code if cat else "",
        earlier_batches=earlier,
        sheet_names=workbook.sheet_names,
        not_read=workbook.not_read,
        keep_reference_codes=keep_reference_codes,
        value_map=spellings,
    )


def _together(validations: list[Validation]) -> Validation:
    if len(validations) == 1:
        return validations[0]
    return Validation(
        tuple(c for v in validations for c in v.candidates),
        tuple(r for v in validations for r in v.candidate_rows),
        tuple(i for v in validations for i in v.issues),
        frozenset(r for v in validations for r in v.invalid_rows),
        sum(v.review_count for v in validations),
        sum(v.row_count for v in validations),
        frozenset(c for v in validations for c in v.problem_cells),
        tuple(u for v in validations for u in v.unknown_values),
        _summed(f for v in validations for f in v.filled),
    )


def _summed(filled: Any) -> tuple[FilledValue, ...]:
    counts: dict[tuple[Any, ...], list] = {}
    for f in filled:
        key = (f.field, f.value, f.source.id, *sorted(f.source.params.items()))
        counts.setdefault(key, [f, 0])[1] += f.rows
    return tuple(FilledValue(f.field, f.value, f.source, rows) for f, rows in counts.values())


def guess_columns(
    db: Database, path: str | Path, *, department: str | None = None, sheet: str | None = None
) -> ColumnMapping:
    """Read the file and guess its column mapping (with the department's remembered corrections),
    without checking any row: the wizard shows this so the user can correct it before the preview."""
    table = read_table(path) if sheet is None else read_tables(path, sheet).tables[0]
    with db.reading() as session:
        dept = _resolve_department(load_code_tables(session), department)
        return guess_mapping(table.headers, remembered_mapping(session, dept[0] if dept else None))


@cycle_collector_paused()
def accept_import(
    db: Database,
    preview: ImportPreview,
    *,
    force: bool = False,
    received_on: date | None = None,
    progress: Progress | None = None,
    into_batch: int | None = None,
    pending: bool = False,
) -> ImportResult:
    """Create the transfer batch and one record (在档, accepted now) per valid row, in one transaction.

    ``into_batch`` adds the rows to an existing batch instead: the department's corrected returned
    rows. Its counts move (accepted up, returned down) and its returned rows become the ones of
    this file that are still wrong. ``pending`` receives the records as 暂存 (accepted into custody
    later, or the whole batch withdrawn while every record is still pending).

    Refuses (NotAllowed) a file whose SHA-256 matches an earlier batch unless ``force``. A batch is
    recorded even when every row is returned, so the batch list shows what came of each transfer.
    ``progress(done, total)`` is called between chunks; returning False raises Cancelled and the
    transaction is rolled back: nothing of the batch is kept, and neither is anything if the process
    dies half-way (the transaction is never committed). Runs on the calling thread, with the new
    records' seals and search tokens computed on a helper thread meanwhile.
    """
    validation = preview.validation
    total = len(validation.candidates)
    with UnitOfWork(db) as uow:
        session = uow.session
        earlier = session.scalars(select(TransferBatch.id).where(TransferBatch.file_sha256 == preview.sha256)).all()
        if earlier and not force and into_batch is None:
            raise NotAllowed(
                msg("import.already_imported", file=Path(preview.file).name, batches=", ".join(map(str, earlier)))
            )
        now = utcnow()
        if into_batch is not None:
            batch = session.get(TransferBatch, into_batch)
            if batch is None:
                raise NotFound("transfer_batch", into_batch)
            batch.accepted_count += total
            batch.returned_count = max(0, batch.returned_count - total)
            batch.status = "accepted" if batch.returned_count == 0 else "partly_returned"
            batch.returned_rows = returned_rows_json(preview) if batch.returned_count else ""
        else:
            batch = TransferBatch(
                department_id=preview.department_id or _single_department(validation),
                received_on=received_on or date.today(),
                file_name=Path(preview.file).name,
                file_sha256=preview.sha256,
                row_count=preview.rows,
                accepted_count=total,
                returned_count=preview.invalid,
                operator=uow.actor,
                status="accepted" if preview.invalid == 0 else "returned" if total == 0 else "partly_returned",
                notes=with_note("", msg("import.note.review_retention", count=validation.review_count))
                if validation.review_count
                else "",
                returned_rows=returned_rows_json(preview),
            )
            session.add(batch)
        session.flush()
        rows = _numbered_rows(session, validation.candidates, batch.id, now, pending)
        # The seals and the search tokens need only the rows: computed on the other core while
        # SQLite builds the indexes and the trigram table (services/background.py; bench/README.md,
        # issue 11). Started once the rows are in (during the insert its Python and the insert's
        # own slowed each other); the seals first, then the tokens, a piece ahead of their insert
        # (all of them at once were 150 MB).
        sqlite = session.get_bind().dialect.name == "sqlite"
        tokens = Handoff()
        helper = Background(
            lambda stopped: written_states(Record.__table__, RECORD_COLUMNS, rows, stopped),
            lambda stopped: tokens.send_all(search.written_grams(RECORD_COLUMNS, rows) if sqlite else None, stopped),
            start=False,
        )
        try:
            _insert_records(session, rows, progress, rows_in=helper.start)
            first_id, last_id = session.execute(
                select(func.min(Record.id), func.max(Record.id)).where(
                    Record.transfer_batch_id == batch.id, Record.created_at == now
                )
            ).one()
            # The rows took the ids first … last in order when no other writer's rows fell between them.
            in_order = bool(total) and last_id - first_id + 1 == total
            _audit_accepted(uow, batch, preview, total, first_id, last_id, into_batch, bool(earlier))
            search.index_records_of_batch(session, batch.id, (first_id, tokens.received) if in_order else None)
            _remember_mapping(uow, preview)
            states = helper.result(0)
            if in_order and states is not None:
                uow.sealed_as_written(WrittenSeals(first_id, states))
        finally:
            helper.stop()
        uow.commit()
        batch_id = batch.id
    return ImportResult(
        preview.file, preview.rows, total, preview.invalid, total, validation.review_count,
        validation.issues, batch_id, first_id, last_id, False, *_about_file(preview),
    )  # fmt: skip


def _insert_records(
    session: Any, rows: list[tuple[Any, ...]], progress: Progress | None, rows_in: Callable[[], None]
) -> None:
    """The rows into ``record``; ``rows_in()`` once they are, before the indexes are built again."""
    total = len(rows)
    with large_page_cache(session), counted_after_insert(session), indexes_built_after(session, "record", total):
        for start in range(0, total, INSERT_CHUNK):
            if progress is not None and not progress(start, total):
                raise Cancelled(msg("import.cancelled"))
            insert_rows(session, Record.__table__, RECORD_COLUMNS, rows[start : start + INSERT_CHUNK])
        rows_in()
    if progress is not None and not progress(total, total):
        raise Cancelled(msg("import.cancelled"))


def _audit_accepted(
    uow: UnitOfWork, batch: TransferBatch, preview: ImportPreview, total: int,
    first_id: int | None, last_id: int | None, into_batch: int | None, forced: bool,
) -> None:  # fmt: skip
    name = Path(preview.file).name
    uow.audit(
        "accept",
        "transfer_batch",
        batch.id,
        msg("audit.transfer.accepted", batch=batch.id, file=name, count=total, returned=preview.invalid),
        after={
            "file_name": name,
            "file_sha256": preview.sha256,
            "into_batch": into_batch,
            "rows": preview.rows,
            "accepted": total,
            "returned": preview.invalid,
            "first_record_id": first_id,
            "last_record_id": last_id,
            "forced": forced,
        },
    )


def _remember_mapping(uow: UnitOfWork, preview: ImportPreview) -> None:
    """The department's column and value maps, as this import used them (audited when they changed)."""
    if preview.department_id is None:
        return
    session = uow.session
    before = session.scalar(select(Department.import_mapping).where(Department.id == preview.department_id))
    stored = remember_mapping(session, preview.department_id, preview.mapping, preview.value_map)
    if json.dumps(stored, ensure_ascii=False) != before:
        uow.audit(
            "update", "department", preview.department_id,
            msg("audit.department.mapping", department=preview.department_label),
            after=stored,
        )  # fmt: skip


def _about_file(preview: ImportPreview) -> tuple[Any, ...]:
    v = preview.validation
    sheets = tuple(s.table.sheet_name for s in preview.sheets)
    return v.unknown_values, v.filled, sheets, preview.not_read, preview.hidden


def import_transfer(
    db: Database,
    path: str | Path,
    *,
    dry_run: bool = False,
    force: bool = False,
    received_on: date | None = None,
    progress: Progress | None = None,
    **choices: Any,
) -> ImportResult:
    """Read, check and (unless ``dry_run``) accept a transfer spreadsheet; see the two steps above.
    ``choices`` are ``preview_import``'s (department, category, mapping, sheet, values, value_map,
    keep_reference_codes)."""
    preview = preview_import(db, path, progress=progress, **choices)
    if dry_run:
        return dry_run_result(preview)
    return accept_import(db, preview, force=force, received_on=received_on, progress=progress)


#: Record columns an import writes, in table order (the order of the tuples handed to ``insert_rows``).
RECORD_COLUMNS = tuple(
    column.name for column in Record.__table__.columns if column.name not in ("id", "box_id", "volume_id")
)


def dry_run_result(preview: ImportPreview) -> ImportResult:
    """What accepting the preview would report, with nothing imported (``imported`` is 0)."""
    v = preview.validation
    return ImportResult(
        preview.file, preview.rows, preview.valid, preview.invalid, 0, v.review_count, v.issues, None, None, None,
        True, *_about_file(preview),
    )  # fmt: skip


def _numbered_rows(
    session: Any, candidates: tuple[Candidate, ...], batch_id: int, now: Any, pending: bool = False
) -> list[tuple]:
    """Item numbers in sheet order within each group, reserved one block per group, and the codes."""
    fonds_codes = dict(session.execute(select(Fonds.id, Fonds.code)).all())
    keys: dict[tuple[Any, ...], tuple[str, str, CodeParts]] = {}
    members: dict[str, list[int]] = {}
    for index, c in enumerate(candidates):
        found = keys.get(c.group)
        if found is None:
            pattern, fonds_id, category, year, retention, department, department_name = c.group
            parts = CodeParts(fonds_codes[fonds_id], category, year, retention, department, department_name)
            found = keys[c.group] = (pattern, group_key(pattern, parts), parts)
        members.setdefault(found[1], []).append(index)
    pattern_of = {key: (pattern, parts) for pattern, key, parts in keys.values()}
    rows: list[tuple] = [()] * len(candidates)
    fixed = {
        "status": "pending" if pending else "in_custody",
        "transfer_batch_id": batch_id,
        "accepted_at": None if pending else now,
        "created_at": now,
        "updated_at": now,
    }
    # A row is the candidate's own values + (item number, code) + the fixed values, put in column order.
    fixed_values = tuple(fixed.values())
    built = [*CANDIDATE_FIELDS, "item_number", "reference_code", *fixed]
    in_column_order = itemgetter(*(built.index(name) for name in RECORD_COLUMNS))
    for key, indexes in members.items():
        pattern, parts = pattern_of[key]
        # A migrated row keeps its number; the group's sequence moves past the highest one kept,
        # so the numbers given to the other rows (now and later) never collide with them.
        kept = [i for i in indexes if candidates[i].kept_item is not None]
        if kept:
            _move_sequence_past(session, key, max(candidates[i].kept_item for i in kept))
            for index in kept:
                c = candidates[index]
                rows[index] = in_column_order(c.values + (c.kept_item, c.given_code) + fixed_values)
            indexes = [i for i in indexes if candidates[i].kept_item is None]
            if not indexes:
                continue
        first = allocate_item_numbers(session, key, len(indexes))
        prefix, _, suffix = key.rpartition("#")
        fast = prefix + format_item(first) + suffix == render_reference_code(pattern, parts, first)
        for number, index in enumerate(indexes, start=first):
            code = prefix + format_item(number) + suffix if fast else render_reference_code(pattern, parts, number)
            rows[index] = in_column_order(candidates[index].values + (number, code) + fixed_values)
    return rows


def _move_sequence_past(session: Any, key: str, number: int) -> None:
    """The group's last item number becomes at least ``number`` (numbers are never handed back)."""
    last = session.scalar(select(ItemSequence.last_number).where(ItemSequence.group_key == key))
    if last is None:
        session.add(ItemSequence(group_key=key, last_number=number))
        session.flush()
    elif last < number:
        session.execute(update(ItemSequence).where(ItemSequence.group_key == key).values(last_number=number))


def _single_label(sheets: list[SheetPreview]) -> str:
    """The department of every accepted row when they share one (from the title rows, say)."""
    labels = {c.group[5:7] for s in sheets for c in s.validation.candidates}  # (department code, name)
    if len(labels) == 1:
        code, name = labels.pop()
        return f"{code} {name}" if code else ""
    return ""


def _single_department(validation: Validation) -> int | None:
    at = CANDIDATE_FIELDS.index("department_id")
    ids = {c.values[at] for c in validation.candidates}
    return ids.pop() if len(ids) == 1 else None


def _resolve_department(tables: CodeTables, text: str | None) -> tuple[int, str, str] | None:
    if not text:
        return None
    found = tables.department(text)
    if found is None:
        raise ValidationError("department", msg("import.unknown_department", value=repr(text)))
    return found


def _resolve_category(tables: CodeTables, text: str | None) -> CategoryInfo | None:
    if not text:
        return None
    found = tables.category(text)
    if found is None:
        raise ValidationError("category", msg("import.unknown_category", value=repr(text)))
    return found
