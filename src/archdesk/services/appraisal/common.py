"""Helpers the appraisal modules share: finding records by id or 档号, chunked IN lists, accounting."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from archdesk.messages import msg, term
from archdesk.models import Category, Record
from archdesk.services.errors import NotAllowed

#: Ids per IN list: below every SQLite build's bound-parameter limit (999 before 3.32).
CHUNK = 500
#: 会计 category code; its sub-categories are KU·01 …
ACCOUNTING = "KU"


def chunks(ids: Sequence[int], size: int = CHUNK) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def is_accounting(category_code: str) -> bool:
    """会计档案: the KU category and its sub-categories."""
    return category_code == ACCOUNTING or category_code.startswith(f"{ACCOUNTING}·")


def status_term(status: str):  # noqa: ANN201
    return term(f"status.{status}")


@dataclass(frozen=True)
class RecordFacts:
    """What the appraisal rules read of one record."""

    id: int
    reference_code: str
    year: int
    status: str
    retention_id: int
    category_code: str
    box_id: int | None


def record_facts(session: Session, record_ids: Sequence[int]) -> dict[int, RecordFacts]:
    facts: dict[int, RecordFacts] = {}
    for chunk in chunks(list(record_ids)):
        rows = session.execute(
            select(
                Record.id, Record.reference_code, Record.year, Record.status, Record.retention_id,
                Category.code.label("category_code"), Record.box_id,
            )
            .join(Category, Category.id == Record.category_id)
            .where(Record.id.in_(chunk))
        )  # fmt: skip
        facts.update((row.id, RecordFacts(**row._mapping)) for row in rows)
    return facts


def ids_of_references(session: Session, references: Sequence[str]) -> list[int]:
    """Record ids for 档号s, in the order given; an unknown one is refused by name."""
    found: dict[str, int] = {}
    for start in range(0, len(references), CHUNK):
        part = list(references[start : start + CHUNK])
        found.update(
            session.execute(select(Record.reference_code, Record.id).where(Record.reference_code.in_(part))).all()
        )
    missing = [code for code in references if code not in found]
    if missing:
        raise NotAllowed(msg("appraisal.unknown_reference", reference_code=missing[0]))
    return [found[code] for code in references]


def names(text: str | Sequence[str]) -> list[str]:
    """ "A, B，C" (or a list) → ["A", "B", "C"], blanks and repeats dropped, order kept."""
    parts = text.replace("，", ",").replace("、", ",").split(",") if isinstance(text, str) else list(text)
    seen: list[str] = []
    for part in (p.strip() for p in parts):
        if part and part not in seen:
            seen.append(part)
    return seen
