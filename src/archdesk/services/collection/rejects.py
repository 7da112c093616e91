"""The rejection slip of a transfer: the returned rows as an Excel file (the department's own
columns plus 问题 / issue) and the acceptance/return note (移交验收单) as a PDF, both described as
report documents and rendered by ``archdesk.services.reports``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from archdesk.services.collection.parsing import as_text
from archdesk.services.collection.returned import BatchDetails
from archdesk.services.collection.transfer import ImportPreview, ImportResult
from archdesk.services.reports import Column, Document, Field, Orientation, render_pdf, render_xlsx, single_section
from archdesk.services.reports.document import Align, Cell, Kind

#: Longest original value copied into the slip; a 5 MB cell is cut (the issue column says why).
MAX_CELL_TEXT = 500


@dataclass(frozen=True)
class RejectionSlip:
    """The files written: the returned rows (None when every row was accepted) and the note."""

    returned_rows: Path | None
    acceptance_note: Path


def returned_rows_document(preview: ImportPreview, language: str = "zh_CN") -> Document:
    """The invalid rows with the sheet row number, their original cells and one issue column.

    From several sheets: a 工作表 column first, and the columns of every sheet by heading."""
    en = language == "en"
    colon = ": " if en else "："
    messages: dict[tuple[str, int], list[str]] = {}
    for issue in preview.validation.issues:
        key = (issue.sheet, issue.row)
        messages.setdefault(key, []).append(f"{issue.column}{colon}{issue.render(language)}")
    several = len(preview.sheets) > 1
    headers: list[str] = []
    for sheet in preview.sheets:
        headers += [h for h in sheet.table.headers if h not in headers] if several else list(sheet.table.headers)
    rows: list[tuple[Cell, ...]] = []
    for sheet in preview.sheets:
        table = sheet.table
        position = [headers.index(h) for h in table.headers] if several else list(range(len(table.headers)))
        for sheet_row in table.rows:
            found = messages.get((table.sheet_name, sheet_row.sheet_row))
            if not found:
                continue
            cells: list[Cell] = [None] * len(headers)
            for index, value in zip(position, sheet_row.cells, strict=False):
                cells[index] = _cell(value)
            lead = (table.sheet_name, sheet_row.sheet_row) if several else (sheet_row.sheet_row,)
            rows.append((*lead, *cells, "；".join(found)))
    columns = (
        *((Column("Sheet" if en else "工作表", 1.0),) if several else ()),
        Column("Row" if en else "行号", 0.5, Align.RIGHT, kind=Kind.NUMBER),
        *(Column(h or f"#{i + 1}", 1.0, wrap=True) for i, h in enumerate(headers)),
        Column("Issue" if en else "问题", 3.0, wrap=True),
    )
    return Document(
        title="Returned rows" if en else "退回清单",
        subtitle=Path(preview.file).name,
        columns=columns,
        sections=single_section(rows),
        orientation=Orientation.LANDSCAPE,
        language=language,
        sheet_name="Returned" if en else "退回",
    )


def acceptance_note_document(preview: ImportPreview, result: ImportResult, language: str = "zh_CN") -> Document:
    """移交验收单: the batch, counts accepted and returned, the first issues, and the signature lines."""
    rows = [(i.row, f"{i.sheet} · {i.column}" if i.sheet and len(preview.sheets) > 1 else i.column,
             i.render(language)) for i in result.issues]  # fmt: skip
    return _note_document(
        Path(preview.file).name, result.batch_id, preview.department_label, result.rows, result.imported,
        result.invalid, result.review, preview.sha256, rows, language,
    )  # fmt: skip


def batch_note_document(details: BatchDetails, language: str = "zh_CN") -> Document:
    """The 移交验收单 of a batch accepted earlier, from what the batch kept (the Transfers dock's reprint)."""
    rows = [(r.row, i.column, i.render(language)) for r in details.returned_rows for i in r.issues]
    return _note_document(
        details.file_name, details.id, details.department, details.rows, details.accepted, details.returned, 0,
        details.sha256, rows, language,
    )  # fmt: skip


def _note_document(
    file_name: str, batch_id: int | None, department: str, total: int, accepted: int, returned: int, review: int,
    sha256: str, rows: list[tuple[Cell, ...]], language: str,
) -> Document:  # fmt: skip
    en = language == "en"
    fields = (
        Field("Batch" if en else "移交批次", str(batch_id) if batch_id else ("(dry run)" if en else "（试导入）")),
        Field("File" if en else "文件", file_name),
        Field("Department" if en else "移交单位", department or "—"),
        Field("Rows" if en else "条目数", str(total)),
        Field("Accepted" if en else "接收", str(accepted)),
        Field("Returned" if en else "退回", str(returned)),
        Field("To review" if en else "待复核期限", str(review)),
        Field("SHA-256", sha256[:16] + "…"),
    )
    return Document(
        title="Transfer acceptance note" if en else "移交验收单",
        subtitle=file_name,
        columns=(
            Column("Row" if en else "行号", 0.6, Align.RIGHT, kind=Kind.NUMBER),
            Column("Column" if en else "列", 1.2),
            Column("Issue" if en else "问题", 4.0, wrap=True),
        ),
        sections=single_section(rows),
        fields=fields,
        signatures=("移交人", "移交日期", "接收人", "接收日期")
        if not en
        else ("Handed over by", "Date", "Received by", "Date"),
        footer_notes=(
            ("Rows with an issue are returned to the department with the returned-rows list.",)
            if en
            else ("有问题的条目随退回清单退回移交单位，修改后重新移交。",)
        ),
        language=language,
    )


def batch_returned_document(details: BatchDetails, language: str = "zh_CN") -> Document:
    """The returned rows a batch kept, with their issues (the Transfers dock's print of them)."""
    en = language == "en"
    colon = ": " if en else "："
    rows = [
        (r.row, *r.cells, "；".join(f"{i.column}{colon}{i.render(language)}" for i in r.issues))
        for r in details.returned_rows
    ]
    width = max((len(r.cells) for r in details.returned_rows), default=len(details.headers))
    headers = list(details.headers) + [""] * (width - len(details.headers))
    columns = (
        Column("Row" if en else "行号", 0.5, Align.RIGHT, kind=Kind.NUMBER),
        *(Column(h or f"#{i + 1}", 1.0, wrap=True) for i, h in enumerate(headers[:width])),
        Column("Issue" if en else "问题", 3.0, wrap=True),
    )
    return Document(
        title="Returned rows" if en else "退回清单",
        subtitle=details.file_name,
        columns=columns,
        sections=single_section(rows),
        orientation=Orientation.LANDSCAPE,
        language=language,
        sheet_name="Returned" if en else "退回",
    )


def write_rejection_slip(
    preview: ImportPreview, result: ImportResult, folder: str | Path, *, language: str = "zh_CN"
) -> RejectionSlip:
    """Write ``<file>-退回.xlsx`` (only when rows were returned) and ``<file>-移交验收单.pdf`` into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stem = Path(preview.file).stem
    returned = None
    if result.invalid:
        returned = folder / (f"{stem}-returned.xlsx" if language == "en" else f"{stem}-退回.xlsx")
        render_xlsx(returned_rows_document(preview, language), returned)
    note = folder / (f"{stem}-acceptance-note.pdf" if language == "en" else f"{stem}-移交验收单.pdf")
    render_pdf(acceptance_note_document(preview, result, language), note)
    return RejectionSlip(returned, note)


def _cell(value: object) -> Cell:
    if value is None or isinstance(value, int | float | date | datetime) and not isinstance(value, bool):
        return value  # type: ignore[return-value]
    text = as_text(value)
    return text if len(text) <= MAX_CELL_TEXT else text[:MAX_CELL_TEXT] + f"…（{len(text):,}）"
