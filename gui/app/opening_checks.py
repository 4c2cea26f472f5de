"""The checks the window's database owes before its first write, run after the first paint.

The window opens its database without the full integrity check (core/service/opening.py), so
the clerk's tree paints about as soon as a bare Qt window would. Right after that paint this
runs the check and the daily backup on a worker thread; a write the clerk makes meanwhile waits
for the check in the service. A file the check finds damaged goes the way a damaged file goes at
start-up: the database is closed and the recovery dialog offers its backups.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer, Signal

from core.errors import StoreError


class AfterFirstPaint(QObject):
    """Runs `then` in the event-loop turn after the first paint of any of `widgets` (start-up work
    that can wait). Several are watched because a widget covered by opaque children may never be
    sent a paint event of its own; the first of them that paints is the window's first frame."""

    def __init__(self, owner, then: Callable[[], None], *widgets) -> None:
        super().__init__(owner)
        self.then = then
        self.widgets = list(widgets) or [owner]
        for widget in self.widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.widgets:
            for widget in self.widgets:
                widget.removeEventFilter(self)
            self.widgets = []
            QTimer.singleShot(0, self.then)
        return False


class OpeningChecks(QObject):
    """Owned by the main window; `finished` carries None, or the StoreError that closed the file."""

    finished = Signal(object)
    _result = Signal(object, object)  # from the worker thread: the service it checked, its outcome

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.reported = False
        self._result.connect(self._done)
        window.soon(self.start)  # in the turn after the first paint

    @property
    def pending(self) -> bool:
        """`finished` is still to come (the service may not even be open yet)."""
        return not self.reported

    def start(self) -> None:
        """Check the window's database on the worker thread, unless nothing is owed."""
        service = self.window.service
        if service is None or service.opening.done:
            self._report(None if service is None else service.opening.error)
            return
        self.pool.start(lambda: self._run(service))

    def _run(self, service) -> None:  # on the worker thread
        try:
            outcome = service.finish_opening()
        except Exception as exc:  # a bug: raised again on the GUI thread, where the crash dialog shows it
            outcome = exc
        try:
            self._result.emit(service, outcome)
        except RuntimeError:  # the window was closed meanwhile: nobody to tell
            pass

    def _done(self, service, outcome) -> None:
        if service is not self.window.service:
            return  # another database was opened meanwhile
        if isinstance(outcome, BaseException) and not isinstance(outcome, StoreError):
            raise outcome
        if outcome is None:
            self.window.upkeep.show_warnings()  # today's backup could not be written, say
        self._report(outcome)

    def _report(self, outcome) -> None:
        self.reported = True
        self.finished.emit(outcome)

    def wait(self) -> None:
        """Until the worker has ended (before the service closes, at exit)."""
        self.pool.waitForDone()
