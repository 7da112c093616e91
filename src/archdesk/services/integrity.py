"""Integrity check of an archive (``archdesk check``): is the file sound, is the schema current, and
do the records keep the archive's rules?

Checks, in order (each yields findings, or is skipped with a reason):

- ``sqlite_integrity``: ``PRAGMA integrity_check`` (SQLite only).
- ``foreign_keys``: ``PRAGMA foreign_key_check`` (SQLite only; PostgreSQL always enforces them).
- ``schema``: the database is at the head revision and matches the models.
- ``reference_codes``: 档号 unique, and each equals what its category's pattern renders from the
  record's own fonds, category, year, retention, department and item number.
- ``item_numbers``: no item number above its group's ``item_sequence.last_number`` (numbers are
  handed out by the sequence and never reused).
- ``boxes``: a box never mixes 年度, 机构(问题) or 保管期限 (DA/T 22), nor fonds or category.
- ``search_index``: one index row per record, when the archive has a search index; on SQLite the
  attached-text table of characters and pairs holds a row for each record whose text is indexed; on
  PostgreSQL the records counted per token equal a recount of the index.
- ``tree_counts``: the Catalogue tree's maintained counts (``record_count``, SQLite) equal a full
  count, and the triggers that keep them are in place.
- ``box_counts``: the records kept per box (``box_record_count``, SQLite; the Shelf locations
  dock's counts) equal a count of each box's records, and their triggers are in place.
- ``loans``: a record is 出借 exactly while one of its loans is out (``services/use/consistency.py``).
- ``destruction``: every destroyed record is accounted for by an executed destruction list (销毁清册).
- ``audit_trail``, ``audited_state``, ``search_content``: the tamper-evident audit trail and the
  records against it, and the search index's text (``services/audit_check.py``).
- ``files``: every attached file read back against its SHA-256 (missing or altered files;
  ``services/digitisation/fixity.py``).

Nothing is written. Runs on the calling thread (the CLI's, or the UI's database worker).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, or_, select, table, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, aliased

from archdesk.messages import ENGLISH, Message, msg, render
from archdesk.models import (
    Base,
    Box,
    Category,
    Department,
    DestructionList,
    DestructionListItem,
    Fonds,
    ItemSequence,
    Record,
    RetentionPeriod,
    Volume,
)
from archdesk.services import audit_check, migrate, search, tree_counts
from archdesk.services.custody import box_counts
from archdesk.services.database import Database
from archdesk.services.digitisation import content
from archdesk.services.errors import ArchDeskError, Cancelled
from archdesk.services.refcode import CodeParts, format_item, group_key, render_reference_code
from archdesk.services.use.consistency import check_loan_status

CHECKS = (
    "sqlite_integrity",
    "foreign_keys",
    "schema",
    "reference_codes",
    "item_numbers",
    "boxes",
    "search_index",
    "tree_counts",
    "box_counts",
    "loans",
    "destruction",
    *audit_check.CHECKS,
    "files",
)
#: Findings kept per check; the count of all problems is kept regardless.
DEFAULT_LIMIT = 100
_SCAN_BLOCK = 5000

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class Finding:
    """One problem: which check found it, what it concerns (a reference code, a box, a table) and
    what is wrong, as a message rendered in the reader's language (``message`` is the English)."""

    check: str
    subject_content: Message
    content: Message

    @property
    def subject(self) -> str:
        return render(self.subject_content, ENGLISH)

    @property
    def message(self) -> str:
        return render(self.content, ENGLISH)


@dataclass(frozen=True)
class CheckResult:
    name: str
    status: str  # "ok", "problems" or "skipped"
    problem_count: int = 0
    note_content: Message | None = None  # why it was skipped, or what was compared
    findings: tuple[Finding, ...] = ()

    @property
    def note(self) -> str:
        return render(self.note_content, ENGLISH) if self.note_content is not None else ""


@dataclass(frozen=True)
class IntegrityReport:
    database: str
    record_count: int
    results: tuple[CheckResult, ...]

    @property
    def clean(self) -> bool:
        return all(result.status != "problems" for result in self.results)

    @property
    def problem_count(self) -> int:
        return sum(result.problem_count for result in self.results)

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(finding for result in self.results for finding in result.findings)

    def to_dict(self, language: str = ENGLISH) -> dict[str, Any]:
        """The report as JSON-ready values, its texts in ``language`` (English by default, so that
        scripts can match them)."""

        def text(content: Message | None) -> str:
            return render(content, language) if content is not None else ""

        return {
            "database": self.database,
            "record_count": self.record_count,
            "clean": self.clean,
            "problem_count": self.problem_count,
            "checks": [
                {
                    "name": r.name,
                    "status": r.status,
                    "problem_count": r.problem_count,
                    "note": text(r.note_content),
                    "findings": [
                        {"subject": text(f.subject_content), "message": text(f.content), "message_id": f.content.id}
                        for f in r.findings
                    ],
                }
                for r in self.results
            ],
        }


@dataclass
class _Collector:
    name: str
    limit: int
    count: int = 0
    findings: list[Finding] = field(default_factory=list)

    def add(self, subject: Message | str, message: Message) -> None:
        self.count += 1
        if len(self.findings) < self.limit:
            self.findings.append(Finding(self.name, _as_message(subject), _as_message(message)))

    def result(self, note: Message | str | None = None) -> CheckResult:
        status = "problems" if self.count else "ok"
        return CheckResult(self.name, status, self.count, _as_message(note) if note else None, tuple(self.findings))


def _as_message(text: Message | str) -> Message:
    # A subject is often a plain value (a reference code, a table's name): shown as it is.
    return text if isinstance(text, Message) else msg("core.text", text=text)


def check_archive(db: Database, *, limit: int = DEFAULT_LIMIT, progress: Progress | None = None) -> IntegrityReport:
    """Run every check on an open archive and return what was found; changes nothing.

    ``limit`` caps the findings kept per check (the problem count is always complete).
    ``progress(done, total)`` is called while records are scanned; returning False cancels
    (raises Cancelled). A check that cannot run on this database (say, a table it needs is
    missing) becomes a finding of that check, not an exception.
    """
    results: list[CheckResult] = []
    # PRAGMA integrity_check of a file runs beside the other checks, on a connection of its own: it
    # is a third of the time on a million records, all in SQLite's C code (the GIL released).
    beside = _FileIntegrity(db.file, limit) if db.file is not None else None
    try:
        with db.reading() as session:
            record_count = _count(session, Record)
            results += _all_checks(db, session, limit, record_count, progress, beside)
    finally:
        if beside is not None:
            beside.stop()
    return IntegrityReport(database=_describe(db), record_count=record_count, results=tuple(results))


def _all_checks(
    db: Database,
    session: Session,
    limit: int,
    record_count: int,
    progress: Progress | None,
    beside: _FileIntegrity | None,
) -> list[CheckResult]:
    results: list[CheckResult | _FileIntegrity] = []
    sqlite = session.get_bind().dialect.name == "sqlite"
    for name in ("sqlite_integrity", "foreign_keys"):
        if name == "sqlite_integrity" and sqlite and beside is not None:
            results.append(beside)  # replaced by its result once the other checks are done
        elif sqlite:
            results.append(_guarded(name, limit, session, _SQLITE_CHECKS[name]))
        else:
            results.append(CheckResult(name, "skipped", note_content=msg("integrity.sqlite_only")))
    schema = _guarded("schema", limit, session, _check_schema)
    results.append(schema)
    if schema.status == "problems" and any(f.content.id == "integrity.no_schema" for f in schema.findings):
        not_ours = msg("integrity.not_archdesk")
        results += [CheckResult(n, "skipped", note_content=not_ours) for n in CHECKS[3:]]
    else:
        results += _check_records(session, limit, record_count, progress)
        results.append(_guarded("boxes", limit, session, _check_boxes))
        results.append(_check_search_index(session, limit, record_count))
        results.append(
            _check_kept_counts(session, limit, "tree_counts", tree_counts.problems, "integrity.tree_counts_compared")
        )
        results.append(
            _check_kept_counts(session, limit, "box_counts", box_counts.problems, "integrity.box_counts_compared")
        )
        results.append(_guarded("loans", limit, session, check_loan_status))
        results.append(_guarded("destruction", limit, session, _check_destruction))
        results += audit_check.run_checks(session, db.file, limit, record_count, progress)
        results.append(_check_files(db, session, limit))
    return [r.result() if isinstance(r, _FileIntegrity) else r for r in results]


class _FileIntegrity:
    """``PRAGMA integrity_check`` on a read-only connection of its own, in a thread, started at once."""

    def __init__(self, path: Any, limit: int) -> None:
        import sqlite3
        import threading

        self._collector = _Collector("sqlite_integrity", limit)
        self._connection: sqlite3.Connection | None = None
        self._error: str | None = None
        try:
            self._connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            self._error = str(exc)
        self._thread = threading.Thread(target=self._run, name="ArchDeskIntegrityCheck", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import sqlite3

        if self._connection is None:
            return
        try:
            for (line,) in self._connection.execute("PRAGMA integrity_check"):
                if line != "ok":
                    self._collector.add(msg("integrity.database_file"), msg("integrity.file_problem", line=line))
        except sqlite3.Error as exc:  # interrupted by stop(), or a file it cannot read
            self._error = str(exc)

    def result(self) -> CheckResult:
        self._thread.join()
        if self._error is not None:
            self._collector.add("sqlite_integrity", msg("integrity.could_not_run", detail=self._error))
        return self._collector.result(None)

    def stop(self) -> None:
        """Interrupt the check if it still runs (the others were cancelled or failed), then close."""
        if self._connection is not None:
            if self._thread.is_alive():
                self._connection.interrupt()
            self._thread.join()
            self._connection.close()


def _check_files(db: Database, session: Session, limit: int) -> CheckResult:
    """Fixity of the attached files (services/digitisation/fixity.py): each missing or altered one."""
    from archdesk.services.digitisation.fixity import MISSING, check_files

    def compare(session: Session, found: _Collector) -> str:
        try:
            report, _ = check_files(db, session)
        except ArchDeskError as exc:  # no folder configured for a server archive
            found.add("files", exc.content)
            return ""
        for problem in report.problems:
            subject = f"{problem.file_name} ({', '.join(problem.reference_codes)}; {problem.stored_path})"
            found.add(
                subject,
                "stored file is missing" if problem.kind == MISSING else "stored file no longer matches its SHA-256",
            )
        return f"{report.files} stored files, {report.bytes} bytes"

    return _guarded("files", limit, session, compare)


def _describe(db: Database) -> str:
    return str(db.file) if db.file else db.engine.url.render_as_string(hide_password=True)


def _count(session: Session, model: type) -> int:
    try:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)
    except SQLAlchemyError:
        session.rollback()
        return 0


def _guarded(
    name: str, limit: int, session: Session, check: Callable[[Session, _Collector], Message | None]
) -> CheckResult:
    collector = _Collector(name, limit)
    try:
        note = check(session, collector)
    except SQLAlchemyError as exc:
        session.rollback()
        collector.add(name, _could_not_run(exc))
        note = None
    return collector.result(note)


#: For the checks kept in other modules (services/audit_check.py).
guarded = _guarded


def _could_not_run(exc: SQLAlchemyError) -> Message:
    return msg("integrity.could_not_run", detail=str(getattr(exc, "orig", None) or exc))


def _sqlite_integrity(session: Session, found: _Collector) -> None:
    for (line,) in session.execute(text("PRAGMA integrity_check")):
        if line != "ok":
            found.add(msg("integrity.database_file"), msg("integrity.file_problem", line=line))


def _sqlite_foreign_keys(session: Session, found: _Collector) -> None:
    for child, rowid, parent, _fk in session.execute(text("PRAGMA foreign_key_check")):
        found.add(msg("integrity.row_of", table=child, rowid=rowid), msg("integrity.missing_parent", parent=parent))


_SQLITE_CHECKS = {"sqlite_integrity": _sqlite_integrity, "foreign_keys": _sqlite_foreign_keys}


def _outside_models(name: str | None, type_: str, _parents: object) -> bool:
    # The search index's own tables, and on PostgreSQL its partial index on attachment (0016_pg_search).
    return not (type_ in ("table", "index") and name and name.startswith(("search_", "sqlite_")))


def _check_schema(session: Session, found: _Collector) -> Message | None:
    head = migrate.head_revision()
    connection = session.connection()
    heads = MigrationContext.configure(connection).get_current_heads()
    if len(heads) > 1:
        found.add(
            "alembic_version", f"{len(heads)} schema versions at once ({', '.join(heads)}): edited outside ArchDesk"
        )
        return ""
    current = heads[0] if heads else None
    if current is None:
        found.add("alembic_version", msg("integrity.no_schema"))
        return None
    if current != head:
        found.add("alembic_version", msg("integrity.old_revision", current=current, head=head))
        return msg("integrity.revision", revision=current)
    context = MigrationContext.configure(connection, opts={"compare_type": True, "include_name": _outside_models})
    for difference in compare_metadata(context, Base.metadata):
        found.add("schema", msg("integrity.schema_differs", difference=str(difference)))
    return msg("integrity.revision", revision=current)


def _record_rows(session: Session) -> Iterator[Any]:
    stmt = (
        select(
            Record.id,
            Record.reference_code,
            Record.year,
            Record.item_number,
            Fonds.code,
            Category.code,
            Category.refcode_pattern,
            RetentionPeriod.code,
            Department.code,
            Department.name,
        )
        .outerjoin(Fonds, Record.fonds_id == Fonds.id)
        .outerjoin(Category, Record.category_id == Category.id)
        .outerjoin(RetentionPeriod, Record.retention_id == RetentionPeriod.id)
        .outerjoin(Department, Record.department_id == Department.id)
        .order_by(Record.id)
        .execution_options(yield_per=_SCAN_BLOCK)
    )
    return iter(session.connection().execute(stmt))  # Core rows: the ORM's row loading is a third of the scan


def _check_records(session: Session, limit: int, record_count: int, progress: Progress | None) -> list[CheckResult]:
    codes = _Collector("reference_codes", limit)
    items = _Collector("item_numbers", limit)
    try:
        _duplicates(session, codes)
        highest: dict[str, tuple[int, str]] = {}  # group -> (highest item number, its reference code)
        groups: dict[tuple[str, CodeParts], str] = {}
        for done, row in enumerate(_record_rows(session), start=1):
            if progress is not None and done % _SCAN_BLOCK == 0 and progress(done, record_count) is False:
                raise Cancelled()
            _id, code, year, item, fonds, category, pattern, retention, dept_code, dept_name = row
            if None in (fonds, category, pattern, retention):
                continue  # a missing fonds, category or retention is a foreign-key finding
            parts = CodeParts(fonds, category, year, retention, dept_code or "", dept_name or "")
            expected = render_reference_code(pattern, parts, item)
            if code != expected:
                codes.add(code, msg("integrity.code_mismatch", expected=expected))
            key = groups.get((pattern, parts))
            if key is None:  # a group holds many records: render its key once
                key = groups[(pattern, parts)] = group_key(pattern, parts)
            if item > highest.get(key, (0, ""))[0]:
                highest[key] = (item, code)
        if progress is not None:
            progress(record_count, record_count)
        last_numbers = {
            key: last for key, last in session.execute(select(ItemSequence.group_key, ItemSequence.last_number))
        }
        for key, (item, code) in sorted(highest.items()):
            last = last_numbers.get(key)
            if last is None:
                items.add(key, msg("integrity.no_sequence", code=code, item=format_item(item)))
            elif item > last:
                items.add(key, msg("integrity.above_sequence", code=code, item=format_item(item), last=last))
    except SQLAlchemyError as exc:
        session.rollback()
        codes.add("reference_codes", _could_not_run(exc))
    return [codes.result(), items.result()]


def _duplicates(session: Session, found: _Collector) -> None:
    for model, message_id in ((Record, "integrity.duplicate_records"), (Volume, "integrity.duplicate_volumes")):
        duplicates = (
            select(model.reference_code, func.count())
            .group_by(model.reference_code)
            .having(func.count() > 1)
            .order_by(model.reference_code)
        )
        for code, count in session.execute(duplicates):
            found.add(code, msg(message_id, count=count))


def _check_boxes(session: Session, found: _Collector) -> None:
    box_retention, box_department = aliased(RetentionPeriod), aliased(Department)
    record_retention, record_department = aliased(RetentionPeriod), aliased(Department)
    stmt = (
        select(
            Box.code,
            Record.reference_code,
            Record.year,
            Box.year,
            record_retention.code,
            box_retention.code,
            record_department.code,
            box_department.code,
            Record.fonds_id != Box.fonds_id,
            Record.category_id != Box.category_id,
        )
        .join(Box, Record.box_id == Box.id)
        .outerjoin(record_retention, Record.retention_id == record_retention.id)
        .outerjoin(box_retention, Box.retention_id == box_retention.id)
        .outerjoin(record_department, Record.department_id == record_department.id)
        .outerjoin(box_department, Box.department_id == box_department.id)
        .where(
            or_(
                Record.year != Box.year,
                Record.retention_id != Box.retention_id,
                Record.department_id.is_distinct_from(Box.department_id),
                Record.fonds_id != Box.fonds_id,
                Record.category_id != Box.category_id,
            )
        )
        .order_by(Box.code, Record.reference_code)
    )
    for box, code, year, box_year, retention, box_ret, dept, box_dept, other_fonds, other_category in session.execute(
        stmt
    ):
        differences: list[Message] = []
        none = msg("integrity.none")
        if year != box_year:
            differences.append(msg("integrity.differs_year", year=year, box=box_year))
        if retention != box_ret:
            differences.append(msg("integrity.differs_retention", value=retention, box=box_ret))
        if dept != box_dept:
            differences.append(msg("integrity.differs_department", value=dept or none, box=box_dept or none))
        if other_fonds:
            differences.append(msg("integrity.differs_fonds"))
        if other_category:
            differences.append(msg("integrity.differs_category"))
        found.add(box, msg("integrity.box_mixes", code=code, differences=differences))


def _check_destruction(session: Session, found: _Collector) -> None:
    accounted = (
        select(DestructionListItem.id)
        .join(DestructionList, DestructionList.id == DestructionListItem.destruction_list_id)
        .where(DestructionListItem.record_id == Record.id, DestructionList.status == "executed")
        .exists()
    )
    stmt = select(Record.reference_code).where(Record.status == "destroyed", ~accounted).order_by(Record.reference_code)
    for (code,) in session.execute(stmt):
        found.add(code, msg("integrity.destroyed_unaccounted"))


def _check_search_index(session: Session, limit: int, record_count: int) -> CheckResult:
    found = _Collector("search_index", limit)
    try:
        counter = getattr(search, "indexed_record_count", None)
        indexed: dict[str, int]
        if counter is not None:
            count = counter(session)
            if count is None:
                return CheckResult("search_index", "skipped", note_content=msg("integrity.no_search_index"))
            indexed = {"search index": int(count)}
        else:
            indexed = {
                name: int(session.scalar(select(func.count()).select_from(table(rows))) or 0)
                for name, rows in _fts_index_tables(session).items()
            }
            if not indexed:
                return CheckResult("search_index", "skipped", note_content=msg("integrity.no_search_index"))
    except SQLAlchemyError as exc:
        session.rollback()
        found.add(msg("integrity.search_index"), _could_not_run(exc))
        return found.result()
    for name, count in indexed.items():
        subject = msg("integrity.search_index") if name == "search index" else name
        if count != record_count:
            found.add(subject, msg("integrity.index_count", count=count, records=record_count))
    try:
        differences = content.gram_index_differences(session)
    except SQLAlchemyError as exc:
        session.rollback()
        found.add(msg("integrity.content_gram_index"), _could_not_run(exc))
        differences = None
    if differences is not None and any(differences):
        missing, stale = differences
        found.add(msg("integrity.content_gram_index"), msg("integrity.content_gram_rows", missing=missing, stale=stale))
    if session.get_bind().dialect.name == "postgresql":
        _check_token_frequencies(session, found)
    return found.result(note=msg("integrity.records", count=record_count))


def _check_token_frequencies(session: Session, found: _Collector) -> None:
    """PostgreSQL: the records counted per token (the count of a one- or two-character word) equal a recount."""
    from archdesk.services import search_pg

    try:
        wrong = search_pg.frequency_differences(session)
    except SQLAlchemyError as exc:
        session.rollback()
        found.add(msg("integrity.token_frequencies"), _could_not_run(exc))
        return
    if wrong:
        token, kept, counted = wrong[0]
        found.add(
            msg("integrity.token_frequencies"),
            msg("integrity.token_frequency_rows", count=len(wrong), token=token, kept=kept, counted=counted),
        )


def _check_kept_counts(
    session: Session, limit: int, name: str, problems: Callable[[Session], list], compared: str
) -> CheckResult:
    """A table kept by SQLite triggers (``tree_counts``, ``box_counts``) against a full count."""
    if session.get_bind().dialect.name != "sqlite":
        return CheckResult(name, "skipped", note_content=msg("integrity.counted_in_full"))

    def compare(session: Session, found: _Collector) -> Message:
        for subject, message in problems(session):
            found.add(subject, message)
        return msg(compared)

    return _guarded(name, limit, session, compare)


def _fts_index_tables(session: Session) -> dict[str, str]:
    """The search_* full-text tables, each with the table that has one row per indexed record.

    FTS5 gives a table T the shadow tables T_data and T_idx; one that keeps its text has
    T_content, a contentless one counts its documents in T_docsize (it cannot be scanned itself).
    Used only until the search module reports its own size (``search.indexed_record_count``).
    """
    names = {name for name in inspect(session.connection()).get_table_names() if name.startswith("search_")}
    counted: dict[str, str] = {}
    for name in sorted(names):
        if f"{name}_data" not in names or f"{name}_idx" not in names:
            continue
        if f"{name}_content" in names:
            counted[name] = name
        elif f"{name}_docsize" in names:
            counted[name] = f"{name}_docsize"
    return counted
