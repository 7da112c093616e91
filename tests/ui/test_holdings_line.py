"""The Catalogue dock says what the archive holds, as the inventory and the statistics count it:
in custody or on loan, with pending, destroyed and transferred records said apart."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services" / "reports"))
from reports_sample import build_sample

from archdesk.services.reports.statistics import holdings_statistics
from archdesk.ui.app import wait_until_idle


def test_the_catalogue_dock_shows_the_holdings_and_what_is_not_held(open_main_window, archive, qtbot):
    build_sample(archive)
    window = open_main_window(archive)
    line = window.tree_dock.findChild(QLabel, "holdingsLine")
    qtbot.waitUntil(lambda: line.text() != "", timeout=5000)
    stats = holdings_statistics(archive)
    assert line.isVisible()
    assert line.text() == (
        f"Holdings: {stats.items} (on loan 0). Not held: pending {stats.pending}, "
        f"destroyed {stats.destroyed}, transferred {stats.transferred}"
    )
    assert (stats.items, stats.pending, stats.destroyed) == (7, 1, 1)
    # The tree counts every record listed under a node; the holdings line does not count the two apart.
    everything = window.tree_dock.tree.topLevelItem(0)
    assert int(everything.text(1).replace(",", "")) == stats.items + stats.pending + stats.destroyed


def test_the_line_follows_a_switch_to_chinese(open_main_window, archive, qtbot, qapp):
    from archdesk.ui.i18n import install_translators

    build_sample(archive)
    window = open_main_window(archive)
    line = window.tree_dock.findChild(QLabel, "holdingsLine")
    qtbot.waitUntil(lambda: line.text() != "", timeout=5000)
    try:
        install_translators(qapp, "zh_CN")
        assert wait_until_idle(window, 10_000)
        qtbot.waitUntil(lambda: line.text().startswith("馆藏"), timeout=5000)
        assert "暂存 1" in line.text() and "已销毁 1" in line.text()
    finally:
        install_translators(qapp, "en")
