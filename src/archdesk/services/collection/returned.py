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

from sqlalchemy import select

from archdesk.messages import Message, render
from archdesk.models import Department, Record, TransferBatch
from archdesk.services.collection.parsing import as_text
from archdesk.services.database import Database
from archdesk.services.errors import NotFound

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
            select(TransferBatch, Department.code, Department.name)
            .outerjoin(Department, Department.id == TransferBatch.department_id)
            .where(TransferBatch.id == batch_id)
        ).first()
        if found is None:
            raise NotFound("transfer_batch", batch_id)
        batch, code, name = found
        records = tuple(
            BatchRecord(*row)
            for row in session.execute(
                select(Record.id, Record.reference_code, Record.title, Record.date, Record.status)
                .where(Record.transfer_batch_id == batch_id)
                .order_by(Record.reference_code)
            )
        )
        headers, returned = _returned(batch.returned_rows)
        return BatchDetails(
            batch.id, batch.file_name, f"{code} {name}" if code else "", code or "", batch.received_on,
            batch.row_count, batch.accepted_count, batch.returned_count, batch.status, batch.file_sha256,
            headers, records, returned,
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
