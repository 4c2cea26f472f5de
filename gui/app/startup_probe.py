"""Start-up timing, the same from source and from the frozen bundle (benchmarks/run.py reads it).

With TAIZHANG_STARTUP_PROBE=<epoch seconds at launch> in the environment, the window prints the
seconds to its first paint and to the first paint of the tree's viewport once the plan's rows are
in the model, then, once the checks owed after that paint are done, the peak RSS in kB; and quits.
Without it, nothing is installed.
"""

from __future__ import annotations

import os
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer

ENV = "TAIZHANG_STARTUP_PROBE"


def peak_rss_kb() -> int:
    """The process's peak resident set so far (VmHWM where /proc has it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux; the fallback elsewhere


class _Marks(QObject):
    def __init__(self, app, window, t0: float) -> None:
        super().__init__(window)
        self.app, self.window, self.t0 = app, window, t0
        self.marks: list[float] = []
        app.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            if not self.marks:
                self.marks.append(time.time() - self.t0)
            if watched is self.window.tree.viewport() and self.window.model.rowCount() > 0:
                self.marks.append(time.time() - self.t0)
                self.app.removeEventFilter(self)
                checks = self.window.opening_checks
                if checks.pending:
                    checks.finished.connect(lambda _err: QTimer.singleShot(0, self._report))
                else:
                    QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        if sys.stdout is not None:
            print(" ".join(f"{m:.4f}" for m in self.marks), peak_rss_kb(), flush=True)
        self.app.quit()


def install_if_asked(app, window) -> None:
    """Time this start-up if the benchmark asked for it (see the module docstring)."""
    t0 = os.environ.get(ENV)
    if t0:
        _Marks(app, window, float(t0))
