"""The Loans dock driven as the archivist does: lend the table's selection, approve a request that
needs it, return by scanning a reference code, renew an overdue loan, find a borrower."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMessageBox
from sqlalchemy import select

from archdesk.models import Loan, Record
from archdesk.services.catalogue import accept_records, create_record
from archdesk.services.use.borrowers import BorrowerInput, add_borrower
from archdesk.services.use.lending import lend
from archdesk.services.views import RecordInput
from archdesk.ui.app import wait_until_idle
from archdesk.ui.loans.loans_dock import OVERDUE, WAITING


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: pytest.fail(f"error shown: {text}"))


@pytest.fixture
def office(archive):
    levels = ["", "", "MM", ""]
    views = [
        create_record(archive, RecordInput(title=f"第{n}次办公会议纪要", category="WS", year=2023, retention="D30",
                                           department="BGS", security_level=level, pages=6))
        for n, level in enumerate(levels, 1)
    ]  # fmt: skip
    accept_records(archive, [v.id for v in views])
    borrower = add_borrower(archive, BorrowerInput(name="李明", department="BGS", contact="6021", clearance="NB"))
    return archive, [v.reference_code for v in views], borrower


def _idle(window) -> None:
    assert wait_until_idle(window, 20_000)


def _click_action(bar, action) -> None:
    from PySide6.QtTest import QTest

    QTest.mouseClick(bar.widgetForAction(action), Qt.MouseButton.LeftButton)


def _select_row(window, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    from PySide6.QtTest import QTest

    dock_list = window.loans_dock.list
    rect = dock_list.visualItemRect(dock_list.topLevelItem(row))
    QTest.mouseClick(dock_list.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def _status(archive, code: str) -> str:
    with archive.reading() as s:
        return s.scalar(select(Record.status).where(Record.reference_code == code))


def _close_previews() -> int:
    previews = [w for w in QApplication.topLevelWidgets() if w.objectName() == "ReportPreview" and w.isVisible()]
    for preview in previews:
        preview.close()
    return len(previews)


def test_lending_the_tables_selection_shows_the_loans_and_previews_the_slip(open_main_window, office, qtbot):
    archive, codes, _borrower = office
    window = open_main_window(archive)
    table = window.table
    for row, modifier in ((0, Qt.KeyboardModifier.NoModifier), (1, Qt.KeyboardModifier.ControlModifier)):
        qtbot.mouseClick(
            table.viewport(),
            Qt.MouseButton.LeftButton,
            modifier,
            table.visualRect(table.model().index(row, 1)).center(),
        )
    assert window.lend_action in window.table.report_actions  # in the table's context menu

    window.lend_action.trigger()
    qtbot.waitUntil(
        lambda: window.loans_dock.dialog is not None and window.loans_dock.dialog.isVisible(), timeout=10_000
    )
    dialog = window.loans_dock.dialog
    chosen = dialog.codes.toPlainText().splitlines()
    assert len(chosen) == 2 and set(chosen) <= set(codes)
    assert dialog.days.value() == 14  # Settings › Default loan period
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    _idle(window)
    qtbot.waitUntil(lambda: window.loans_dock.list.topLevelItemCount() == 2, timeout=10_000)
    _idle(window)

    assert {window.loans_dock.list.topLevelItem(r).text(1) for r in range(2)} == set(chosen)
    assert window.loans_dock.list.topLevelItem(0).text(3) == "Lent"
    assert all(_status(archive, code) == "on_loan" for code in chosen)
    assert "2 record(s) lent" in window.statusBar().currentMessage()
    assert _close_previews() == 1  # the slip, to be signed


def test_a_request_above_the_clearance_waits_then_is_approved_and_handed_over(
    open_main_window, office, qtbot, monkeypatch
):
    archive, codes, _borrower = office
    window = open_main_window(archive)
    dock = window.loans_dock
    _click_action(dock.actions_bar, dock.lend_action)
    qtbot.waitUntil(lambda: dock.dialog is not None and dock.dialog.isVisible(), timeout=10_000)
    qtbot.keyClicks(dock.dialog.codes, codes[2])  # 秘密, above 内部
    qtbot.mouseClick(dock.dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    _idle(window)
    qtbot.waitUntil(lambda: "waits for approval" in window.statusBar().currentMessage(), timeout=10_000)
    _idle(window)
    assert dock.tabs.tabText(WAITING) == "Waiting for approval (1)"
    assert _status(archive, codes[2]) == "in_custody"

    _select_row(window, 0)
    assert dock.approve_action.isEnabled() and not dock.return_action.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("孙主任", True))
    _click_action(dock.actions_bar, dock.approve_action)
    _idle(window)
    qtbot.waitUntil(lambda: dock.list.topLevelItem(0).text(3) == "Approved", timeout=10_000)
    _select_row(window, 0)
    _click_action(dock.actions_bar, dock.hand_over_action)
    _idle(window)
    qtbot.waitUntil(lambda: dock.list.topLevelItem(0).text(3) == "Lent", timeout=10_000)

    assert _status(archive, codes[2]) == "on_loan"
    assert _close_previews() == 1


def test_a_scanned_reference_code_returns_its_loan_with_the_check(open_main_window, office, qtbot):
    archive, codes, borrower = office
    lend(archive, borrower, _ids(archive, codes[:2]))
    window = open_main_window(archive)
    dock = window.loans_dock
    assert dock.list.topLevelItemCount() == 2

    qtbot.keyClicks(dock.scan, codes[1])
    qtbot.keyClick(dock.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dock.dialog is not None and dock.dialog.isVisible(), timeout=10_000)
    dialog = dock.dialog
    dialog.condition.setCurrentIndex(1)  # 缺损
    qtbot.keyClicks(dialog.notes, "cover torn")  # keyClicks types ASCII only
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    _idle(window)
    qtbot.waitUntil(lambda: dock.list.topLevelItemCount() == 1, timeout=10_000)

    assert dock.list.topLevelItem(0).text(1) == codes[0]  # the other record of the request is still out
    assert _status(archive, codes[1]) == "in_custody"
    with archive.reading() as s:
        back = s.scalar(select(Loan).join(Record).where(Record.reference_code == codes[1]))
        assert (back.status, back.return_condition, back.notes) == ("returned", "damaged", "cover torn")


def _ids(archive, codes: list[str]) -> list[int]:
    with archive.reading() as s:
        found = dict(s.execute(select(Record.reference_code, Record.id).where(Record.reference_code.in_(codes))).all())
    return [found[c] for c in codes]


def test_overdue_loans_are_counted_at_start_and_renewed_with_a_reason(open_main_window, office, qtbot, monkeypatch):
    archive, codes, borrower = office
    lend(archive, borrower, _ids(archive, codes[:1]), today=date.today() - timedelta(days=30), days=10)
    window = open_main_window(archive)
    dock = window.loans_dock

    assert window.overdue_label.text() == "1 loan(s) overdue"
    assert dock.tabs.tabText(OVERDUE) == "Overdue (1)"
    dock.tabs.setCurrentIndex(OVERDUE)
    _idle(window)
    assert dock.list.topLevelItem(0).text(3) == "Overdue 20 days"
    assert dock.list.topLevelItem(0).text(2) == "李明 (6021)"  # with the contact, to chase it
    assert dock.list.topLevelItem(0).foreground(0).color().name() == "#b3261e"
    _select_row(window, 0)
    asked = []
    monkeypatch.setattr(
        QInputDialog, "getText", lambda _p, title, label: asked.append(label) or ("电话确认，出差", True)
    )
    _click_action(dock.actions_bar, dock.renew_action)
    _idle(window)
    qtbot.waitUntil(lambda: dock.list.topLevelItemCount() == 0, timeout=10_000)

    assert asked == ["Reason to renew although overdue:"]
    assert dock.tabs.tabText(OVERDUE) == "Overdue (0)" and window.overdue_label.text() == ""
    assert "renewed, due " + (date.today() + timedelta(days=14)).isoformat() in window.statusBar().currentMessage()
    dock.tabs.setCurrentIndex(0)
    _idle(window)
    assert dock.list.topLevelItem(0).text(3) == "Lent, renewed 1×"


def test_borrowers_are_added_found_and_show_their_history(open_main_window, office, qtbot):
    archive, codes, borrower = office
    lend(archive, borrower, _ids(archive, codes[:1]))
    window = open_main_window(archive)
    dock = window.loans_dock
    _click_action(dock.actions_bar, dock.borrowers_action)
    dialog = dock.dialog
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1, timeout=10_000)

    qtbot.keyClicks(dialog.name, "Wang Fang")
    qtbot.keyClicks(dialog.organisation, "City Chronicles Office")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    _idle(window)
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1 and dialog.list.topLevelItem(0).text(0) == "Wang Fang",
                    timeout=10_000)  # fmt: skip
    assert dialog.list.topLevelItem(0).text(1) == "City Chronicles Office"
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "6021")
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1 and dialog.list.topLevelItem(0).text(0) == "李明",
                    timeout=10_000)  # fmt: skip
    item = dialog.list.topLevelItem(0)
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=dialog.list.visualItemRect(item).center())
    qtbot.waitUntil(lambda: dialog.history.topLevelItemCount() == 1, timeout=10_000)
    assert dialog.history.topLevelItem(0).text(1) == codes[0]
    dialog.close()


def test_the_use_effect_is_recorded_on_the_selected_loans_request(open_main_window, office, qtbot, monkeypatch):
    from archdesk.services.use.queries import request_detail

    archive, codes, borrower = office
    result = lend(archive, borrower, _ids(archive, codes[:1]))
    window = open_main_window(archive)
    dock = window.loans_dock
    assert not dock.effect_action.isEnabled()
    _select_row(window, 0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("为编写年鉴提供依据", True))

    _click_action(dock.actions_bar, dock.effect_action)
    _idle(window)

    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Use effect recorded", timeout=10_000)
    assert request_detail(archive, result.request).use_effect == "为编写年鉴提供依据"
