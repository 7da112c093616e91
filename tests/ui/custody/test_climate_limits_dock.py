"""A storeroom's climate limits edited in the Shelf locations dock: typed, refused on one line, saved, audited."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from archdesk.services.audit_history import entity_history
from archdesk.services.custody.locations import add_shelving, list_storerooms
from archdesk.ui.app import wait_until_idle
from archdesk.ui.i18n import install_translators


@pytest.fixture
def shelving(archive):
    add_shelving(archive, "K01", rows=1, sections=2, levels=2, capacity=4)
    return archive


def _open_limits(window, qtbot):
    dock = window.locations_dock
    room = dock.list.topLevelItem(0)
    qtbot.mouseClick(
        dock.list.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(30, dock.list.visualItemRect(room).center().y())
    )
    qtbot.mouseClick(dock.toolbar.widgetForAction(dock.limits_action), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.limits_dialog is not None and dock.limits_dialog.isVisible(), timeout=10_000)
    return dock.limits_dialog


def _retype(qtbot, field, text):
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


@pytest.fixture
def chinese(qapp):
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


def test_limits_typed_in_a_chinese_window_are_refused_on_one_line_then_saved_and_audited(
    open_main_window, shelving, qtbot, chinese
):
    window = open_main_window(shelving, english=False)
    dialog = _open_limits(window, qtbot)
    assert dialog.values() == {
        "temp_min": "14", "temp_max": "24", "rh_min": "45", "rh_max": "60", "temp_swing": "2", "rh_swing": "5"
    }  # fmt: skip
    _retype(qtbot, dialog.fields["temp_min"], "26")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert dialog.error.text() == "温度：下限须低于上限"
    assert dialog.isVisible()
    assert list_storerooms(shelving)[0].temp_min == 14  # nothing changed
    _retype(qtbot, dialog.fields["temp_min"], "16")
    assert dialog.error.text() == ""  # a fixed field clears the error
    _retype(qtbot, dialog.fields["temp_max"], "22")
    _retype(qtbot, dialog.fields["rh_max"], "55")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert wait_until_idle(window, 10_000)
    room = list_storerooms(shelving)[0]
    assert (room.temp_min, room.temp_max, room.rh_min, room.rh_max) == (16, 22, 45, 55)
    assert entity_history(shelving, "storeroom")[-1].summary_text("zh_CN") == (
        "库房 K01 温湿度限值：16–22 °C，相对湿度 45–55%，日变化 ±2 °C / ±5%"
    )
    assert window.locations_dock.result.text() == "库房 K01 温湿度限值已保存"


def test_an_impossible_humidity_reads_in_english_and_cancel_keeps_the_limits(open_main_window, shelving, qtbot):
    window = open_main_window(shelving)
    dialog = _open_limits(window, qtbot)
    _retype(qtbot, dialog.fields["rh_max"], "120")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert dialog.error.text() == "Relative humidity: 120 is outside 0 … 100"
    _retype(qtbot, dialog.fields["rh_max"], "60")
    _retype(qtbot, dialog.fields["temp_swing"], "two")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert dialog.error.text() == "Daily temperature swing: not a number: two"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    room = list_storerooms(shelving)[0]
    assert (room.rh_max, room.temp_swing) == (60, 2)
