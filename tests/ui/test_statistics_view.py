"""The statistics view draws one chart per breakdown from the statistics service."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCharts import QBarSeries, QPieSeries

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services" / "reports"))
from reports_sample import build_sample

from archdesk.services.reports.statistics import holdings_statistics
from archdesk.ui.statistics.view import StatisticsView


def test_statistics_view_shows_a_chart_per_breakdown(qtbot, archive):
    build_sample(archive)
    view = StatisticsView()
    qtbot.addWidget(view)
    view.set_statistics(holdings_statistics(archive))
    view.show()
    assert len(view.chart_views) == 5
    assert "7" in view.summary.text() and "85" in view.summary.text()
    by_year = view.findChild(type(view.chart_views[0]), "chart_by_year").chart()
    bars = next(s for s in by_year.series() if isinstance(s, QBarSeries)).barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [1.0, 6.0]
    retention = view.findChild(type(view.chart_views[0]), "chart_by_retention").chart()
    assert isinstance(retention.series()[0], QPieSeries)
    assert view.grab().width() > 0
