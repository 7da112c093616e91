"""SpreadsheetML 2003 (XML Spreadsheet) saved with an ``.xls`` name, as WPS and older systems export.

The file is XML, not the binary format calamine reads: ``<Workbook><Worksheet ss:Name><Table><Row>
<Cell ss:Index ss:MergeAcross ss:MergeDown><Data ss:Type="String|Number|DateTime|Boolean">``.
It is read as a stream; a DOCTYPE (entity declarations) is refused before parsing.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

from archdesk.messages import msg
from archdesk.services.collection.guards import MAX_CELLS, MAX_COLUMNS, ImportFileError

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
Grid = list[list[object]]
Merged = list[tuple[tuple[int, int], tuple[int, int]]]


def is_spreadsheetml(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(4096)
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and b"urn:schemas-microsoft-com:office:spreadsheet" in head


def read_sheets(path: Path) -> list[tuple[str, Grid, Merged]]:
    """Every worksheet as (name, rows of cell values, merged ranges (0-based, inclusive))."""
    with path.open("rb") as handle:
        if b"<!DOCTYPE" in handle.read(1 << 16).upper():
            raise ImportFileError(path, msg("import.file.xml_doctype"))
    sheets: list[tuple[str, Grid, Merged]] = []
    grid: Grid = []
    merged: Merged = []
    row: list[object] = []
    column = 0
    cells = 0
    try:
        for event, element in ET.iterparse(path, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == f"{_SS}Worksheet":
                    grid, merged = [], []
                elif tag == f"{_SS}Row":
                    index = element.get(f"{_SS}Index")
                    while index and len(grid) < int(index) - 1:
                        grid.append([])
                    row, column = [], 0
                continue
            if tag == f"{_SS}Cell":
                index = element.get(f"{_SS}Index")
                if index:
                    column = int(index) - 1
                if column >= MAX_COLUMNS:
                    raise ImportFileError(
                        path, msg("import.file.too_wide", columns=f"> {MAX_COLUMNS}", limit=MAX_COLUMNS)
                    )
                data = element.find(f"{_SS}Data")
                value = _value(data) if data is not None else None
                row.extend([None] * (column + 1 - len(row)))
                row[column] = value
                across = int(element.get(f"{_SS}MergeAcross", "0"))
                down = int(element.get(f"{_SS}MergeDown", "0"))
                if across or down:
                    merged.append(((len(grid), column), (len(grid) + down, column + across)))
                column += 1 + across
                element.clear()
            elif tag == f"{_SS}Row":
                grid.append(row)
                cells += len(row)
                if cells > MAX_CELLS:
                    raise ImportFileError(path, msg("import.file.sheet_too_large"))
                element.clear()
            elif tag == f"{_SS}Worksheet":
                sheets.append((element.get(f"{_SS}Name", f"Sheet{len(sheets) + 1}"), grid, merged))
                element.clear()
    except ET.ParseError as exc:
        raise ImportFileError(path, msg("import.file.damaged", detail=str(exc))) from exc
    if not sheets:
        raise ImportFileError(path, msg("import.file.no_worksheet"))
    return sheets


def _value(data: ET.Element) -> object:
    text = "".join(data.itertext())
    kind = data.get(f"{_SS}Type", "String")
    if kind == "Number":
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if number.is_integer() and abs(number) < 1e15 else number
    if kind == "DateTime":
        try:
            return datetime.fromisoformat(text.rstrip("Z")[:26])
        except ValueError:
            return text
    if kind == "Boolean":
        return text.strip() == "1"
    return text
