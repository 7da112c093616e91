"""Python work on a thread of its own while the calling thread waits in SQLite.

SQLite runs a statement without holding Python's GIL, so while an import's rows and indexes are
written (seconds of C on one core) the other core can compute what needs only the rows in memory:
the records' search tokens and seals (``search.written_grams``, ``audit_chain.written_states``).
Nothing here touches a database.

While such work runs the interpreter's switch interval is 0.5 ms instead of 5: each time the
calling thread comes back from SQLite it needs the GIL back from the helper, and it waited up to the
whole interval every time — with the default, the import's insert slowed by about as much as the
helper took, and nothing was gained (bench/README.md, issue 11).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")

#: The switch interval while background work runs (seconds; Python's default is 0.005).
SWITCH_INTERVAL = 0.0005

_running = 0
_interval_before = 0.0
_interval_lock = threading.Lock()


def _started() -> None:
    global _running, _interval_before
    with _interval_lock:
        if _running == 0:
            _interval_before = sys.getswitchinterval()
            sys.setswitchinterval(min(SWITCH_INTERVAL, _interval_before))
        _running += 1


def _ended() -> None:
    global _running
    with _interval_lock:
        _running -= 1
        if _running == 0:
            sys.setswitchinterval(_interval_before)


class Background(Generic[T]):
    """``work(stopped)`` started at once on a daemon thread; ``result()`` waits for it.

    ``work`` is handed a ``stopped()`` to look at between pieces: :meth:`stop` (the unit of work
    failed or was cancelled) makes it answer True, so the thread ends soon and its answer is never
    used. An exception in ``work`` is raised again by ``result()``.
    """

    def __init__(self, work: Callable[[Callable[[], bool]], T], name: str = "ArchDeskBackground") -> None:
        self._work = work
        self._stop = threading.Event()
        self._value: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        _started()
        try:
            self._thread.start()
        except BaseException:
            _ended()
            raise

    def _run(self) -> None:
        try:
            self._value = self._work(self._stop.is_set)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller of result()
            self._error = exc
        finally:
            _ended()

    def result(self) -> T:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value

    def stop(self) -> None:
        """Ask the work to end without waiting for it (its answer is not wanted)."""
        self._stop.set()
