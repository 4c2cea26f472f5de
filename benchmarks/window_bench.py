"""Issue 14's window polish on a plan of 5,000 tasks: what the column sizing and the due notice
cost after the first paint, as a ratio to loading the tree model (the machine's speed cancels out).

    .venv/bin/python benchmarks/run.py "after first paint"
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def _median_ms(step: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        step()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def bench_after_first_paint(row: Callable[[str, str, str, bool], None]) -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from benchmarks.data import synthetic_plan
    from core.service.facade import PlanService
    from gui.app.launch import make_app
    from gui.window.due_notice import count_due
    from gui.window.main_window import MainWindow

    app = make_app("zh_CN")
    with tempfile.TemporaryDirectory() as tmp:
        svc = PlanService(Path(tmp) / "big.sqlite3")
        plan_id = svc.import_plan(synthetic_plan(2026, 5000)).plan_id
        window = MainWindow(svc, QSettings(str(Path(tmp) / "w.ini"), QSettings.Format.IniFormat))
        window.resize(1280, 800)
        window.show()
        for _ in range(20):
            QApplication.processEvents()
        load = _median_ms(lambda: window.model.load(plan_id))
        measure = _median_ms(window.column_sizer.measure)
        today = svc.today()
        notice = _median_ms(lambda: count_due(window.model.items(), today))
        window.close()
        svc.close()
    del app
    row("column widths measured / tree model load", f"{measure / load:.2f}×", "≤ 0.5×", measure <= 0.5 * load)
    row("  (column widths measured, 5,000 tasks)", f"{measure:.1f} ms", "", True)
    row("due notice counted / tree model load", f"{notice / load:.2f}×", "≤ 0.1×", notice <= 0.1 * load)
