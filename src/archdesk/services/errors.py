"""Errors the services raise. The UI and CLI show them as they are; services never compose UI text
beyond a plain English message with the field named."""

from __future__ import annotations


class ArchDeskError(Exception):
    """Base of every error a user may see."""


class ValidationError(ArchDeskError):
    """A value the user gave is not acceptable. ``field`` names the field (model attribute name)."""

    def __init__(self, field: str, message: str, *, row: int | None = None, source: str | None = None) -> None:
        self.field = field
        self.message = message
        self.row = row
        self.source = source
        where = ""
        if source:
            where += f"{source}: "
        if row is not None:
            where += f"row {row}: "
        super().__init__(f"{where}{field}: {message}")


class ValidationErrors(ArchDeskError):
    """Several validation problems found at once (e.g. in a record form)."""

    def __init__(self, errors: list[ValidationError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))


class NotAllowed(ArchDeskError):
    """The action breaks an archive rule (e.g. deleting an accepted record)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class NotFound(ArchDeskError):
    def __init__(self, what: str, key: object) -> None:
        self.what = what
        self.key = key
        super().__init__(f"{what} {key!r} not found")


class DatabaseError(ArchDeskError):
    """The database cannot be opened, migrated or written."""


class Cancelled(ArchDeskError):
    """Long work was cancelled by the user; nothing of it was kept."""
