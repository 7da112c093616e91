"""The row check's helpers: parsers that remember their outcome per distinct cell value, code-table
lookups through the archivist's value map, and the 档号 a kept item number gives."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from archdesk.messages import Message, msg
from archdesk.services.collection.parsing import CellError, as_text, lookup_key
from archdesk.services.refcode import CodeParts, format_item, group_key, render_reference_code

_UNKNOWN_IDS = {"import.unknown_retention", "import.unknown_security"}


def source_key(message: Message) -> tuple[Any, ...]:
    return (message.id, *sorted(message.params.items()))


def same_as(first: tuple[str, int], sheet: str, message_id: str) -> Message:
    if first[0] != sheet and message_id == "import.same_code_as_row":
        return msg("import.same_code_as_sheet_row", row=first[1], sheet=first[0])
    return msg(message_id, row=first[1])


def item_kept(parts: dict[str, str], item_cell: Any, parse_item: Callable[..., Any], problems: list) -> int | None:
    """The item number a migrated row keeps: from its 档号, else from its 件号 column."""
    if parts.get("item"):
        return int(parts["item"])
    number = parse_item(item_cell, "item_number", problems) if item_cell is not None else None
    if number:
        return int(number)
    if not problems:
        problems.append(("reference_code", msg("import.code_missing")))
    return None


_GROUPS: dict[tuple[Any, ...], tuple[str, str, bool, CodeParts]] = {}


def expected_code(pattern: str, fonds: str, category: str, year: int, retention: str, dept: Any, item: int) -> str:
    """The code the row's components give with its kept item number (group rendered once per class)."""
    signature = (pattern, fonds, category, year, retention, dept[1] if dept else "", dept[2] if dept else "")
    found = _GROUPS.get(signature)
    if found is None:
        parts = CodeParts(fonds, category, year, retention, signature[5], signature[6])
        key = group_key(pattern, parts)
        prefix, _, suffix = key.rpartition("#")
        fast = prefix + format_item(1) + suffix == render_reference_code(pattern, parts, 1)
        found = _GROUPS[signature] = (prefix, suffix, fast, parts)
        if len(_GROUPS) > 50_000:
            _GROUPS.clear()
    prefix, suffix, fast, parts = found
    return prefix + format_item(item) + suffix if fast else render_reference_code(pattern, parts, item)


def remembered(parser: Callable[..., Any], *args: Any, mapped: Mapping[str, str] | None = None) -> Callable:
    """``parser(value, *args)`` as ``check(value, field, problems)``: a CellError becomes (field, problem)
    in ``problems`` and None. ``mapped`` translates a spelling first (the archivist's value map).
    Outcomes are kept per (type, value) for the length of one validation."""
    outcomes: dict[tuple[type, Any], tuple[Any, Message | None]] = {}

    def run(value: Any) -> tuple[Any, Message | None]:
        given = value
        if mapped and value is not None:
            value = mapped.get(lookup_key(value), value)
        try:
            return parser(value, *args), None
        except CellError as exc:
            problem = exc.problem
            if problem.id in _UNKNOWN_IDS:
                problem = Message(problem.id, {**problem.params, "raw": as_text(given)})
            return None, problem

    def check(value: Any, name: str, problems: list[tuple[str, Message]]) -> Any:
        if value is None:
            return parser(None, *args)
        try:
            key = (value.__class__, value)
            result, problem = outcomes[key]
        except KeyError:
            result, problem = outcomes[key] = run(value)
        except TypeError:  # an unhashable value: parse it every time
            result, problem = run(value)
        if problem is not None:
            problems.append((name, problem))
        return result

    return check


def looked_up(find: Callable[[str], Any], message_id: str, mapped: Mapping[str, str] | None) -> Callable:
    """A code-table lookup as ``check(text, field, problems)``, with the archivist's value map first.
    Answers are kept per text for the length of one validation: a catalogue keeping its 档号 looks
    up the department its code names on every row (100,000 lookups of one text)."""
    answers: dict[str, Any] = {}

    def check(text: str, name: str, problems: list[tuple[str, Message]]) -> Any:
        try:
            found = answers[text]
        except KeyError:
            found = answers[text] = find(mapped.get(lookup_key(text), text) if mapped else text)
        if found is None:
            problems.append((name, msg(message_id, value=repr(text[:40]), raw=text[:200])))
        return found

    return check
