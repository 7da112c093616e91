"""Settings › Annual report: the staff and the storerooms' floor area typed by the archivist are
saved on OK with the rest of the settings, and the annual report prints them as entered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

from archdesk.models import Storeroom
from archdesk.services.reports.annual import annual_facts, annual_report
from archdesk.services.uow import UnitOfWork
from archdesk.ui.settings import Settings
from archdesk.ui.settings_dialog import SettingsDialog


@pytest.fixture
def rooms(archive):
    with UnitOfWork(archive) as uow:
        uow.session.add_all([Storeroom(code="K01", name="一号库房"), Storeroom(code="K02", name="二号库房")])
        uow.commit()
    return archive


def _open(qtbot, db, tmp_path) -> SettingsDialog:
    dialog = SettingsDialog(db, Settings(tmp_path / "ArchDesk.ini"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.annual)
    return dialog


def _type(qtbot, box, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Tab)


def test_staff_and_areas_typed_in_settings_are_what_the_report_prints(qtbot, rooms, tmp_path):
    dialog = _open(qtbot, rooms, tmp_path)
    tab = dialog.annual
    assert tab.full_time.text() == "not entered" and tab.findChild(QDoubleSpinBox, "area_K01").text() == "not entered"
    _type(qtbot, tab.findChild(QSpinBox, "staffFullTime"), "2")
    _type(qtbot, tab.findChild(QSpinBox, "staffPartTime"), "1")
    _type(qtbot, tab.findChild(QDoubleSpinBox, "area_K01"), "60.5")
    _type(qtbot, tab.findChild(QDoubleSpinBox, "area_K02"), "24")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert annual_facts(rooms) == (2, 1, {"K01": 60.5, "K02": 24.0})
    report = annual_report(rooms, 2026)
    assert (report.value("staff_full_time"), report.value("storeroom_area")) == (2, 84.5)

    again = _open(qtbot, rooms, tmp_path)  # opened again: the figures as saved
    assert again.annual.findChild(QDoubleSpinBox, "area_K01").value() == 60.5


def test_a_refused_setting_saves_no_figure_either(qtbot, rooms, tmp_path):
    dialog = _open(qtbot, rooms, tmp_path)
    _type(qtbot, dialog.annual.findChild(QSpinBox, "staffFullTime"), "3")
    dialog.general.fonds_name.setText("")  # refused at its field: nothing is saved
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert annual_facts(rooms)[0] is None


def test_from_the_main_window_the_figures_are_read_and_saved_on_the_worker(qtbot, rooms, tmp_path):
    from archdesk.ui.ops import Ops

    ops = Ops(rooms)
    try:
        dialog = SettingsDialog(rooms, Settings(tmp_path / "ArchDesk.ini"), ops=ops)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.annual.findChild(QDoubleSpinBox, "area_K02") is not None, timeout=5000)
        dialog.tabs.setCurrentWidget(dialog.annual)
        _type(qtbot, dialog.annual.findChild(QDoubleSpinBox, "area_K02"), "30")
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.result() == SettingsDialog.DialogCode.Accepted, timeout=5000)
        assert annual_facts(rooms) == (None, None, {"K01": None, "K02": 30.0})
    finally:
        ops.shutdown()
