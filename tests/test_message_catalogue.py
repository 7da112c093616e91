"""The message catalogue: every id the code uses is defined, in both languages, with the same parameters."""

from __future__ import annotations

import re
import string
from pathlib import Path

from archdesk.messages import CHINESE, ENGLISH, Message, catalogue, msg, render, term
from archdesk.services.errors import NotFound, ValidationError

SRC = Path(__file__).resolve().parents[1] / "src" / "archdesk"
# msg("some.id" …) and Message("some.id" …) with a literal id.
USED = re.compile(r"""\b(?:msg|Message)\(\s*["']([a-z_]+(?:\.[a-z0-9_]+)+)["']""")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_id_used_in_the_code_is_in_the_catalogue() -> None:
    defined = catalogue()
    missing = {}
    for path in SRC.rglob("*.py"):
        for message_id in USED.findall(path.read_text(encoding="utf-8")):
            if message_id not in defined:
                missing.setdefault(message_id, path.relative_to(SRC).as_posix())
    assert missing == {}


def test_both_languages_of_every_message_take_the_same_parameters() -> None:
    mismatched = {
        message_id: (sorted(_fields(en)), sorted(_fields(zh)))
        for message_id, (en, zh) in catalogue().items()
        if _fields(en) != _fields(zh)
    }
    assert mismatched == {}


def test_every_chinese_text_is_written_in_chinese() -> None:
    # A copy of the English in the Chinese column is a missing translation (placeholders and codes aside).
    untranslated = [
        message_id
        for message_id, (en, zh) in catalogue().items()
        if zh == en and re.search(r"[A-Za-z]{3,}", string.Formatter().vformat(en, (), _Blank()))
    ]
    assert untranslated == []


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def test_a_message_renders_its_parameters_and_nested_terms_in_the_language_asked() -> None:
    error = ValidationError("title", msg("core.text", text="x"), row=4, source="移交.xlsx")
    assert error.render(ENGLISH) == "移交.xlsx: row 4: Title: x"
    assert error.render(CHINESE) == "移交.xlsx：第 4 行：题名：x"
    assert render(term("status.in_custody"), CHINESE) == "在档"
    assert str(NotFound("category", "XX")) == "Series 'XX' not found"
    assert NotFound("record", 7).render(CHINESE) == "未找到档案：7"


def test_an_unknown_id_shows_itself_rather_than_failing() -> None:
    assert render(Message("no.such.message"), CHINESE) == "no.such.message"
