"""The code tables a new archive starts with (resources/seed/code_tables.json)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archdesk.bundled import resource
from archdesk.models import Carrier, Category, Department, Fonds, RetentionPeriod, SecurityLevel


def load_seed() -> dict[str, Any]:
    return json.loads(resource("seed/code_tables.json").read_text(encoding="utf-8"))


def seed_code_tables(session: Session, *, fonds_code: str | None = None, fonds_name: str | None = None) -> bool:
    """Fill empty code tables. Returns False (and changes nothing) if the archive already has them."""
    if session.scalar(select(func.count()).select_from(RetentionPeriod)):
        return False
    data = load_seed()
    for row in data["retention_periods"]:
        session.add(RetentionPeriod(**row))
    for row in data["security_levels"]:
        session.add(SecurityLevel(**row))
    for row in data["carriers"]:
        session.add(Carrier(**row))
    for row in data["departments"]:
        session.add(Department(**row))
    fonds = data["fonds"][0]
    session.add(Fonds(code=fonds_code or fonds["code"], name=fonds_name or fonds["name"]))
    session.flush()
    retention_ids = {r.code: r.id for r in session.scalars(select(RetentionPeriod))}

    def add_categories(rows: list[dict[str, Any]], parent: Category | None) -> None:
        for order, row in enumerate(rows):
            category = Category(
                code=row["code"],
                name=row["name"],
                name_en=row["name_en"],
                arrangement=row["arrangement"],
                unit=row.get("unit", "件"),
                default_retention_id=retention_ids.get(row.get("default_retention", "")),
                parent_id=parent.id if parent else None,
                sort_order=order,
            )
            session.add(category)
            session.flush()
            add_categories(row.get("children", []), category)

    add_categories(data["categories"], None)
    return True
