"""Start-up as the clerk meets it: the tree with its rows in the first paint, the file's checks after it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLineEdit

from core.service.facade import PlanService
from core.store import backup
from gui.app.launch import start_window

ROOT = Path(__file__).resolve().parents[2]


def _with_plan(db_path: Path, sample_plan) -> int:
    svc = PlanService(db_path)
    plan_id = svc.import_plan(sample_plan, source_name="sample").plan_id
    svc.close()
    return plan_id


class _FirstTreePaint(QObject):
    """Whether the model held rows, and the file had been checked, when the tree first painted."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window, self.seen = window, None
        window.tree.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.seen is None:
            w = self.window
            self.seen = (w.model.rowCount(), w.service, hasattr(w, "tracking"), w.panel is not None,
                         w.filter_bar is not None)
        return False


def test_the_first_paint_shows_the_plans_rows_and_the_checks_follow_it(qtbot, db_path, settings, sample_plan):
    plan_id = _with_plan(db_path, sample_plan)
    window = start_window(db_path, settings)
    qtbot.addWidget(window)
    painted = _FirstTreePaint(window)
    assert window.model.plan_id == plan_id and len(window.model.task_ids()) == 15  # before any paint
    with qtbot.waitSignal(window.opening_checks.finished, timeout=10000) as checked:
        pass
    rows, service_then, overview_then, panel_then, bar_then = painted.seen
    assert rows > 0 and service_then is None and not overview_then  # the tree came first, read without peewee
    assert not panel_then and not bar_then  # the right side waits blank, the filter bar's space is kept
    assert checked.args == [None] and window.service.opening.passed
    assert window.tracking.overview.dashboard is not None  # built right after that paint
    assert window.right.currentWidget() is window.tracking.overview.dashboard
    assert [b.reason for b in backup.list_backups(db_path)] == ["daily"]  # made after it too
    window.opening_checks.wait()
    window.close()
    window.service.close()


def test_damage_found_after_the_first_paint_takes_the_recovery_path(qtbot, db_path, settings, sample_plan,
                                                                     monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from core.errors import StoreError
    from core.service import opening
    from gui.app import db_open

    _with_plan(db_path, sample_plan)
    svc = PlanService(db_path)
    saved = svc.backup_now()
    svc.close()
    asked = []

    def ask(path, err, backups, parent):
        asked.append(err.code)
        return db_open.Choice.RESTORE, saved

    monkeypatch.setattr(db_open, "_ask", ask)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: None))
    damaged = StoreError("db_damaged", path=str(db_path))
    # damage only the full check finds: opening reads the tree, the check after the paint refuses it
    monkeypatch.setattr(opening, "check_integrity", lambda p: (_ for _ in ()).throw(damaged))
    from core.store import db as store_db

    real_before = store_db.check_before_opening

    def refused_in_full(path, *, empty_is_new=True, integrity=True):
        real_before(path, empty_is_new=empty_is_new, integrity=False)
        if integrity and not asked:
            raise damaged

    monkeypatch.setattr(store_db, "check_before_opening", refused_in_full)
    checked_services = []
    real_finish = PlanService.finish_opening
    monkeypatch.setattr(PlanService, "finish_opening", lambda svc: (checked_services.append(svc), real_finish(svc))[1])
    window = start_window(db_path, settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.opening_checks.finished, timeout=10000) as checked:
        pass
    assert checked.args == [damaged] and asked == ["db_damaged"]
    first, = checked_services
    assert window.service is not first and window.service.opening.passed  # the restored copy, checked
    assert len(window.model.task_ids()) == 15
    assert list(db_path.parent.glob(f"{db_path.name}.damaged-*"))  # the damaged file is kept aside
    window.close()
    window.service.close()


def test_start_up_loads_no_reader_parser_or_export_before_the_tree_paints(db_path, sample_plan, tmp_path):
    _with_plan(db_path, sample_plan)
    script = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from gui.app.launch import make_app, start_window
app = make_app("zh_CN")
window = start_window(sys.argv[1], QSettings(sys.argv[2], QSettings.Format.IniFormat))
class Paint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and window.model.rowCount():
            print(json.dumps(sorted(sys.modules)), flush=True)
            app.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
paint = Paint()
window.tree.viewport().installEventFilter(paint)
app.exec()
window.opening_checks.wait()
if window.service is not None:
    window.service.close()
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", script, str(db_path), str(tmp_path / "w.ini")], capture_output=True,
                         text=True, env=env, cwd=ROOT, timeout=120)
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    heavy = ("playhouse", "lxml", "docx", "openpyxl", "opencc", "xlrd", "pypdf", "pdfplumber", "olefile", "peewee",
             "core.readers", "core.export", "core.collect", "core.parse.pipeline", "core.parse.structure",
             "core.service.facade", "core.store.tables")
    assert [m for m in loaded if m.split(".")[0] in heavy or m.startswith(heavy)] == []
    assert "gui.window.dashboard" not in loaded  # the overview is built after the paint, too
    assert {"gui.editing.tracking_actions", "gui.dialogs.collect_menu", "gui.window.due_notice"}.isdisjoint(loaded)
    # nor the parts that paint does not show: the task's details, the filter bar, the error dialogs
    assert {"gui.window.detail_panel", "gui.window.filter_bar", "gui.editing.tracking", "gui.window.welcome",
            "gui.errors", "gui.window.retry", "core.store.backup"}.isdisjoint(loaded)


def test_the_rows_stay_put_when_the_filter_bar_arrives_after_the_first_paint(qtbot, db_path, settings,
                                                                             sample_plan):
    """The first paint keeps the bar's space (the height it had at the last close): no jump."""
    from PySide6.QtCore import QPoint

    from gui.app import single_instance

    _with_plan(db_path, sample_plan)
    tops = []
    for _ in range(2):  # the first start measures the bar; the second uses what the first saved
        window = start_window(db_path, settings)
        qtbot.addWidget(window)
        seen = []

        class _Paint(QObject):
            def eventFilter(self, watched, event, w=window, seen=seen) -> bool:
                if event.type() == QEvent.Type.Paint and not seen:
                    seen.append((w.filter_bar is None, w.tree.mapTo(w, QPoint(0, 0)).y()))
                return False

        painted = _Paint(window)
        window.tree.viewport().installEventFilter(painted)
        with qtbot.waitSignal(window.opening_checks.finished, timeout=10000):
            pass
        qtbot.waitUntil(lambda w=window: w.filter_bar is not None and w.filter_bar.isVisible())
        QApplication.processEvents()
        tops.append((seen[0], window.tree.mapTo(window, QPoint(0, 0)).y()))
        window.opening_checks.wait()
        window.close()
        window.service.close()
        single_instance.release()
    (before_bar, top_then), top_after = tops[1]
    assert before_bar and top_then == top_after  # the paint came before the bar, and the tree did not move


def test_a_file_that_will_not_open_after_the_first_look_gets_dialogs_the_clerk_can_answer(
        qtbot, db_path, settings, sample_plan, monkeypatch):
    """The file changed in the moment after the first look (locked, replaced): the recovery dialogs
    come up with the clerk's clicks and keys no longer held back."""
    from gui.app import db_open, launch

    _with_plan(db_path, sample_plan)
    asked = []
    monkeypatch.setattr(launch, "_open_as_usual", lambda path: None)

    def recovery(parent, path, check_later=False):
        box = QLineEdit()  # a dialog's field: does a key reach it?
        qtbot.addWidget(box)
        box.show()
        qtbot.keyClicks(box, "y")
        asked.append(box.text())
        return PlanService(path, check_later=check_later)

    monkeypatch.setattr(db_open, "open_with_recovery", recovery)
    window = start_window(db_path, settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.service is not None, timeout=10000)
    assert asked == ["y"]
    window.opening_checks.wait()
    window.close()
    window.service.close()


def test_the_start_up_probe_times_the_painted_tree_of_main_py(db_path, sample_plan, tmp_path):
    _with_plan(db_path, sample_plan)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path),
               TAIZHANG_STARTUP_PROBE=repr(time.time()))
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db_path)], capture_output=True,
                         text=True, env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    first, tree, rss = out.stdout.split()
    assert 0 < float(first) <= float(tree) < 60 and int(rss) > 10_000
    assert [b.reason for b in backup.list_backups(db_path)] == ["daily"]  # the probe waited for the checks


def test_held_work_runs_after_whichever_watched_widget_paints_first(qtbot):
    from PySide6.QtWidgets import QWidget

    from gui.app.opening_checks import AfterFirstPaint

    owner, never_shown, shown = QWidget(), QWidget(), QWidget()
    for widget in (owner, never_shown, shown):
        qtbot.addWidget(widget)
    ran = []
    AfterFirstPaint(owner, lambda: ran.append("ran"), never_shown, shown)
    assert ran == []
    shown.show()
    qtbot.waitUntil(lambda: ran == ["ran"], timeout=5000)
    never_shown.show()  # a later paint of another watched widget runs nothing again
    qtbot.waitExposed(never_shown)
    never_shown.repaint()
    QApplication.processEvents()
    assert ran == ["ran"]


def test_clicks_and_keys_wait_for_the_service_behind_the_first_look(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from gui.app.launch import _InputHeld

    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    held = _InputHeld(QApplication.instance())
    qtbot.keyClicks(edit, "done")
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert edit.text() == ""  # dropped while the first look has no service behind it
    held.release()
    qtbot.keyClicks(edit, "done")
    assert edit.text() == "done"


def test_window_only_reads_just_the_windows_options():
    from main import window_only

    assert window_only([]) == (None, "zh_CN")
    assert window_only(["--db", "a.sqlite3"]) == (Path("a.sqlite3"), "zh_CN")
    assert window_only(["--db=a.sqlite3", "--lang", "en"]) == (Path("a.sqlite3"), "en")
    assert window_only(["--db", ""]) == (None, "zh_CN")  # as argparse's path: the default database
    for to_argparse in (["list"], ["--db"], ["--db", "--lang"], ["--lang", "xx"], ["--self-test"],
                        ["--db", "a", "status"], ["--version"], ["-h"]):
        assert window_only(to_argparse) is None, to_argparse


def test_starting_the_window_from_main_py_loads_no_command_line_modules(tmp_path):
    """(argparse itself comes with PySide6's signature support, so it is not counted.)"""
    script = r"""
import json, runpy, sys
import gui.app.launch as launch
def seen(db, lang="zh_CN"):
    print(json.dumps([str(db), lang, sorted(sys.modules)]), flush=True)
    return 0
launch.run_gui = seen
sys.argv = ["main.py", "--db", sys.argv[1], "--lang", "en"]
runpy.run_path("main.py", run_name="__main__")
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "x.sqlite3")], capture_output=True,
                         text=True, env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    db, lang, loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert (db, lang) == (str(tmp_path / "x.sqlite3"), "en")
    assert [m for m in loaded if m.startswith(("core.cli", "core.parse", "core.messages"))] == []


def test_the_menus_follow_the_first_paint_and_work(qtbot, db_path, settings, sample_plan):
    from core.domain.status import Status

    _with_plan(db_path, sample_plan)
    window = start_window(db_path, settings)
    qtbot.addWidget(window)
    seen = []

    class _Paint(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint and not seen:
                seen.append((window.model.rowCount(), hasattr(window, "tracking"), hasattr(window, "collect_menu"),
                             hasattr(window, "due_notice"), len(window.menuBar().actions())))
            return False

    painted = _Paint(window)
    window.tree.viewport().installEventFilter(painted)
    assert not hasattr(window, "tracking") and not hasattr(window, "collect_menu")  # nothing of it before
    with qtbot.waitSignal(window.opening_checks.finished, timeout=10000):
        pass
    rows, actions_then, collect_then, notice_then, menus_then = seen[0]
    assert rows > 0 and not actions_then and not collect_then and not notice_then  # the paint: the tree
    assert menus_then == 3  # 文件, 编辑, 帮助
    titles = [a.text() for a in window.menuBar().actions()]
    assert len(titles) == 6 and titles[-1] == window.help_menu.title()  # 查看, 任务, 填报与对比 before 帮助
    task = window.model.task_ids()[0]
    window.select_node(task)
    window.tracking.status_actions[1].trigger()  # 进行中, from the Task menu built after the paint
    assert window.service.node(task).status is Status.DOING
    window.filter_bar.search.setText(window.model.item(window.model.index_of(task)).info.title)
    qtbot.waitUntil(lambda: window.proxy.rowCount() > 0 and window.proxy.index_of(task).isValid())
    assert window.filter_bar.task_filter().text and window.proxy.active  # the filter bar filters
    window.opening_checks.wait()
    window.close()
    window.service.close()


def test_a_window_closed_right_after_its_first_paint_opens_no_service(qtbot, db_path, settings, sample_plan,
                                                                        monkeypatch):
    """The service opens in the turn after the first paint. A window closed in that moment (the clerk
    quitting at once, or a test done with it) opens none: opening it then would bind the process's one
    database to that file, behind the back of whatever service is open by then."""
    from gui.app import launch

    _with_plan(db_path, sample_plan)
    opened = []
    real = launch._open_as_usual
    monkeypatch.setattr(launch, "_open_as_usual", lambda path: opened.append(path) or real(path))
    window = start_window(db_path, settings)
    qtbot.addWidget(window)
    window.close()
    window._painted()  # the turn after the first paint (gui/app/opening_checks.AfterFirstPaint), come late
    assert opened == [] and window.service is None
