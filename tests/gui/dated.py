"""The main window on its own database as of a fixed day, for tests of what the day decides
(overdue, due soon, the due notice)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def window_on(qtbot, db_path: Path, settings, day: dt.date) -> Iterator:
    """A shown MainWindow whose service thinks it is `day`; closed, then its service, on leaving."""
    from core.service.facade import PlanService
    from gui.window.main_window import MainWindow

    service = PlanService(db_path, today=lambda: day)
    window = MainWindow(service, settings)
    qtbot.addWidget(window)
    try:
        window.show()
        yield window
    finally:
        window.close()
        service.close()
