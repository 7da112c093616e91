"""Reading a department's transfer spreadsheet (移交清单 / 归档文件目录) into plain rows.

Formats: .xlsx/.xlsm, .xls and .ods through python-calamine; .csv/.txt with the encoding detected
(UTF-8 with or without BOM, GB18030/GBK). The reader finds the header row itself (title and info
rows above it are skipped), fills merged cells with their top-left value, and leaves out blank
rows, total rows (合计, 总计, Total …) and signature lines below the table. Row numbers are the
1-based rows of the sheet, as the archivist sees them in Excel.

Every failure to read the file at all is an ``ImportFileError`` naming the file.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from archdesk.messages import msg
from archdesk.services.collection.guards import (
    MAX_COLUMNS,
    ImportFileError,
    check_container,
    check_ods_extent,
    check_xlsx_extent,
    strip_hidden,
)
from archdesk.services.collection.mapping import field_for_heading, heading_score, normalise_heading
from archdesk.services.collection.spreadsheetml import is_spreadsheetml

CellValue = str | int | float | bool | date | datetime | time | timedelta | None
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
SUPPORTED_SUFFIXES = WORKBOOK_SUFFIXES + TEXT_SUFFIXES
#: Rows searched for the header; title blocks are a few rows deep.
HEADER_SEARCH_ROWS = 30
_TOTAL = re.compile(r"^(合计|总计|小计|共计|总共|累计|total|subtotal|grand\s*total|sum)\b", re.IGNORECASE)
_TOTAL_ZH = re.compile(r"^(合计|总计|小计|共计|总共|累计)")
_FOOTER = re.compile(r"^(制表|填表|编制|移交人|接收人|交接人|审核|审批|经办人|负责人|检查人|立卷人)")
#: First characters of every total and footer pattern above (either case; ſ folds to s): a row whose
#: first value starts otherwise is data, without the regular expressions.
_TOTAL_OR_FOOTER_LEADS = frozenset("合总小共累制填编移接交审经负检立tTsSgGſ")
_CSV_FIELD_LIMIT = 16 << 20  # a 5 MB cell is read and then rejected by validation, not by the CSV parser


@dataclass(frozen=True)
class SheetRow:
    """One data row: its 1-based row number in the sheet and one value per header column."""

    sheet_row: int
    cells: tuple[CellValue, ...]


@dataclass(frozen=True)
class SheetTable:
    """The table found in a file: headings as written, the header's sheet row, and the data rows."""

    file: str
    sheet_name: str
    headers: tuple[str, ...]
    header_row: int
    rows: tuple[SheetRow, ...]
    skipped_rows: int  # total and footer rows left out (blank rows are not counted)
    info: tuple[str, ...] = ()  # the title and info rows above the header, as text ("保管期限：永久")
    #: (sheet row, heading) of data cells that held control, bidi-override or zero-width characters
    #: (removed, with a warning: ``results.HiddenCharacters``).
    hidden: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class Workbook:
    """The tables read from a file, and the sheets that were not read (with the reason, a plain text)."""

    file: str
    tables: tuple[SheetTable, ...]
    sheet_names: tuple[str, ...]
    not_read: tuple[tuple[str, str], ...] = ()


ALL_SHEETS = "all"


def read_table(path: str | Path) -> SheetTable:
    """The table of the first sheet of a spreadsheet or CSV file (see ``read_tables``)."""
    return read_tables(path).tables[0]


def read_tables(path: str | Path, sheet: str | None = None, known: Iterable[str] = ()) -> Workbook:
    """Read one sheet (``sheet`` by name; the first when None) or every sheet (``"all"``).

    Runs on the calling thread (a worker thread in the UI). Raises ``ImportFileError`` when the
    file is a folder, empty, encrypted, damaged, of an unknown kind, too large, or has no
    recognisable header (with ``"all"``: when no sheet has one; the others are listed in ``not_read``).
    ``known`` are headings the archivist mapped (``--column``): they count as recognised.
    """
    known_keys = frozenset(normalise_heading(h) for h in known)
    path = Path(path)
    if path.is_dir():
        raise ImportFileError(path, msg("import.is_folder"))
    if not path.is_file():
        raise ImportFileError(path, msg("import.file.missing"))
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportFileError(path, msg("import.file.unsupported_type", suffix=suffix or "—"))
    check_container(path)
    if suffix in TEXT_SUFFIXES:
        return Workbook(str(path), (_table_from_grid(path, "", _read_csv(path), [], known_keys),), ("",))
    if suffix == ".xls" and is_spreadsheetml(path):
        from archdesk.services.collection.spreadsheetml import read_sheets

        sheets = read_sheets(path)
        loaders = [(name, lambda g=grid, m=merged: (iter(g), m)) for name, grid, merged in sheets]
        return _chosen(path, loaders, sheet, known_keys)
    if suffix in (".xlsx", ".xlsm"):
        check_xlsx_extent(path)
    elif suffix == ".ods":
        check_ods_extent(path)
    return _read_workbook(path, sheet, known_keys)


def _chosen(path: Path, sheets: list[tuple[str, Any]], wanted: str | None, known: frozenset[str]) -> Workbook:
    """The tables of the wanted sheets; ``sheets`` gives (name, load() → (rows, merged ranges))."""
    names = tuple(name for name, _ in sheets)
    if wanted is None:
        chosen = sheets[:1]
    elif wanted.lower() == ALL_SHEETS:
        chosen = sheets
    else:
        chosen = [s for s in sheets if s[0] == wanted or s[0].strip() == wanted.strip()]
        if not chosen:
            raise ImportFileError(path, msg("import.no_such_sheet", name=wanted, names="、".join(names)))
    tables: list[SheetTable] = []
    chosen_names = {name for name, _ in chosen}
    not_read: list[tuple[str, str]] = [(name, "not asked for") for name, _ in sheets if name not in chosen_names]
    for name, load in chosen:
        try:
            rows, merged = load()
            tables.append(_table_from_grid(path, name, rows, merged, known))
        except ImportFileError as exc:
            if len(chosen) == 1:
                raise
            not_read.append((name, exc.reason))
    if not tables:
        raise ImportFileError(path, msg("import.file.no_table", details="; ".join(f"{n}: {r}" for n, r in not_read)))
    return Workbook(str(path), tuple(tables), names, tuple(not_read))


def sheet_row_counts(path: str | Path) -> list[tuple[str, int]]:
    """Each sheet's name and its number of data rows (the wizard's sheet list); sheets without a table count 0."""
    workbook = read_tables(path, ALL_SHEETS)
    counts = {t.sheet_name: len(t.rows) for t in workbook.tables}
    return [(name, counts.get(name, 0)) for name in workbook.sheet_names]


def _read_workbook(path: Path, wanted: str | None, known: frozenset[str]) -> Workbook:
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError as exc:
        raise ImportFileError(path, msg("import.file.encrypted")) from exc
    except (python_calamine.CalamineError, OSError, ValueError) as exc:
        raise ImportFileError(path, msg("import.file.unreadable", detail=_short(exc))) from exc
    try:
        names = workbook.sheet_names
        if not names:
            raise ImportFileError(path, msg("import.file.no_worksheet"))

        def loader(index: int) -> Any:
            def load() -> tuple[Iterable[list[CellValue]], list]:
                sheet = workbook.get_sheet_by_index(index)
                start = sheet.start
                if start is None:
                    raise ImportFileError(path, msg("import.file.sheet_empty"))
                if sheet.width > MAX_COLUMNS:
                    raise ImportFileError(
                        path, msg("import.file.too_wide", columns=f"{sheet.width:,}", limit=MAX_COLUMNS)
                    )
                merged = [
                    ((r0, c0 - start[1]), (r1, c1 - start[1]))
                    for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])
                    if c1 >= start[1]
                ]
                return sheet.iter_rows(), merged

            return load

        return _chosen(path, [(name, loader(i)) for i, name in enumerate(names)], wanted, known)
    except python_calamine.PasswordError as exc:
        raise ImportFileError(path, msg("import.file.encrypted")) from exc
    except python_calamine.CalamineError as exc:
        raise ImportFileError(path, msg("import.file.sheet_unreadable", detail=_short(exc))) from exc
    finally:
        workbook.close()


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    return text[:200]


def _read_csv(path: Path) -> Iterator[list[str]]:
    raw = path.read_bytes()
    text = decode_text(path, raw)
    sample = text[:65536]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        for row in reader:
            # A million separators on one line must not become a million cells.
            yield row[:MAX_COLUMNS] if len(row) > MAX_COLUMNS else row
    except csv.Error as exc:
        raise ImportFileError(path, msg("import.file.csv_malformed", line=reader.line_num, detail=str(exc))) from exc


def decode_text(path: Path, raw: bytes) -> str:
    """Decode CSV bytes: UTF-8 (BOM or not), then GB18030 (a superset of GBK), then a detector's guess."""
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(path, msg("import.file.csv_binary"))
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(raw[: 1 << 20]).best()
    if best is None:
        raise ImportFileError(path, msg("import.file.csv_encoding"))
    return raw.decode(best.encoding, errors="replace")


def _cleaned_rows(rows: Iterable[list[CellValue]], first_index: int, hidden: list[tuple[int, int]]) -> Iterator[list]:
    """Rows with their texts stripped; a text with control, bidi or zero-width characters loses
    them and its (0-based row, column) goes into ``hidden``. Printable texts (nearly all) take the
    quick way: ``isprintable`` is one C call, and those characters are never printable."""
    index = first_index

    def kept(value: str, column: int) -> str | None:
        text = strip_hidden(value)
        if text != value:  # a newline alone is not printable either, and stays
            hidden.append((index, column))
        return text.strip() or None

    for raw in rows:
        yield [
            ((v.strip() or None) if v.isprintable() else kept(v, column)) if v.__class__ is str else v
            for column, v in enumerate(raw)
        ]
        index += 1


def _fill_merged(grid: list[list[CellValue]], merged: list[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """Give every cell of a merged range its top-left value (a merged 保管期限 covers many rows)."""
    for (r0, c0), (r1, c1) in merged:
        if r0 >= len(grid):
            continue
        first = grid[r0][c0] if 0 <= c0 < len(grid[r0]) else None
        if first is None:
            continue
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            row = grid[r]
            for c in range(max(c0, 0), c1 + 1):
                if c < len(row) and row[c] is None:
                    row[c] = first


def _table_from_grid(
    path: Path,
    sheet_name: str,
    rows: Iterable[list[CellValue]],
    merged: list[tuple[tuple[int, int], tuple[int, int]]],
    known: frozenset[str] = frozenset(),
) -> SheetTable:
    hidden: list[tuple[int, int]] = []  # (0-based row, column)
    iterator = _cleaned_rows(rows, 0, hidden)
    head: list[list[CellValue]] = []
    for row in iterator:
        head.append(row)
        if len(head) >= HEADER_SEARCH_ROWS:
            break
    if not any(any(v is not None for v in row) for row in head):
        raise ImportFileError(path, msg("import.file.sheet_empty"))
    _fill_merged(head, merged)
    header_index = _find_header(head, known)
    if header_index is None:
        raise ImportFileError(path, msg("import.file.no_header"))
    # A heading merged down over two rows makes the header two rows deep.
    header_end = max([header_index] + [r1 for (r0, _), (r1, _) in merged if r0 <= header_index <= r1])
    header_end = min(header_end, len(head) - 1)
    # 材料形成时间 over 年 / 月 / 日: the three columns below the group are read as one date.
    parts_row = header_index + 1 if header_index + 1 < len(head) else None
    date_parts = _date_part_columns(head[parts_row]) if parts_row is not None else None
    if date_parts is not None:
        header_end = max(header_end, parts_row)
    headers = _headings(head[header_index : header_end + 1], head[header_index - 1] if header_index else None)
    if date_parts is not None:
        group = _text(head[header_index][date_parts[0]]) if date_parts[0] < len(head[header_index]) else ""
        headers[date_parts[0]] = group if group and group not in _DATE_PARTS else "日期"
    width = len(headers)
    info = tuple(line for line in (_info_line(row) for row in head[:header_index]) if line)
    body_merged = [m for m in merged if m[1][0] > header_end]
    data: list[SheetRow] = []
    skipped = 0
    pending = head[header_end + 1 :]
    sheet_row = header_end + 1
    if body_merged:
        rows_after = _chain_rows(pending, iterator, body_merged, header_end + 1)
    else:  # the common case, in one loop
        rows_after = itertools.chain(pending, iterator)
    for cells in rows_after:
        sheet_row += 1
        if len(cells) != width:
            cells = cells + [None] * (width - len(cells)) if len(cells) < width else cells[:width]
        if cells.count(None) == width:
            continue
        for first in cells:
            if first is not None:
                break
        if first.__class__ is str and first[0] in _TOTAL_OR_FOOTER_LEADS and _is_total_or_footer(cells):
            skipped += 1
            continue
        if date_parts is not None:
            cells = _joined_date(cells, date_parts)
        data.append(SheetRow(sheet_row, tuple(cells)))
    marked = tuple((r + 1, headers[c]) for r, c in hidden if r > header_end and c < width)
    if date_parts is not None:
        headers = [h for i, h in enumerate(headers) if i not in date_parts[1:]]
    return SheetTable(str(path), sheet_name, tuple(headers), header_end + 1, tuple(data), skipped, info, marked)


_DATE_PARTS = ("年", "月", "日")


def _date_part_columns(row: list[CellValue]) -> tuple[int, ...] | None:
    """The columns of a 年 / 月 / 日 row under a date heading (year first), or None."""
    found = {_text(v): i for i, v in enumerate(row) if isinstance(v, str) and _text(v) in _DATE_PARTS}
    if "年" not in found or "月" not in found:
        return None
    return tuple(found[p] for p in _DATE_PARTS if p in found)


def _joined_date(cells: list[CellValue], columns: tuple[int, ...]) -> list[CellValue]:
    """One date text from the year, month (and day) cells, 0 for a blank part: 1997-7-0; the other
    two columns are dropped."""
    parts = [cells[i] if i < len(cells) else None for i in columns]
    year = parts[0]
    if year is None:
        joined: CellValue = None
    else:
        numbers = [_text(p) if p is not None else "0" for p in parts] + ["0"] * (3 - len(parts))
        joined = "-".join(numbers)
    out = [v for i, v in enumerate(cells) if i not in columns[1:]]
    out[columns[0]] = joined
    return out


def _info_line(row: list[CellValue]) -> str:
    return "  ".join(_text(v) for v in row if v is not None and _text(v))


def _chain_rows(
    first: list[list[CellValue]],
    rest: Iterator[list[CellValue]],
    merged: list[tuple[tuple[int, int], tuple[int, int]]],
    index: int,
) -> Iterator[list[CellValue]]:
    """Cleaned rows after the header (``index`` is the 0-based row of the first one); merged ranges
    in the body are filled from their top-left cell as the rows stream past."""
    starts: dict[int, list[tuple[int, int, int]]] = {}
    for (r0, c0), (r1, c1) in merged:
        starts.setdefault(r0, []).append((r1, max(c0, 0), c1))
    fill: dict[int, dict[int, CellValue]] = {}
    for row in itertools.chain(first, rest):
        for r1, c0, c1 in starts.get(index, ()):
            value = row[c0] if c0 < len(row) else None
            if value is not None:
                for r in range(index + 1, r1 + 1):
                    fill.setdefault(r, {}).update(dict.fromkeys(range(c0, c1 + 1), value))
        for c, value in fill.pop(index, {}).items():
            if c < len(row) and row[c] is None:
                row[c] = value
        index += 1
        yield row


def _find_header(rows: list[list[CellValue]], known: frozenset[str] = frozenset()) -> int | None:
    """The row a person would take for the header: the most *distinct* known headings (at least
    two), never a row that reads as data (a date, a number, a 档号 or a long text in it). A row of
    56 repeated "Notes" labels counts one."""
    best, best_score = None, 1
    for index, row in enumerate(rows):
        if _reads_as_data(row):
            continue
        score = len({_meaning(v, known) for v in row if isinstance(v, str) and _meaning(v, known)})
        if score > best_score:
            best, best_score = index, score
    return best


def _meaning(text: str, known: frozenset[str]) -> str | None:
    key = normalise_heading(text)
    if key in known:
        return "mapped:" + key
    return field_for_heading(text) if heading_score(text) else None


_DATA_TEXT = re.compile(r"^\d{6,8}$|^\d{4}[-./年]\d{1,2}|\d{4}-\d{4}$|[-·]\d{4}$")


def _reads_as_data(row: list[CellValue]) -> bool:
    for value in row:
        if value is None:
            continue
        if isinstance(value, date | datetime | time | timedelta):
            return True
        if isinstance(value, int | float) and not isinstance(value, bool) and value > 31:
            return True
        if isinstance(value, str) and (len(value) > 40 or _DATA_TEXT.search(value)):
            return True
    return False


def _headings(rows: list[list[CellValue]], above: list[CellValue] | None) -> list[str]:
    """Header texts. In a two-row header the lower (more specific) heading wins when it is a known
    one; an empty header cell under a merged group label takes that label."""
    # Columns right of the header's last heading are not the table's, whatever the rows above hold.
    width = 1 + max((i for row in rows for i, v in enumerate(row) if _text(v)), default=-1)
    headers = []
    for index in range(width):
        texts = [_text(row[index]) for row in rows if index < len(row) and _text(row[index])]
        known = [t for t in texts if heading_score(t)]
        text = (known or texts or [""])[-1]
        if not text and above is not None and index < len(above):
            text = _text(above[index])
        headers.append(text)
    while headers and not headers[-1]:
        headers.pop()
    return headers


def _text(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return re.sub(r"\s+", " ", str(value)).strip()


def _is_total_or_footer(cells: list[CellValue]) -> bool:
    first = next((v for v in cells if v is not None), None)
    if not isinstance(first, str):
        return False
    compact = re.sub(r"\s+", "", first)
    if len(compact) > 80:  # a signature line: 编制人：____ 审核人：____ 日期：____
        return False
    if _TOTAL_ZH.match(compact) or _TOTAL.match(first):
        return True
    return bool(_FOOTER.match(compact)) and ("：" in compact or ":" in compact)
