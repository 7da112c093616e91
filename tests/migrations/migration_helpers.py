"""Helpers for migration tests: a throw-away copy of the shipped migrations to add revisions to, and
a plain description of a database's schema and rows to compare before and after. Imported as
``migration_helpers`` (pytest puts tests/migrations on sys.path)."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from sqlalchemy import Engine, inspect, select, text

from archdesk.bundled import migrations_dir
from archdesk.models import Box, Category, Department, Fonds, Record, RetentionPeriod
from archdesk.services import migrate
from archdesk.services.database import Database
from archdesk.services.uow import UnitOfWork


class ScriptCopy:
    """The shipped migrations copied to a temporary folder, where a test can chain its own revisions."""

    def __init__(self, folder: Path) -> None:
        shutil.copytree(migrations_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
        self.folder = folder

    def head(self) -> str:
        return migrate.head_revision(self.folder)

    def add_revision(self, revision: str, upgrade: str, downgrade: str = "pass") -> str:
        """Write a revision after the current head whose ``upgrade()`` body is the given code."""
        body = f'''\
            """{revision} (written by a test)"""

            import sqlalchemy as sa
            from alembic import op

            revision = {revision!r}
            down_revision = {self.head()!r}
            branch_labels = None
            depends_on = None


            def upgrade() -> None:
            {{upgrade}}


            def downgrade() -> None:
            {{downgrade}}
            '''
        code = textwrap.dedent(body).format(
            upgrade=textwrap.indent(textwrap.dedent(upgrade).strip(), "    "),
            downgrade=textwrap.indent(textwrap.dedent(downgrade).strip(), "    "),
        )
        (self.folder / "versions" / f"{revision}.py").write_text(code, encoding="utf-8")
        return revision


def schema_of(engine: Engine, *, search_tables: bool = False) -> dict[str, dict[str, object]]:
    """Tables with their columns, foreign keys, indexes and unique constraints (search_* only if asked)."""
    with engine.connect() as conn:
        inspector = inspect(conn)
        schema: dict[str, dict[str, object]] = {}
        for table in sorted(inspector.get_table_names()):
            if table.startswith("search_") and not search_tables:
                continue
            schema[table] = {
                "columns": [(c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)],
                "foreign_keys": sorted(
                    (fk["name"] or "", tuple(fk["constrained_columns"]), fk["referred_table"])
                    for fk in inspector.get_foreign_keys(table)
                ),
                "indexes": sorted((ix["name"], tuple(ix["column_names"])) for ix in inspector.get_indexes(table)),
                "unique": sorted(
                    (uq["name"] or "", tuple(uq["column_names"])) for uq in inspector.get_unique_constraints(table)
                ),
            }
        return schema


def rows_of(engine: Engine, *tables: str) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        return {t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1"))] for t in tables}


def version_rows(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return []
        return [row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))]


def foreign_keys_enforced(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(conn.exec_driver_sql("PRAGMA foreign_keys").scalar())


def file_some_records(db: Database, count: int = 3, *, category_code: str = "WS") -> list[int]:
    """Put ``count`` records of one category, year and department into a box (plain ORM, no services)."""
    with UnitOfWork(db) as uow:
        session = uow.session
        fonds = session.scalars(select(Fonds)).first()
        category = session.scalars(select(Category).where(Category.code == category_code)).one()
        retention = session.scalars(select(RetentionPeriod).where(RetentionPeriod.code == "D30")).one()
        department = session.scalars(select(Department).where(Department.code == "BGS")).one()
        box = Box(
            code=f"{fonds.code}-{category.code}·2023-D30-BGS-001",
            fonds_id=fonds.id,
            category_id=category.id,
            year=2023,
            retention_id=retention.id,
            department_id=department.id,
            box_number=1,
        )
        session.add(box)
        session.flush()
        records = [
            Record(
                reference_code=f"{fonds.code}-{category.code}·2023-D30-BGS-{n:04d}",
                fonds_id=fonds.id,
                category_id=category.id,
                year=2023,
                retention_id=retention.id,
                department_id=department.id,
                item_number=n,
                title=f"关于2023年第{n}次办公会议的纪要",
                box_id=box.id,
            )
            for n in range(1, count + 1)
        ]
        session.add_all(records)
        session.commit()
        return [r.id for r in records]


def record_with_text(db: Database, title: str, attached_text: str | None = None, **fields: object) -> int:
    """An accepted record (WS, 2023, 永久, BGS unless given), with an attached file whose text is
    indexed when ``attached_text`` is given; its id."""
    from datetime import date

    from archdesk.models import Attachment
    from archdesk.services.catalogue import RecordInput, create_record
    from archdesk.services.digitisation import content

    values = {"category": "WS", "year": 2023, "retention": "Y", "department": "BGS", "date": date(2023, 3, 1)}
    record = create_record(db, RecordInput(title=title, **{**values, **fields}), accept=True)
    if attached_text is not None:
        with UnitOfWork(db) as uow:
            uow.session.add(
                Attachment(record_id=record.id, file_name="scan.png", stored_path=f"{record.id:064x}.png",
                           media_type="image/png", size_bytes=1, sha256=f"{record.id:064x}", page_count=1,
                           added_by="test", content_text=attached_text)
            )  # fmt: skip
            uow.session.flush()
            content.index_content(uow.session, [record.id])
            uow.commit()
    return record.id
