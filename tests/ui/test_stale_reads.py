"""Stale work never blocks fresh work: a superseded read is dropped or interrupted, a write never is.

The slow reads here are real SQLite statements (a recursive count that takes many seconds unless it
is interrupted), so the tests show what the archivist would notice: the fresh search is answered,
and the old anchors never finish. No timing thresholds: only the order of events.
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from archdesk.services import records_query
from archdesk.services.demo import add_demo_data
from archdesk.services.records_query import BLOCK_SIZE, RecordFilter, SortOrder, count_records, records_page
from archdesk.ui.catalogue.records_model import RecordsModel
from archdesk.ui.ops import Changes, Ops

#: Counts to 200 million: tens of seconds, unless the statement is interrupted.
SLOW_SQL = text(
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000000) SELECT count(*) FROM c"
)


class SlowRead:
    """Wraps a records_query function: the wrapped call first runs SLOW_SQL, then the real function.
    ``events`` tells how each slow call ended: "finished" or "interrupted"."""

    def __init__(self, real, events: list[str], *, times: int = 1) -> None:
        self.real, self.events, self.times = real, events, times
        self.started = threading.Event()

    def __call__(self, db, *args, **kwargs):
        if self.times > 0:
            self.times -= 1
            self.started.set()
            try:
                with db.reading() as session:
                    session.execute(SLOW_SQL).scalar()
            except OperationalError as exc:
                assert "interrupt" in str(exc)
                self.events.append("interrupted")
                raise
            self.events.append("finished")
        return self.real(db, *args, **kwargs)


@pytest.fixture
def model(qtbot, archive):
    add_demo_data(archive, 2000)
    ops = Ops(archive)
    records = RecordsModel(ops)
    with qtbot.waitSignal(records.first_page_loaded):
        records.set_query(RecordFilter(), SortOrder())
    yield records
    ops.shutdown()


def _common_words(db) -> list[str]:
    """Two search words, each with more than three blocks of hits (block 2 is then reached only by
    its anchor: neither the first block's neighbour nor the last block)."""
    words = [
        w for w in ("关于", "年", "的", "工作", "通知") if count_records(db, RecordFilter(text=w)) > 3 * BLOCK_SIZE
    ]
    assert len(words) >= 2, words
    return words[:2]


def test_a_new_search_is_answered_before_the_old_search_s_anchors_finish(qtbot, model, archive, monkeypatch):
    first_word, second_word = _common_words(archive)
    events: list[str] = []
    slow = SlowRead(records_query.block_anchors, events)
    monkeypatch.setattr(records_query, "block_anchors", slow)
    with qtbot.waitSignal(model.first_page_loaded):
        model.set_query(RecordFilter(text=first_word))
    model.data(model.index(2 * BLOCK_SIZE + 5, 0))  # the view shows a row far down: the anchors are read
    qtbot.waitUntil(slow.started.is_set, timeout=10_000)

    model.first_page_loaded.connect(lambda: events.append("answered"))
    model.anchors_loaded.connect(lambda: events.append("anchors in"))
    with qtbot.waitSignal(model.first_page_loaded, timeout=120_000):
        model.set_query(RecordFilter(text=second_word))
    qtbot.waitUntil(lambda: not model.ops.busy, timeout=120_000)

    assert events == ["interrupted", "answered"]  # the old anchors never finished, nor were they shown
    assert model.total == count_records(archive, RecordFilter(text=second_word))
    expected = records_page(archive, RecordFilter(text=second_word), SortOrder(), limit=BLOCK_SIZE)
    assert [model.record_at(row).id for row in range(BLOCK_SIZE)] == [view.id for view in expected]
    assert not model.anchors_ready  # the new search's anchors are read only when a far row is shown


def test_a_queued_read_of_an_old_query_is_dropped_without_running(qtbot, model, archive, monkeypatch):
    ran: list[str] = []
    gate = threading.Event()

    def blocking(db):
        gate.wait(30)
        return None

    model.ops.query(None, blocking)  # keeps the worker busy while the table asks for its reads

    real_first_page = records_query.count_and_page

    def counting(db, flt, *args, **kwargs):
        ran.append(flt.text)
        return real_first_page(db, flt, *args, **kwargs)

    monkeypatch.setattr(records_query, "count_and_page", counting)
    model.set_query(RecordFilter(text="通"))
    model.set_query(RecordFilter(text="通知"))
    with qtbot.waitSignal(model.first_page_loaded, timeout=30_000):
        gate.set()
    assert ran == ["通知"]  # 通's first page was superseded while queued: never read
    assert model.filter == RecordFilter(text="通知")


def test_an_interrupted_block_read_leaves_the_model_consistent(qtbot, qtmodeltester, model, archive, monkeypatch):
    everything = records_page(archive, RecordFilter(), SortOrder(), limit=3000)
    events: list[str] = []
    slow = SlowRead(records_query.records_page, events)
    monkeypatch.setattr(records_query, "records_page", slow)
    model.data(model.index(BLOCK_SIZE + 5, 0))  # block 1, read after block 0 (slow this once)
    qtbot.waitUntil(slow.started.is_set, timeout=10_000)

    last = model.total - 1
    with qtbot.waitSignal(model.block_loaded, check_params_cb=lambda n: n == last // BLOCK_SIZE, timeout=120_000):
        model.data(model.index(last, 0))  # a jump to the end supersedes it
    assert events == ["interrupted"]
    assert not model.is_loaded(BLOCK_SIZE + 5) and model.total == 2000
    assert model.record_at(last).id == everything[last].id

    with qtbot.waitSignal(model.block_loaded, check_params_cb=lambda n: n == 1, timeout=30_000):
        model.data(model.index(BLOCK_SIZE + 5, 0))  # asked for again: read again, whole
    assert [model.record_at(row).id for row in range(BLOCK_SIZE, 2 * BLOCK_SIZE)] == [
        view.id for view in everything[BLOCK_SIZE : 2 * BLOCK_SIZE]
    ]
    qtmodeltester.check(model)


def test_a_cancelled_write_is_never_interrupted_mid_statement(qtbot, archive):
    ops = Ops(archive)
    started, outcome = threading.Event(), []

    def write(db):
        session = db.writing_session()
        try:
            started.set()
            counted = session.execute(
                text(
                    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) FROM c"
                )
            ).scalar()
            session.execute(text("UPDATE fonds SET name = name || '·'"))
            session.commit()
            outcome.append(counted)
        finally:
            session.close()

    op_id = ops.mutate(None, write, changes=Changes(codes=True))
    started.wait(10)
    with qtbot.waitSignal(ops.idle, timeout=60_000):
        ops.cancel(op_id)
    ops.shutdown()
    assert outcome == [3_000_000]  # ran to its end and committed


def test_the_database_never_interrupts_inside_a_write_transaction(archive):
    archive.interrupt_reads_when(lambda: True)  # "stop now", always
    try:
        with pytest.raises(OperationalError, match="interrupt"):
            with archive.reading() as session:
                session.execute(SLOW_SQL).scalar()
        session = archive.writing_session()
        try:
            counted = session.execute(
                text(
                    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000) SELECT count(*) FROM c"
                )
            ).scalar()
            session.commit()
        finally:
            session.close()
        assert counted == 100_000
    finally:
        archive.interrupt_reads_when(None)


def _hammer_interrupts(archive, worker: threading.Thread, sent: list[bool]) -> None:
    """Send SQLite's interrupt to the worker's connection every 20 ms until the worker ends."""
    while worker.is_alive():
        sent.append(archive.interrupt_read_on(worker.ident))
        worker.join(0.02)


def test_an_interrupt_stops_the_read_running_on_that_thread(archive):
    outcome: list[str] = []

    def read() -> None:
        try:
            with archive.reading() as session:
                session.execute(SLOW_SQL).scalar()
            outcome.append("finished")
        except OperationalError as exc:
            outcome.append("interrupted" if "interrupt" in str(exc) else str(exc))

    worker = threading.Thread(target=read)
    worker.start()
    sent: list[bool] = []
    _hammer_interrupts(archive, worker, sent)
    assert outcome == ["interrupted"]  # the 200-million count never ran to its end
    assert True in sent


def test_an_interrupt_never_reaches_a_write_transaction(archive):
    outcome: list[int] = []
    inside = threading.Event()
    # Every interrupt is sent before the worker starts its COMMIT: between the commit and the end of
    # the thread it is no longer writing, and an interrupt sent then rightly goes through.
    phase = threading.Lock()
    committing: list[bool] = []

    def write() -> None:
        session = archive.writing_session()
        try:
            session.execute(text("UPDATE fonds SET name = name || '·'"))  # BEGIN IMMEDIATE, then inside it
            inside.set()
            counted = session.execute(
                text(
                    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) FROM c"
                )
            ).scalar()
            with phase:
                committing.append(True)
            session.commit()
            outcome.append(counted)
        finally:
            session.close()

    with archive.reading() as session:
        before = session.execute(text("SELECT name FROM fonds ORDER BY id")).scalars().all()
    assert before  # the archive has a fonds whose name the write changes
    worker = threading.Thread(target=write)
    worker.start()
    inside.wait(30)
    sent: list[bool] = []
    while worker.is_alive():
        with phase:
            if committing:
                break
            sent.append(archive.interrupt_read_on(worker.ident))
        worker.join(0.02)
    worker.join(60)
    assert outcome == [3_000_000]  # ran to its end and committed
    assert sent and not any(sent)  # refused every time: the thread was inside its write transaction
    with archive.reading() as session:
        after = session.execute(text("SELECT name FROM fonds ORDER BY id")).scalars().all()
    assert after == [name + "·" for name in before]


def test_cancelling_a_running_query_stops_its_statement_with_sqlite_s_interrupt(qtbot, archive, monkeypatch):
    from archdesk.services import database

    monkeypatch.setattr(database, "INTERRUPT_STEPS", 0)  # SQLite: no progress handler at all; the interrupt alone
    ops = Ops(archive)
    events: list[str] = []
    slow = SlowRead(lambda db: None, events)
    op_id = ops.query(None, slow, lambda _result: events.append("answered"))
    qtbot.waitUntil(slow.started.is_set, timeout=10_000)
    qtbot.wait(50)  # the count is under way, past its statement's start
    with qtbot.waitSignal(ops.idle, timeout=120_000):
        ops.cancel(op_id)
    after: list[int] = []
    with qtbot.waitSignal(ops.idle, timeout=30_000):
        ops.query(None, lambda db: count_records(db, RecordFilter()), after.append)  # the next job is not touched
    ops.shutdown()
    assert events == ["interrupted"]
    assert after == [0]


def test_a_record_passed_over_is_never_shown_after_the_one_selected_next(qtbot, archive, monkeypatch):
    """Page Down held: each row's record is asked for; the one passed over is interrupted, and its
    form never replaces the record selected after it."""
    from archdesk.services import catalogue
    from archdesk.ui.catalogue.record_editor import RecordEditor

    add_demo_data(archive, 20)
    first, second = (view.id for view in records_page(archive, RecordFilter(), SortOrder(), limit=2))
    events: list[str] = []
    slow = SlowRead(catalogue.get_record, events)  # the first record's read is slow (until interrupted)
    monkeypatch.setattr(catalogue, "get_record", slow)
    ops = Ops(archive)
    editor = RecordEditor(ops)
    qtbot.addWidget(editor)
    shown: list[int] = []
    editor.history_loaded.connect(lambda: shown.append(editor.record.id))
    editor.show_record(first)
    qtbot.waitUntil(slow.started.is_set, timeout=10_000)
    with qtbot.waitSignal(editor.history_loaded, timeout=60_000):
        editor.show_record(second)
    qtbot.waitUntil(lambda: not ops.busy, timeout=60_000)  # the files panel's list, too
    ops.shutdown()
    assert events == ["interrupted"]
    assert shown == [second]
    assert editor.code.text() == editor.record.reference_code and editor.record.id == second
