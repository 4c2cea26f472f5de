"""Writers side by side, one transaction per action, the main file holding every saved edit, and a
full disk named as such."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from core.domain.status import Status
from core.errors import StoreError
from core.service.facade import PlanService
from tests.media import fill

ROOT = Path(__file__).resolve().parents[2]

WINDOW = r"""
import os, sys, pathlib, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, sys.argv[2])
from PySide6.QtCore import QSettings, Qt
from core.service.facade import PlanService
from gui.app.launch import make_app
from gui.window.main_window import MainWindow
from gui.window.retry import CloseGuard
app = make_app("zh_CN")
svc = PlanService(sys.argv[1])
window = MainWindow(svc, QSettings(sys.argv[5], QSettings.Format.IniFormat))
window.show()
model = window.model
tasks = [int(t) for t in sys.argv[3].split(",")]
stop = pathlib.Path(sys.argv[4])
print("ready", flush=True)
ticks = 0
while not stop.exists():  # the clerk ticking boxes in the real window, as fast as it takes them
    index = model.index_of(tasks[ticks % len(tasks)])
    state = model.data(index, Qt.ItemDataRole.CheckStateRole)
    unticked = state in (Qt.CheckState.Unchecked, Qt.CheckState.Unchecked.value)
    model.setData(index, Qt.CheckState.Checked if unticked else Qt.CheckState.Unchecked,
                  Qt.ItemDataRole.CheckStateRole)
    app.processEvents()
    ticks += 1
    time.sleep(0.01)  # a clerk far faster than any real one, yet with the gaps a person leaves
held = len(window.ctx.pending.entries)  # edits the database refused, held for a retry
CloseGuard._close_anyway = lambda self: True
window.close()
svc.close()
print(ticks, held, flush=True)
"""


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, timeout=120)


def _tasks(db: Path, sample_plan) -> list[int]:
    svc = PlanService(db)
    try:
        plan_id = svc.import_plan(sample_plan).plan_id
        return [n.id for n in svc.tree(plan_id) if n.is_task]
    finally:
        svc.close()


def _status_changes(db: Path, node_id: int) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM history WHERE node_id = ? AND field = 'status'",
                           (node_id,)).fetchone()[0]
    finally:
        con.close()


def test_window_and_two_cli_mark_loops_lose_nothing(db_path, sample_plan, tmp_path):
    tasks = _tasks(db_path, sample_plan)
    window_tasks, loops = tasks[:3], [tasks[5:8], tasks[10:13]]
    stop = tmp_path / "stop"
    window = subprocess.Popen([sys.executable, "-c", WINDOW, str(db_path), str(ROOT),
                               ",".join(map(str, window_tasks)), str(stop), str(tmp_path / "window.ini")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert window.stdout.readline().strip() == "ready", window.stderr.read()
    results: list[list[tuple[int, str, subprocess.CompletedProcess]]] = [[], []]

    def loop(k: int) -> None:
        for i in range(10):
            node = loops[k][i % 3]
            status = "已完成" if (i // 3) % 2 == 0 else "进行中"  # each mark changes the status
            note = f"循环{k}第{i}次"
            results[k].append((node, note, _cli(db_path, "mark", "--node", str(node), "--status", status,
                                                "--note", note)))

    threads = [threading.Thread(target=loop, args=(k,)) for k in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stop.touch()
    out, err = window.communicate(timeout=60)
    assert window.returncode == 0, err
    window_ticks, window_held = map(int, out.split()[-2:])
    failures = [r.stderr for runs in results for _, _, r in runs if r.returncode != 0]
    assert failures == []
    svc = PlanService(db_path)
    try:
        for k in (0, 1):
            for node in loops[k]:
                acknowledged = [note for n, note, r in results[k] if n == node and r.returncode == 0]
                assert _status_changes(db_path, node) == len(acknowledged)
                assert svc.node(node).note == acknowledged[-1]
        assert window_held == 0, window_ticks
        assert sum(_status_changes(db_path, n) for n in window_tasks) == window_ticks > 0
    finally:
        svc.close()


def test_mark_with_a_note_is_one_transaction(db_path, sample_plan, monkeypatch):
    import main

    task = _tasks(db_path, sample_plan)[0]

    def note_refused(self, node_id, note):
        raise StoreError("db_full", path=str(db_path))

    monkeypatch.setattr(PlanService, "set_note", note_refused)
    assert main.main(["--db", str(db_path), "mark", "--node", str(task), "--status", "已完成", "--note", "写了一半"]) == 2
    monkeypatch.undo()
    svc = PlanService(db_path)
    try:
        assert svc.node(task).status is Status.TODO  # the status did not land without its note
    finally:
        svc.close()


def _copy_main_file_alone(db: Path, to: Path) -> Path:
    shutil.copy(db, to)  # what a clerk copying taizhang.sqlite3 by itself gets
    return to


def test_service_checkpoint_puts_every_saved_edit_in_the_main_file(service, sample_plan, db_path, tmp_path):
    plan_id = service.import_plan(sample_plan).plan_id
    task = next(n for n in service.tree(plan_id) if n.is_task)
    service.set_note(task.id, "只在日志里")
    assert not service.checkpoint_if_idle(60)  # not idle yet: nothing done on the edit's path
    assert service.checkpoint_if_idle(0)
    copy = _copy_main_file_alone(db_path, tmp_path / "copy.sqlite3")
    con = sqlite3.connect(copy)
    assert con.execute("SELECT note FROM progress WHERE node_id = ?", (task.id,)).fetchone()[0] == "只在日志里"
    con.close()


def test_a_new_database_is_whole_in_its_main_file_after_the_first_idle_tick(tmp_path):
    db = tmp_path / "new.sqlite3"
    svc = PlanService(db)  # the window's first start: the schema is written, into the -wal
    try:
        assert svc.checkpoint_if_idle(0)
        con = sqlite3.connect(_copy_main_file_alone(db, tmp_path / "copy.sqlite3"))
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        con.close()
        assert {"plan", "node", "progress"} <= tables
    finally:
        svc.close()


def test_cli_write_is_in_the_main_file_while_the_window_holds_it_open(db_path, sample_plan, tmp_path):
    task = _tasks(db_path, sample_plan)[0]
    window = sqlite3.connect(db_path)  # another process has the database open, as the window does
    window.execute("SELECT count(*) FROM plan").fetchone()
    try:
        res = _cli(db_path, "mark", "--node", str(task), "--status", "已完成", "--note", "命令行写入")
        assert res.returncode == 0, res.stderr
        copy = _copy_main_file_alone(db_path, tmp_path / "copy.sqlite3")
    finally:
        window.close()
    con = sqlite3.connect(copy)
    assert con.execute("SELECT status, note FROM progress WHERE node_id = ?", (task,)).fetchone() == (
        "done", "命令行写入")
    con.close()


@pytest.mark.parametrize("where", ["service", "cli"])
def test_full_disk_is_named_disk_full(small_disk, sample_plan, where):
    db = small_disk / "taizhang.sqlite3"
    task = _tasks(db, sample_plan)[0]
    holder = PlanService(db)  # the window: keeps -wal and -shm in place while the disk fills
    filler = fill(small_disk)
    try:
        note = "磁盘已满时写入的完成情况" * 2000
        if where == "service":
            with pytest.raises(StoreError) as caught:
                holder.set_note(task, note)
            assert caught.value.code == "db_full"
        else:
            res = _cli(db, "mark", "--node", str(task), "--status", "已完成", "--note", note)
            assert res.returncode == 2 and res.stderr.strip().splitlines()[-1] == f"错误：磁盘已满，无法写入数据库：{db}"
        assert holder.node(task).status is Status.TODO and holder.node(task).note == ""
    finally:
        filler.unlink()
        holder.close()
    assert PlanService(db).node(task).note == ""


def test_restore_and_backup_on_a_full_disk_say_disk_full_and_change_nothing(small_disk, sample_plan):
    from core.messages import cli_line
    from core.store.backup import backup_dir

    db = small_disk / "taizhang.sqlite3"
    task = _tasks(db, sample_plan)[0]
    svc = PlanService(db)
    try:
        saved = svc.backup_now()
        svc.set_note(task, "恢复前的完成情况")
        filler = fill(small_disk)
        try:
            for action in (lambda: svc.restore_backup(saved), lambda: svc.backup_now()):
                with pytest.raises(StoreError) as caught:
                    action()
                assert cli_line(caught.value).startswith("磁盘已满"), caught.value
            assert not list(backup_dir(db).glob("*.part*"))  # no half-written copy eats the space left
        finally:
            filler.unlink()
        assert svc.node(task).note == "恢复前的完成情况"
    finally:
        svc.close()


def test_a_service_writes_only_while_the_process_has_its_file_open(tmp_path, sample_plan):
    """The tables write through the process's one bound database. A service whose file is no longer
    the one bound (another service opened since, or it was closed) refuses to write as if its file
    were gone, and the file that is bound is not written."""
    first = PlanService(tmp_path / "first.sqlite3")
    plan = first.import_plan(sample_plan).plan_id
    task = next(n.id for n in first.tree(plan) if n.is_task)
    second = PlanService(tmp_path / "second.sqlite3")
    try:
        with pytest.raises(StoreError) as refused:
            first.set_status(task, Status.DONE)
        assert refused.value.code == "db_missing"
        assert second.list_plans() == []  # nothing of the first file's landed here
        first.close()
        with pytest.raises(StoreError):
            first.reopen()  # closed is closed: the second file stays the one bound
        assert second.list_plans() == []
        second.import_plan(sample_plan)
        assert len(second.list_plans()) == 1
    finally:
        second.close()
    again = PlanService(tmp_path / "first.sqlite3")
    try:
        assert again.node(task).status is Status.TODO
    finally:
        again.close()
