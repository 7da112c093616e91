"""Background work for the GUI: one database worker thread, callbacks on the GUI thread.

The idea is Anki's ``QueryOp`` / ``CollectionOp``: a widget never does storage work itself. It hands
a function of the open archive to :class:`Ops`; the function runs on the single worker thread (SQLite
has one writer and a Session is not thread-safe), and its result comes back to ``success`` on the GUI
thread, which collects finished work from a queue (see :class:`_Worker` for why no signal is used). A failure is shown in one error dialog, with the error's own text and
never a traceback. A mutating op announces what it changed with a :class:`Changes` value on the one
:class:`ChangeHub`; each dock refreshes itself only if the change is its business.

    ops.query(self, lambda db: get_record(db, record_id), success=self.show_record)
    ops.mutate(self, lambda db: accept_records(db, ids), changes=Changes(records=True))
    ops.query(self, export, progress_label=self.tr("Exporting…"))   # export(db, progress)

An op given a ``progress_label`` is called as ``op(db, progress)``; ``progress(done, total)`` updates a
``QProgressDialog`` and returns False once the user pressed Cancel (the service then raises Cancelled).

Ops waiting for the worker run by ``priority``, then in order: ``URGENT`` for rows the user is looking
at, ``NORMAL`` by default, ``BACKGROUND`` for counts and lists nobody waits for.

Stale work never blocks fresh work: ``cancel(op_id)`` drops an op that has not started, and stops a
running *query* inside SQLite: the statement running now by ``Database.interrupt_read_on`` (SQLite's
own interrupt, sent from the GUI thread while the worker still runs that job: both sides hold
``_Worker.lock``), the statements after it by ``Database.interrupt_reads_when`` asking
:meth:`_Worker.interrupting` before each. The records table cancels its old reads when a new
filter, sort or far scroll supersedes them. A *mutate* is never interrupted, by construction: its
job is not marked ``read_only``, so neither is sent for it, and the database layer refuses both
inside a write transaction (BEGIN IMMEDIATE) besides. A cancelled mutate that is already running
stops only at its own progress calls, rolling back whole. Why an interrupt and not a second read
connection: bench/README.md.
"""

from __future__ import annotations

import itertools
import logging
import queue
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import Flag, auto
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from archdesk.services.database import Database
from archdesk.services.errors import ArchDeskError, Cancelled
from archdesk.ui.i18n import current_language

log = logging.getLogger(__name__)

Progress = Callable[[int, int], bool]
URGENT, NORMAL, BACKGROUND = 0, 1, 2


class Concern(Flag):
    """What a change is about: a dock names the kinds it shows (``Concern.LOANS | Concern.RECORDS``)."""

    NONE = 0
    RECORDS = auto()
    BOXES = auto()
    LOCATIONS = auto()
    LOANS = auto()
    APPRAISAL = auto()
    CODES = auto()


EVERYTHING = Concern.RECORDS | Concern.BOXES | Concern.LOCATIONS | Concern.LOANS | Concern.APPRAISAL | Concern.CODES


@dataclass(frozen=True)
class Changes:
    """What a mutating op changed; docks ask ``concerns`` before they reload.

    Built with keywords (``Changes(records=True, boxes=True)``) or from flags (``Changes.of(Concern.LOANS)``).
    """

    records: bool = False
    boxes: bool = False
    locations: bool = False
    loans: bool = False
    appraisal: bool = False
    codes: bool = False
    record_ids: tuple[int, ...] = ()  # the records touched, when known (the editor reloads only these)

    @property
    def kinds(self) -> Concern:
        """The same as one flag value."""
        kinds = Concern.NONE
        for concern in EVERYTHING:
            if getattr(self, concern.name.lower()):
                kinds |= concern
        return kinds

    def concerns(self, *kinds: Concern) -> bool:
        """True when this change touches any of ``kinds`` (each a ``Concern``, or several or-ed together)."""
        wanted = Concern.NONE
        for kind in kinds:
            if not isinstance(kind, Concern):
                raise TypeError(f"a change concerns Concern values, not {kind!r}")
            wanted |= kind
        return bool(self.kinds & wanted)

    @classmethod
    def of(cls, kinds: Concern, record_ids: tuple[int, ...] = ()) -> Changes:
        return cls(**{concern.name.lower(): True for concern in kinds}, record_ids=record_ids)

    @classmethod
    def everything(cls) -> Changes:
        """After opening another archive or an import: every view reloads."""
        return cls.of(EVERYTHING)


class ChangeHub(QObject):
    """The one place changes are announced (Anki's ``operation_did_execute``). Emitted on the GUI thread."""

    changed = Signal(object)  # Changes

    def announce(self, changes: Changes) -> None:
        self.changed.emit(changes)


def error_text(exc: BaseException) -> str:
    """What the user reads about a failure: our own errors rendered in the window's language,
    anything else in one line."""
    if isinstance(exc, ArchDeskError):
        return exc.render(current_language())
    from archdesk.services.failures import classify  # a full disk, a locked or damaged archive …

    known = classify(exc)
    if known is not None:
        return known.render(current_language())
    return QCoreApplication.translate("Ops", "Unexpected error: {kind}: {message}").format(
        kind=type(exc).__name__, message=exc
    )


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """The one error dialog of the application."""
    title = QCoreApplication.translate("Ops", "ArchDesk")
    QMessageBox.warning(parent, title, error_text(exc))


@dataclass
class _Job:
    id: int
    fn: Callable[[], Any]
    cancelled: threading.Event
    read_only: bool = False  # a query: may be interrupted inside SQLite once cancelled


class _Worker:
    """Runs jobs one after another on a plain Python thread that never touches Qt objects.

    Outcomes and progress go into ``reports``, a thread-safe queue the GUI thread drains (see
    ``Ops._drain``): no signal is emitted from this thread, and no Python reference to anything a
    job captured is dropped here. Releasing the last reference to a job's closure on this thread
    freed widgets' wrappers off the GUI thread and crashed the process now and then (SIGSEGV or
    SIGBUS in unrelated places, about one run in four of the list-export tests).
    """

    def __init__(self) -> None:
        self.jobs: queue.PriorityQueue[tuple[int, int, _Job | None]] = queue.PriorityQueue()
        self.reports: queue.SimpleQueue[tuple[str, int, Any, Any]] = queue.SimpleQueue()  # kind, op id, …
        # One byte on this socket pair wakes the GUI thread's event loop (a QSocketNotifier there):
        # a plain OS write, no Qt call from this thread.
        self.wake_reader, self._wake_writer = socket.socketpair()
        self.wake_reader.setblocking(False)
        self._wake_writer.setblocking(False)  # a full buffer means a wake-up is pending already
        self.thread = threading.Thread(target=self.run, name="ArchDeskDatabaseWorker", daemon=True)
        self.current: _Job | None = None  # the job running now (read by the interrupt check, any thread)
        #: Held to change ``current`` and to interrupt it: an interrupt meant for one job never reaches the next.
        self.lock = threading.Lock()

    def run(self) -> None:
        while True:
            job = self.jobs.get()[2]
            if job is None:
                return
            if job.cancelled.is_set():  # superseded before it started: dropped, never run
                outcome: tuple[Any, BaseException | None] = (None, Cancelled())
            else:
                with self.lock:
                    self.current = job
                try:
                    outcome = (job.fn(), None)
                except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
                    outcome = (None, exc)
                finally:
                    with self.lock:
                        self.current = None
            # The job (its closure holds widgets and callbacks) and its outcome go back whole, and this
            # thread keeps no reference: whatever they hold is released on the GUI thread, never here.
            self.reports.put(("finished", job.id, job, outcome))
            del job, outcome
            self._wake()

    def interrupting(self) -> bool:
        """Should the statement about to start stop? Only for a cancelled query (called by the
        database before each statement on this thread; never true while a mutate runs)."""
        job = self.current
        if job is None or not job.read_only or not job.cancelled.is_set():
            return False
        return threading.current_thread() is self.thread  # never another thread's statement

    def progressed(self, job_id: int, done: int, total: int) -> None:
        self.reports.put(("progress", job_id, done, total))
        self._wake()

    def _wake(self) -> None:
        try:
            self._wake_writer.send(b"!")
        except (BlockingIOError, OSError):  # the GUI has a wake-up pending already, or is gone
            pass

    def close(self) -> None:
        self._wake_writer.close()
        self.wake_reader.close()


@dataclass
class _Pending:
    parent: QWidget | None
    success: Callable[[Any], None] | None
    failure: Callable[[BaseException], bool] | None
    changes: Changes | Callable[[Any], Changes] | None
    dialog: QProgressDialog | None
    job: _Job


class Ops(QObject):
    """The application's background runner over one open archive. Create it on the GUI thread."""

    #: Emitted on the GUI thread when no op is waiting or running (tests wait for it).
    idle = Signal()

    def __init__(self, db: Database, hub: ChangeHub | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.hub = hub or ChangeHub(self)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._worker = _Worker()
        db.interrupt_reads_when(self._worker.interrupting)
        self._notifier = QSocketNotifier(self._worker.wake_reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._worker.thread.start()
        app = QCoreApplication.instance()
        if app is not None:  # a worker still running when Qt tears down would abort the process
            app.aboutToQuit.connect(self.shutdown)

    # -- public API -------------------------------------------------------------------------------

    def query(
        self,
        parent: QWidget | None,
        op: Callable[..., Any],
        success: Callable[[Any], None] | None = None,
        *,
        failure: Callable[[BaseException], bool] | None = None,
        progress_label: str | None = None,
        priority: int = NORMAL,
    ) -> int:
        """Read-only work (Anki's QueryOp). ``failure(exc)`` may return True when it showed the error itself."""
        return self._submit(parent, op, success, failure, None, progress_label, priority, read_only=True)

    def mutate(
        self,
        parent: QWidget | None,
        op: Callable[..., Any],
        *,
        changes: Changes | Callable[[Any], Changes],
        success: Callable[[Any], None] | None = None,
        failure: Callable[[BaseException], bool] | None = None,
        progress_label: str | None = None,
    ) -> int:
        """A change (Anki's CollectionOp): after success, ``changes`` (or ``changes(result)``) is announced."""
        return self._submit(parent, op, success, failure, changes, progress_label, NORMAL)

    def cancel(self, op_id: int) -> None:
        """Drop an op: not run if it has not started; a running query is interrupted inside SQLite, a
        running mutate stops at its next progress call (rolling back). Its callbacks are not called."""
        pending = self._pending.get(op_id)
        if pending is None:
            return
        job = pending.job
        job.cancelled.set()
        pending.success = None
        if job.read_only:
            with self._worker.lock:  # the worker cannot move on to another job meanwhile
                if self._worker.current is job:
                    self.db.interrupt_read_on(self._worker.thread.ident)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def shutdown(self) -> None:
        """Finish the running op and stop the worker (on closing the window). Safe to call twice."""
        if not self._worker.thread.is_alive():
            return
        for pending in self._pending.values():
            pending.job.cancelled.set()
        self._worker.jobs.put((-1, 0, None))
        self._worker.thread.join()
        self._notifier.setEnabled(False)
        self._worker.close()

    # -- inside -----------------------------------------------------------------------------------

    def _submit(self, parent, op, success, failure, changes, progress_label, priority, *, read_only=False) -> int:  # noqa: ANN001
        op_id = next(self._ids)
        cancelled = threading.Event()
        dialog = None
        if progress_label is not None:
            dialog = QProgressDialog(progress_label, QCoreApplication.translate("Ops", "Cancel"), 0, 0, parent)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(400)
            dialog.canceled.connect(cancelled.set)

            def progress(done: int, total: int) -> bool:
                self._worker.progressed(op_id, done, total)
                return not cancelled.is_set()

            def fn() -> Any:
                return op(self.db, progress)
        else:

            def fn() -> Any:
                return op(self.db)

        job = _Job(op_id, fn, cancelled, read_only)
        self._pending[op_id] = _Pending(parent, success, failure, changes, dialog, job)
        self._worker.jobs.put((priority, op_id, job))
        return op_id

    def _drain(self) -> None:
        """On the GUI thread, woken by the worker: hand its reports to their callbacks."""
        try:
            while self._worker.wake_reader.recv(4096):
                pass
        except (BlockingIOError, OSError):
            pass
        while True:
            try:
                kind, op_id, first, second = self._worker.reports.get_nowait()
            except queue.Empty:
                break
            if kind == "progress":
                self._progressed(op_id, first, second)
            else:
                result, error = second
                self._finished(op_id, result, error)
                del first, second, result, error  # the job and its outcome are released here

    def _progressed(self, op_id: int, done: int, total: int) -> None:
        pending = self._pending.get(op_id)
        if pending is not None and pending.dialog is not None and not pending.dialog.wasCanceled():
            pending.dialog.setMaximum(max(total, 0))
            pending.dialog.setValue(min(done, total))

    def _finished(self, op_id: int, result: Any, error: BaseException | None) -> None:
        pending = self._pending.pop(op_id, None)
        if pending is None:
            return
        if pending.dialog is not None:
            pending.dialog.reset()
            pending.dialog.deleteLater()
        if pending.parent is not None and not shiboken6.isValid(pending.parent):
            pending.success = pending.failure = None  # the widget that asked has been closed meanwhile
            pending.parent = None
        try:
            if error is not None:
                self._failed(pending, error)
            else:
                if pending.changes is not None:
                    changes = pending.changes(result) if callable(pending.changes) else pending.changes
                    self.hub.announce(changes)
                if pending.success is not None:
                    pending.success(result)
        finally:
            if not self._pending:
                self.idle.emit()

    def _failed(self, pending: _Pending, error: BaseException) -> None:
        if isinstance(error, Cancelled) or pending.job.cancelled.is_set() and isinstance(error, ArchDeskError):
            return  # the user asked for it; nothing was kept
        if pending.job.cancelled.is_set() and pending.job.read_only:
            return  # a superseded query stopped by the interrupt (SQLite's "interrupted"): nobody waits for it
        if not isinstance(error, ArchDeskError):
            from archdesk.services.failures import classify

            known = classify(error, self.db.file or "")  # a full disk, a locked or damaged archive: by kind
            if known is None:
                log.error("background op failed", exc_info=error)  # the traceback goes to the log, not to the user
            else:
                error = known
        if pending.failure is not None and pending.failure(error):
            return
        show_error(pending.parent, error)
