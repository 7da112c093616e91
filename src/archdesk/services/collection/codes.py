"""Reading a given 档号 back into its components with the category's pattern (a catalogue moved
from another system, or ArchDesk's own register exported and imported again).

The pattern's placeholders become named groups: ``{fonds}-{category}·{year}-{retention}[-{department}]-{item}``
reads ``Z109-WS·2011-Y-BGS-0001`` as fonds Z109, category WS, year 2011, retention Y, department BGS,
item 1. The caller renders the code again from the components and refuses the row when the two
differ, so a code is never half understood.
"""

from __future__ import annotations

import re
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
