"""Use statistics (利用统计) in the statistics view: 利用人次 and 卷/件次 per month, by department, series,
purpose and use, and the most used records; exported to PDF or Excel like the other reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archdesk.services.database import Database

if TYPE_CHECKING:  # the statistics service loads SQLAlchemy and ReportLab: imported in the jobs
    from archdesk.services.reports.use_statistics import UseStatistics


def _use_statistics(db: Database, language: str) -> UseStatistics:  # worker thread
    from archdesk.services.reports.use_statistics import use_statistics

    return use_statistics(db, language=language)


class UseStatisticsPanel(QGroupBox):
    def __init__(self, ops=None, *, language: str = "zh_CN", parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("UseStatisticsPanel")
        self.setTitle(self.tr("Use"))
        self.ops, self.language = ops, language
        self.statistics: UseStatistics | None = None
        self.summary = QLabel()
        self.pdf_button = QPushButton(self.tr("Export use PDF…"))
        self.excel_button = QPushButton(self.tr("Export use Excel…"))
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        self.excel_button.clicked.connect(lambda: self._export("xlsx"))
        self.tabs = QTabWidget()
        self.tables: dict[str, QTreeWidget] = {}
        titles = {
            "by_month": self.tr("By month"), "by_department": self.tr("By department"),
            "by_category": self.tr("By series"), "by_purpose": self.tr("By purpose"), "by_mode": self.tr("By use"),
            "most_used": self.tr("Most used records"),
        }  # fmt: skip
        for key, title in titles.items():
            table = QTreeWidget()
            table.setObjectName(f"use_{key}")
            table.setRootIsDecorated(False)
            first = self.tr("Reference code") if key == "most_used" else self.tr("Code")
            second = self.tr("Title") if key == "most_used" else self.tr("Name")
            table.setHeaderLabels([first, second, self.tr("Visits"), self.tr("Records used")])
            self.tables[key] = table
            self.tabs.addTab(table, title)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.pdf_button)
        top.addWidget(self.excel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        if self.ops is not None:
            language = self.language
            self.ops.query(self, lambda db: _use_statistics(db, language), self.set_statistics)

    def set_statistics(self, statistics: UseStatistics) -> None:
        self.statistics = statistics
        self.summary.setText(
            self.tr("Visits: {persons}   Records used: {items}").format(
                persons=statistics.persons, items=statistics.items
            )
        )
        for key, tallies in statistics.dimensions():
            table = self.tables[key]
            table.clear()
            for t in tallies:
                item = QTreeWidgetItem([t.key, t.name, str(t.persons), str(t.items)])
                for column in (2, 3):
                    item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.addTopLevelItem(item)
            for column in range(3):
                table.resizeColumnToContents(column)

    def _export(self, fmt: str) -> None:
        if self.statistics is None or self.ops is None:
            return
        caption = self.tr("Export PDF") if fmt == "pdf" else self.tr("Export Excel")
        pattern = self.tr("PDF (*.pdf)") if fmt == "pdf" else self.tr("Excel (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, caption, f"use-statistics.{fmt}", pattern)
        if not path:
            return
        stats = self.statistics

        def export(_db: Database) -> None:
            from archdesk.services.reports import render_pdf, render_xlsx
            from archdesk.services.reports.use_statistics import use_statistics_document

            document = use_statistics_document(stats)
            (render_pdf if fmt == "pdf" else render_xlsx)(document, path)

        self.ops.query(self, export)
