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
    assert len(view.chart_views) == 7  # five of the holdings, two of what was digitised
    stats = holdings_statistics(archive)
    assert (stats.items, stats.pages) == (7, 85)  # the sample: seven items held, 85 pages
    assert view.summary.text() == (
        f"Items: 7   Pages: 85   Boxes: {stats.boxes}   Files: {stats.volumes}"
        f"   Not held: pending {stats.pending}, destroyed {stats.destroyed}, transferred {stats.transferred}"
    )
    by_year = view.findChild(type(view.chart_views[0]), "chart_by_year").chart()
    series = next(s for s in by_year.series() if isinstance(s, QBarSeries))
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


def _bar_labels_drawn(qtbot, position) -> list[tuple[int, int, int, int, int]]:
    """Draw the by-year chart (bars 1 and 6) with its value labels in ``position`` and without them;
    per bar: (left, right, top, bottom) of the bar on screen and the lowest row where a label drew."""
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QApplication

    from archdesk.services.reports.statistics import HoldingsStatistics, Tally

    tallies = (Tally("2022", "2022", 1, 8), Tally("2023", "2023", 6, 77))
    stats = HoldingsStatistics(7, 85, 3, 1, (), tallies, (), (), ())
    view = StatisticsView()
    qtbot.addWidget(view)
    view.resize(1000, 900)
    view.set_statistics(stats)
    view.show()
    qtbot.waitExposed(view)
    chart_view = view.findChild(type(view.chart_views[0]), "chart_by_year")
    chart = chart_view.chart()
    series = next(s for s in chart.series() if isinstance(s, QBarSeries))
    if position is not None:
        series.setLabelsPosition(position)

    def image():
        QApplication.processEvents()
        return chart_view.grab().toImage()

    with_labels = image()
    series.setLabelsVisible(False)
    without = image()
    scale = with_labels.width() / chart_view.width()  # device pixels per widget pixel
    found = []
    for index, value in enumerate((1.0, 6.0)):
        top = chart_view.mapFromScene(chart.mapToScene(chart.mapToPosition(QPointF(index, value), series)))
        bottom = chart_view.mapFromScene(chart.mapToScene(chart.mapToPosition(QPointF(index, 0), series)))
        x = int(top.x() * scale)
        # The label is centred on the bar: the rows of the bar's middle column where the two drawings differ.
        rows = [y for y in range(with_labels.height()) for dx in (-2, -1, 0, 1, 2)
                if with_labels.pixel(x + dx, y) != without.pixel(x + dx, y)]  # fmt: skip
        assert rows, f"no label drawn over bar {index}"
        found.append((x, int(top.y() * scale), int(bottom.y() * scale), min(rows), max(rows)))
    return found


def test_each_bar_value_is_drawn_past_the_end_of_its_bar_as_the_user_sees_it(qtbot):
    """Rendered to an image: the value's pixels are above the bar's top, none over the bar itself."""
    for _x, bar_top, bar_bottom, label_top, label_bottom in _bar_labels_drawn(qtbot, None):
        assert label_bottom <= bar_top + 1 < bar_bottom  # outside the end: never over its bar
        assert bar_top - label_top < 40  # and next to it, not somewhere else in the chart


def test_the_drawn_label_moves_with_the_position_setting(qtbot):
    """The same chart with the label inside the bar's end draws it over the bar: the pixels differ."""
    outside = _bar_labels_drawn(qtbot, None)
    inside = _bar_labels_drawn(qtbot, QBarSeries.LabelsPosition.LabelsInsideEnd)
    for (_x, bar_top, _bar_bottom, _lt, outside_bottom), (_x2, top2, _b2, inside_top, _ib) in zip(
        outside, inside, strict=True
    ):
        assert outside_bottom <= bar_top + 1
        assert inside_top >= top2 - 1  # drawn within the bar
