"""Errors the services raise. Each carries a :class:`~archdesk.messages.Message` (an id and its
parameters), never a sentence: the UI renders it in the window's language, the CLI in its ``--lang``.
``str(error)`` is the English rendering, for logs and tests.

A plain ``str`` is still accepted where a message is expected and is shown as it is (``core.text``);
new code passes ``msg(...)``.
"""

from __future__ import annotations

from archdesk.messages import ENGLISH, Message, catalogue, msg, render


def _as_message(message: Message | str) -> Message:
    return message if isinstance(message, Message) else msg("core.text", text=message)


def field_label(field: str) -> Message:
    """The glossary's word for a field (``term.title`` → 题名), or the field name as it is."""
    return Message(f"term.{field}") if f"term.{field}" in catalogue() else msg("core.text", text=field)


class ArchDeskError(Exception):
    """Base of every error a user may see."""

    def __init__(self, message: Message | str = "") -> None:
        #: What happened, as a message id and parameters (rendered by the UI and the CLI).
        self.content = _as_message(message)
        super().__init__(self.content.id)

    def render(self, language: str = ENGLISH) -> str:
        """What the user reads, in ``language``."""
        return render(self.content, language)

    def __str__(self) -> str:
        return self.render(ENGLISH)


class ValidationError(ArchDeskError):
    """A value the user gave is not acceptable. ``field`` names the field (model attribute name);
    ``row`` and ``source`` say where it was read (a spreadsheet row, a file)."""

    def __init__(
        self, field: str, message: Message | str, *, row: int | None = None, source: str | None = None
    ) -> None:
        self.field = field
        self.problem = _as_message(message)
        #: The problem in English without the field (older callers read this).
        self.message = render(self.problem, ENGLISH)
        self.row = row
        self.source = source
        super().__init__(self.problem)

    def render(self, language: str = ENGLISH) -> str:
        text = msg("core.at_field", field=field_label(self.field), problem=self.problem)
        if self.row is not None:
            text = msg("core.at_row", row=self.row, problem=text)
        if self.source:
            text = msg("core.at_source", source=self.source, problem=text)
        return render(text, language)


class ValidationErrors(ArchDeskError):
    """Several validation problems found at once (e.g. in a record form): all are shown together."""

    def __init__(self, errors: list[ValidationError]) -> None:
        self.errors = errors
        super().__init__(errors[0].problem if errors else "")

    def render(self, language: str = ENGLISH) -> str:
        return "\n".join(error.render(language) for error in self.errors)


class NotAllowed(ArchDeskError):
    """The action breaks an archive rule (e.g. deleting an accepted record). ``reason`` is the message."""

    def __init__(self, reason: Message | str) -> None:
        super().__init__(reason)
        #: The problem in English (older callers read this).
        self.reason = render(self.content, ENGLISH)


class NotFound(ArchDeskError):
    """``what`` (a glossary term name such as "record", or a word) with ``key`` does not exist."""

    def __init__(self, what: str, key: object) -> None:
        self.what = what
        self.key = key
        super().__init__(msg("core.not_found", what=field_label(what), key=key))


class DatabaseError(ArchDeskError):
    """The database cannot be opened, migrated or written."""


class Cancelled(ArchDeskError):
    """Long work was cancelled by the user; nothing of it was kept."""

    def __init__(self, message: Message | str | None = None) -> None:
        super().__init__(message if message is not None else msg("core.cancelled"))
