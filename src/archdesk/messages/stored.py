"""Messages kept in the database (an audit event's summary): a :class:`Message` as JSON and back.

The History tab reads an event's summary in the window's language, so the event stores the message
id and its parameters, not a sentence. Nested messages (a field's glossary term, a status) are kept
as ``{"$msg": id, "params": {...}}``; dates as ISO text.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from archdesk.messages import Message


def message_to_json(message: Message) -> dict[str, Any]:
    return {"$msg": message.id, "params": {name: _value_to_json(v) for name, v in message.params.items()}}


def message_from_json(data: Any) -> Message | None:
    """The message stored by :func:`message_to_json`; None for anything else (an older event)."""
    if not isinstance(data, dict) or not isinstance(data.get("$msg"), str):
        return None
    params = data.get("params") or {}
    return Message(data["$msg"], {name: _value_from_json(v) for name, v in params.items()})


def _value_to_json(value: Any) -> Any:
    if isinstance(value, Message):
        return message_to_json(value)
    if isinstance(value, list | tuple):
        return [_value_to_json(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _value_from_json(value: Any) -> Any:
    if isinstance(value, dict):
        return message_from_json(value) or value
    if isinstance(value, list):
        return [_value_from_json(v) for v in value]
    return value
