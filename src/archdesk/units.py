"""The units records are counted in (计量单位), as printed: plain Python, no SQLAlchemy, so the UI
can use it before the database layer loads (like ``statuses.py``)."""

from __future__ import annotations

#: A category's unit (``Category.unit``) and the other counting words → English.
ENGLISH_UNITS = {"件": "items", "张": "photos", "盘": "reels", "卷": "volumes", "页": "pages", "盒": "boxes"}


def unit_word(unit: str, language: str) -> str:
    """A unit as printed: the character in Chinese, a word in English (件 → items; 件/张 → items/photos)."""
    if language != "en":
        return unit
    return "/".join(ENGLISH_UNITS.get(part, part) for part in unit.split("/"))


def counted(number: int, unit: str, language: str) -> str:
    """ "1,204 张" / "1,204 photos"."""
    return f"{number:,} {unit_word(unit, language)}"
