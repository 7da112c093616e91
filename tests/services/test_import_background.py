"""An import computes its records' search tokens and seals on a helper thread while SQLite writes
the rows (services/background.py). What a user sees must not change: every word of the new records
is found as after a rebuild of the index, an edit later takes the old words out of the index, the
seals check clean, and a failure or a cancel leaves nothing running."""

from __future__ import annotations

import gc
import sys
import threading
import time
from pathlib import Path
from unittest.mock import patch

import pytest
from sqlalchemy import select

from archdesk.models import Record
from archdesk.services import background, search
from archdesk.services.catalogue import update_record
from archdesk.services.collection import import_transfer
from archdesk.services.collection.transfer import _numbered_rows as numbered_rows
from archdesk.services.collection.validation import validate_table
from archdesk.services.errors import Cancelled, NotAllowed
from archdesk.services.integrity import check_archive
from archdesk.services.records_query import search_records
from archdesk.services.uow import UnitOfWork

sys.path.insert(0, str(Path(__file__).parent / "collection"))
from transfer_sheets import write_messy_xlsx


def _words(texts: list[str]) -> set[str]:
    """Every character and every pair of neighbouring characters (the gram table's words)."""
    words: set[str] = set()
    for t in texts:
        words.update(t)
        words.update(t[i : i + 2] for i in range(len(t) - 1))
    return {w for w in words if w.strip() and len(w.strip()) == len(w)}


def _found(db, words) -> dict[str, int]:
    return {w: search_records(db, w).total for w in sorted(words)}


def _stored_texts(db) -> list[str]:
    with db.reading() as session:
        rows = session.execute(
            select(Record.title, Record.document_number, Record.responsible_party, Record.notes, Record.reference_code)
        ).all()
    return [v for row in rows for v in row if v]


def test_an_imported_batch_is_found_by_every_short_word_as_after_rebuilding_the_index(archive, tmp_path):
    computed_in_sql = []
    real = search._insert_select_grams
    with patch.object(search, "_insert_select_grams", lambda *a: (computed_in_sql.append(a), real(*a))):
        result = import_transfer(archive, write_messy_xlsx(tmp_path / "办公室2023.xlsx"), department="BGS")
    assert result.imported == 6
    if archive.engine.dialect.name == "sqlite":
        assert computed_in_sql == []  # the tokens written were the helper thread's
    words = _words(_stored_texts(archive))
    assert len(words) > 100
    found = _found(archive, words)
    assert all(found.values()), [w for w, n in found.items() if not n]
    with UnitOfWork(archive) as uow:
        search.rebuild_index(uow.session)
        uow.commit()
    assert _found(archive, words) == found
    results = {r.name: r.status for r in check_archive(archive).results}
    assert set(results.values()) <= {"ok", "skipped"}, results


def test_editing_an_imported_record_takes_its_old_words_out_of_the_index(archive, tmp_path):
    """The index forgets a record's words with tokens computed in SQL from its stored text: were the
    helper thread's tokens for the import any different, the old words would still be found."""
    import_transfer(archive, write_messy_xlsx(tmp_path / "办公室2023.xlsx"), department="BGS")
    with archive.reading() as session:
        record_id = session.scalar(select(Record.id).where(Record.title == "党组会议纪要"))
    assert search_records(archive, "党组").total == 1
    update_record(archive, record_id, title="青铜器修复记录")
    assert search_records(archive, "党组").total == 0 == search_records(archive, "党").total
    assert search_records(archive, "铜器").total == 1
    assert search_records(archive, "纪要").total == 1  # 办公会议纪要 keeps it


def test_when_the_tokens_cannot_be_computed_from_the_rows_the_database_computes_them(archive, tmp_path):
    with patch.object(search, "written_grams", lambda *a: None):
        import_transfer(archive, write_messy_xlsx(tmp_path / "办公室2023.xlsx"), department="BGS")
    assert search_records(archive, "值班").total == 1 == search_records(archive, "检").total
    assert _found(archive, ["春节", "办发"]) == {"办发": 2, "春节": 1}


def test_a_cancelled_import_stops_its_helper_threads_and_keeps_nothing(archive, tmp_path):
    before = sys.getswitchinterval()
    asked_to_stop = []

    def slow_seals(table, columns, rows, stopped):
        deadline = time.monotonic() + 10
        while not stopped() and time.monotonic() < deadline:
            time.sleep(0.005)
        asked_to_stop.append(stopped())
        return None

    def progress(done, total):
        return not 0 < done == total  # cancel once every row is in (the helper runs from then on)

    sheet = write_messy_xlsx(tmp_path / "办公室2023.xlsx")
    with (
        patch("archdesk.services.collection.transfer.written_states", slow_seals),
        pytest.raises(Cancelled),
    ):
        import_transfer(archive, sheet, department="BGS", progress=progress)
    _wait_for_helpers()
    assert asked_to_stop == [True]
    assert sys.getswitchinterval() == before
    assert gc.isenabled()  # the collector paused for the import is back
    with archive.reading() as session:
        assert session.scalar(select(Record.id)) is None


def _wait_for_helpers() -> None:
    deadline = time.monotonic() + 10
    while any(t.name == "ArchDeskBackground" for t in threading.enumerate()) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not any(t.name == "ArchDeskBackground" for t in threading.enumerate())


def test_background_work_answers_its_result_raises_its_error_and_stops_when_asked():
    before = sys.getswitchinterval()
    assert background.Background(lambda stopped: 6 * 7).result() == 42

    def fails(stopped):
        raise ValueError("bad row")

    with pytest.raises(ValueError, match="bad row"):
        background.Background(fails).result()

    release = threading.Event()

    def pieces(stopped):
        done = 0
        while not stopped():
            release.wait(5)
            done += 1
            if done > 1000:
                return "never stopped"
        return "stopped"

    work = background.Background(pieces, start=False)
    assert sys.getswitchinterval() == before  # not before it starts
    with pytest.raises(RuntimeError):
        work.result()
    work.start()
    work.start()  # once only
    assert sys.getswitchinterval() == background.SWITCH_INTERVAL
    work.stop()
    release.set()
    assert work.result() == "stopped"
    assert sys.getswitchinterval() == before


def test_a_handoff_gives_the_pieces_in_order_with_one_waiting_at_most_and_raises_the_helpers_error():
    handoff = background.Handoff(ahead=1)
    made = []

    def pieces():
        for n in range(5):
            made.append(n)
            yield [n] * 3

    work = background.Background(lambda stopped: handoff.send_all(pieces(), stopped))
    time.sleep(0.3)
    assert 1 <= len(made) <= 2  # one waiting, the next made and held: the helper goes no further
    assert list(handoff.received()) == [[n] * 3 for n in range(5)]
    work.result()

    none = background.Handoff()
    background.Background(lambda stopped: none.send_all(None, stopped)).result()
    assert none.received() is None

    def breaks():
        yield ["first"]
        raise ValueError("row 7 has no title")

    failing = background.Handoff()
    background.Background(lambda stopped: failing.send_all(breaks(), stopped))
    received = failing.received()
    assert next(received) == ["first"]
    with pytest.raises(ValueError, match="row 7"):
        next(received)


def test_a_handoff_nobody_reads_lets_its_helper_end_when_stopped():
    handoff = background.Handoff(ahead=1)
    work = background.Background(lambda stopped: handoff.send_all(iter([[1], [2], [3]]), stopped))
    time.sleep(0.1)
    work.stop()
    work.result()  # returns: the helper gave up waiting for a reader
    _wait_for_helpers()


def test_the_cycle_collector_is_off_while_an_import_checks_and_writes_and_back_after(archive, tmp_path):
    seen: list[bool] = []

    def checked(*args, **kwargs):
        seen.append(gc.isenabled())
        return validate_table(*args, **kwargs)

    def numbered(*args, **kwargs):
        seen.append(gc.isenabled())
        return numbered_rows(*args, **kwargs)

    sheet = write_messy_xlsx(tmp_path / "办公室2023.xlsx")
    with (
        patch("archdesk.services.collection.transfer.validate_table", checked),
        patch("archdesk.services.collection.transfer._numbered_rows", numbered),
    ):
        result = import_transfer(archive, sheet, department="BGS")
    assert result.imported and seen == [False, False]
    assert gc.isenabled()
    with pytest.raises(NotAllowed):  # the same file again: refused, and the collector back all the same
        import_transfer(archive, sheet, department="BGS")
    assert gc.isenabled()


def test_only_the_main_thread_pauses_the_collector_and_the_last_of_its_nested_jobs_restores_it():
    """In the window an import runs on the worker: a pause there would have the collection after
    it destroy the widgets' cycles on the worker, off the GUI thread."""
    worker_in, worker_may_end, worker_ended = (threading.Event() for _ in range(3))
    states: dict[str, bool] = {}

    def on_a_worker() -> None:
        with background.cycle_collector_paused():
            states["inside, on a worker"] = gc.isenabled()
            worker_in.set()
            worker_may_end.wait(10)
        worker_ended.set()

    with background.cycle_collector_paused():
        with background.cycle_collector_paused():  # nested on the main thread
            states["nested"] = gc.isenabled()
        states["inner ended"] = gc.isenabled()
        worker = threading.Thread(target=on_a_worker)
        worker.start()
        worker_in.wait(10)
        worker_may_end.set()
        worker_ended.wait(10)
        states["a worker's job ended"] = gc.isenabled()
    states["all ended"] = gc.isenabled()
    worker.join(10)
    assert states == {
        "nested": False, "inner ended": False, "inside, on a worker": False, "a worker's job ended": False,
        "all ended": True,
    }  # fmt: skip

    worker = threading.Thread(target=on_a_worker)
    worker_in.clear()
    worker_ended.clear()
    worker.start()
    worker_ended.wait(10)
    worker.join(10)
    assert states["inside, on a worker"] is True  # alone on a worker: never paused

    gc.disable()
    try:
        with background.cycle_collector_paused():
            pass
        assert not gc.isenabled()  # off before, off after: only what was on is turned back on
    finally:
        gc.enable()
