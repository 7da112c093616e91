"""Stocktake (盘点) window: choose the shelves, start (the expected list is frozen), scan a shelf and
its boxes, pause and resume, finish; the result in four lists, exported to PDF or Excel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archdesk.services.database import Database
from archdesk.ui.custody.scan_field import ScanField
from archdesk.ui.i18n import current_language
from archdesk.ui.ops import URGENT, Changes, Ops, error_text
from archdesk.ui.reports.list_export import export_to_file

if TYPE_CHECKING:
    from archdesk.services.custody.stocktake import StocktakeInfo, StocktakeResult

BUCKETS = ("missing", "unexpected", "misplaced", "on_loan")


class StocktakeDialog(QDialog):
    def __init__(self, ops: Ops, parent: QWidget | None = None, *, prefix: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("stocktakeDialog")
        self.ops = ops
        self.info: StocktakeInfo | None = None
        self.result: StocktakeResult | None = None
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.prefix = QLineEdit(prefix)
        self.prefix.setObjectName("stocktakePrefix")
        self.start = QPushButton()
        self.start.setObjectName("stocktakeStart")
        self.earlier = QComboBox()
        self.earlier.setObjectName("stocktakeEarlier")
        self.resume_earlier = QPushButton()
        self.prefix_label = QLabel()
        for widget in (self.prefix_label, self.prefix, self.start, self.earlier, self.resume_earlier):
            top.addWidget(widget)
        layout.addLayout(top)
        self.scan = ScanField()
        self.scan.setEnabled(False)
        self.scan.scanned.connect(self._scanned)
        layout.addWidget(self.scan)
        self.status = QLabel()
        self.status.setObjectName("stocktakeStatus")
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.pause = QPushButton()
        self.finish = QPushButton()
        self.finish.setObjectName("stocktakeFinish")
        self.pdf, self.excel = QPushButton(), QPushButton()
        for button in (self.pause, self.finish, self.pdf, self.excel):
            button.setEnabled(False)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.buckets = QTreeWidget()
        self.buckets.setObjectName("stocktakeResult")
        layout.addWidget(self.buckets, 1)
        self.start.clicked.connect(self._start)
        self.resume_earlier.clicked.connect(self._resume_earlier)
        self.pause.clicked.connect(self._pause)
        self.finish.clicked.connect(self._finish)
        self.pdf.clicked.connect(lambda: self.export("pdf"))
        self.excel.clicked.connect(lambda: self.export("xlsx"))
        self.retranslate_ui()
        self._load_earlier()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Stocktake"))
        self.prefix_label.setText(self.tr("Shelves starting with"))
        self.prefix.setPlaceholderText(self.tr("e.g. K01-03"))
        self.start.setText(self.tr("Start"))
        self.resume_earlier.setText(self.tr("Continue"))
        self.scan.setPlaceholderText(self.tr("Scan a shelf, then the boxes on it"))
        paused = self.info is not None and self.info.status == "paused"
        self.pause.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.finish.setText(self.tr("Finish"))
        self.pdf.setText(self.tr("Export PDF…"))
        self.excel.setText(self.tr("Export Excel…"))
        self.buckets.setHeaderLabels(
            [self.tr("Box"), self.tr("Expected on"), self.tr("Found on"), self.tr("Reference code")]
        )
        self._show_info(self.info)
        if self.result is not None:
            self._show_result(self.result)

    # -- jobs -------------------------------------------------------------------------------------

    def _load_earlier(self) -> None:
        def fetch(db: Database) -> list[StocktakeInfo]:
            from archdesk.services.custody.stocktake import list_stocktakes

            return [s for s in list_stocktakes(db) if s.status != "finished"]

        def show(items: list[StocktakeInfo]) -> None:
            self.earlier.clear()
            for item in items:
                self.earlier.addItem(f"#{item.id} {item.prefix} ({item.scanned}/{item.expected})", item.id)
            self.earlier.setVisible(bool(items))
            self.resume_earlier.setVisible(bool(items))

        self.ops.query(self, fetch, show, priority=URGENT)

    def _failed(self, error: BaseException) -> bool:
        self.status.setText(error_text(error))
        return True

    def _start(self) -> None:
        prefix = self.prefix.text().strip()

        def start(db: Database) -> StocktakeInfo:
            from archdesk.services.custody.stocktake import start_stocktake

            return start_stocktake(db, prefix)

        self.ops.mutate(self, start, changes=Changes(), success=self._show_info, failure=self._failed)

    def _resume_earlier(self) -> None:
        stocktake_id = self.earlier.currentData()
        if stocktake_id is None:
            return

        def resume(db: Database) -> StocktakeInfo:
            from archdesk.services.custody.stocktake import set_paused

            return set_paused(db, stocktake_id, False)

        self.ops.mutate(self, resume, changes=Changes(), success=self._show_info, failure=self._failed)

    def _scanned(self, code: str) -> None:
        if self.info is None:
            return
        stocktake_id = self.info.id

        def scan(db: Database) -> StocktakeInfo:
            from archdesk.services.custody.stocktake import record_scans

            return record_scans(db, stocktake_id, [code])

        self.ops.mutate(self, scan, changes=Changes(), success=self._show_info, failure=self._failed)

    def _pause(self) -> None:
        if self.info is None:
            return
        stocktake_id, paused = self.info.id, self.info.status != "paused"

        def pause(db: Database) -> StocktakeInfo:
            from archdesk.services.custody.stocktake import set_paused

            return set_paused(db, stocktake_id, paused)

        self.ops.mutate(self, pause, changes=Changes(), success=self._show_info, failure=self._failed)

    def _finish(self) -> None:
        if self.info is None:
            return
        stocktake_id = self.info.id

        def finish(db: Database) -> StocktakeResult:
            from archdesk.services.custody.stocktake import finish_stocktake

            return finish_stocktake(db, stocktake_id)

        self.ops.mutate(self, finish, changes=Changes(), success=self._show_result, failure=self._failed)

    # -- showing ----------------------------------------------------------------------------------

    def _show_info(self, info: StocktakeInfo | None) -> None:
        self.info = info
        running = info is not None and info.status == "open"
        self.scan.setEnabled(running)
        self.pause.setEnabled(info is not None and info.status != "finished")
        self.finish.setEnabled(info is not None and info.status != "finished")
        self.pause.setText(self.tr("Resume") if info is not None and info.status == "paused" else self.tr("Pause"))
        if info is None:
            self.status.setText(self.tr("Choose the shelves and start: the boxes on them now are the expected list."))
            return
        if running:
            self.scan.setFocus()
        state = {"open": self.tr("scanning"), "paused": self.tr("paused"), "finished": self.tr("finished")}[info.status]
        self.status.setText(
            self.tr("Stocktake {id} of {prefix} ({state}): {scanned} of {expected} boxes scanned").format(
                id=info.id, prefix=info.prefix, state=state, scanned=info.scanned, expected=info.expected
            )
        )

    def _show_result(self, result: StocktakeResult) -> None:
        from archdesk.messages import render, term

        self.result = result
        if self.info is not None:
            from dataclasses import replace

            self._show_info(replace(self.info, status="finished"))
        self.pdf.setEnabled(True)
        self.excel.setEnabled(True)
        self.buckets.clear()
        language = current_language()
        for bucket in BUCKETS:
            lines = getattr(result, bucket)
            group = QTreeWidgetItem([f"{render(term(f'custody.{bucket}'), language)} ({len(lines)})"])
            group.addChildren(
                [QTreeWidgetItem([ln.code, ln.expected_at, ln.found_at, ln.reference_code]) for ln in lines]
            )
            self.buckets.addTopLevelItem(group)
            group.setExpanded(True)
        for column in range(3):
            self.buckets.resizeColumnToContents(column)

    def export(self, fmt: str) -> str | None:
        if self.result is None:
            return None
        result, language = self.result, current_language()

        def build(db: Database) -> Any:
            from archdesk.services.reports.ledger import stocktake_document
            from archdesk.services.reports.lists import organisation_name

            return stocktake_document(result, language, organisation=organisation_name(db))

        return export_to_file(self, self.ops, build, fmt, name=f"stocktake-{result.id}")
