"""Edits the disk refused (read-only folder, full disk, USB stick pulled out) are kept and retried.

A write that fails with such an error is held here instead of being dropped: the window says so
in a bar that does not block work, and the held writes are tried again, in order, every few
seconds and before the next edit. Closing the window with writes still held asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import TaizhangError
from gui.errors import error_text

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
        self.ctx = ctx  # for ctx.service, which the window may attach after start-up
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

    def _reconnect(self) -> None:
        """After a vanished or refused file, connect afresh: a USB stick put back is a new device."""
        svc = self.ctx.service
        if self.error is None or self.error.code == "db_locked" or svc is None:
            return
        try:
            svc.reopen()
        except TaizhangError:
            pass


class RetryBar(QFrame):
    """A yellow bar above the window's content while writes are held; never a modal box."""

    def __init__(self, pending: PendingWrites, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pending = pending
        self.setObjectName("retry_bar")
        self.setStyleSheet("#retry_bar { background: #fff3cd; border-bottom: 1px solid #e0c060; }"
                           "#retry_bar QLabel { color: #5c4400; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Retry now"))
        self.button.clicked.connect(lambda: pending.retry())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        pending.changed.connect(self.update_text)
        self.update_text()

    def update_text(self) -> None:
        count = len(self.pending.entries)
        self.setVisible(count > 0)
        if count:
            reason = error_text(self.pending.error) if self.pending.error else ""
            self.label.setText(self.tr("Could not save: %1\nYour %n change(s) are kept and will be saved "
                                       "automatically once this is fixed.", "", count).replace("%1", reason))


class CloseGuard(QObject):
    """Asks before the window closes with writes still held (closing would lose them)."""

    def __init__(self, window: QMainWindow, pending: PendingWrites) -> None:
        super().__init__(window)
        self.window, self.pending = window, pending

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            panel = getattr(self.window, "panel", None)
            if panel is not None:
                panel.flush_note()  # a note typed just now joins the queue
            if not self.pending.retry() and not self._close_anyway():
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def _close_anyway(self) -> bool:
        count = len(self.pending.entries)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Changes not saved"),
                          self.tr("%n change(s) could not be saved yet: %1\n\nIf you close the window now, "
                                  "they are lost. Fix the problem (for example put the USB stick back) and "
                                  "they are saved automatically.", "", count)
                          .replace("%1", error_text(self.pending.error) if self.pending.error else ""),
                          parent=self.window)
        wait = box.addButton(self.tr("Keep the window open"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(self.tr("Close and lose them"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(wait)
        box.exec()
        return box.clickedButton() is not wait


def install_retry_bar(window: QMainWindow, pending: PendingWrites) -> RetryBar:
    """Put the bar above the window's central widget and guard closing; returns the bar."""
    content = window.takeCentralWidget()
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    bar = RetryBar(pending, holder)
    layout.addWidget(bar)
    layout.addWidget(content, 1)
    window.setCentralWidget(holder)
    window.installEventFilter(CloseGuard(window, pending))
    return bar
