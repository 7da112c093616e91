"""A storeroom's climate limits (温湿度限值): temperature and humidity ranges and the daily swing.

The dialog stays open until the limits are saved: a value the service refuses (not a number, a lower
limit above the upper one, 240 ℃) is shown on one line under the fields, in the window's language,
and nothing is changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from archdesk.services.database import Database
from archdesk.ui.ops import Changes, Ops, error_text

if TYPE_CHECKING:
    from archdesk.services.custody.locations import StoreroomInfo

FIELDS = ("temp_min", "temp_max", "rh_min", "rh_max", "temp_swing", "rh_swing")


class ClimateLimitsDialog(QDialog):
    def __init__(self, ops: Ops, info: StoreroomInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("climateLimitsDialog")
        self.ops, self.code = ops, info.code
        self.fields: dict[str, QLineEdit] = {}
        for name in FIELDS:
            field = QLineEdit(f"{float(getattr(info, name)):g}")
            field.setObjectName(name)
            field.textEdited.connect(lambda _text: self.error.clear())
            self.fields[name] = field
        self.setWindowTitle(self.tr("Climate limits of {code}").format(code=info.code))
        form = QFormLayout(self)
        for label, low, high, unit in (
            (self.tr("Temperature"), "temp_min", "temp_max", "°C"),
            (self.tr("Relative humidity"), "rh_min", "rh_max", "%"),
        ):
            row = QHBoxLayout()
            row.addWidget(self.fields[low])
            row.addWidget(QLabel("–"))
            row.addWidget(self.fields[high])
            row.addWidget(QLabel(unit))
            form.addRow(label, row)
        form.addRow(self.tr("Daily temperature swing (± °C)"), self.fields["temp_swing"])
        form.addRow(self.tr("Daily humidity swing (± % RH)"), self.fields["rh_swing"])
        self.error = QLabel()
        self.error.setObjectName("limitsError")
        self.error.setStyleSheet("color: #b00020")
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def values(self) -> dict[str, str]:
        return {name: field.text() for name, field in self.fields.items()}

    def save(self) -> None:
        code, typed = self.code, self.values()
        self.error.clear()

        def change(db: Database) -> Any:  # worker thread
            from archdesk.services.custody.climate_limits import change_climate_limits

            return change_climate_limits(
                db, code, temperature=(typed["temp_min"], typed["temp_max"]),
                humidity=(typed["rh_min"], typed["rh_max"]), temp_swing=typed["temp_swing"],
                rh_swing=typed["rh_swing"],
            )  # fmt: skip

        def refused(error: BaseException) -> bool:
            self.error.setText(error_text(error))
            return True

        self.ops.mutate(self, change, changes=Changes(locations=True), success=lambda _info: self.accept(),
                        failure=refused)  # fmt: skip
