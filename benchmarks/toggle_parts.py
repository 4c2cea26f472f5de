"""Where a status key goes in the window: the service, the Change reaching each view, the repaint.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/toggle_parts.py

The same toggles as benchmarks/run.py's bench_window_toggle (80 status keys on a plan of 500 tasks,
each once the selection has settled), with the service call, each receiver of EditContext.changed and
the repaint that follows timed on their own; medians in ms. The parts are timed by wrapping them, so
their sum is a little above the benchmark's own figure.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.data import build_database  # noqa: E402
from benchmarks.run import status_keys  # noqa: E402

RECEIVERS = (  # (module, class, method): what a status key's Change reaches
    ("gui.tree.plan_tree_model", "PlanTreeModel", "apply_change"),
    ("gui.window.detail_panel", "DetailPanel", "on_change"),
    ("gui.window.main_window", "MainWindow", "_changed"),
    ("gui.editing.tracking_actions", "TrackingActions", "_update_actions"),
    ("gui.tree.filter_proxy", "TaskFilterProxy", "_source_changed"),
    ("gui.window.overview_wiring", "OverviewWiring", "_changed"),
    ("gui.window.entries_panel", "EntriesPanel", "_changed"),
    ("gui.window.evidence_panel", "EvidencePanel", "_changed"),
    ("gui.tree.filtering", "TreeFiltering", "_changed"),
)


def _timed(spent: dict[str, float], cls: type, name: str, label: str) -> None:
    """Wrap cls.name (before any instance connects it) so each call adds its time to spent[label]."""
    real = getattr(cls, name)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent[label] += (time.perf_counter() - started) * 1000

    setattr(cls, name, wrapper)


def main() -> int:
    import importlib
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    spent: dict[str, float] = defaultdict(float)
    for module, cls, name in RECEIVERS:
        _timed(spent, getattr(importlib.import_module(module), cls), name, f"  {cls}.{name}")
    from core.service.facade import PlanService

    _timed(spent, PlanService, "set_statuses", "the service (PlanService.set_statuses, its commit)")
    from PySide6.QtWidgets import QApplication

    from gui.app.launch import make_app

    app = make_app("zh_CN")
    rows: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        db = build_database(Path(tmp) / "bench.sqlite3", plans=10, tasks=500)
        for press in status_keys(db, Path(tmp)):
            spent.clear()
            t0 = time.perf_counter()
            press()
            t1 = time.perf_counter()
            QApplication.processEvents()
            t2 = time.perf_counter()
            rows["status key, all of it"].append((t2 - t0) * 1000)
            rows["the key's action: undo command, service, every view (before the repaint)"].append((t1 - t0) * 1000)
            rows["the repaint (processEvents)"].append((t2 - t1) * 1000)
            for label, ms in spent.items():
                rows[label].append(ms)
    del app
    for label, values in sorted(rows.items(), key=lambda kv: -statistics.median(kv[1])):
        print(f"{label:<76} {statistics.median(values):6.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
