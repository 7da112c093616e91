"""Translations: ArchDesk's own (resources/i18n/archdesk_<lang>.qm) and Qt's, for built-in dialogs
(``qtbase_<lang>.qm`` shipped with PySide6, plus ``QtSupplement`` for the few strings it lacks).

Source strings are English; ``zh_CN`` (简体中文) is the complete translation. The language is the
setting's, or the system locale's when the setting is "" (Chinese locales get ``zh_CN``, every
other locale English).

Conventions for every widget (so that switching the language in Settings applies at once):

* Every user-visible string goes through ``self.tr("…")`` (module constants through
  ``QT_TRANSLATE_NOOP("Context", "…")`` and ``QCoreApplication.translate("Context", …)`` at use).
  Build the text with ``.format()`` after ``tr()``, never with an f-string inside it.
* A widget that shows text sets it in a method ``retranslate_ui(self) -> None``, called once at the
  end of ``__init__`` and again when the language changes: inherit ``Retranslatable`` first
  (``class FilterBar(Retranslatable, QWidget)``), whose ``changeEvent`` calls it on
  ``LanguageChange``. A widget with more to do then overrides ``changeEvent`` itself.
  ``install_translators`` removes the old translators and installs the new ones; Qt then sends
  ``LanguageChange`` to every widget, so each one re-reads its own strings. Models re-emit
  ``headerDataChanged`` from the view's ``retranslate_ui``.
* Run ``make i18n`` after adding strings and translate the new entries in
  resources/i18n/archdesk_zh_CN.ts (tests/ui/test_i18n_complete.py fails until they are).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from archdesk.bundled import resource
from archdesk.ui.fonts import ensure_cjk_font

__all__ = [
    "LANGUAGE_NAMES",
    "Retranslatable",
    "current_language",
    "ensure_cjk_font",
    "install_translators",
    "resolve_language",
]

#: Languages ArchDesk ships, each named in its own language (shown so in the settings).
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}
SOURCE_LANGUAGE = "en"


class Retranslatable:
    """Mixin for a widget with ``retranslate_ui()``: runs it when the language changes.

    Put it before the Qt base class, so that its ``changeEvent`` comes first.
    """

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc] - the Qt base class after this mixin


class QtSupplement(QTranslator):
    """Qt's own strings that its shipped translation misses (Qt 6 added mnemonics to a few labels,
    and ``qtbase_zh_CN.qm`` still has them without): the file dialog's "Look in:" and "Files of
    type:", the print dialog's "Page Set:". Answers only those; every other string goes on to the
    next translator (Qt asks translators from the last installed to the first)."""

    TEXTS: dict[str, dict[tuple[str, str], str]] = {
        "zh_CN": {
            ("QFileDialog", "&Look in:"): "查找范围(&L)：",
            ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
            ("QPrintSettingsOutput", "Page &Set:"): "页面集(&S)：",
        }
    }

    def __init__(self, language: str, parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self.texts = self.TEXTS.get(language, {})

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return self.texts.get((context, source))  # None: not ours, the next translator answers

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return not self.texts


_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE


def resolve_language(setting: str, locale: QLocale | None = None) -> str:
    """The language to use for a setting value: the setting itself, or one chosen from the locale."""
    if setting in LANGUAGE_NAMES:
        return setting
    locale = locale if locale is not None else QLocale.system()
    if locale.language() == QLocale.Language.Chinese:
        return "zh_CN"
    return SOURCE_LANGUAGE


def install_translators(app: QCoreApplication, language: str) -> str:
    """Load the translations for ``language`` ("" = system locale); returns the language in effect.

    Previous translators are removed first, so calling this again switches the language of the
    running application (every widget receives ``LanguageChange``). If ArchDesk's catalogue for
    the language cannot be loaded the program stays in English. GUI thread only.
    """
    global _current
    wanted = resolve_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = SOURCE_LANGUAGE
    if wanted != SOURCE_LANGUAGE:
        own = QTranslator(app)
        if own.load(str(resource(f"i18n/archdesk_{wanted}.qm"))):
            qt = QTranslator(app)
            # Qt's own strings: the buttons of QMessageBox, QFileDialog, QDialogButtonBox …
            if qt.load(f"qtbase_{wanted}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                app.installTranslator(qt)
                _installed.append(qt)
            supplement = QtSupplement(wanted, app)
            app.installTranslator(supplement)
            _installed.append(supplement)
            app.installTranslator(own)
            _installed.append(own)
            _current = wanted
    QLocale.setDefault(_locale_for(_current))
    return _current


def _locale_for(language: str) -> QLocale:
    """Dates and numbers follow the language, keeping the system's own variant of it (en_GB …)."""
    system = QLocale.system()
    if resolve_language("", system) == language:
        return system
    return QLocale(language if language != SOURCE_LANGUAGE else "en_US")


def current_language() -> str:
    """The language installed last by ``install_translators`` ("en" before any call)."""
    return _current
