"""Statistics view: holdings by category (each in its unit: 件, 张, 盘), year, retention and security
level, accessions per year, and records and pages digitised per category and per year, as QtCharts
charts over ``holdings_statistics``; exports to PDF and Excel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QFileDialog, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:  # the statistics service loads SQLAlchemy and ReportLab: imported in the jobs
    from archdesk.services.database import Database
    from archdesk.services.reports.statistics import HoldingsStatistics, Tally
from archdesk.ui.i18n import Retranslatable, current_language


class StatisticsView(Retranslatable, QWidget):
    """Shows a HoldingsStatistics; with ``ops`` it loads and exports through the worker thread.

    A language switch rebuilds it in the new language: the words (titles, buttons) and the figures'
    names (门类 names come from the service in the language asked for)."""

    def __init__(self, ops=None, *, language: str = "zh_CN", parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("StatisticsView")
        self.ops = ops
        self.language = language
        self.statistics: HoldingsStatistics | None = None
        self.summary = QLabel()
        self.summary.setObjectName("statisticsSummary")
        self.refresh_button = refresh = QPushButton()
        self.pdf_button = QPushButton()
        self.excel_button = QPushButton()
        refresh.clicked.connect(self.refresh)
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        self.excel_button.clicked.connect(lambda: self._export("xlsx"))
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        for button in (refresh, self.pdf_button, self.excel_button):
            top.addWidget(button)
        self.grid = QGridLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.grid, 1)
        from archdesk.ui.loans.use_statistics_panel import UseStatisticsPanel  # use (利用), issue 13

        self.use_panel = UseStatisticsPanel(ops, language=language)
        layout.addWidget(self.use_panel, 1)
        self.chart_views: list[QChartView] = []
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.pdf_button.setText(self.tr("Export PDF…"))
        self.excel_button.setText(self.tr("Export Excel…"))
        language = current_language()
        if self.ops is not None and self.statistics is not None and language != self.language:
            self.language = language
            self.refresh()  # the names of series and retention periods come in the new language
        elif self.statistics is not None:
            self.set_statistics(self.statistics)

    def refresh(self) -> None:
        if self.ops is not None:
            language = self.language
            self.ops.query(self, lambda db: _holdings_statistics(db, language), self.set_statistics)
            self.use_panel.refresh()

    def set_statistics(self, statistics: HoldingsStatistics) -> None:
        """Show ``statistics`` (called on the GUI thread with the service's answer)."""
        self.statistics = statistics
        self.summary.setText(
            self.tr(
                "Items: {items}   Pages: {pages}   Boxes: {boxes}   Files: {volumes}   "
                "Not held: pending {pending}, destroyed {destroyed}, transferred {transferred}"
            ).format(
                pending=statistics.pending,
                items=statistics.items,
                pages=statistics.pages,
                boxes=statistics.boxes,
                volumes=statistics.volumes,
                destroyed=statistics.destroyed,
                transferred=statistics.transferred,
            )
        )
        for view in self.chart_views:
            self.grid.removeWidget(view)
            view.deleteLater()
        titles = {
            "by_category": self.tr("Holdings by series"),
            "by_year": self.tr("Holdings by year"),
            "by_retention": self.tr("Holdings by retention period"),
            "by_security": self.tr("Holdings by security level"),
            "accessions": self.tr("Accessions per year"),
            "digitised_by_category": self.tr("Records digitised by series"),
            "digitised_by_year": self.tr("Records digitised per year"),
        }
        self.chart_views = []
        for index, (key, tallies) in enumerate(statistics.dimensions()):
            pie = key in ("by_retention", "by_security")
            by_year = key in ("by_year", "accessions", "digitised_by_year")
            chart = self._pie(tallies) if pie else self._bars(tallies, by_year=by_year)
            chart.setTitle(titles[key])
            view = QChartView(chart)
            view.setObjectName(f"chart_{key}")
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumSize(320, 220)
            self.grid.addWidget(view, index // 2, index % 2)
            self.chart_views.append(view)

    def _bars(self, tallies: tuple[Tally, ...], *, by_year: bool) -> QChart:
        chart = QChart()
        bars = QBarSet(self.tr("Items"))
        bars.append([float(t.items) for t in tallies])
        # Past the bar's end the label stands on the chart's background: the default white was invisible there.
        bars.setLabelColor(self.palette().color(QPalette.ColorRole.WindowText))
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)  # past the bar, never over it
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([t.key if by_year else self._named(t) for t in tallies])
        axis_y = QValueAxis()
        top, ticks = _value_axis(max([t.items for t in tallies], default=0))
        axis_y.setRange(0, top)
        axis_y.setTickCount(ticks)
        axis_y.setLabelFormat("%d")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        chart.legend().setVisible(False)
        return chart

    def _named(self, tally: Tally) -> str:
        """A series' name with its unit when it is not counted in items (照片 (张), 录音 (盘))."""
        if not tally.unit or tally.unit == "件":
            return tally.name
        from archdesk.units import unit_word  # plain Python: no database layer

        return f"{tally.name} ({unit_word(tally.unit, self.language)})"

    def _pie(self, tallies: tuple[Tally, ...]) -> QChart:
        chart = QChart()
        series = QPieSeries()
        for tally in tallies:
            series.append(f"{tally.name} ({tally.items})", tally.items)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        return chart

    def _export(self, fmt: str) -> None:
        if self.statistics is None or self.ops is None:
            return
        caption = self.tr("Export PDF") if fmt == "pdf" else self.tr("Export Excel")
        pattern = self.tr("PDF (*.pdf)") if fmt == "pdf" else self.tr("Excel (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, caption, f"statistics.{fmt}", pattern)
        if not path:
            return
        stats = self.statistics

        def export(_db: Database) -> None:
            from archdesk.services.reports import render_xlsx
            from archdesk.services.reports.statistics import render_statistics_pdf, statistics_document

            if fmt == "pdf":
                render_statistics_pdf(stats, path)
            else:
                render_xlsx(statistics_document(stats), path)

        self.ops.query(self, export)


def _value_axis(largest: int) -> tuple[int, int]:
    """(top, tick count) of a count axis: whole-number ticks (1, 2 or 5 × 10ⁿ apart) and room above the
    longest bar for its value. A top of 6.9 printed "6" at the top tick with %d and squeezed the label
    of a bar of 6 inside it, under a tick that read less than the bar."""
    wanted = max(largest * 1.2, 1) / 4  # about four steps, a fifth of the height spare
    step = 1
    while step < wanted:
        step = _next_step(step)
    top = step * (int(largest * 1.2 // step) + 1)
    return top, top // step + 1


def _next_step(step: int) -> int:
    """1 → 2 → 5 → 10 → 20 → 50 …"""
    text = str(step)
    lead, zeros = int(text[0]), len(text) - 1
    return {1: 2, 2: 5, 5: 10}[lead] * 10**zeros


def _holdings_statistics(db: Database, language: str) -> HoldingsStatistics:  # worker thread
    from archdesk.services.reports.statistics import holdings_statistics

    return holdings_statistics(db, language=language)
