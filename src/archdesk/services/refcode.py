"""Reference codes (档号), generated from a category's pattern, with item numbers (件号) that are
allocated in sequence per group and never reused.

A pattern is text with placeholders in braces; a part in square brackets is left out when a
placeholder inside it is empty (a record without a department, say):

    {fonds}-{category}·{year}-{retention}[-{department}]-{item}      DA/T 22-2015 (the default)
    {fonds}-{category}·{year}·{retention}[·{department_name}]-{item}  DA/T 13-2022

Placeholders: fonds, category, year, retention, department, department_name, item (4 digits,
zero-padded). The group of an item number is the code rendered without its item number, so
numbering restarts in each lowest-level class (e.g. each year + retention + department).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from archdesk.messages import msg
from archdesk.models import ItemSequence
from archdesk.services.errors import ValidationError

PLACEHOLDERS = ("fonds", "category", "year", "retention", "department", "department_name", "item")
ITEM_WIDTH = 4
_TOKEN = re.compile(r"\{(\w+)\}")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
#: The item-level shape from the domain rules (section 1), for checks of DA/T 22 codes.
DAT22_REGEX = re.compile(r"^[A-Z0-9]{3,4}-[A-Z]{2}(·[A-Z0-9]{2})?·\d{4}-(Y|D30|D10)(-[A-Z0-9]{1,3})?-\d{4}$")


@dataclass(frozen=True)
class CodeParts:
    """The components a reference code is built from (stored in their own columns)."""

    fonds: str
    category: str
    year: int
    retention: str
    department: str = ""
    department_name: str = ""


def validate_pattern(pattern: str) -> None:
    """Raise ValidationError('refcode_pattern', ...) unless the pattern can number items uniquely."""
    names = _TOKEN.findall(pattern)
    unknown = sorted(set(names) - set(PLACEHOLDERS))
    if unknown:
        raise ValidationError("refcode_pattern", msg("codes.unknown_placeholder", name=unknown[0]))
    if names.count("item") != 1:
        raise ValidationError("refcode_pattern", msg("codes.item_once"))
    if "item" in "".join(_TOKEN.findall(" ".join(_OPTIONAL.findall(pattern)))):
        raise ValidationError("refcode_pattern", msg("codes.item_optional"))
    if pattern.count("[") != pattern.count("]"):
        raise ValidationError("refcode_pattern", msg("codes.unbalanced"))


def _values(parts: CodeParts, item: str) -> dict[str, str]:
    return {
        "fonds": parts.fonds,
        "category": parts.category,
        "year": f"{parts.year:04d}",
        "retention": parts.retention,
        "department": parts.department,
        "department_name": parts.department_name,
        "item": item,
    }


def _render(pattern: str, values: dict[str, str]) -> str:
    def optional(match: re.Match[str]) -> str:
        inner = match.group(1)
        if any(not values.get(name) for name in _TOKEN.findall(inner)):
            return ""
        return inner

    text = _OPTIONAL.sub(optional, pattern)
    return _TOKEN.sub(lambda m: values[m.group(1)], text)


def format_item(number: int) -> str:
    # ``zfill`` gives what ``f"{number:0{ITEM_WIDTH}d}"`` gives for every int, at a quarter of its cost
    # (a migrated catalogue renders 100,000 codes to compare with the ones it keeps).
    return str(int(number)).zfill(ITEM_WIDTH)


def render_reference_code(pattern: str, parts: CodeParts, item_number: int) -> str:
    return _render(pattern, _values(parts, format_item(item_number)))


def group_key(pattern: str, parts: CodeParts) -> str:
    """The code without its item number: item numbers run in sequence within one group."""
    return _render(pattern, _values(parts, "\x00")).replace("\x00", "#")


def normalise_separators(code: str) -> str:
    """On input, `•`, `．` and `.` between codes are written as the standard middle dot `·`."""
    return re.sub(r"[•．.∙]", "·", code.strip())


def peek_next_item_number(session: Session, key: str) -> int:
    """The number the next record of this group would get (for a preview; allocates nothing)."""
    last = session.scalar(select(ItemSequence.last_number).where(ItemSequence.group_key == key))
    return (last or 0) + 1


def allocate_item_numbers(session: Session, key: str, count: int = 1) -> int:
    """Reserve ``count`` consecutive item numbers in a group; returns the first.

    The UPDATE comes first so the row is locked (SQLite: the write transaction begun with
    BEGIN IMMEDIATE; PostgreSQL: the row lock) before the new value is read back: two
    concurrent units of work can never get the same number. Numbers are never handed back,
    even when the record is later deleted or destroyed.
    """
    if count < 1:
        raise ValueError("count must be positive")
    table = ItemSequence.__table__
    bumped = session.execute(
        update(table).where(table.c.group_key == key).values(last_number=table.c.last_number + count)
    )
    if bumped.rowcount == 0:
        try:
            with session.begin_nested():
                session.execute(table.insert().values(group_key=key, last_number=count))
        except IntegrityError:  # another writer created the group first
            session.execute(
                update(table).where(table.c.group_key == key).values(last_number=table.c.last_number + count)
            )
    last = session.scalar(select(table.c.last_number).where(table.c.group_key == key))
    return int(last) - count + 1
