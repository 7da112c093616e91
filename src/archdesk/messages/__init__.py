"""Messages a user reads, as ids with parameters: services say *what* happened, the screen and the
command line say it in the user's language.

A service never composes a sentence. It raises an error (or writes an audit summary) carrying a
:class:`Message`: an id such as ``"record.title_required"`` and named parameters. The UI renders it
in the window's language, the CLI in its ``--lang`` (else the locale), with :func:`render`.

The catalogue is one dict per topic, in the modules of this package (``core.py``, ``records.py``,
…): ``MESSAGES = {id: (english, chinese)}``, each a ``str.format`` template over the message's
parameters. A parameter that is itself a :class:`Message` (a field name, a status, a term of the
glossary) is rendered in the same language first. ``tests/test_messages.py`` checks that every id
the code uses is in the catalogue and that both languages use the same parameters.

Plain Python: no Qt, no SQLAlchemy, so the CLI and the first paint can import it cheaply.
"""

from __future__ import annotations

import importlib
import locale
import os
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

ENGLISH, CHINESE = "en", "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)


@dataclass(frozen=True)
class Message:
    """A message id and its parameters; render it with :func:`render` (``str()`` gives English)."""

    id: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, language: str = ENGLISH) -> str:
        return render(self, language)

    def __str__(self) -> str:
        return render(self, ENGLISH)


def msg(message_id: str, /, **params: Any) -> Message:
    """``msg("core.not_found", what=term("record"), key=7)``: a message for the catalogue to render."""
    return Message(message_id, params)


def term(name: str) -> Message:
    """A word of the glossary (``term.reference_code`` …): a field, a status, a form's column."""
    return Message(f"term.{name}")


@cache
def catalogue() -> dict[str, tuple[str, str]]:
    """Every message of every topic module in this package: id → (English, Chinese)."""
    entries: dict[str, tuple[str, str]] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for message_id, texts in getattr(module, "MESSAGES", {}).items():
            if message_id in entries:
                raise RuntimeError(f"message {message_id!r} is defined twice (again in {info.name})")
            entries[message_id] = texts
    return entries


def render(message: Message | str, language: str = ENGLISH) -> str:
    """The message in ``language`` ("en" or "zh_CN"). An unknown id renders as the id itself, so a
    missing entry shows up on screen and in the catalogue test rather than as a crash."""
    if isinstance(message, str):
        return message
    texts = catalogue().get(message.id)
    if texts is None:
        return message.id
    template = texts[1] if language == CHINESE else texts[0]
    params = {name: _param(value, language) for name, value in message.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def _param(value: Any, language: str) -> Any:
    if isinstance(value, Message):
        return render(value, language)
    if isinstance(value, list | tuple) and value and all(isinstance(v, Message) for v in value):
        separator = "、" if language == CHINESE else ", "
        return separator.join(render(v, language) for v in value)
    return value


def normalise_language(name: str | None) -> str:
    """ "zh_CN", "zh-CN.UTF-8", "zh" → "zh_CN"; anything else → "en"."""
    return CHINESE if (name or "").lower().replace("-", "_").startswith("zh") else ENGLISH


def language_from_environment() -> str:
    """The CLI's language when ``--lang`` is not given: LC_ALL, LC_MESSAGES, LANG, then the locale."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return normalise_language(value)
    return normalise_language(locale.getlocale()[0])
