"""Settings › Annual report: the figures the annual statistics report needs that the archive keeps
nowhere else — the archive room's staff (专职/兼职档案人员) and each storeroom's floor area (库房面积).

Staff belong to the archive (saved on its fonds), not to this workstation's settings file: every
workstation printing the report must print the same figures. The area is a storeroom's own
property, one per room, so the report can total it and list it room by room.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QVBoxLayout, QWidget

# A spin box at its minimum shows this: "not entered" (the report leaves the cell blank and says so).
NOT_ENTERED = -1


class AnnualFactsTab(QWidget):
    def __init__(self) -> None:
        """Empty until ``set_facts`` (the dialog reads them on the worker when it has one)."""
        super().__init__()
        self.setObjectName("annualFactsTab")
        self._saved: tuple | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.full_time, self.part_time = self._count(), self._count()
        self.full_time.setObjectName("staffFullTime")
        self.part_time.setObjectName("staffPartTime")
        self.staff_box = QGroupBox()
        self.staff_form = QFormLayout(self.staff_box)
        self.full_time_label, self.part_time_label = QLabel(), QLabel()
        self.staff_form.addRow(self.full_time_label, self.full_time)
        self.staff_form.addRow(self.part_time_label, self.part_time)
        self.rooms_box = QGroupBox()
        self.rooms_form = QFormLayout(self.rooms_box)
        self.areas: dict[str, QDoubleSpinBox] = {}
        self.no_rooms = QLabel()
        self.rooms_form.addRow(self.no_rooms)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.staff_box)
        layout.addWidget(self.rooms_box)
        layout.addStretch(1)
        self.retranslate_ui()

    def _count(self) -> QSpinBox:
        box = QSpinBox()
        box.setRange(NOT_ENTERED, 10_000)
        box.setEnabled(False)  # until the figures are read
        return box

    def set_facts(self, facts: tuple[int | None, int | None, dict[str, float | None]]) -> None:
        """Show the figures as saved (``services.reports.annual.annual_facts``)."""
        full_time, part_time, areas = facts
        for box, value in ((self.full_time, full_time), (self.part_time, part_time)):
            box.setValue(NOT_ENTERED if value is None else value)
            box.setEnabled(True)
        for room, area in areas.items():
            box = QDoubleSpinBox()
            box.setObjectName(f"area_{room}")
            box.setRange(NOT_ENTERED, 1_000_000)
            box.setDecimals(1)
            box.setValue(NOT_ENTERED if area is None else area)
            self.areas[room] = box
            self.rooms_form.insertRow(self.rooms_form.rowCount() - 1, room, box)
        self.no_rooms.setVisible(not areas)
        self._saved = ((full_time, part_time), dict(areas))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "The annual statistics report counts everything else from the archive; these figures are "
                "entered here. Leave a figure at \u201cnot entered\u201d and the report says so."
            )
        )
        self.staff_box.setTitle(self.tr("Archive staff"))
        self.full_time_label.setText(self.tr("Full-time:"))
        self.part_time_label.setText(self.tr("Part-time:"))
        self.rooms_box.setTitle(self.tr("Storeroom floor area (m²)"))
        self.no_rooms.setText(self.tr("No storerooms yet: they are made when shelves are added."))
        for box in (self.full_time, self.part_time, *self.areas.values()):
            box.setSpecialValueText(self.tr("not entered"))

    def values(self) -> tuple[int | None, int | None, dict[str, float | None]]:
        def entered(box: QSpinBox | QDoubleSpinBox) -> int | float | None:
            return None if box.value() == NOT_ENTERED else box.value()

        areas = {room: entered(box) for room, box in self.areas.items()}
        return entered(self.full_time), entered(self.part_time), areas  # type: ignore[return-value]

    def changed(self) -> bool:
        if self._saved is None:  # not read yet: nothing typed, nothing to save
            return False
        full_time, part_time, areas = self.values()
        return ((full_time, part_time), areas) != self._saved

    def mark_saved(self) -> None:
        full_time, part_time, areas = self.values()
        self._saved = ((full_time, part_time), areas)
