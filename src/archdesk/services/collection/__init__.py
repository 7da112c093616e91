"""Collection (收集): taking in department transfer spreadsheets as transfer batches."""

from archdesk.services.collection.guards import ImportFileError
from archdesk.services.collection.mapping import FIELDS, ColumnMapping, guess_mapping
from archdesk.services.collection.reader import SheetRow, SheetTable, read_table
from archdesk.services.collection.transfer import (
    ImportPreview,
    ImportResult,
    accept_import,
    import_transfer,
    preview_import,
)
from archdesk.services.collection.validation import RowIssue

__all__ = [
    "FIELDS",
    "ColumnMapping",
    "ImportFileError",
    "ImportPreview",
    "ImportResult",
    "RowIssue",
    "SheetRow",
    "SheetTable",
    "accept_import",
    "guess_mapping",
    "import_transfer",
    "preview_import",
    "read_table",
]
