"""Small dialogs of the Shelf locations dock: a new shelving unit, putting records in a box."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class ShelvingDialog(QDialog):
    """库房, 列数, 面 (A/B), 节数, 层数, 容量: the dimensions of a new shelving unit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shelvingDialog")
        self.setWindowTitle(self.tr("New shelving unit"))
        self.storeroom = QLineEdit("K01")
        self.rows, self.sections, self.levels, self.capacity = (QSpinBox() for _ in range(4))
        for box, value, top in (
            (self.rows, 1, 200),
            (self.sections, 5, 99),
            (self.levels, 5, 20),
            (self.capacity, 8, 999),
        ):
            box.setRange(1, top)
            box.setValue(value)
        self.two_sides = QCheckBox(self.tr("Two faces (A and B), as on mobile shelving"))
        form = QFormLayout(self)
        form.addRow(self.tr("Storeroom"), self.storeroom)
        form.addRow(self.tr("Rows"), self.rows)
        form.addRow("", self.two_sides)
        form.addRow(self.tr("Sections per row"), self.sections)
        form.addRow(self.tr("Levels per section"), self.levels)
        form.addRow(self.tr("Capacity per level (boxes)"), self.capacity)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        return dict(
            storeroom=self.storeroom.text(), rows=self.rows.value(), sections=self.sections.value(),
            levels=self.levels.value(), capacity=self.capacity.value(), sides=("A", "B") if self.two_sides.isChecked() else (),
        )  # fmt: skip


class PutInBoxDialog(QDialog):
    """A new box or an existing one (its code or barcode), spine width, and the order of the items."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("putInBoxDialog")
        self.setWindowTitle(self.tr("Put in box"))
        layout = QVBoxLayout(self)
        self.new_box = QRadioButton(self.tr("A new box"))
        self.existing = QRadioButton(self.tr("The box with the code"))
        self.new_box.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.new_box)
        group.addButton(self.existing)
        self.box_code = QLineEdit()
        self.box_code.setPlaceholderText(self.tr("Box code or barcode"))
        self.box_code.textEdited.connect(lambda: self.existing.setChecked(True))
        self.spine = QComboBox()
        for width in (20, 30, 35, 40, 50, 55, 75):
            self.spine.addItem(f"{width} mm", width)
        self.spine.setCurrentIndex(1)
        self.order = QComboBox()
        self.order.addItem(self.tr("In reference-code order"), "reference_code")
        self.order.addItem(self.tr("In the order of the table"), "given")
        form = QFormLayout()
        form.addRow(self.new_box)
        form.addRow(self.existing, self.box_code)
        form.addRow(self.tr("Spine width"), self.spine)
        form.addRow(self.tr("Order"), self.order)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Put {count} records in the box").format(count=count)
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict:
        existing = self.existing.isChecked() and bool(self.box_code.text().strip())
        return dict(
            new=not existing, box_code=self.box_code.text().strip() if existing else None,
            spine_mm=self.spine.currentData(), order=self.order.currentData(),
        )  # fmt: skip


class LabelsDialog(QDialog):
    """What to label (the boxes of the chosen shelf, every box, the shelves shown), the sheet and the barcode."""

    def __init__(self, shelf: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelsDialog")
        self.setWindowTitle(self.tr("Print labels"))
        self.what = QComboBox()
        if shelf:
            self.what.addItem(self.tr("Boxes on {shelf}").format(shelf=shelf), "shelf_boxes")
        self.what.addItem(self.tr("Every box"), "boxes")
        self.what.addItem(self.tr("Shelf labels of the shelves shown"), "shelves")
        self.sheet = QComboBox()
        self.sheet.addItem(self.tr("A4, 3 × 8 labels (70 × 37 mm)"), "a4-3x8")
        self.sheet.addItem(self.tr("A4, 2 × 7 labels (99 × 38 mm)"), "a4-2x7")
        self.sheet.addItem(self.tr("Box spine labels (at each box's width)"), "spine")
        self.symbology = QComboBox()
        self.symbology.addItem("Code128", "code128")
        self.symbology.addItem(self.tr("QR code"), "qr")
        form = QFormLayout(self)
        form.addRow(self.tr("Labels for"), self.what)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Barcode"), self.symbology)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        return dict(
            what=self.what.currentData(), sheet=self.sheet.currentData(), symbology=self.symbology.currentData()
        )


class BoxNoteDialog(QDialog):
    """备考表 of one box: 盒内文件情况说明 (pre-filled with what left the box), 整理人/日期, 检查人/日期."""

    def __init__(self, box: str, note: dict, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import QDate
        from PySide6.QtWidgets import QDateEdit, QPlainTextEdit

        super().__init__(parent)
        self.setObjectName("boxNoteDialog")
        self.setWindowTitle(self.tr("Box note of {box}").format(box=box))
        self.notes = QPlainTextEdit(note["notes"])
        self.notes.setObjectName("boxNoteText")
        self.arranged_by, self.checked_by = QLineEdit(note["arranged_by"]), QLineEdit(note["checked_by"])
        self.arranged_on, self.checked_on = QDateEdit(), QDateEdit()
        self.dated = {}
        for edit, value, name in (
            (self.arranged_on, note["arranged_on"], "arranged"),
            (self.checked_on, note["checked_on"], "checked"),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(value) if value else QDate.currentDate())
            self.dated[name] = QCheckBox(self.tr("Dated"))
            self.dated[name].setChecked(value is not None)
        form = QFormLayout(self)
        form.addRow(self.tr("Notes on the contents"), self.notes)
        form.addRow(self.tr("Arranged by"), self.arranged_by)
        form.addRow(self.dated["arranged"], self.arranged_on)
        form.addRow(self.tr("Checked by"), self.checked_by)
        form.addRow(self.dated["checked"], self.checked_on)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        return dict(
            notes=self.notes.toPlainText(), arranged_by=self.arranged_by.text(), checked_by=self.checked_by.text(),
            arranged_on=self.arranged_on.date().toPython() if self.dated["arranged"].isChecked() else None,
            checked_on=self.checked_on.date().toPython() if self.dated["checked"].isChecked() else None,
        )  # fmt: skip
