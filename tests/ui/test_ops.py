"""Background ops: work runs off the GUI thread, results and errors come back to it, one error dialog."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from archdesk.services.errors import Cancelled, NotAllowed
from archdesk.ui.ops import Changes, Concern, Ops


@pytest.fixture
def ops(qtbot, archive):
    runner = Ops(archive)
    yield runner
    runner.shutdown()


@pytest.fixture
def warnings(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def test_a_query_runs_on_the_worker_thread_and_answers_on_the_gui_thread(qtbot, ops):
    seen: dict[str, object] = {}

    def work(db):
        seen["worker"] = threading.current_thread()
        return db.url

    with qtbot.waitSignal(ops.idle):
        ops.query(None, work, lambda url: seen.update(result=url, gui=threading.current_thread()))

    assert seen["worker"] is not threading.main_thread()
    assert seen["gui"] is threading.main_thread()
    assert seen["result"] == ops.db.url


def test_a_refused_action_shows_its_own_text_in_one_dialog(qtbot, ops, warnings):
    def refuse(db):
        raise NotAllowed("Z001-WS·2020-Y-0001 was accepted into the archive and cannot be deleted")

    with qtbot.waitSignal(ops.idle):
        ops.mutate(None, refuse, changes=Changes(records=True))

    assert warnings == ["Z001-WS·2020-Y-0001 was accepted into the archive and cannot be deleted"]


def test_an_unexpected_failure_is_one_line_never_a_traceback(qtbot, ops, warnings):
    with qtbot.waitSignal(ops.idle):
        ops.query(None, lambda db: 1 / 0)

    assert len(warnings) == 1
    assert "ZeroDivisionError" in warnings[0] and "Traceback" not in warnings[0]


def test_a_change_is_announced_once_on_the_hub_and_a_failed_one_not_at_all(qtbot, ops, warnings):
    announced: list[Changes] = []
    ops.hub.changed.connect(announced.append)

    with qtbot.waitSignal(ops.idle):
        ops.mutate(None, lambda db: 3, changes=lambda n: Changes(records=True, record_ids=(n,)))
        ops.mutate(None, lambda db: 1 / 0, changes=Changes(loans=True))

    assert announced == [Changes(records=True, record_ids=(3,))]
    assert announced[0].concerns(Concern.RECORDS) and not announced[0].concerns(Concern.LOANS | Concern.BOXES)


def test_cancel_stops_long_work_between_blocks_without_a_dialog(qtbot, ops, warnings):
    started = threading.Event()
    results: list[object] = []
    reached: list[int] = []  # the last block the work began, seen from the worker

    def long_work(db, progress):
        for done in range(10_000):
            reached[:] = [done]
            started.set()
            if not progress(done, 10_000):
                raise Cancelled()
            threading.Event().wait(0.001)
        return "finished"

    op_id = ops.query(None, long_work, results.append, progress_label="Working…")
    started.wait(5)
    with qtbot.waitSignal(ops.idle, timeout=10_000):
        ops.cancel(op_id)

    # The work stopped at the next block (10,000 blocks take 10 s or more), not ran to its end.
    assert reached and reached[0] < 5_000
    assert results == [] and warnings == []
