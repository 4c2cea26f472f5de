"""Reading and parsing a plan off the GUI thread, so a large file never freezes the window.

A ParseJob runs on QThreadPool in stages (read the file, recognise the plan, check it) and
reports each stage, then a ParseOutcome or a typed error. Cancel is cooperative: the job stops
at the next stage boundary, and a cancelled job's result is never delivered.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from core.errors import TaizhangError
from core.parse.checks import ImportWarning
from core.parse.source import PlanSource, SourcedPlan

READ, PARSE, CHECK = range(3)
STAGES = 3


@dataclass
class ParseOutcome(SourcedPlan):
    """A parsed plan, where it came from and its hash (core's parse_source), and what the checks found."""

    warnings: list[ImportWarning] = field(default_factory=list)


class Cancelled(Exception):
    """Raised inside a long read (OCR of a scan) once the clerk has pressed Stop."""


class WorkerCrash(Exception):
    """A bug inside a worker thread, re-raised on the GUI thread so the crash dialog shows it."""


class JobSignals(QObject):
    """A QRunnable cannot emit; this QObject (living on the GUI thread) emits for it."""

    progress = Signal(int, int)  # stage, number of stages
    pages = Signal(int, int)  # scans: pages recognised so far, pages in all
    finished = Signal(object)  # ParseOutcome
    failed = Signal(object)  # TaizhangError
    crashed = Signal(str)  # traceback of a bug


class ParseJob(QRunnable):
    """Read, parse and check one source on a pool thread."""

    def __init__(self, source: PlanSource) -> None:
        super().__init__()
        self.source = source
        self.signals = JobSignals()
        self.cancelled = False

    def start(self, pool: QThreadPool | None = None) -> None:
        """Run on `pool` (the global one by default); connect to `signals` before calling this."""
        (pool or QThreadPool.globalInstance()).start(self)

    def cancel(self) -> None:
        self.cancelled = True

    def run(self) -> None:
        try:
            outcome = self._work()
        except Cancelled:
            return
        except TaizhangError as err:
            if not self.cancelled:
                self.signals.failed.emit(err)
            return
        except Exception:  # a bug: hand it to the GUI thread's crash handling
            if not self.cancelled:
                self.signals.crashed.emit(traceback.format_exc())
            return
        if outcome is not None and not self.cancelled:
            self.signals.finished.emit(outcome)

    def _page(self, done: int, total: int) -> None:
        """A scan's page is about to be recognised (about 10 s each): report it, or stop here."""
        if self.cancelled:
            raise Cancelled
        self.signals.pages.emit(done, total)

    def _stage(self, stage: int) -> bool:
        """Announce a stage; False once the job was cancelled."""
        if self.cancelled:
            return False
        self.signals.progress.emit(stage, STAGES)
        return True

    def _parsing(self) -> None:
        """Reading is done: announce parsing, or stop here if the clerk has pressed Stop."""
        if not self._stage(PARSE):
            raise Cancelled

    def _work(self) -> ParseOutcome | None:
        from core.parse.checks import check_plan
        from core.parse.source import parse_source

        if not self._stage(READ):
            return None
        read = parse_source(self.source, parsing=self._parsing, on_page=self._page)
        if not self._stage(CHECK):
            return None
        return ParseOutcome(read.plan, read.source, read.sha256, warnings=check_plan(read.plan))
