"""A document described once: title, header fields, columns, rows, signature lines.

The PDF and Excel renderers both read this description; neither knows which register it
prints. Rows are any re-iterable of tuples (a list, or a query that runs again when iterated),
so a 100,000-row register never sits in memory as a whole.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from archdesk.messages import msg
from archdesk.services.dates import date8, iso_date
from archdesk.services.errors import Cancelled

#: A cell value. ``None`` prints as an empty cell.
Cell = str | int | float | Decimal | date | datetime | None
Row = Sequence[Cell]
#: ``progress(done, total) -> bool``; returning False cancels (see the helpers brief).
Progress = Callable[[int, int], bool]


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class Kind(StrEnum):
    """How a column's values are written: Excel keeps dates and numbers as real dates and numbers."""

    TEXT = "text"
    NUMBER = "number"
    DATE = "date"  # printed as YYYY-MM-DD
    DATE8 = "date8"  # printed as the catalogue's 8 digits YYYYMMDD (DA/T 22-2015)


class Orientation(StrEnum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


@dataclass(frozen=True)
class Column:
    """One column. ``width`` is a relative weight on paper (the PDF scales the weights to the page)."""

    title: str
    width: float = 1.0
    align: Align = Align.LEFT
    wrap: bool = False
    kind: Kind = Kind.TEXT


@dataclass(frozen=True)
class Field:
    """A labelled value printed above the table, e.g. 全宗号: Z001."""

    label: str
    value: str


def field_text(fields: tuple[Field, ...] | list[Field], language: str) -> str:
    """Fields on one line: "全宗号：Z001    年度：2023" (or "Fonds: Z001" in English)."""
    colon = ": " if language == "en" else "："
    return "    ".join(f"{f.label}{colon}{f.value}" for f in fields)


@dataclass(frozen=True)
class Section:
    """A run of rows under its own header fields; each section starts on a new page.

    ``rows`` must be re-iterable (each renderer iterates it once). ``count`` is the number of
    rows when known, for progress reports.
    """

    rows: Iterable[Row]
    fields: tuple[Field, ...] = ()
    count: int | None = None
    #: A cover page before the section (a bound catalogue volume's 封面): its fields, in order.
    cover: tuple[Field, ...] = ()
    #: A worksheet of its own in Excel under this name (one sheet per bound volume); "" keeps one sheet.
    sheet: str = ""


@dataclass(frozen=True)
class Document:
    """A printable register or list. ``signatures`` are the labels of the lines signed at the end
    (e.g. 编制人, 审核人, 日期); ``footer_notes`` are plain lines printed after the table."""

    title: str
    columns: tuple[Column, ...]
    sections: tuple[Section, ...]
    organisation: str = ""
    printed_on: date = field(default_factory=date.today)
    subtitle: str = ""
    fields: tuple[Field, ...] = ()
    signatures: tuple[str, ...] = ()
    footer_notes: tuple[str, ...] = ()
    orientation: Orientation = Orientation.PORTRAIT
    language: str = "zh_CN"
    sheet_name: str = ""

    @property
    def row_count(self) -> int | None:
        """Rows in all sections, or None when a section does not know its size."""
        counts = [section.count for section in self.sections]
        return None if any(c is None for c in counts) else sum(c for c in counts if c is not None)


def single_section(rows: Iterable[Row], count: int | None = None) -> tuple[Section, ...]:
    """The usual case: one table without section fields."""
    if count is None and isinstance(rows, Sequence):
        count = len(rows)
    return (Section(rows=rows, count=count),)


class ProgressTicker:
    """Calls ``progress`` every ``step`` rows and raises Cancelled when it returns False."""

    def __init__(self, progress: Progress | None, total: int | None, step: int = 500) -> None:
        self.progress = progress
        self.total = total or 0
        self.step = step
        self.done = 0

    def tick(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % self.step == 0:
            self._report()

    def finish(self) -> None:
        if self.progress is not None:
            self.total = max(self.total, self.done)
            self._report()

    def _report(self) -> None:
        if self.progress is not None and self.progress(self.done, max(self.total, self.done)) is False:
            raise Cancelled(msg("reports.export_cancelled"))


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; it replaces ``path`` only if the block succeeds.

    A cancelled or failed export therefore leaves nothing behind (not even a half file). The
    file gets the user's umask (``mkstemp`` makes it 0600). Parts left beside ``path`` by an
    export that was killed (their process is gone) are removed first.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_parts(target)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".part", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


@contextmanager
def scratch_folder(beside: Path) -> Iterator[Path]:
    """A private folder beside an output for a writer's temporary files (xlsxwriter's), removed after.

    Not the system's temporary folder: a killed export left its record titles there for good.
    """
    import shutil

    folder = Path(tempfile.mkdtemp(prefix=f"{beside.name}.", suffix=".tmp", dir=beside.parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _umask() -> int:
    try:  # Linux says it without changing it
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def pid_alive(pid: int) -> bool:
    """True when a process with this id runs (someone else's counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def _remove_stale_parts(target: Path) -> None:
    """``.<name>.<pid>.*.part`` files and ``.<name>.<pid>.*.part.*.tmp`` folders of dead processes."""
    import shutil

    try:
        leftovers = list(target.parent.glob(f".{target.name}.*.part*"))
    except OSError:
        return
    for leftover in leftovers:
        pid = leftover.name.removeprefix(f".{target.name}.").split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid() or pid_alive(int(pid)):
            continue
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def format_cell(value: Cell, kind: Kind) -> str:
    """The text a cell shows on paper."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date() if kind in (Kind.DATE, Kind.DATE8) else value
    if isinstance(value, date) and not isinstance(value, datetime):
        return date8(value) if kind is Kind.DATE8 else iso_date(value) or ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)
