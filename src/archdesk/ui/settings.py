"""The user's preferences, kept in one INI file per user (``QSettings``, user scope).

UI preferences only: language, the database last opened, operator name, window layout …
Archive-wide rules (fonds, reference-code patterns, default retention) live in the archive
database and are changed through ``archdesk.services.codes``.

Each option is a typed descriptor with a default, so ``settings.default_loan_days`` is always an
``int`` whatever the file holds. The file carries a version; when it is older than
``SETTINGS_VERSION`` the upgrade steps in ``UPGRADE_STEPS`` run once, in order (the idea of
Picard's ``config_upgrade.py``), then the new version is written.

Usage (GUI thread)::

    settings = Settings()               # the user's file: ~/.config/ArchDesk/ArchDesk.ini on Linux
    settings = Settings(tmp_path / "s.ini")  # tests
    settings.language = "zh_CN"
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "ArchDesk"
APPLICATION = "ArchDesk"
#: Language values the settings accept: "" follows the system locale.
LANGUAGES = ("", "zh_CN", "en")
RECENT_LIMIT = 8
SETTINGS_VERSION = 1

T = TypeVar("T")


class _Option(Generic[T]):
    """One key of the INI file, read and written as a Python value of one type."""

    def __init__(self, key: str, default: T, convert: Callable[[Any, T], T]) -> None:
        self.key = key
        self.default = default
        self._convert = convert

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, settings: Settings | None, owner: type) -> Any:
        if settings is None:
            return self
        raw = settings.qsettings.value(self.key)
        if raw is None:
            return self.default
        return self._convert(raw, self.default)

    def __set__(self, settings: Settings, value: T) -> None:
        settings.qsettings.setValue(self.key, value)


def _to_text(raw: Any, default: str) -> str:
    return raw if isinstance(raw, str) else default


def _to_int(raw: Any, default: int) -> int:
    try:
        return int(raw)
    except (TypeError, ValueError):
        return default


def _to_list(raw: Any, default: list[str]) -> list[str]:
    # The INI format gives back a single-element list as a plain string.
    if isinstance(raw, str):
        return [raw] if raw else []
    if isinstance(raw, (list, tuple)):
        return [str(item) for item in raw if item]
    return list(default)


def _to_bytes(raw: Any, default: QByteArray) -> QByteArray:
    if isinstance(raw, QByteArray):
        return raw
    if isinstance(raw, (bytes, bytearray)):
        return QByteArray(bytes(raw))
    return QByteArray(default)


def _language(raw: Any, default: str) -> str:
    return raw if raw in LANGUAGES else default


class Settings:
    """Typed access to the user's ``ArchDesk.ini``; ``path`` chooses another file (tests)."""

    language = _Option("ui/language", "", _language)  #: "", "zh_CN" or "en"
    operator_name = _Option("user/operator_name", "", _to_text)  #: who is working (经办人)
    database_path = _Option("database/path", "", _to_text)  #: archive file or URL opened last
    recent_databases = _Option("database/recent", [], _to_list)  #: most recent first
    default_loan_days = _Option("loans/default_days", 14, _to_int)  #: take-out loan period (借阅期限)
    renewal_limit = _Option("loans/renewal_limit", 1, _to_int)  #: renewals allowed per loan (续借次数)
    #: The password lock (services/passlock.py): its salted hash, "" for none, and the idle minutes.
    password_hash = _Option("security/password_hash", "", _to_text)
    lock_idle_minutes = _Option("security/lock_idle_minutes", 10, _to_int)
    backup_keep = _Option("backup/keep", 10, _to_int)  #: how many backups to keep in the backups folder
    #: Rolling fixity: every stored file is checked against its SHA-256 within this many days.
    fixity_period_days = _Option("files/fixity_period_days", 90, _to_int)
    pdf_font_path = _Option("reports/pdf_font_path", "", _to_text)  #: a TrueType CJK font for PDFs
    geometry = _Option("window/geometry", QByteArray(), _to_bytes)
    dock_state = _Option("window/dock_state", QByteArray(), _to_bytes)
    table_header_state = _Option("window/table_header_state", QByteArray(), _to_bytes)

    def __init__(self, path: str | Path | None = None) -> None:
        if path is None:
            self.qsettings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)
        else:
            self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)
        upgrade(self)

    @property
    def file_name(self) -> str:
        return self.qsettings.fileName()

    @property
    def version(self) -> int:
        return _to_int(self.qsettings.value("settings/version"), 0)

    def add_recent_database(self, path: str) -> None:
        """Put ``path`` first in the recent list (once), keeping at most ``RECENT_LIMIT`` entries."""
        recent = [path] + [item for item in self.recent_databases if item != path]
        self.recent_databases = recent[:RECENT_LIMIT]

    def remove_recent_database(self, path: str) -> None:
        self.recent_databases = [item for item in self.recent_databases if item != path]

    def clear_window_state(self) -> None:
        """Forget the user's layout (the next window starts from its default layout)."""
        for key in ("window/geometry", "window/dock_state", "window/table_header_state"):
            self.qsettings.remove(key)

    def sync(self) -> None:
        """Write pending changes to disk now (Qt also does this on exit)."""
        self.qsettings.sync()


# --- upgrade steps ----------------------------------------------------------------------------
# One function per version: it receives the settings at version N-1 and leaves them at version N.
# Never edit a released step; add a new one and raise SETTINGS_VERSION.


def _upgrade_to_v1(settings: Settings) -> None:
    """An unversioned file (written by hand or by a pre-release build): normalise the language."""
    raw = settings.qsettings.value("ui/language")
    if isinstance(raw, str) and raw not in LANGUAGES:
        normalised = raw.replace("-", "_")
        if normalised.lower().startswith("zh"):
            settings.language = "zh_CN"
        elif normalised.lower().startswith("en"):
            settings.language = "en"
        else:
            settings.qsettings.remove("ui/language")


UPGRADE_STEPS: dict[int, Callable[[Settings], None]] = {1: _upgrade_to_v1}


def upgrade(settings: Settings, target: int = SETTINGS_VERSION) -> list[int]:
    """Run the steps from the file's version up to ``target``; returns the versions applied.

    A file written by a newer ArchDesk is left as it is (its extra keys are ignored).
    """
    applied = []
    for version in range(settings.version + 1, target + 1):
        UPGRADE_STEPS[version](settings)
        settings.qsettings.setValue("settings/version", version)
        applied.append(version)
    return applied
