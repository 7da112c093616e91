"""The import wizard finishes the job, driven as a user does: a sheet chosen from the list with its
row count, a value typed once for every row, the 档号 kept, "problems only", an unknown value mapped
once (and remembered for the department), and after acceptance the summary with the returned rows
and the 移交验收单 to preview and save."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit, QWizard
from sqlalchemy import select

from archdesk.models import AuditEvent, Department, Record, SecurityLevel
from archdesk.ui.collection.import_wizard import ImportWizard
from archdesk.ui.ops import Ops
from archdesk.ui.reports.preview import ReportPreview


@pytest.fixture
def ops(qtbot, archive):
    runner = Ops(archive)
    yield runner
    runner.shutdown()


def _workbook(path, sheets):
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return str(path)


def _open(qtbot, archive, ops, path, department=None):
    wizard = ImportWizard(archive, ops=ops)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    qtbot.waitUntil(lambda: page.department.count() > 1 and bool(wizard.codes), timeout=10_000)
    page.path_edit.setText(path)  # as a paste or the Browse… dialog fills it
    if department:
        page.department.setCurrentIndex(page.department.findData(department))
    return wizard


def _next(qtbot, wizard, page_id):
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == page_id, timeout=15_000)


def _accept(qtbot, wizard):
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SUMMARY_PAGE, timeout=15_000)


def _tick(qtbot, box):
    # On the box itself: a check box in a wide row does not react to a click far right of its text.
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _records(archive):
    with archive.reading() as session:
        return session.execute(
            select(Record.reference_code, Department.code).outerjoin(Department).order_by(Record.id)
        ).all()


def test_every_sheet_with_its_row_count_and_a_department_typed_once(qtbot, archive, ops, tmp_path):
    heading = ["题名", "日期", "保管期限"]
    path = _workbook(tmp_path / "两张表.xlsx", {
        "一月": [heading, ["一月的通知", "20200110", "永久"], ["一月的纪要", "20200111", "永久"]],
        "二月": [heading, ["二月的通知", "20200201", "永久"]],
    })  # fmt: skip
    wizard = _open(qtbot, archive, ops, path)
    sheets = wizard.file_page.sheet
    qtbot.waitUntil(lambda: sheets.count() == 3, timeout=10_000)
    assert [sheets.itemText(i) for i in range(3)] == ["一月 (2 rows)", "二月 (1 rows)", "All sheets (3 rows)"]
    sheets.setCurrentIndex(2)
    _next(qtbot, wizard, ImportWizard.MAPPING_PAGE)
    department = wizard.mapping_page.findChild(QLineEdit, "everyRow_department")
    assert department is not None and department.isVisible()
    qtbot.keyClicks(department, "BGS")  # the department's code (its name works too)
    _next(qtbot, wizard, ImportWizard.PREVIEW_PAGE)
    assert "3 rows: 3 valid, 0 to return." in wizard.preview_page.summary.text()
    shown = wizard.preview_page.view.model()
    assert [shown.headerData(r, Qt.Orientation.Vertical) for r in range(3)] == ["一月:2", "一月:3", "二月:2"]
    assert "given once for every row" in wizard.preview_page.summary.text()
    _accept(qtbot, wizard)
    assert [r[1] for r in _records(archive)] == ["BGS", "BGS", "BGS"]


def test_kept_codes_problems_only_and_the_summary_documents(qtbot, archive, ops, tmp_path, monkeypatch):
    path = _workbook(tmp_path / "旧系统目录.xlsx", {"目录": [
        ["档号", "题名", "日期"],
        ["Z001-WS·2015-Y-BGS-0007", "关于机构调整的通知", "20150301"],
        ["Z001-WS·2015-Y-BGS-0009", "年度工作总结", "201512"],
        ["Z001-WS·2015-Y-BGS-0007", "重复的档号", "20150302"],
    ]})  # fmt: skip
    wizard = _open(qtbot, archive, ops, path)
    _tick(qtbot, wizard.file_page.keep_codes)
    assert wizard.file_page.keep_codes.isChecked()
    _next(qtbot, wizard, ImportWizard.MAPPING_PAGE)
    _next(qtbot, wizard, ImportWizard.PREVIEW_PAGE)
    page = wizard.preview_page
    assert page.view.model().rowCount() == 3
    _tick(qtbot, page.problems_only)
    assert page.view.model().rowCount() == 1
    assert page.view.model().headerData(0, Qt.Orientation.Vertical) == "4"
    _accept(qtbot, wizard)
    assert [r[0] for r in _records(archive)] == ["Z001-WS·2015-Y-BGS-0007", "Z001-WS·2015-Y-BGS-0009"]
    summary = wizard.summary_page
    assert "2 records imported as transfer batch 1; 1 rows returned." in summary.summary.text()

    qtbot.mouseClick(summary.note_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _previews() != [], timeout=15_000)
    (note,) = _previews()
    assert note.page_count == 1 and note.windowTitle() == "Transfer acceptance note"
    note.grab().save(str(tmp_path / "note.png"))
    note.close()
    qtbot.waitUntil(lambda: _previews() == [], timeout=5_000)
    qtbot.mouseClick(summary.rejection_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _previews() != [], timeout=15_000)
    _previews()[0].close()

    out = tmp_path / "slip"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(out)))
    qtbot.mouseClick(summary.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved" in summary.saved.text(), timeout=15_000)
    assert sorted(p.name for p in out.iterdir()) == ["旧系统目录-acceptance-note.pdf", "旧系统目录-returned.xlsx"]
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()


def _previews():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ReportPreview) and w.isVisible()]


def test_an_unknown_value_is_listed_once_mapped_and_remembered_for_the_department(qtbot, archive, ops, tmp_path):
    rows = [["Title", "Date", "Retention", "Access"]]
    rows += [[f"Item {i}", "2019-04-01", "Permanent", "Restricted" if i <= 19 else "Open"] for i in range(1, 22)]
    path = _workbook(tmp_path / "english.xlsx", {"List": rows})
    wizard = _open(qtbot, archive, ops, path, department="BGS")
    _next(qtbot, wizard, ImportWizard.MAPPING_PAGE)
    _next(qtbot, wizard, ImportWizard.PREVIEW_PAGE)
    page = wizard.preview_page
    assert "21 rows: 2 valid, 19 to return." in page.summary.text()
    assert page.unknown.rowCount() == 1
    assert [page.unknown.item(0, c).text() for c in (1, 2)] == ["Restricted", "19"]
    combo = page.unknown.cellWidget(0, 3)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("MM"))  # 秘密
    with qtbot.waitSignal(ops.idle, timeout=15_000):
        qtbot.mouseClick(page.recheck, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "21 valid, 0 to return" in page.summary.text(), timeout=15_000)
    _accept(qtbot, wizard)
    with archive.reading() as session:
        secret = session.scalars(
            select(SecurityLevel.code).join(Record, Record.security_level_id == SecurityLevel.id).order_by(Record.id)
        ).all()
        audited = session.scalars(select(AuditEvent.summary).where(AuditEvent.entity == "department")).all()
    assert secret == ["MM"] * 19 + ["GK"] * 2 and any("remembered" in s for s in audited)

    again = _open(qtbot, archive, ops, _workbook(tmp_path / "english2.xlsx", {"List": rows[:5]}), department="BGS")
    _next(qtbot, again, ImportWizard.MAPPING_PAGE)
    _next(qtbot, again, ImportWizard.PREVIEW_PAGE)
    assert "4 rows: 4 valid, 0 to return." in again.preview_page.summary.text()
    assert again.preview_page.unknown.rowCount() == 0
