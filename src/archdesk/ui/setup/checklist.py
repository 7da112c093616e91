"""The first-run checklist: what a new, empty archive shows in place of its (empty) catalogue tree.

Four lines — fonds, categories, departments, storerooms — each ticked once the archive has some,
and the two ways to start: the archive set-up, and importing a department's transfer list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from archdesk.ui.i18n import Retranslatable

if TYPE_CHECKING:
    from archdesk.services.setup import Checklist

DONE, TO_DO = "✓", "○"


class FirstRunChecklist(Retranslatable, QWidget):
    setup_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunChecklist")
        self.checklist: Checklist | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.lines = {name: QLabel() for name in ("fonds", "categories", "departments", "storerooms")}
        for name, line in self.lines.items():
            line.setObjectName(f"check_{name}")
            line.setWordWrap(True)
        self.setup_button = QPushButton()
        self.setup_button.setObjectName("openSetup")
        self.import_button = QPushButton()
        self.import_button.setObjectName("openImport")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        for line in self.lines.values():
            layout.addWidget(line)
        layout.addWidget(self.setup_button)
        layout.addWidget(self.import_button)
        layout.addStretch(1)
        self.setup_button.clicked.connect(self.setup_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.retranslate_ui()

    def set_checklist(self, checklist: Checklist) -> None:
        self.checklist = checklist
        self.retranslate_ui()

    def is_done(self, name: str) -> bool:
        return self.lines[name].text().startswith(DONE)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Setting up a new archive"))
        self.intro.setText(self.tr("The archive has no records yet. Before the first ones come in:"))
        self.setup_button.setText(self.tr("Archive set-up…"))
        self.import_button.setText(self.tr("Import a transfer spreadsheet…"))
        counts = self.checklist
        texts = {
            "fonds": (counts.fonds if counts else 0, self.tr("Fonds: {count}"), self.tr("Enter your fonds")),
            "categories": (
                counts.categories if counts else 0,
                self.tr("Categories: {count}, with their reference code templates"),
                self.tr("Add the categories you file under"),
            ),
            "departments": (
                counts.departments if counts else 0,
                self.tr("Departments: {count}"),
                self.tr("Add the departments that transfer records"),
            ),
            "storerooms": (
                counts.storerooms if counts else 0,
                self.tr("Storerooms: {count}"),
                self.tr("No storerooms yet: add your shelf locations"),
            ),
        }
        for name, (count, done, to_do) in texts.items():
            self.lines[name].setText(f"{DONE} {done.format(count=count)}" if count else f"{TO_DO} {to_do}")
