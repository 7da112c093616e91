"""A record reads wholly in the window's language, and follows a live switch: its History tab
(action and summary), its status beside the code, the table's status and headers, the code names."""

from __future__ import annotations

from PySide6.QtCore import Qt

from archdesk.services.catalogue import RecordInput, create_record, update_record
from archdesk.ui.app import wait_until_idle
from archdesk.ui.i18n import install_translators


def test_the_history_the_status_and_the_code_names_follow_a_switch_to_chinese_and_back(
    qtbot, qapp, archive, open_main_window
):
    record = create_record(archive, RecordInput(title="通知", category="WS", year=2023, retention="D30"))
    update_record(archive, record.id, title="补充通知")
    window = open_main_window(archive)
    window.table.selectRow(0)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.history.topLevelItemCount() == 2, timeout=5000)
    newest = editor.history.topLevelItem(0)
    status = window.records.column_of("status")

    def shown() -> tuple[str, ...]:
        newest = editor.history.topLevelItem(0)
        return (
            newest.text(2),
            newest.text(3),
            editor.state.text(),
            window.records.data(window.records.index(0, status)),
            window.records.headerData(status, Qt.Orientation.Horizontal),
            editor.form.category.currentText(),
        )

    english = ("update", f"edited {record.reference_code}: Title", "Pending", "Pending", "Status", "WS Administrative")
    assert shown() == english
    try:
        install_translators(qapp, "zh_CN")
        assert wait_until_idle(window, 5000)
        chinese = ("修改", f"修改 {record.reference_code}：题名", "暂存", "暂存", "状态", "WS 文书")
        qtbot.waitUntil(lambda: shown() == chinese, timeout=5000)
        assert editor.history.topLevelItem(1).text(2) == "新建"
    finally:
        install_translators(qapp, "en")
    assert wait_until_idle(window, 5000)
    qtbot.waitUntil(lambda: shown() == english, timeout=5000)
    assert newest is not None
