"""Climate log window: a storeroom's temperature and humidity over the last month on two QtCharts
charts with the limits drawn as a band, the alerts (out of range, swings, days without a reading),
the inspections due, Import logger CSV… and Add reading."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCharts import QAreaSeries, QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archdesk.services.database import Database
from archdesk.ui.i18n import current_language
from archdesk.ui.ops import URGENT, Changes, Ops, error_text

if TYPE_CHECKING:
    from archdesk.services.custody.climate import ClimateAlert, InspectionItem, Reading
    from archdesk.services.custody.locations import StoreroomInfo

DAYS = 31
BAND = QColor(46, 125, 50, 45)


def _ms(when: datetime) -> float:
    return QDateTime(when).toMSecsSinceEpoch()


class ClimateDialog(QDialog):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("climateDialog")
        self.ops = ops
        self.rooms: list[StoreroomInfo] = []
        self.readings: list[Reading] = []
        self.alerts: list[ClimateAlert] = []
        self.resize(980, 680)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.room_label = QLabel()
        self.room = QComboBox()
        self.room.setObjectName("climateStoreroom")
        self.room.currentIndexChanged.connect(self.reload)
        self.import_button = QPushButton()
        self.import_button.setObjectName("climateImport")
        self.import_button.clicked.connect(self.import_csv)
        self.message = QLabel()
        self.room.setMinimumContentsLength(12)
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setObjectName("readingTime")
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.temperature, self.humidity = QDoubleSpinBox(), QDoubleSpinBox()
        self.temperature.setObjectName("readingTemperature")
        self.humidity.setObjectName("readingHumidity")
        for spin, low, high, value, suffix in (
            (self.temperature, -30, 60, 18, " °C"),
            (self.humidity, 0, 100, 50, " %"),
        ):
            spin.setRange(low, high)
            spin.setDecimals(1)
            spin.setValue(value)
            spin.setSuffix(suffix)
        self.add_button = QPushButton()
        self.add_button.setObjectName("climateAdd")
        self.add_button.clicked.connect(self.add_reading)
        for widget in (
            self.room_label,
            self.room,
            self.import_button,
            self.when,
            self.temperature,
            self.humidity,
            self.add_button,
        ):
            top.addWidget(widget)
        top.addWidget(self.message, 1)
        layout.addLayout(top)
        self.temperature_chart, self.humidity_chart = QChart(), QChart()
        splitter = QSplitter(Qt.Orientation.Vertical)
        for chart in (self.temperature_chart, self.humidity_chart):
            chart.legend().hide()
            view = QChartView(chart)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            splitter.addWidget(view)
        lists = QSplitter(Qt.Orientation.Horizontal)
        self.alert_list = QTreeWidget()
        self.alert_list.setObjectName("climateAlerts")
        self.alert_list.setRootIsDecorated(False)
        self.inspection_list = QTreeWidget()
        self.inspection_list.setObjectName("inspections")
        self.inspection_list.setRootIsDecorated(False)
        inspections = QWidget()
        inspection_layout = QVBoxLayout(inspections)
        inspection_layout.setContentsMargins(0, 0, 0, 0)
        inspection_layout.addWidget(self.inspection_list)
        self.done_button = QPushButton()
        self.done_button.setObjectName("inspectionDone")
        self.done_button.clicked.connect(self.mark_done)
        inspection_layout.addWidget(self.done_button)
        lists.addWidget(self.alert_list)
        lists.addWidget(inspections)
        splitter.addWidget(lists)
        splitter.setSizes([260, 260, 160])
        for chart_view in range(2):
            splitter.widget(chart_view).setMinimumHeight(180)
        layout.addWidget(splitter, 1)
        self.retranslate_ui()
        self._load_rooms()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Storeroom climate"))
        self.room_label.setText(self.tr("Storeroom"))
        self.import_button.setText(self.tr("Import logger CSV…"))
        self.add_button.setText(self.tr("Add reading"))
        self.done_button.setText(self.tr("Mark done today (next one in 3 months)"))
        self.alert_list.setHeaderLabels([self.tr("Day"), self.tr("Problem"), self.tr("Value"), self.tr("Limit")])
        self.inspection_list.setHeaderLabels([self.tr("Inspection"), self.tr("Due"), self.tr("Done")])
        self.temperature_chart.setTitle(self.tr("Temperature (°C)"))
        self.humidity_chart.setTitle(self.tr("Relative humidity (%)"))
        self._show_alerts(self.alerts)

    # -- loading ----------------------------------------------------------------------------------

    def _load_rooms(self) -> None:
        def fetch(db: Database) -> list[StoreroomInfo]:
            from archdesk.services.custody.locations import list_storerooms

            return list_storerooms(db)

        def show(rooms: list[StoreroomInfo]) -> None:
            self.rooms = rooms
            self.room.blockSignals(True)
            self.room.clear()
            for room in rooms:
                self.room.addItem(f"{room.code} {room.name}".strip(), room.code)
            self.room.blockSignals(False)
            self.reload()

        self.ops.query(self, fetch, show, priority=URGENT)

    def current_room(self) -> StoreroomInfo | None:
        code = self.room.currentData()
        return next((r for r in self.rooms if r.code == code), None)

    def reload(self) -> None:
        room = self.current_room()
        if room is None:
            return
        code = room.code

        def fetch(db: Database) -> tuple[list[Reading], list[ClimateAlert], list[InspectionItem]]:
            from archdesk.services.custody.climate import climate_alerts, inspections, readings

            since = datetime.combine(datetime.now().date() - timedelta(days=DAYS - 1), datetime.min.time())
            return (readings(db, code, since), climate_alerts(db, storeroom=code, days=DAYS),
                    [i for i in inspections(db) if i.storeroom == code])  # fmt: skip

        self.ops.query(self, fetch, self._show, priority=URGENT)

    def _show(self, result: tuple[list[Reading], list[ClimateAlert], list[InspectionItem]]) -> None:
        self.readings, alerts, inspections = result
        room = self.current_room()
        if room is None:
            return
        self._chart(
            self.temperature_chart,
            [(r.measured_at, r.temperature) for r in self.readings],
            room.temp_min,
            room.temp_max,
            QColor("#c62828"),
        )
        self._chart(
            self.humidity_chart,
            [(r.measured_at, r.humidity) for r in self.readings],
            room.rh_min,
            room.rh_max,
            QColor("#1565c0"),
        )
        self._show_alerts(alerts)
        from datetime import date

        today = date.today()
        self.inspection_list.clear()
        for item in inspections:
            row = QTreeWidgetItem(
                [self._kind(item.kind), item.due_on.isoformat(), item.done_on.isoformat() if item.done_on else ""]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, item.id if item.done_on is None else None)
            if item.overdue(today):
                for column in range(3):
                    row.setForeground(column, QBrush(QColor("#b3261e")))
            self.inspection_list.addTopLevelItem(row)

    def _kind(self, kind: str) -> str:
        from archdesk.messages import render, term

        return render(term(f"custody.{kind}"), current_language())

    def _show_alerts(self, alerts: list[ClimateAlert]) -> None:
        self.alerts = alerts
        language = current_language()
        self.alert_list.clear()
        for alert in alerts:
            when = alert.measured_at.strftime("%Y-%m-%d %H:%M") if alert.measured_at else alert.day.isoformat()
            value = "" if alert.value is None else f"{alert.value:g}"
            limit = "" if alert.limit is None else f"{alert.limit:g}"
            self.alert_list.addTopLevelItem(QTreeWidgetItem([when, alert.text(language), value, limit]))
        for column in range(3):
            self.alert_list.resizeColumnToContents(column)

    def _chart(
        self, chart: QChart, points: list[tuple[datetime, float]], low: float, high: float, colour: QColor
    ) -> None:
        """The readings as a line over the limits drawn as a band across the whole period."""
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        end = datetime.combine(datetime.now().date() + timedelta(days=1), datetime.min.time())
        start = end - timedelta(days=DAYS)
        lower, upper = QLineSeries(chart), QLineSeries(chart)  # owned by the chart: the band only borrows them
        for when in (start, end):
            lower.append(_ms(when), low)
            upper.append(_ms(when), high)
        band = QAreaSeries(upper, lower)
        band.setBrush(QBrush(BAND))
        band.setPen(QPen(QColor(46, 125, 50, 120), 1, Qt.PenStyle.DashLine))
        line = QLineSeries()
        line.setPen(QPen(colour, 1.6))
        for when, value in points:
            line.append(_ms(when), value)
        chart.addSeries(band)
        chart.addSeries(line)
        x_axis = QDateTimeAxis()
        x_axis.setFormat("MM-dd")
        x_axis.setTickCount(8)
        x_axis.setRange(QDateTime(start), QDateTime(end))
        values = [v for _w, v in points] + [low, high]
        y_axis = QValueAxis()
        y_axis.setRange(min(values) - 2, max(values) + 2)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (band, line):
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)

    # -- actions ----------------------------------------------------------------------------------

    def _run(self, work: Any, done_text: str) -> None:
        def failed(error: BaseException) -> bool:
            self.message.setText(error_text(error))
            return True

        def done(_result: Any) -> None:
            self.message.setText(done_text)
            self.reload()

        self.ops.mutate(self, work, changes=Changes(locations=True), success=done, failure=failed)

    def add_reading(self) -> None:
        """A reading typed from the storeroom's thermo-hygrometer."""
        room = self.current_room()
        if room is None:
            return
        code, when = room.code, self.when.dateTime().toPython().replace(second=0, microsecond=0)
        temperature, humidity = self.temperature.value(), self.humidity.value()

        def add(db: Database) -> None:
            from archdesk.services.custody.climate import add_reading

            add_reading(db, code, when, temperature, humidity)

        self._run(add, self.tr("Reading of {when} added").format(when=f"{when:%Y-%m-%d %H:%M}"))

    def mark_done(self) -> None:
        item = self.inspection_list.currentItem()
        inspection = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if inspection is None:
            return
        from datetime import date

        today = date.today()
        month = today.month + 3
        next_due = today.replace(
            year=today.year + (month - 1) // 12, month=(month - 1) % 12 + 1, day=min(today.day, 28)
        )

        def done(db: Database) -> None:
            from archdesk.services.custody.climate import record_inspection

            record_inspection(db, inspection, today, next_due=next_due)

        self._run(done, self.tr("Inspection done; the next is due on {day}").format(day=next_due.isoformat()))

    def import_csv(self) -> None:
        room = self.current_room()
        if room is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import logger CSV"), "", self.tr("CSV files (*.csv *.txt)")
        )
        if not path:
            return
        code = room.code

        def run(db: Database) -> Any:
            from archdesk.services.custody.climate import import_readings

            return import_readings(db, path, code)

        def done(count: Any) -> None:
            self.message.setText(self.tr("{count} readings imported").format(count=count))
            self.reload()

        def failed(error: BaseException) -> bool:
            self.message.setText(error_text(error))
            return True

        self.ops.mutate(self, run, changes=Changes(locations=True), success=done, failure=failed)
