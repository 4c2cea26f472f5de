"""Edits the disk refused (read-only folder, full disk, USB stick pulled out) are kept and retried.

A write that fails with such an error is held (gui/editing/pending_writes.py) instead of being
dropped: the window says so in a bar that does not block work, and the held writes are tried
again, in order, every few seconds and before the next edit. Closing the window with writes still
held asks first.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
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

from gui.editing.pending_writes import PendingWrites
from gui.errors import error_text


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
