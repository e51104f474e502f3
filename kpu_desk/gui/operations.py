"""Long work off the UI thread: an Operation runs a callable on a pool thread and reports back.

    op = Operation(lambda progress: fill(progress=progress), parent=self)
    op.progressed.connect(bar.set)          # (done, total), on the UI thread
    op.succeeded.connect(self.show_result)  # the callable's return value
    op.failed.connect(self.show_problem)    # a message in Bahasa Indonesia
    op.start()                              # op.cancel() asks it to stop

The callable gets a Progress: calling progress(done, total) reports, and raises
Cancelled once the user has cancelled, so work that reports often stops soon
(and a write transaction around it rolls back). peewee gives each thread its
own connection, so the worker opens one on first use and it is closed when the
work ends. Signals always arrive on the UI thread: the worker emits on a
helper object and the Operation, which lives on the UI thread, re-emits.
"""

from __future__ import annotations

import logging
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from kpu_desk.engine.errors import EngineError
from kpu_desk.output_files import unwritable_reason
from kpu_desk.store import models
from kpu_desk.store.dbutil import is_driver_error, translate
from kpu_desk.store.errors import StoreError

log = logging.getLogger(__name__)
# The errors the core words for the clerk (Bahasa Indonesia), shown as they are; pages catch these.
CORE_ERRORS = (StoreError, EngineError)
_running: set["Operation"] = set()  # keeps an operation alive until its worker is done


class Cancelled(Exception):
    """The user cancelled the operation; not an error."""


class Progress:
    def __init__(self, report: Callable[[int, int], None], stop: threading.Event):
        self._report, self._stop = report, stop

    def __call__(self, done: int, total: int) -> None:
        self.check()
        self._report(done, total)

    def check(self) -> None:
        if self._stop.is_set():
            raise Cancelled()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()


class _WorkerSignals(QObject):
    progressed = Signal(int, int)
    done = Signal(object, object)  # result, exception


class _Worker(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _WorkerSignals, stop: threading.Event):
        super().__init__()
        self.setAutoDelete(True)
        self._work, self._signals, self._stop = work, signals, stop

    def run(self) -> None:
        result, error = None, None
        try:
            result = self._work(Progress(self._signals.progressed.emit, self._stop))
        except BaseException as exc:  # noqa: BLE001  (reported on the UI thread, never lost)
            error = exc
            if not isinstance(exc, (Cancelled, *CORE_ERRORS)):
                log.error("operation failed:\n%s", "".join(traceback.format_exception(exc)))
        finally:
            _close_thread_connection()
        self._signals.done.emit(result, error)


class Operation(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._work = work
        self._stop = threading.Event()
        self._signals: _WorkerSignals | None = None
        self.running = False

    def start(self) -> "Operation":
        self._signals = _WorkerSignals()
        self._signals.progressed.connect(self._on_progress)
        self._signals.done.connect(self._on_done)
        self.running = True
        _running.add(self)
        QThreadPool.globalInstance().start(_Worker(self._work, self._signals, self._stop))
        return self

    def cancel(self) -> None:
        self._stop.set()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if not self._stop.is_set():
            self.progressed.emit(done, total)

    @Slot(object, object)
    def _on_done(self, result: Any, error: BaseException | None) -> None:
        self.running = False
        _running.discard(self)
        if isinstance(error, Cancelled):
            self.cancelled.emit()
        elif error is not None:
            self.failed.emit(problem_text(error))
        else:
            self.succeeded.emit(result)
        self.finished.emit()


def problem_text(error: BaseException) -> str:
    """What to tell the clerk about an error: our own messages as they are, the rest plainly."""
    if isinstance(error, CORE_ERRORS):
        return str(error)
    if is_driver_error(error):
        return str(translate(error, models.database.obj))
    if isinstance(error, OSError):
        return QCoreApplication.translate("Operation", "Berkas tidak dapat dibaca atau ditulis: {0}").format(
            unwritable_reason(error))
    return QCoreApplication.translate("Operation", "Terjadi kesalahan yang tidak terduga: {0}").format(error)


def cancel_all(wait_ms: int = 10000) -> bool:
    """Ask every running operation to stop and wait for the workers (when the application closes)."""
    for operation in list(_running):
        operation.cancel()
    return QThreadPool.globalInstance().waitForDone(wait_ms)


def _close_thread_connection() -> None:
    db = models.database.obj
    if db is None or db.is_closed():
        return
    try:
        db.close()  # this thread's connection only: peewee keeps one per thread
    except Exception:  # noqa: BLE001  (a broken connection is gone either way)
        log.warning("closing a worker's database connection failed", exc_info=True)
