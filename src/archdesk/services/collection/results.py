"""What an import hands back: the preview of a file read and checked (per sheet and together) and
the result of accepting it, with the CLI's ``--json`` object (the keys are a contract)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archdesk.messages import Message, msg, render
from archdesk.services.collection.mapping import ColumnMapping
from archdesk.services.collection.reader import SheetTable
from archdesk.services.collection.validation import FilledValue, RowIssue, UnknownValue, Validation
from archdesk.services.errors import field_label


@dataclass(frozen=True)
class HiddenCharacters:
    """A cell whose control, bidi-override or zero-width characters were removed on reading (a
    warning: the row is imported without them)."""

    file: str
    row: int
    column: str  # the heading as written
    sheet: str = ""

    def note(self, several_sheets: bool = False) -> Message:
        where = f"{self.sheet} " if several_sheets and self.sheet else ""
        return msg(
            "safety.import.hidden_removed", source=Path(self.file).name, row=f"{where}{self.row}", column=self.column
        )


@dataclass(frozen=True)
class SheetPreview:
    """One sheet of a preview: its table, the columns' mapping and the outcome of its rows."""

    table: SheetTable
    mapping: ColumnMapping
    validation: Validation


@dataclass(frozen=True)
class ImportPreview:
    """A file read and checked, nothing written. Pass it to ``accept_import`` to take the valid rows."""

    file: str
    sha256: str
    sheets: tuple[SheetPreview, ...]
    validation: Validation  # every sheet's rows together
    department_id: int | None
    department_label: str
    category_code: str
    earlier_batches: tuple[int, ...]  # batches imported from a file with the same SHA-256
    sheet_names: tuple[str, ...] = ()
    not_read: tuple[tuple[str, str], ...] = ()  # sheets not read, and why
    keep_reference_codes: bool = False
    value_map: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # field → spelling → code

    @property
    def table(self) -> SheetTable:
        return self.sheets[0].table

    @property
    def hidden(self) -> tuple[HiddenCharacters, ...]:
        return tuple(
            HiddenCharacters(s.table.file, row, column, s.table.sheet_name)
            for s in self.sheets
            for row, column in s.table.hidden
        )

    @property
    def mapping(self) -> ColumnMapping:
        return self.sheets[0].mapping

    @property
    def rows(self) -> int:
        return sum(len(s.table.rows) for s in self.sheets)

    @property
    def valid(self) -> int:
        return len(self.validation.candidates)

    @property
    def invalid(self) -> int:
        return self.rows - self.valid


@dataclass(frozen=True)
class ImportResult:
    """What an import did; ``as_json`` is the CLI's ``--json`` object."""

    file: str
    rows: int
    valid: int
    invalid: int
    imported: int
    review: int
    issues: tuple[RowIssue, ...]
    batch_id: int | None
    first_record_id: int | None = None
    last_record_id: int | None = None
    dry_run: bool = False
    unknown_values: tuple[UnknownValue, ...] = ()
    filled: tuple[FilledValue, ...] = ()
    sheets_read: tuple[str, ...] = ()
    not_read: tuple[tuple[str, str], ...] = ()
    hidden: tuple[HiddenCharacters, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "rows": self.rows,
            "valid": self.valid,
            "invalid": self.invalid,
            "imported": self.imported,
            "batch": self.batch_id,
            "errors": [
                {
                    "row": i.row,
                    "column": i.column,
                    "message": i.message,
                    **({"sheet": i.sheet} if len(self.sheets_read) > 1 else {}),
                }
                for i in self.issues
            ],
            "unknown_values": [
                {
                    "field": _cli_field(u.field),
                    "column": u.column,
                    "value": u.value,
                    "rows": list(u.rows),
                    **({"sheet": u.sheet} if u.sheet and len(self.sheets_read) > 1 else {}),
                }
                for u in self.unknown_values
            ],  # fmt: skip
            "values_from": [
                {"field": _cli_field(f.field), "value": f.value, "source": render(f.source), "rows": f.rows}
                for f in self.filled
            ],
            "sheets": list(self.sheets_read),
            "sheets_not_read": [{"sheet": name, "reason": reason} for name, reason in self.not_read],
            "warnings": [
                {
                    "file": h.file,
                    "row": h.row,
                    "column": h.column,
                    "message": render(h.note()),
                    **({"sheet": h.sheet} if len(self.sheets_read) > 1 else {}),
                }
                for h in self.hidden
            ],
        }

    def notes(self) -> list:
        """Messages about the whole file: values taken for every row, sheets not read."""
        out = [
            msg("import.value_from", field=field_label(f.field), value=f.value, source=f.source) for f in self.filled
        ]
        unread = [name for name, _ in self.not_read]
        if unread:
            out.append(
                msg("import.sheets_not_read", count=len(unread) + len(self.sheets_read),
                    read="、".join(self.sheets_read), unread="、".join(unread))
            )  # fmt: skip
        out += [h.note(len(self.sheets_read) > 1) for h in self.hidden]
        return out


def _cli_field(name: str) -> str:
    return {"security_level": "security"}.get(name, name)
