"""The writes the disk refused (read-only folder, full disk, USB stick pulled out), held in order
and tried again every few seconds and before the next edit, instead of being dropped.

Every edit goes through it (gui/editing/commands.py), so it is part of the window's first paint;
the bar that tells the clerk about held writes is gui/window/retry.py, built after that paint.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from core.errors import TaizhangError

# Failures that say "not now" rather than "never": the same write can succeed once they pass.
TRANSIENT = frozenset({"db_readonly", "db_write_failed", "db_locked", "db_missing", "db_full", "db_io_error"})
RETRY_MS = 4000


@dataclass
class _Held:
    call: Callable[[], Any]
    key: tuple | None  # writes of one absolute value (a note) replace each other
    value: object = None


class PendingWrites(QObject):
    """The writes waiting for the disk to come back, oldest first."""

    changed = Signal()  # something was held, saved or dropped
    saved = Signal(object)  # the Change of a held write that went through
    dropped = Signal(object)  # a held write failed for good (TaizhangError), e.g. its task was deleted

    def __init__(self, ctx, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # for ctx.service, which the window may attach after start-up; weakly, as the context owns
        # this object (a cycle through Qt the collector may tear down in the wrong order)
        self._ctx = weakref.ref(ctx)
        self.entries: list[_Held] = []
        self.error: TaizhangError | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self.retry)

    def write(self, call: Callable[[], Any], key: tuple | None = None, value: object = None):
        """Run one write and return its result; None when it is held for retrying.

        Errors that retrying cannot cure are raised as before.
        """
        if self.entries and not self.retry():
            self._hold(_Held(call, key, value))  # stay in order behind the writes still waiting
            return None
        try:
            return call()
        except TaizhangError as err:
            if err.code not in TRANSIENT:
                raise
            self.error = err
            self._hold(_Held(call, key, value))
            return None

    def retry(self) -> bool:
        """Try the held writes in order, stopping at the first the disk still refuses. True when none is left."""
        if not self.entries:
            return True
        svc = self._service()
        if svc is not None and svc.closed:
            # the window's file is closed (the window is going): a held write run now would land in
            # whatever database the process has open by then, never in this one
            self.timer.stop()
            return False
        self._reconnect()
        while self.entries:
            held = self.entries[0]
            try:
                change = held.call()
            except TaizhangError as err:
                if err.code in TRANSIENT:
                    self.error = err
                    self.changed.emit()
                    return False
                self.entries.pop(0)
                self.dropped.emit(err)
                continue
            self.entries.pop(0)
            self.saved.emit(change)
        self.timer.stop()
        self.error = None
        self.changed.emit()
        return True

    def note(self, node_id: int) -> str | None:
        """The note typed for `node_id` that is still waiting to be saved, if any."""
        for held in reversed(self.entries):
            if held.key == ("note", node_id):
                return held.value
        return None

    def _hold(self, held: _Held) -> None:
        if held.key is not None:
            self.entries = [e for e in self.entries if e.key != held.key]
        self.entries.append(held)
        if not self.timer.isActive():
            self.timer.start()
        self.changed.emit()

    def _service(self):
        ctx = self._ctx()
        return ctx.service if ctx is not None else None

    def _reconnect(self) -> None:
        """After a vanished or refused file, connect afresh: a USB stick put back is a new device."""
        svc = self._service()
        if self.error is None or self.error.code == "db_locked" or svc is None:
            return
        try:
            svc.reopen()
        except TaizhangError:
            pass
