"""First start: no archive yet. Offers a new empty archive, an existing file, or the demo archive.

``choose(parent)`` shows the dialog and returns a :class:`WelcomeChoice` (or None when the user
quits). The dialog creates nothing itself except the demo archive, which is built here in the
background with a progress dialog; a new archive is created by the caller, which opens
``choice.path`` with ``open_archive(path, fonds_code=…, fonds_name=…)``.

The language can be switched on this screen; it applies at once (see ``archdesk.ui.i18n``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QEventLoop, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from archdesk.services.archive import open_archive
from archdesk.services.database import Database, default_database_path
from archdesk.services.errors import ArchDeskError
from archdesk.ui.i18n import LANGUAGE_NAMES, current_language, install_translators
from archdesk.ui.ops import Ops, Progress, show_error
from archdesk.ui.settings import Settings
from archdesk.ui.settings_dialog import ARCHIVE_FILTER, FONDS_CODE, error_label, show_problem

NEW, OPEN, DEMO = "new", "open", "demo"
DEMO_FILE = "demo.db"


@dataclass(frozen=True)
class WelcomeChoice:
    """What to open next: ``kind`` is "new", "open" or "demo"; the fonds only for a new archive."""

    kind: str
    path: str
    fonds_code: str = ""
    fonds_name: str = ""


def demo_database_path() -> Path:
    """The demo archive lives next to the default archive, never in it."""
    return default_database_path().with_name(DEMO_FILE)


class NewArchivePage(QWidget):
    """Where the new archive file goes, and the fonds it holds."""

    created = Signal()
    back_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt;")
        self.path = QLineEdit(str(default_database_path()))
        self.path_error = error_label()
        self.browse = QPushButton()
        self.fonds_code = QLineEdit()
        self.fonds_code.setPlaceholderText("Z109")
        self.fonds_code_error = error_label()
        self.fonds_name = QLineEdit()
        self.fonds_name_error = error_label()
        self.back = QPushButton()
        self.create = QPushButton()
        self.create.setDefault(True)

        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        self.path_label, self.fonds_code_label, self.fonds_name_label = QLabel(), QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.path_label, path_row)
        form.addRow("", self.path_error)
        form.addRow(self.fonds_code_label, self.fonds_code)
        form.addRow("", self.fonds_code_error)
        form.addRow(self.fonds_name_label, self.fonds_name)
        form.addRow("", self.fonds_name_error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.create)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.browse.clicked.connect(self._browse)
        self.back.clicked.connect(self.back_requested)
        self.create.clicked.connect(self._create)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("New empty archive"))
        self.browse.setText(self.tr("Browse…"))
        self.fonds_name.setPlaceholderText(self.tr("e.g. the name of your organisation"))
        self.path_label.setText(self.tr("Archive file:"))
        self.fonds_code_label.setText(self.tr("Fonds code:"))
        self.fonds_name_label.setText(self.tr("Fonds name:"))
        self.back.setText(self.tr("Back"))
        self.create.setText(self.tr("Create archive"))

    def check(self) -> bool:
        path = self.path.text().strip()
        code, name = self.fonds_code.text().strip(), self.fonds_name.text().strip()
        path_problem = ""
        if not path:
            path_problem = self.tr("Choose where the archive file is kept.")
        elif Path(path).is_dir():
            path_problem = self.tr("This is a folder; add a file name such as archive.db.")
        elif Path(path).exists():
            path_problem = self.tr("This file exists already; use “Open an existing archive” for it.")
        code_problem = ""
        if not code:
            code_problem = self.tr("Enter the fonds code.")
        elif not FONDS_CODE.match(code):
            code_problem = self.tr("A fonds code is 3 or 4 capital letters or digits, e.g. Z109.")
        show_problem(self.path_error, path_problem)
        show_problem(self.fonds_code_error, code_problem)
        show_problem(self.fonds_name_error, "" if name else self.tr("Enter the fonds name."))
        return not path_problem and not code_problem and bool(name)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New archive"),
            self.path.text(),
            self.tr("ArchDesk archives ({patterns})").format(patterns=ARCHIVE_FILTER),
        )
        if path:
            self.path.setText(path)

    def _create(self) -> None:
        if self.check():
            self.created.emit()


#: The three ways to start, (kind, title, description), translated where they are shown.
_CHOICES = (
    (
        NEW,
        QT_TRANSLATE_NOOP("WelcomeDialog", "New empty archive"),
        QT_TRANSLATE_NOOP(
            "WelcomeDialog", "Start your own catalogue: choose where the archive file is kept and enter your fonds."
        ),
    ),
    (
        OPEN,
        QT_TRANSLATE_NOOP("WelcomeDialog", "Open an existing archive"),
        QT_TRANSLATE_NOOP("WelcomeDialog", "An archive file made earlier, or copied from another computer."),
    ),
    (
        DEMO,
        QT_TRANSLATE_NOOP("WelcomeDialog", "Demo archive"),
        QT_TRANSLATE_NOOP("WelcomeDialog", "Try ArchDesk on sample records. Your own archives are not touched."),
    ),
)


class WelcomeDialog(QDialog):
    """The first-start screen. After ``exec()``, ``choice`` says what to open (None if the user quit)."""

    def __init__(self, parent: QWidget | None = None, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.choice: WelcomeChoice | None = None
        self._settings = settings
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 18pt;")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.buttons = {kind: QCommandLinkButton() for kind, *_ in _CHOICES}
        self.language_label = QLabel()
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.quit = QPushButton()

        first = QWidget()
        first_layout = QVBoxLayout(first)
        first_layout.addWidget(self.heading)
        first_layout.addWidget(self.intro)
        for button in self.buttons.values():
            first_layout.addWidget(button)
        first_layout.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.language_label)
        bottom.addWidget(self.language)
        bottom.addStretch(1)
        bottom.addWidget(self.quit)
        first_layout.addLayout(bottom)
        self.new_page = NewArchivePage()
        self.pages = QStackedWidget()
        self.pages.addWidget(first)
        self.pages.addWidget(self.new_page)
        QVBoxLayout(self).addWidget(self.pages)

        self.buttons[NEW].clicked.connect(lambda: self.pages.setCurrentWidget(self.new_page))
        self.buttons[OPEN].clicked.connect(self._open_existing)
        self.buttons[DEMO].clicked.connect(self._open_demo)
        self.new_page.back_requested.connect(lambda: self.pages.setCurrentIndex(0))
        self.new_page.created.connect(self._create_new)
        self.language.activated.connect(self._switch_language)
        self.quit.clicked.connect(self.reject)
        self.retranslate_ui()
        self.resize(620, 440)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Welcome to ArchDesk"))
        self.heading.setText(self.tr("Welcome to ArchDesk"))
        self.intro.setText(self.tr("There is no archive on this computer yet. How would you like to start?"))
        for kind, title, description in _CHOICES:
            self.buttons[kind].setText(QCoreApplication.translate("WelcomeDialog", title))
            self.buttons[kind].setDescription(QCoreApplication.translate("WelcomeDialog", description))
        self.language_label.setText(self.tr("Language:"))
        self.quit.setText(self.tr("Quit"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.new_page.retranslate_ui()
        super().changeEvent(event)

    def _switch_language(self) -> None:
        language = self.language.currentData()
        app = QCoreApplication.instance()
        if app is not None:
            install_translators(app, language)
        if self._settings is not None:
            self._settings.language = language

    def _open_existing(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open archive"),
            str(default_database_path().parent),
            self.tr("ArchDesk archives ({patterns})").format(patterns=ARCHIVE_FILTER),
        )
        if path:
            self._finish(WelcomeChoice(OPEN, path))

    def _create_new(self) -> None:
        page = self.new_page
        self._finish(
            WelcomeChoice(NEW, page.path.text().strip(), page.fonds_code.text().strip(), page.fonds_name.text().strip())
        )

    def _open_demo(self) -> None:
        path = demo_database_path()
        if path.exists():  # built on an earlier start: open it as it is
            self._finish(WelcomeChoice(DEMO, str(path)))
            return
        try:
            db = open_archive(path)
        except ArchDeskError as exc:
            show_error(self, exc)
            return
        built: list[bool] = []
        ops = Ops(db, parent=self)
        loop = QEventLoop()
        ops.idle.connect(loop.quit)  # after success, failure (error shown by Ops) or cancel
        # A query, not a mutation: no window shows this archive yet, so there is nobody to tell.
        ops.query(
            self, build_demo, lambda _result: built.append(True), progress_label=self.tr("Building the demo archive…")
        )
        loop.exec()
        ops.shutdown()
        db.dispose()
        if built:
            self._finish(WelcomeChoice(DEMO, str(path)))
        else:  # cancelled or failed: the half-made demo file is ours to remove
            for suffix in (
                "",
                "-wal",
                "-shm",
                ".audit-head",
            ):  # the file and what SQLite and the audit chain put beside it
                leftover = path.with_name(path.name + suffix)
                leftover.unlink(missing_ok=True)

    def _finish(self, choice: WelcomeChoice) -> None:
        self.choice = choice
        self.accept()


def build_demo(db: Database, progress: Progress) -> object:
    """The demo records (on the worker thread), imported when asked for: most starts never need them."""
    from archdesk.services import demo

    return demo.add_demo_data(db, progress=progress)


def choose(parent: QWidget | None = None, settings: Settings | None = None) -> WelcomeChoice | None:
    """Show the welcome screen; the user's choice, or None if they quit. GUI thread."""
    dialog = WelcomeDialog(parent, settings)
    dialog.exec()
    return dialog.choice
