"""The statistics view draws one chart per breakdown from the statistics service."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QPieSeries

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services" / "reports"))
from reports_sample import build_sample

from archdesk.services.reports.statistics import holdings_statistics
from archdesk.ui.i18n import install_translators
from archdesk.ui.ops import Ops
from archdesk.ui.statistics.view import StatisticsView


def test_statistics_view_shows_a_chart_per_breakdown(qtbot, archive):
    build_sample(archive)
    view = StatisticsView()
    qtbot.addWidget(view)
    view.set_statistics(holdings_statistics(archive))
    view.show()
    assert len(view.chart_views) == 5
    stats = holdings_statistics(archive)
    assert (stats.items, stats.pages) == (7, 85)  # the sample: seven items held, 85 pages
    assert view.summary.text() == (
        f"Items: 7   Pages: 85   Boxes: {stats.boxes}   Files: {stats.volumes}"
        f"   Destroyed: {stats.destroyed}   Transferred: {stats.transferred}"
    )
    by_year = view.findChild(type(view.chart_views[0]), "chart_by_year").chart()
    series = next(s for s in by_year.series() if isinstance(s, QBarSeries))
    assert series.labelsPosition() == QBarSeries.LabelsPosition.LabelsOutsideEnd  # a value never over its bar
    bars = series.barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [1.0, 6.0]
    retention = view.findChild(type(view.chart_views[0]), "chart_by_retention").chart()
    assert isinstance(retention.series()[0], QPieSeries)
    assert retention.title() == "Holdings by retention period"


def test_the_statistics_window_follows_a_switch_to_chinese(qtbot, qapp, archive):
    build_sample(archive)
    ops = Ops(archive)
    try:
        view = StatisticsView(ops, language="en")
        qtbot.addWidget(view)
        view.refresh()
        qtbot.waitUntil(lambda: view.statistics is not None, timeout=5000)

        def shown() -> tuple[str, str, list[str]]:
            chart = view.findChild(type(view.chart_views[0]), "chart_by_category").chart()
            axis = next(a for a in chart.axes() if isinstance(a, QBarCategoryAxis))
            return chart.title(), view.pdf_button.text(), axis.categories()

        title, button, names = shown()
        assert (title, button) == ("Holdings by series", "Export PDF…") and "Administrative" in names
        install_translators(qapp, "zh_CN")
        qtbot.waitUntil(lambda: "文书" in shown()[2], timeout=5000)
        assert shown()[:2] == ("按门类统计馆藏", "导出 PDF…")
    finally:
        install_translators(qapp, "en")
        ops.shutdown()
