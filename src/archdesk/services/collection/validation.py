"""Checking every row of a transfer spreadsheet against the archive's code tables.

Each problem is reported as (sheet row, column heading, plain message). A row with any problem is
returned to the department; the others become candidates: plain dicts of Record column values, ready
for a bulk insert once the batch, item number and reference code are known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archdesk.models import Carrier, Category, Department, Fonds, Record, RetentionPeriod, SecurityLevel
from archdesk.services.collection.mapping import FIELDS, ColumnMapping
from archdesk.services.collection.parsing import (
    CellError,
    as_text,
    lookup_key,
    parse_date,
    parse_pages,
    parse_retention,
    parse_security,
    parse_year,
)
from archdesk.services.collection.reader import SheetTable
from archdesk.services.errors import Cancelled, ValidationError
from archdesk.services.refcode import normalise_separators

DEFAULT_CATEGORY = "WS"
#: Longest text per field (the Record columns' widths; notes are Text but kept readable).
MAX_LENGTH = {"title": 1000, "document_number": 100, "responsible_party": 200, "notes": 4000, "reference_code": 80}
REQUIRED_COLUMNS = ("title", "retention")
PROGRESS_EVERY = 2000


@dataclass(frozen=True)
class RowIssue:
    """One problem: the 1-based sheet row, the column heading as written, and a plain message."""

    row: int
    column: str
    message: str


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    code: str
    refcode_pattern: str


@dataclass(frozen=True)
class CodeTables:
    """The archive's code tables, keyed by every spelling an import accepts (see ``lookup_key``)."""

    fonds_id: int
    fonds_code: str
    categories: dict[str, CategoryInfo]
    retention: dict[str, str]
    retention_ids: dict[str, int]
    security: dict[str, str]
    security_ids: dict[str, int]
    carriers: dict[str, int]
    departments: dict[str, tuple[int, str, str]]  # key → (id, code, name)

    def department(self, text: str) -> tuple[int, str, str] | None:
        return self.departments.get(lookup_key(text))

    def category(self, text: str) -> CategoryInfo | None:
        return self.categories.get(lookup_key(normalise_separators(text))) or self.categories.get(lookup_key(text))


def load_code_tables(session: Session) -> CodeTables:
    """Read the code tables once per import (they are small)."""
    fonds = session.execute(select(Fonds.id, Fonds.code).order_by(Fonds.id)).first()
    if fonds is None:
        raise ValidationError("fonds", "the archive has no fonds (全宗); create one first")
    categories: dict[str, CategoryInfo] = {}
    for cat in session.scalars(select(Category).where(Category.active.is_(True))):
        info = CategoryInfo(cat.id, cat.code, cat.refcode_pattern)
        for spelling in (cat.code, cat.name, cat.name_en):
            if spelling:
                categories.setdefault(lookup_key(spelling), info)
    retention, retention_ids = {}, {}
    for period in session.scalars(select(RetentionPeriod).where(RetentionPeriod.active.is_(True))):
        retention_ids[period.code] = period.id
        for spelling in (period.code, period.label, period.label_en):
            if spelling:
                retention[lookup_key(spelling)] = period.code
    security, security_ids = {}, {}
    for level in session.scalars(select(SecurityLevel)):
        security_ids[level.code] = level.id
        for spelling in (level.code, level.name, level.name_en):
            if spelling:
                security[lookup_key(spelling)] = level.code
    carriers = {}
    for carrier in session.scalars(select(Carrier)):
        for spelling in (carrier.code, carrier.name, carrier.name_en, *carrier.name.split("/")):
            if spelling:
                carriers[lookup_key(spelling)] = carrier.id
    departments = {}
    for dept in session.scalars(select(Department)):
        for spelling in (dept.code, dept.name):
            departments[lookup_key(spelling)] = (dept.id, dept.code, dept.name)
    return CodeTables(
        fonds[0], fonds[1], categories, retention, retention_ids, security, security_ids, carriers, departments
    )


def check_mapping(mapping: ColumnMapping, *, file: str = "") -> None:
    """Raise ValidationError('mapping', …) unless the columns an import needs are mapped."""
    for name in REQUIRED_COLUMNS:
        if mapping.column_of(name) is None:
            english, chinese = FIELDS[name]
            raise ValidationError("mapping", f"no column is mapped to {chinese} ({english})", source=file or None)
    if mapping.column_of("date") is None and mapping.column_of("year") is None:
        raise ValidationError("mapping", "no column is mapped to 日期 (Date) or 年度 (Year)", source=file or None)


@dataclass(frozen=True)
class Validation:
    """The outcome for every data row. ``candidates`` and ``candidate_rows`` run in parallel."""

    candidates: tuple[dict[str, Any], ...]
    candidate_rows: tuple[int, ...]
    issues: tuple[RowIssue, ...]
    invalid_rows: frozenset[int]
    review_count: int  # legacy retention values (长期/短期) mapped and flagged for review
    row_count: int = 0
    problem_cells: frozenset[tuple[int, str]] = field(default=frozenset())  # (sheet row, field)


def validate_table(
    session: Session,
    table: SheetTable,
    mapping: ColumnMapping,
    tables: CodeTables,
    *,
    department: tuple[int, str, str] | None = None,
    category: CategoryInfo | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> Validation:
    """Parse and check every row; look up given reference codes (档号) in the catalogue."""
    check_mapping(mapping, file=table.file)
    column = {name: mapping.column_of(name) for name in FIELDS}
    heading = {name: mapping.heading_of(name) for name in FIELDS}
    default_category = category or tables.category(DEFAULT_CATEGORY)
    issues: list[RowIssue] = []
    problem_cells: set[tuple[int, str]] = set()
    candidates: list[dict[str, Any]] = []
    candidate_rows: list[int] = []
    seen_rows: dict[tuple[Any, ...], int] = {}
    seen_codes: dict[str, int] = {}
    review = 0
    total = len(table.rows)

    # Column indexes hoisted out of the loop, and each parser's outcome remembered per distinct cell
    # value: a 100,000-row list repeats its retention, security, page and date values thousands of times.
    text_columns = [(name, column[name], MAX_LENGTH[name]) for name in TEXT_FIELDS]
    date_at, year_at, retention_at, security_at, pages_at = (
        column[name] for name in ("date", "year", "retention", "security_level", "pages")
    )
    department_at, category_at, carrier_at = column["department"], column["category"], column["carrier"]
    parse_date_cell = _remembered(parse_date)
    parse_year_cell = _remembered(parse_year)
    parse_retention_cell = _remembered(parse_retention, tables.retention)
    parse_security_cell = _remembered(parse_security, tables.security)
    parse_pages_cell = _remembered(parse_pages)

    for done, sheet_row in enumerate(table.rows):
        if progress is not None and done % PROGRESS_EVERY == 0 and not progress(done, total):
            raise Cancelled("import cancelled while checking rows")
        cells = sheet_row.cells
        row_number = sheet_row.sheet_row
        problems: list[tuple[str, str]] = []

        texts = {}
        for name, index, longest in text_columns:
            value = cells[index] if index is not None else None
            text = value.strip() if value.__class__ is str else as_text(value)
            if len(text) > longest:
                problems.append((name, f"too long: {len(text):,} characters (at most {longest:,})"))
                text = ""
            texts[name] = text
        title = texts["title"]
        supplied = len(title) > 2 and title.startswith(("[", "［")) and title.endswith(("]", "］"))
        if supplied:
            title = title[1:-1].strip()  # a title the department wrote itself (自拟题名) is kept without [ ]
        if not title and not any(p[0] == "title" for p in problems):
            problems.append(("title", "the title is missing"))
        record_date = parse_date_cell(cells[date_at] if date_at is not None else None, "date", problems)
        year = parse_year_cell(cells[year_at], "year", problems) if year_at is not None else None
        if year is None and record_date is not None:
            year = record_date.year
        if year is None and not any(p[0] in ("year", "date") for p in problems):
            problems.append(("year" if year_at is not None else "date", "no year, and no date to take it from"))
        elif year is not None and not 1000 <= year <= 9999:
            problems.append(("date", f"implausible year {year}"))
        retention = parse_retention_cell(
            cells[retention_at] if retention_at is not None else None, "retention", problems
        )
        if retention is None and not any(p[0] == "retention" for p in problems):
            problems.append(("retention", "the retention period is missing"))
        security = (
            parse_security_cell(cells[security_at], "security_level", problems) if security_at is not None else None
        )
        pages = parse_pages_cell(cells[pages_at], "pages", problems) if pages_at is not None else None
        dept = department
        dept_text = as_text(cells[department_at]) if department_at is not None else ""
        if dept_text:
            dept = tables.department(dept_text)
            if dept is None:
                problems.append(("department", f"unknown department: {dept_text[:40]!r}"))
        cat = default_category
        cat_text = as_text(cells[category_at]) if category_at is not None else ""
        if cat_text:
            cat = tables.category(cat_text)
            if cat is None:
                problems.append(("category", f"unknown category: {cat_text[:40]!r}"))
        elif cat is None:
            problems.append(("category", f"the archive has no category {DEFAULT_CATEGORY}; choose one"))
        carrier_id = None
        carrier_text = as_text(cells[carrier_at]) if carrier_at is not None else ""
        if carrier_text:
            carrier_id = tables.carriers.get(lookup_key(carrier_text))
            if carrier_id is None:
                problems.append(("carrier", f"unknown medium: {carrier_text[:40]!r}"))
        given_code = normalise_separators(texts["reference_code"]) if texts["reference_code"] else ""
        if given_code:
            first = seen_codes.setdefault(given_code, row_number)
            if first != row_number:
                problems.append(("reference_code", f"the same reference code as row {first}"))
        if not problems:
            key = (title, record_date, texts["document_number"], texts["responsible_party"], dept, year)
            first = seen_rows.setdefault(key, row_number)
            if first != row_number:
                problems.append(("title", f"duplicate of row {first}"))
        if problems:
            for name, message in problems:
                issues.append(RowIssue(row_number, heading[name], message))
                problem_cells.add((row_number, name))
            continue
        assert retention is not None and cat is not None and year is not None
        review += bool(retention.original)
        candidates.append(
            {
                "_given_code": given_code,
                "_category_code": cat.code,
                "_pattern": cat.refcode_pattern,
                "_department_code": dept[1] if dept else "",
                "_department_name": dept[2] if dept else "",
                "_retention_code": retention.code,
                "fonds_id": tables.fonds_id,
                "category_id": cat.id,
                "year": year,
                "retention_id": tables.retention_ids[retention.code],
                "department_id": dept[0] if dept else None,
                "document_number": texts["document_number"],
                "responsible_party": texts["responsible_party"],
                "title": title,
                "title_supplied": supplied,
                "date": record_date,
                "pages": pages,
                "security_level_id": tables.security_ids[security] if security else None,
                "carrier_id": carrier_id,
                "notes": texts["notes"],
                "original_retention": retention.original,
            }
        )
        candidate_rows.append(row_number)

    _reject_codes_in_catalogue(session, candidates, candidate_rows, issues, problem_cells, heading["reference_code"])
    keep = [i for i, row in enumerate(candidate_rows) if (row, "reference_code") not in problem_cells]
    if len(keep) != len(candidates):
        candidates = [candidates[i] for i in keep]
        candidate_rows = [candidate_rows[i] for i in keep]
        review = sum(bool(c["original_retention"]) for c in candidates)
    issues.sort(key=lambda issue: issue.row)
    return Validation(
        tuple(candidates),
        tuple(candidate_rows),
        tuple(issues),
        frozenset(issue.row for issue in issues),
        review,
        total,
        frozenset(problem_cells),
    )


TEXT_FIELDS = ("title", "document_number", "responsible_party", "notes", "reference_code")


def _remembered(parser: Callable[..., Any], *args: Any) -> Callable[[Any, str, list], Any]:
    """``parser(value, *args)`` as ``check(value, field, problems)``: a CellError becomes (field, message)
    in ``problems`` and None. Outcomes are kept per (type, value) for the length of one validation."""
    outcomes: dict[tuple[type, Any], tuple[Any, str | None]] = {}

    def check(value: Any, name: str, problems: list[tuple[str, str]]) -> Any:
        if value is None:
            return parser(None, *args)
        key = (value.__class__, value)
        try:
            result, message = outcomes[key]
        except KeyError:
            try:
                result, message = parser(value, *args), None
            except CellError as exc:
                result, message = None, str(exc)
            outcomes[key] = result, message
        except TypeError:  # an unhashable value: parse it every time
            try:
                return parser(value, *args)
            except CellError as exc:
                problems.append((name, str(exc)))
                return None
        if message is not None:
            problems.append((name, message))
        return result

    return check


def _reject_codes_in_catalogue(
    session: Session,
    candidates: list[dict[str, Any]],
    rows: list[int],
    issues: list[RowIssue],
    problem_cells: set[tuple[int, str]],
    heading: str,
) -> None:
    given = {c["_given_code"]: row for c, row in zip(candidates, rows, strict=True) if c["_given_code"]}
    codes = list(given)
    for start in range(0, len(codes), 500):
        chunk = codes[start : start + 500]
        for (code,) in session.execute(select(Record.reference_code).where(Record.reference_code.in_(chunk))):
            issues.append(RowIssue(given[code], heading, f"reference code {code} is already in the catalogue"))
            problem_cells.add((given[code], "reference_code"))
