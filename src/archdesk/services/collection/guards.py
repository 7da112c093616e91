"""Checks made before a spreadsheet is handed to the reader, so that a hostile or broken file gives a
clear error instead of a traceback or a memory blow-up.

The reader (calamine) builds a dense grid from the top-left to the bottom-right cell that holds a
value; one stray value in column XFD of row 1,000,000 would ask for 17 billion cells. For .xlsx the
sheet XML is scanned as a stream first (cell references only, no parsing); for .ods the repeated
rows and columns that carry a value are counted. Legacy .xls is bounded by its format (256 × 65,536).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from archdesk.messages import Message, msg
from archdesk.services.errors import ArchDeskError

#: Wider than any transfer list; keeps one stray cell far to the right from sizing the grid.
MAX_COLUMNS = 256
#: About ten times the 100,000 × 10 design size; each cell costs the reader a few dozen bytes.
MAX_CELLS = 12_000_000
#: Uncompressed sheet XML we are willing to scan (a 100,000-row sheet is about 30 MB).
MAX_SHEET_XML = 1_500_000_000
#: Uncompressed shared-strings part: the reader holds every string at once (100,000 rows ≈ 40 MB).
MAX_SHARED_STRINGS = 400_000_000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptionInfo".encode("utf-16-le")
_CELL_REF = re.compile(rb'<c[^>]*?\sr="([A-Z]{1,3})(\d+)"')
_WIDE_REF = re.compile(rb'<c[^>]*?\sr="([A-Z]{2,3})\d')
_WIDE_REF_HINT = re.compile(rb'r="[A-Z][A-Z]')
_ROW_REF = re.compile(rb'<row[^>]*?\sr="(\d+)"')
_SHEET_REL = re.compile(rb'<sheet\b[^>]*?r:id="([^"]+)"')


class ImportFileError(ArchDeskError):
    """The file cannot be read as a transfer spreadsheet at all (not a spreadsheet, encrypted, empty …)."""

    def __init__(self, file: str | Path, reason: str | Message) -> None:
        self.file = str(file)
        self.reason = str(reason)
        problem = reason if isinstance(reason, Message) else msg("core.text", text=reason)
        super().__init__(msg("core.at_source", source=Path(file).name, problem=problem))


#: Characters a cell never needs and a hostile file uses: C0 controls but tab and newline, DEL and C1,
#: bidi embeddings and overrides (U+202A–E, U+2066–9) and zero-width characters.
_HIDDEN = dict.fromkeys(
    [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
    + [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, *range(0x202A, 0x202F), 0x2060, *range(0x2066, 0x206A), 0xFEFF]
)


def strip_hidden(text: str) -> str:
    """``text`` without control, bidi-override and zero-width characters (tab and newline stay)."""
    return text if text.isprintable() else text.translate(_HIDDEN)  # all of them are non-printable


def column_number(letters: bytes | str) -> int:
    """1-based column number of a column name: A → 1, Z → 26, AA → 27, XFD → 16384."""
    number = 0
    for char in letters.decode() if isinstance(letters, bytes) else letters:
        number = number * 26 + (ord(char) - 64)
    return number


def check_container(path: Path) -> None:
    """Refuse empty, encrypted and mislabelled files before any reader sees them."""
    size = path.stat().st_size
    if size == 0:
        raise ImportFileError(path, msg("import.file.empty"))
    with path.open("rb") as handle:
        head = handle.read(8)
        if head == _OLE_MAGIC:
            # Password-protected .xlsx files are OLE containers holding an EncryptionInfo stream.
            sample = handle.read(min(size, 1 << 20))
            if _ENCRYPTED_STREAM in sample:
                raise ImportFileError(path, msg("import.file.encrypted"))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".ods") and not zipfile.is_zipfile(path):
        if head == _OLE_MAGIC:
            raise ImportFileError(path, msg("import.file.old_format_named_xlsx"))
        raise ImportFileError(path, msg("import.file.not_a_spreadsheet", suffix=suffix))


def check_xlsx_extent(path: Path) -> None:
    """Stream the first sheet's XML and refuse it if its used range would be absurdly large."""
    try:
        with zipfile.ZipFile(path) as archive:
            sheet = _first_sheet_xml(archive)
            if sheet is None:
                raise ImportFileError(path, msg("import.file.no_worksheet"))
            info = archive.getinfo(sheet)
            if info.file_size > MAX_SHEET_XML:
                raise ImportFileError(path, msg("import.file.sheet_too_large"))
            if "xl/sharedStrings.xml" in archive.namelist():
                strings = archive.getinfo("xl/sharedStrings.xml").file_size
                if strings > MAX_SHARED_STRINGS:
                    raise ImportFileError(
                        path, msg("import.file.text_too_large", megabytes=f"{strings // 1_000_000:,}")
                    )
            max_row, max_col = _scan_extent(archive, sheet)
    except (zipfile.BadZipFile, OSError, EOFError, KeyError) as exc:
        raise ImportFileError(path, msg("import.file.damaged", detail=exc.__class__.__name__)) from exc
    _check_extent(path, max_row, max_col)


def check_ods_extent(path: Path) -> None:
    """Refuse an .ods whose repeated rows or columns holding a value span an absurd area."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("content.xml")
            if info.file_size > MAX_SHEET_XML:
                raise ImportFileError(path, msg("import.file.sheet_too_large"))
            content = archive.read("content.xml")
    except (zipfile.BadZipFile, OSError, EOFError, KeyError) as exc:
        raise ImportFileError(path, msg("import.file.damaged", detail=exc.__class__.__name__)) from exc
    widest = 0
    for match in re.finditer(rb'<table:table-cell[^>]*?number-columns-repeated="(\d+)"[^>]*?[^/]>', content):
        widest = max(widest, int(match.group(1)))
    if widest > MAX_COLUMNS:
        raise ImportFileError(path, msg("import.file.repeated_columns", columns=f"{widest:,}", limit=MAX_COLUMNS))
    rows = 0
    for match in re.finditer(
        rb'<table:table-row[^>]*?number-rows-repeated="(\d+)"[^>]*?>(.*?)</table:table-row>', content, re.S
    ):
        if b"value-type" in match.group(2) or b"<text:p" in match.group(2):
            rows += int(match.group(1))
    _check_extent(path, rows, min(widest, MAX_COLUMNS) or 1)


def _check_extent(path: Path, max_row: int, max_col: int) -> None:
    if max_col > MAX_COLUMNS:
        raise ImportFileError(path, msg("import.file.too_wide_stray", column=f"{max_col:,}", limit=MAX_COLUMNS))
    if max_row * max(max_col, 1) > MAX_CELLS:
        raise ImportFileError(path, msg("import.file.too_many_cells", rows=f"{max_row:,}", columns=max_col))


def _first_sheet_xml(archive: zipfile.ZipFile) -> str | None:
    names = set(archive.namelist())
    try:
        workbook = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return next((n for n in sorted(names) if n.startswith("xl/worksheets/sheet")), None)
    first = _SHEET_REL.search(workbook)
    if first is None:
        return None
    rel = re.search(rb'<Relationship\b[^>]*?Id="' + re.escape(first.group(1)) + rb'"[^>]*?Target="([^"]+)"', rels)
    rel = rel or re.search(rb'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="' + re.escape(first.group(1)) + b'"', rels)
    if rel is None:
        return None
    target = rel.group(1).decode()
    target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return target if target in names else None


def _scan_extent(archive: zipfile.ZipFile, member: str) -> tuple[int, int]:
    """(last row number, widest column) of the cells in a sheet, read in 4 MB chunks.

    A cell or row may omit its ``r=`` reference (it is then the one after the previous): a 10 KB
    file of such cells once unpacked into a grid of gigabytes. While every tag in a chunk has its
    reference (what Excel and every library write) the last ones are enough; otherwise the chunk's
    tags are walked one by one and counted.
    """
    walk = _Walk()
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(4 << 20):
            text = tail + chunk
            # Keep the last partial tag for the next round so no reference is cut in two.
            cut = text.rfind(b"<")
            text, tail = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
            if _all_referenced(text):
                walk.referenced(text)
            else:
                walk.tags(text)
            if walk.max_col > MAX_COLUMNS or walk.max_row * max(walk.max_col, 1) > MAX_CELLS:
                break  # already too large: the caller says so, without reading the rest
    return walk.max_row, max(walk.max_col, 1)


_CELL_TAGS = (b"<c ", b"<c>", b"<c/")
_ROW_TAGS = (b"<row ", b"<row>", b"<row/")
_ROW_TAG = re.compile(rb"<row(?=[\s>/])([^>]*)>")
_CELL_REF_ANY = re.compile(rb'<c\s[^>]*?r="([A-Z]{1,3})\d+"')
_R_ATTRIBUTE = re.compile(rb'\sr="([A-Z]{0,3})(\d*)"')


def _all_referenced(text: bytes) -> bool:
    cells = text.count(b'<c r="')
    rows = text.count(b'<row r="')
    # Each '<c r="' is also a "<c" at the same place, so equal counts mean every "<c" starts a
    # referenced cell and every "<row" a referenced row: four passes over the chunk instead of
    # eight (0.3 → 0.15 s for a 100,000-row sheet). A chunk with other such tags (<cols>,
    # <cfRule>, <rowBreaks> …) has its cell and row tags counted one kind at a time.
    if text.count(b"<c") == cells and text.count(b"<row") == rows:
        return True
    return cells == sum(text.count(tag) for tag in _CELL_TAGS) and rows == sum(text.count(tag) for tag in _ROW_TAGS)


class _Walk:
    """The extent of a sheet's cells, from references where given and by counting where not."""

    def __init__(self) -> None:
        self.max_row = self.max_col = 0
        self.row = self.col = 0

    def referenced(self, text: bytes) -> None:
        # Every wide reference holds r="XY, which a search with a literal start finds in C at a tenth
        # of the cost: a sheet of 26 columns or fewer (nearly all) is never walked cell by cell.
        if _WIDE_REF_HINT.search(text) is not None:
            for match in _WIDE_REF.finditer(text):
                self.max_col = max(self.max_col, column_number(match.group(1)))
        rows = _ROW_REF.findall(text[-65536:]) or _ROW_REF.findall(text)
        if rows:
            self.row = int(rows[-1])
            self.max_row = max(self.max_row, self.row)
        refs = _CELL_REF.findall(text[-65536:])
        if refs:
            self.col = column_number(refs[-1][0])
            if self.max_col == 0:
                self.max_col = max(column_number(letters) for letters, _ in refs)

    def tags(self, text: bytes) -> None:
        # Row tags one by one (tens of thousands); the cells between them counted in C (bytes.count),
        # with their references where some have one: a lower bound of each row's width, enough to refuse.
        position = 0
        for match in _ROW_TAG.finditer(text):
            self._cells(text[position : match.start()])
            reference = _R_ATTRIBUTE.search(match.group(1))
            self.row = int(reference.group(2)) if reference and reference.group(2) else self.row + 1
            self.col = 0
            self.max_row = max(self.max_row, self.row)
            position = match.end()
        self._cells(text[position:])

    def _cells(self, segment: bytes) -> None:
        count = sum(segment.count(tag) for tag in _CELL_TAGS)
        if not count:
            return
        referenced = [column_number(m.group(1)) for m in _CELL_REF_ANY.finditer(segment)] if b' r="' in segment else []
        self.col = max(self.col + count, *referenced) if referenced else self.col + count
        self.max_col = max(self.max_col, self.col)
        if self.row == 0:
            self.row = self.max_row = 1
