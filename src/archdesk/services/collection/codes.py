"""Reading a given 档号 back into its components with the category's pattern (a catalogue moved
from another system, or ArchDesk's own register exported and imported again).

The pattern's placeholders become named groups: ``{fonds}-{category}·{year}-{retention}[-{department}]-{item}``
reads ``Z109-WS·2011-Y-BGS-0001`` as fonds Z109, category WS, year 2011, retention Y, department BGS,
item 1. The caller renders the code again from the components and refuses the row when the two
differ, so a code is never half understood.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

_TOKEN = re.compile(r"\{(\w+)\}")
_GROUP = {
    "fonds": r"[^\s\-·]+",
    "category": r"[A-Za-z0-9]+(?:·[A-Za-z0-9]+)?",  # WS, or a second level: KU·01, SW·JB
    "year": r"\d{4}",
    "retention": r"[A-Za-z0-9]+",
    "department": r"[^\s\-·]+",
    "department_name": r"[^\s\-·]+",
    "item": r"\d{1,6}",
}


@cache
def code_regex(pattern: str) -> re.Pattern[str]:
    """The regular expression reading codes of ``pattern``; an optional ``[...]`` part may be absent."""
    out: list[str] = []
    depth = 0
    position = 0
    for match in re.finditer(r"\{\w+\}|\[|\]", pattern):
        out.append(re.escape(pattern[position : match.start()]))
        token = match.group(0)
        if token == "[":
            out.append("(?:")
            depth += 1
        elif token == "]":
            out.append(")?")
            depth -= 1
        else:
            name = token[1:-1]
            out.append(f"(?P<{name}>{_GROUP.get(name, r'[^-·]+')})")
        position = match.end()
    out.append(re.escape(pattern[position:]))
    # A category code may itself hold "·" (KU·01): try the short reading first, then the long one.
    text = "".join(out).replace(
        r"(?P<category>" + _GROUP["category"] + ")", r"(?P<category>[A-Za-z0-9]+?(?:·[A-Za-z0-9]+)??)"
    )
    return re.compile(f"^{text}$")


def parse_code(pattern: str, code: str) -> dict[str, str] | None:
    """The components of ``code`` by name (absent optional ones as ''), or None when it does not fit."""
    match = code_regex(pattern).match(code)
    if match is None:
        return None
    return match.groupdict("")


def code_reader(pattern: str) -> Callable[[str], dict[str, str] | None]:
    """``parse_code`` for one pattern, reading each distinct code-without-its-item-number once.

    A catalogue's codes differ mostly in their item numbers (100,000 codes in a few hundred groups).
    When the pattern ends in ``{item}`` after a literal character that cannot be in an item
    number, a code fits it exactly when it is that character's last occurrence, then 1–6 digits,
    and what comes before fits with any item number: so the regular expression reads the part
    before (with item 0) once per distinct part, and each code only splits off its digits. Any
    other pattern, or a code whose end is not digits, is read whole.
    """
    regex = code_regex(pattern)
    separator = pattern[-7:-6] if pattern.endswith("{item}") and pattern.count("{item}") == 1 else ""
    if not separator or separator in "{}[]" or separator.isdecimal():
        return lambda code: parse_code(pattern, code)
    heads: dict[str, dict[str, str] | None] = {}

    def read(code: str) -> dict[str, str] | None:
        head, found, item = code.rpartition(separator)
        if not found or not 1 <= len(item) <= 6 or not item.isdecimal():  # _GROUP["item"]
            return parse_code(pattern, code)
        try:
            parts = heads[head]
        except KeyError:
            match = regex.match(head + separator + "0")
            parts = heads[head] = match.groupdict("") if match is not None else None
        if parts is None:
            return None
        return {**parts, "item": item}

    return read
