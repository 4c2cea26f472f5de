"""Quiet care of the open database: the idle checkpoint, and start-up warnings in the status bar.

The checkpoint runs from a timer, never inside an edit, so ticking a task stays as fast as the
commit itself; within two seconds of the last action the main file holds every saved edit, so a
copy of taizhang.sqlite3 alone is complete.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

from gui.errors import error_text

IDLE_SECONDS = 1.0  # no write for this long counts as idle
POLL_MS = 500  # so the checkpoint follows the last write within IDLE_SECONDS + POLL_MS ≤ 2 s


class StoreUpkeep(QObject):
    """Owned by the main window; `watch(service)` once the database is open."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.service = None
        self.warning = QLabel()
        self.warning.setStyleSheet("color: #a15c00;")
        self.warning.setWordWrap(False)
        self.warning.hide()
        window.statusBar().addWidget(self.warning)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.tick)

    def watch(self, service) -> None:
        self.service = service
        self.show_warnings()
        self.timer.start()

    def show_warnings(self) -> None:
        """The service's warnings so far (the backup after the first paint may add one)."""
        texts = [error_text(w) for w in self.service.warnings]
        if texts:  # e.g. today's backup could not be written: said once, the database is open anyway
            self.warning.setText(self.tr("Warning: %1 (the database is open as usual)").replace("%1", texts[0]))
            self.warning.setToolTip("\n".join(texts))
            self.warning.show()

    def tick(self) -> bool:
        """Checkpoint if the last write is IDLE_SECONDS old; True when one completed."""
        return self.service is not None and self.service.checkpoint_if_idle(IDLE_SECONDS)
