"""The record pane's Files tab (add, thumbnails, open) and Tools › Verify files, driven as a user.

The editor and the tool are built on their own (with the application's Ops): the main window is
being re-assembled from other branches' docks and could not be built on this branch's base."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from archdesk.ui.app import wait_until_idle
from archdesk.ui.catalogue import tools
from archdesk.ui.ops import Ops

sys.path.insert(0, str(Path(__file__).parents[1] / "services" / "digitisation"))
from digitisation_files import add_record, make_image, make_pdf


def test_files_are_added_by_the_dialog_shown_with_thumbnails_and_opened(qtbot, archive, files_tab, tmp_path,
                                                                         monkeypatch):  # fmt: skip
    record_id, _ = add_record(archive)
    pdf = make_pdf(tmp_path / "scan.pdf", "one", "two")
    png = make_image(tmp_path / "photo.png", "PNG")
    window, panel = files_tab(archive, record_id)
    assert panel.list.count() == 0 and panel.summary.text() == "No files attached"

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(pdf), str(png)], "")))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert wait_until_idle(window, 10_000)
    qtbot.waitUntil(lambda: panel.list.count() == 2, timeout=10_000)
    assert panel.list.item(0).text().startswith("scan.pdf") and "2 p." in panel.list.item(0).text()
    assert panel.summary.text() == "2 file(s), 3 page(s)"
    thumbnail = panel.list.item(1).icon().pixmap(64, 64)
    assert thumbnail.toImage().pixelColor(5, 5).red() == 200  # the photo's own colour, not a file icon

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    opened_path = Path(opened[0].toLocalFile())
    assert opened_path.read_bytes() == pdf.read_bytes() and opened_path.is_relative_to(tmp_path / "archive.db.files")


def test_files_dropped_on_the_list_are_attached(qtbot, archive, files_tab, tmp_path):
    record_id, _ = add_record(archive)
    scans = [make_pdf(tmp_path / f"page{n}.pdf", f"page {n}") for n in (1, 2, 3)]
    window, panel = files_tab(archive, record_id)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in scans])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(panel.list.viewport(), enter)  # the drag comes in first, as from a file manager
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(panel.list.viewport(), drop)
    assert wait_until_idle(window, 10_000)
    qtbot.waitUntil(lambda: panel.list.count() == 3, timeout=10_000)


def test_verify_files_reports_an_altered_file(qtbot, archive, tmp_path, monkeypatch):
    record_id, code = add_record(archive)
    from archdesk.services.digitisation import storage
    from archdesk.services.digitisation.attachments import attach_files

    view = attach_files(archive, record_id, [make_pdf(tmp_path / "minutes.pdf", "minutes")])[0]
    ops = Ops(archive)
    window = SimpleNamespace(ops=ops)  # what wait_until_idle needs of a window
    parent = QWidget()
    qtbot.addWidget(parent)
    menu_action = QAction("&Verify files…", parent)
    menu_action.triggered.connect(lambda: tools.verify_files(parent=parent, ops=ops))  # as the main window wires it
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, title, text: shown.append(("ok", text))))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, title, text: shown.append(("bad", text))))
    menu_action.trigger()
    assert wait_until_idle(window, 10_000)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == [("ok", "All 1 stored files match their SHA-256.")]

    storage.resolve(storage.files_folder(archive), storage.stored_name(view.sha256)).write_bytes(b"%PDF-1.4 other")
    menu_action.trigger()
    assert wait_until_idle(window, 10_000)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10_000)
    kind, text = shown[1]
    assert kind == "bad" and f"Altered: minutes.pdf ({code})" in text
    ops.shutdown()
