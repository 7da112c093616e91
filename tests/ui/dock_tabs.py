"""A dock behind another's tab loads only when it is shown: tests bring it up as a user does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar


def bring_up_dock(window, dock, qtbot) -> None:
    """Click the tab of ``dock`` in the window's tabbed dock area (if it has one) and wait for it to load."""
    for bar in window.findChildren(QTabBar):
        titles = [bar.tabText(i) for i in range(bar.count())]
        if dock.windowTitle() in titles and bar.isVisible():
            index = titles.index(dock.windowTitle())
            if bar.currentIndex() != index:
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
            break
    dock.show()
    dock.raise_()
    qtbot.waitUntil(lambda: not dock.out_of_date and not window.ops.busy, timeout=10_000)
