"""Python work on a thread of its own while the calling thread waits in SQLite.

SQLite runs a statement without holding Python's GIL, so while an import's indexes and search
tables are built (seconds of C on one core) the other core can compute what needs only the rows in
memory: the records' search tokens and seals (``search.written_grams``,
``audit_chain.written_states``). Nothing here touches a database.

The helper only pays where the calling thread is in C: any Python of the calling thread shares the
GIL with it. So the work runs on one thread, not one per work, and the import starts it only once
its rows are in (the insert runs Python between its statements). While it runs the interpreter's
switch interval is 0.5 ms instead of 5: each time the calling thread came back from SQLite it
waited up to the whole interval for the GIL, and at the default the helper saved nothing
(bench/README.md, issue 11).
"""

from __future__ import annotations

import gc
import queue
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

#: The switch interval while background work runs (seconds; Python's default is 0.005).
SWITCH_INTERVAL = 0.0005


class _WhileNeeded:
    """A setting of the whole process, changed while any job needs it: the first job in changes it
    (``change()`` answers what it was), the last one out puts back what it was (``restore``)."""

    def __init__(self, change: Callable[[], Any], restore: Callable[[Any], None]) -> None:
        self._change, self._restore = change, restore
        self._lock = threading.Lock()
        self._holders = 0
        self._before: Any = None

    def enter(self) -> None:
        with self._lock:
            if self._holders == 0:
                self._before = self._change()
            self._holders += 1

    def leave(self) -> None:
        with self._lock:
            self._holders -= 1
            if self._holders == 0:
                self._restore(self._before)


def _shorter_switch_interval() -> float:
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(SWITCH_INTERVAL, before))
    return before


def _collector_off() -> bool:
    was_on = gc.isenabled()
    gc.disable()
    return was_on


def _collector_back(was_on: bool) -> None:
    if was_on:
        gc.enable()


_switch_interval = _WhileNeeded(_shorter_switch_interval, sys.setswitchinterval)
_collector = _WhileNeeded(_collector_off, _collector_back)


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a bulk job runs, then as it was.

    An import of 100,000 rows makes millions of lists, tuples and dicts of plain values that are
    never in a cycle (reference counting frees each as it goes), yet the collector kept walking
    them: 1,849 runs, 4 of them over the whole heap, 0.33 s of the import (bench/README.md,
    issue 11). A cycle made meanwhile is collected once the job ends. The setting is the
    process's; nested jobs pause it together and the last to end restores it.

    Only a job on the main thread pauses it (the command line, a script). In the window a job runs
    on the worker: the collection that follows a pause, of every cycle made meanwhile, the widgets'
    own included, would then run on the worker, and Qt's objects may only be destroyed on the GUI
    thread (a UI test crashed in "Garbage-collecting" on the worker thread).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _collector.enter()
    try:
        yield
    finally:
        _collector.leave()


class Background:
    """``works`` run one after another on one daemon thread, started at once (or by :meth:`start`
    when made with ``start=False``); ``result(n)`` waits for the n-th one's answer.

    Each work is handed a ``stopped()`` to look at between pieces: :meth:`stop` (the unit of work
    failed or was cancelled) makes it answer True, so the thread ends soon and its answers are
    never used. An exception in a work is raised again by its ``result``.
    """

    def __init__(
        self, *works: Callable[[Callable[[], bool]], Any], name: str = "ArchDeskBackground", start: bool = True
    ) -> None:
        self._works = works
        self._stop = threading.Event()
        self._done = [threading.Event() for _ in works]
        self._values: list[Any] = [None] * len(works)
        self._errors: list[BaseException | None] = [None] * len(works)
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        if start:
            self.start()

    def start(self) -> None:
        """Start the thread (when made with ``start=False``); again, nothing happens."""
        if self._thread.ident is not None:
            return
        _switch_interval.enter()
        try:
            self._thread.start()
        except BaseException:
            _switch_interval.leave()
            raise

    def _run(self) -> None:
        try:
            for n, work in enumerate(self._works):
                try:
                    self._values[n] = work(self._stop.is_set)
                except BaseException as exc:  # noqa: BLE001 - handed to the caller of result()
                    self._errors[n] = exc
                finally:
                    self._done[n].set()
        finally:
            _switch_interval.leave()

    def result(self, n: int = 0) -> Any:
        if self._thread.ident is None:
            raise RuntimeError("the background work was never started")
        self._done[n].wait()
        error = self._errors[n]
        if error is not None:
            raise error
        return self._values[n]

    def stop(self) -> None:
        """Ask the works to end without waiting for them (their answers are not wanted)."""
        self._stop.set()


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


_END = object()


class Handoff:
    """Pieces handed from a helper thread to the calling thread in order, at most ``ahead`` of them
    waiting: memory for a few pieces, however many there are (an import's search tokens are about
    150 MB of text for 100,000 rows). The helper blocks while the calling thread is behind."""

    def __init__(self, ahead: int = 1) -> None:
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=ahead)

    def send_all(self, pieces: Iterable[Any] | None, stopped: Callable[[], bool]) -> None:
        """On the helper: hand over each piece (None: there are none to hand over), or the error
        raised making them; give up as soon as ``stopped()``."""
        try:
            if not self._put(pieces is not None, stopped) or pieces is None:
                return
            for piece in pieces:
                if not self._put(piece, stopped):
                    return
            self._put(_END, stopped)
        except BaseException as exc:
            self._put(_Failed(exc), stopped)
            raise

    def received(self) -> Iterator[Any] | None:
        """On the calling thread: the pieces as they come (waiting for each), None when the helper
        had none to hand over. The helper's error is raised here."""
        return self._pieces() if self._get() else None

    def _pieces(self) -> Iterator[Any]:
        while (piece := self._get()) is not _END:
            yield piece

    def _get(self) -> Any:
        item = self._queue.get()
        if isinstance(item, _Failed):
            raise item.error
        return item

    def _put(self, item: Any, stopped: Callable[[], bool]) -> bool:
        while True:
            try:
                self._queue.put(item, timeout=0.05)
                return True
            except queue.Full:
                if stopped():
                    return False
