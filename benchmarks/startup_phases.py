"""Where start-up goes: each stage from process start to the painted tree, as the window runs them.

    .venv/bin/python benchmarks/startup_phases.py [--runs 8]

Each run is a fresh process on a database of 10 plans × 500 tasks that marks the time after each
stage as main.py and gui/app/launch.py run them (importing PySide6, main.py's window path, the launcher; the application object;
the first look read without peewee; the window's modules; building and filling the window; showing it;
its first tree paint), then times what follows the paint (peewee and the service); the table gives
the fastest and the median run of each stage, the fastest being the fairest on a shared machine.
The bare QTreeView window of benchmarks/run.py is the reference line at the bottom.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.data import build_database  # noqa: E402
from benchmarks.run import BARE_SNIPPET, _bench_env, _translations_built  # noqa: E402

PHASES = r"""
import sys, time, datetime
T0 = time.perf_counter()
marks = []
def mark(name):
    marks.append((name, time.perf_counter()))
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication
mark("import PySide6")
import core.paths  # all main.py loads to start the window (window_only; the command line is not imported)
mark("main.py's window path")
from gui.app.launch import make_app
mark("import the launcher (and Qt's namespace)")
app = make_app("zh_CN")
mark("application, translations, font, icon")
from core.service.first_look import first_look
mark("import the first look (records, tree reader)")
look = first_look(sys.argv[1], datetime.date.today())
mark("read the first look (no peewee, no check)")
from gui.window.main_window import MainWindow
mark("import the window's modules")
window = MainWindow(None, QSettings(sys.argv[2], QSettings.Format.IniFormat), deferred=True)
mark("build the window (its menus follow the paint)")
window.show_first_look(look)
mark("fill it: plan list, model, expand")
window.show()
mark("show")
class Paint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is window.tree.viewport():
            mark("first paint of the tree")
            app.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
paint = Paint()
app.installEventFilter(paint)
app.exec()
t = time.perf_counter()
from core.service.facade import PlanService
service = PlanService(sys.argv[1], check_later=True)
after = time.perf_counter() - t
service.close()
last = T0
for name, at in marks:
    print(f"{(at - last) * 1000:.2f}\t{name}")
    last = at
print(f"{after * 1000:.2f}\t(after the paint) import peewee and open the service")
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=8)
    args = ap.parse_args(argv)
    _translations_built()
    stages: dict[str, list[float]] = {}
    bare: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = build_database(Path(tmp) / "bench.sqlite3", plans=10, tasks=500)
        ini = str(Path(tmp) / "window.ini")
        for run in range(args.runs + 1):  # the first run warms bytecode and font caches
            out = subprocess.run([sys.executable, "-c", PHASES, str(db), ini], capture_output=True, text=True,
                                 env=_bench_env(), cwd=ROOT, timeout=120).stdout
            base = subprocess.run([sys.executable, "-c", BARE_SNIPPET, repr(time.time())], capture_output=True,
                                  text=True, env=_bench_env(), cwd=ROOT, timeout=120).stdout
            if run == 0:
                continue
            for line in out.strip().splitlines():
                ms, name = line.split("\t")
                stages.setdefault(name, []).append(float(ms))
            bare.append(float(base.strip().splitlines()[-1]) * 1000)
    print(f"{'stage (after the interpreter started)':<46} {'fastest':>9} {'median':>9}")
    for name, times in stages.items():
        print(f"{name:<46} {min(times):>7.1f} ms {statistics.median(times):>6.1f} ms")
    total = [sum(t[i] for name, t in stages.items() if not name.startswith("(after")) for i in range(len(bare))]
    print(f"{'total to the painted tree':<46} {min(total):>7.1f} ms {statistics.median(total):>6.1f} ms")
    print(f"{'bare QTreeView window, process start to paint':<46} {min(bare):>7.1f} ms {statistics.median(bare):>6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
