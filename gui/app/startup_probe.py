"""Start-up timing, the same from source and from the frozen bundle (benchmarks/run.py reads it).

With TAIZHANG_STARTUP_PROBE=<epoch seconds at launch> in the environment, the window prints the
seconds to its first paint and to the first paint of the tree holding a plan, then quits.
Without it, nothing is installed.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer

ENV = "TAIZHANG_STARTUP_PROBE"


class _Marks(QObject):
    def __init__(self, app, window, t0: float) -> None:
        super().__init__(window)
        self.app, self.window, self.t0 = app, window, t0
        self.marks: list[float] = []
        window.plan_shown.connect(self._plan_shown)
        app.installEventFilter(self)

    def _plan_shown(self, plan_id) -> None:
        if plan_id is not None and len(self.marks) == 1:
            self.marks.append(time.time() - self.t0)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            if not self.marks:
                self.marks.append(time.time() - self.t0)
            elif len(self.marks) == 2 and watched is self.window.tree.viewport():
                self.marks.append(time.time() - self.t0)
                if sys.stdout is not None:
                    print(" ".join(f"{m:.4f}" for m in self.marks), flush=True)
                self.app.removeEventFilter(self)
                QTimer.singleShot(0, self.app.quit)
        return False


def install_if_asked(app, window) -> None:
    """Time this start-up if the benchmark asked for it (see the module docstring)."""
    t0 = os.environ.get(ENV)
    if t0:
        _Marks(app, window, float(t0))
