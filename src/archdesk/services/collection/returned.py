"""A transfer batch opened again (the Transfers dock): its records, the rows it returned to the
department with their problems, its 移交验收单 printed again, and the corrected rows taken into the
same batch.

The returned rows are kept with the batch when it is accepted (``transfer_batch.returned_rows``,
JSON: each row's cells as text and its problems as message ids with parameters), so they can be
shown and printed in either language later, after the spreadsheet is gone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, select

from archdesk.messages import Message, msg, render
from archdesk.models import Department, Record, TransferBatch
from archdesk.services.collection.batches import with_note
from archdesk.services.collection.parsing import as_text
from archdesk.services.database import Database
from archdesk.services.errors import NotAllowed, NotFound
from archdesk.services.uow import UnitOfWork, unit_of_work

#: Longest cell text kept for a returned row (a 5 MB cell is cut, as on the rejection sheet).
MAX_CELL = 500


@dataclass(frozen=True)
class ReturnedIssue:
    column: str
    problem: Message

    def render(self, language: str) -> str:
        return render(self.problem, language)


@dataclass(frozen=True)
class ReturnedRow:
    sheet: str
    row: int
    cells: tuple[str, ...]
    issues: tuple[ReturnedIssue, ...]


@dataclass(frozen=True)
class BatchRecord:
    id: int
    reference_code: str
    title: str
    date: date | None
    status: str


@dataclass(frozen=True)
class BatchDetails:
    """One batch opened: what it is, its records (in code order) and the rows it returned."""

    id: int
    file_name: str
    department: str
    department_code: str
    received_on: date
    rows: int
    accepted: int
    returned: int
    status: str
    sha256: str
    headers: tuple[str, ...]
    records: tuple[BatchRecord, ...]
    returned_rows: tuple[ReturnedRow, ...]


def returned_rows_json(preview: Any) -> str:
    """The preview's invalid rows with their problems, as stored on the batch."""
    issues: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for issue in preview.validation.issues:
        issues.setdefault((issue.sheet, issue.row), []).append(
            {"column": issue.column, "id": issue.problem.id, "params": dict(issue.problem.params)}
        )
    sheets = []
    for sheet in preview.sheets:
        table = sheet.table
        rows = [
            {
                "row": r.sheet_row,
                "cells": [_text(v) for v in r.cells],
                "issues": issues[(table.sheet_name, r.sheet_row)],
            }
            for r in table.rows
            if (table.sheet_name, r.sheet_row) in issues
        ]
        if rows:
            sheets.append({"sheet": table.sheet_name, "headers": list(table.headers), "rows": rows})
    return json.dumps({"version": 1, "sheets": sheets}, ensure_ascii=False, default=str) if sheets else ""


def batch_details(db: Database, batch_id: int) -> BatchDetails:
    """The batch, its records and its returned rows. Raises NotFound. Runs on the worker thread."""
    with db.reading() as session:
        found = session.execute(
            select(TransferBatch, Department.code.label("code"), Department.name.label("name"))
            .outerjoin(Department, Department.id == TransferBatch.department_id)
            .where(TransferBatch.id == batch_id)
        ).first()
        if found is None:
            raise NotFound("transfer_batch", batch_id)
        batch, code, name = found.TransferBatch, found.code, found.name
        records = tuple(
            BatchRecord(**row._mapping)
            for row in session.execute(
                select(Record.id, Record.reference_code, Record.title, Record.date, Record.status)
                .where(Record.transfer_batch_id == batch_id)
                .order_by(Record.reference_code)
            )
        )
        headers, returned = _returned(batch.returned_rows)
        return BatchDetails(
            id=batch.id, file_name=batch.file_name, department=f"{code} {name}" if code else "",
            department_code=code or "", received_on=batch.received_on, rows=batch.row_count,
            accepted=batch.accepted_count, returned=batch.returned_count, status=batch.status,
            sha256=batch.file_sha256, headers=headers, records=records, returned_rows=returned,
        )  # fmt: skip


def _returned(text: str) -> tuple[tuple[str, ...], tuple[ReturnedRow, ...]]:
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return (), ()
    headers: list[str] = []
    rows: list[ReturnedRow] = []
    for sheet in data.get("sheets", []):
        headers += [h for h in sheet.get("headers", []) if h not in headers]
        for row in sheet.get("rows", []):
            issues = tuple(ReturnedIssue(i["column"], Message(i["id"], i.get("params", {}))) for i in row["issues"])
            rows.append(ReturnedRow(sheet.get("sheet", ""), int(row["row"]), tuple(row["cells"]), issues))
    return tuple(headers), tuple(rows)


def _text(value: object) -> str:
    text = as_text(value)
    return text if len(text) <= MAX_CELL else text[:MAX_CELL] + f"…（{len(text):,}）"


def withdraw_batch(db: Database, batch_id: int, *, uow: UnitOfWork | None = None) -> int:
    """Take back a batch whose records are all still pending (暂存, never accepted into custody):
    its records are removed (audited, each with its code and title), and the files attached to them
    (each audited; the stored copies deleted after commit unless another record holds them); its rows
    all count as returned. Item numbers are not handed back. Returns how many records were removed;
    NotAllowed otherwise."""
    from archdesk.services import search
    from archdesk.services.digitisation import attachments

    with unit_of_work(db, uow) as work:
        session = work.session
        batch = session.get(TransferBatch, batch_id)
        if batch is None:
            raise NotFound("transfer_batch", batch_id)
        records = session.execute(
            select(Record.id, Record.reference_code, Record.title, Record.status, Record.accepted_at, Record.box_id)
            .where(Record.transfer_batch_id == batch_id)
            .order_by(Record.id)
        ).all()
        held = [r for r in records if r.status != "pending" or r.accepted_at is not None or r.box_id is not None]
        if held or not records:
            raise NotAllowed(msg("import.withdraw_refused", batch=batch_id, count=len(held) or len(records)))
        ids = [r.id for r in records]
        search.remove_records(session, ids)
        stored = attachments.remove_for_deleted_records(work, {r.id: r.reference_code for r in records})
        for start in range(0, len(ids), 500):
            session.execute(delete(Record).where(Record.id.in_(ids[start : start + 500])))
        before = {"accepted": batch.accepted_count, "returned": batch.returned_count, "status": batch.status,
                  "records": [{"id": r.id, "reference_code": r.reference_code, "title": r.title} for r in records]}  # fmt: skip
        batch.accepted_count, batch.returned_count, batch.status = 0, batch.row_count, "returned"
        batch.notes = with_note(batch.notes, msg("import.note.withdrawn", count=len(ids)))
        work.audit("withdraw", "transfer_batch", batch_id,
                   msg("audit.transfer.withdrawn", batch=batch_id, count=len(ids)),
                   before=before, after={"accepted": 0, "returned": batch.row_count, "status": "returned"})  # fmt: skip
    if uow is None:
        attachments.delete_unshared_files(db, stored)
    return len(ids)
