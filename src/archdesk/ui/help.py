"""Help › User guide and Help › Keyboard shortcuts.

The user guide is docs/user-guide.md (shipped in the wheel as archdesk/docs/), shown as rendered
Markdown. The shortcuts list is read from the window's own actions when it is opened, so it
always says what the keys do in this build, in the window's language.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from archdesk.bundled import user_guide

#: A translated mnemonic written after the text, as Chinese menus do: "新建档案(&N)".
_MNEMONIC = re.compile(r"\(&\w\)")


class UserGuide(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("ArchDesk user guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        try:
            self.browser.setMarkdown(user_guide().read_text(encoding="utf-8"))
        except (FileNotFoundError, OSError):
            self.browser.setPlainText(self.tr("The user guide is not installed with this copy of ArchDesk."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 640)


def shortcuts_of(window: QWidget) -> list[tuple[str, str]]:
    """(what the action does, its keys) for every action of ``window`` with a shortcut, in menu order."""
    seen: set[int] = set()
    rows = []
    for action in window.findChildren(QAction):
        keys = action.shortcuts()
        if not keys or id(action) in seen or not action.text():
            continue
        seen.add(id(action))
        text = _MNEMONIC.sub("", action.text()).replace("&&", "\0").replace("&", "").replace("\0", "&")
        text = text.rstrip("…").strip()
        shown = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys)
        rows.append((text, shown))
    return rows


class KeyboardShortcuts(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("keyboardShortcuts")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcuts_of(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, (text, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(text))
            keys_item = QTableWidgetItem(keys)
            keys_item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, keys_item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(480, 420)


def open_user_guide(parent: QWidget) -> UserGuide:
    dialog = UserGuide(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def open_shortcuts(window: QWidget) -> KeyboardShortcuts:
    dialog = KeyboardShortcuts(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
