"""The stocktake, labels and climate windows, driven as the archivist does."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCharts import QAreaSeries, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from archdesk.services.catalogue import RecordInput, create_record
from archdesk.services.custody.boxes import move_boxes, put_in_box
from archdesk.services.custody.climate import add_reading
from archdesk.services.custody.locations import add_shelving, location_tree
from archdesk.ui.app import wait_until_idle

sys.path.insert(0, str(Path(__file__).parents[2] / "services" / "custody"))
from label_decoding import decoded_codes


@pytest.fixture
def window(open_main_window, archive):
    add_shelving(archive, "K01", rows=1, sections=2, levels=2, capacity=4)
    boxes = []
    for year in (2020, 2021, 2022):
        ids = [
            create_record(
                archive, RecordInput(title=f"{year}文件", category="WS", year=year, retention="D30"), accept=True
            ).id
        ]
        boxes.append(put_in_box(archive, ids, new=True))
    shelves = location_tree(archive)
    move_boxes(archive, [boxes[0].box_id, boxes[1].box_id], shelves[0].id)
    move_boxes(archive, [boxes[2].box_id], shelves[1].id)
    window = open_main_window(archive)
    window.boxes = boxes
    return window


def _scan(qtbot, field, code) -> None:
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_stocktake_is_started_scanned_paused_resumed_and_finished_with_its_buckets(window, qtbot):
    from archdesk.ui.custody.stocktake_view import StocktakeDialog

    dialog = StocktakeDialog(window.ops, window, prefix="K01-01-1")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert wait_until_idle(window, 10_000)
    assert "0 of 3 boxes scanned" in dialog.status.text()
    first, second, third = (b.box_code.replace("·", ".") for b in window.boxes)
    for code in ("K01-01-1-1", first, third):  # the third box is on the next shelf
        _scan(qtbot, dialog.scan, code)
    assert wait_until_idle(window, 10_000)
    assert "2 of 3 boxes scanned" in dialog.status.text()
    qtbot.mouseClick(dialog.pause, Qt.MouseButton.LeftButton)
    assert wait_until_idle(window, 10_000)
    assert not dialog.scan.isEnabled() and "(paused)" in dialog.status.text()
    qtbot.mouseClick(dialog.pause, Qt.MouseButton.LeftButton)
    assert wait_until_idle(window, 10_000)
    qtbot.mouseClick(dialog.finish, Qt.MouseButton.LeftButton)
    assert wait_until_idle(window, 10_000)
    groups = [dialog.buckets.topLevelItem(i) for i in range(4)]
    assert [g.text(0) for g in groups] == ["Missing (1)", "Unexpected (0)", "Misplaced (1)", "On loan (0)"]
    assert groups[0].child(0).text(0) == window.boxes[1].box_code
    assert (groups[2].child(0).text(1), groups[2].child(0).text(2)) == ("K01-01-1-2", "K01-01-1-1")


def test_labels_chosen_in_the_print_dialog_are_written_and_decode_back(window, qtbot, monkeypatch, tmp_path):
    dock = window.locations_dock
    dock.select_shelf(location_tree(window.ops.db)[0].id)
    chosen = {}

    def accept(dialog):
        dialog.sheet.setCurrentIndex(dialog.sheet.findData("a4-2x7"))
        dialog.symbology.setCurrentIndex(dialog.symbology.findData("qr"))
        chosen["what"] = dialog.what.currentData()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr("archdesk.ui.custody.dialogs.LabelsDialog.exec", accept)
    out = tmp_path / "labels.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dock.labels_action.trigger()
    assert wait_until_idle(window, 20_000)
    assert chosen["what"] == "shelf_boxes"
    (codes,) = decoded_codes(out)
    assert sorted(codes) == sorted(b.box_code.replace("·", ".") for b in window.boxes[:2])


def test_the_climate_window_draws_the_readings_over_the_limit_band_and_lists_the_alerts(window, qtbot):
    from archdesk.ui.custody.climate_view import ClimateDialog

    now = datetime.now().replace(minute=0, second=0, microsecond=0)
    for days, temperature in ((3, 18.0), (2, 25.0), (1, 19.0)):
        add_reading(window.ops.db, "K01", now - timedelta(days=days), temperature, 50.0)
    dialog = ClimateDialog(window.ops, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert wait_until_idle(window, 10_000)
    series = dialog.temperature_chart.series()
    band = next(s for s in series if isinstance(s, QAreaSeries))
    assert {p.y() for p in band.upperSeries().points()} == {24.0}
    assert {p.y() for p in band.lowerSeries().points()} == {14.0}
    line = next(s for s in series if isinstance(s, QLineSeries))
    assert [p.y() for p in line.points()] == [18.0, 25.0, 19.0]
    problems = [dialog.alert_list.topLevelItem(i).text(1) for i in range(dialog.alert_list.topLevelItemCount())]
    assert "too warm" in problems


def test_a_reading_is_typed_in_and_an_inspection_marked_done(window, qtbot):
    from archdesk.services.custody.climate import inspections, plan_inspection, readings
    from archdesk.ui.custody.climate_view import ClimateDialog

    add_reading(window.ops.db, "K01", datetime.now() - timedelta(days=1), 18.0, 50.0)
    fire = plan_inspection(window.ops.db, "K01", "fire", datetime.now().date() - timedelta(days=2))
    dialog = ClimateDialog(window.ops, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert wait_until_idle(window, 10_000)
    dialog.temperature.clear()
    qtbot.keyClicks(dialog.temperature, "26.5")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert wait_until_idle(window, 10_000)
    assert [r.temperature for r in readings(window.ops.db, "K01")][-1] == 26.5
    problems = [dialog.alert_list.topLevelItem(i).text(1) for i in range(dialog.alert_list.topLevelItemCount())]
    assert "too warm" in problems
    qtbot.waitUntil(lambda: not window.ops.busy and dialog.inspection_list.topLevelItemCount() == 1)
    first = dialog.inspection_list.topLevelItem(0)
    qtbot.mouseClick(
        dialog.inspection_list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dialog.inspection_list.visualItemRect(first).center(),
    )
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert wait_until_idle(window, 10_000)
    done = [i for i in inspections(window.ops.db) if i.id == fire][0]
    assert done.done_on == datetime.now().date()
    assert len(inspections(window.ops.db, open_only=True)) == 1  # the next fire inspection is planned
    assert "next is due" in dialog.message.text()
