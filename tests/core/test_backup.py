"""Backups: taken before risky steps, pruned sensibly, restorable."""

from __future__ import annotations

import datetime as dt
import sqlite3

from core.domain.status import Status
from core.service.facade import PlanService
from core.store import backup


def test_first_import_into_empty_database_needs_no_backup(service, sample_plan, db_path):
    service.import_plan(sample_plan)
    assert backup.list_backups(db_path) == []


def test_second_import_and_deletion_are_backed_up_first(service, sample_plan, db_path):
    first = service.import_plan(sample_plan).plan_id
    service.import_plan(sample_plan)
    service.delete_plan(first)
    reasons = [b.reason for b in backup.list_backups(db_path)]
    assert sorted(reasons) == ["delete", "import"]
    newest = backup.list_backups(db_path)[0]
    assert (newest.reason, newest.plans) == ("delete", 2)


def test_start_up_backs_up_when_newest_is_over_a_day_old(db_path, sample_plan):
    svc = PlanService(db_path)
    svc.import_plan(sample_plan)
    svc.close()
    PlanService(db_path).close()  # no backup yet: make the daily one
    assert [b.reason for b in backup.list_backups(db_path)] == ["daily"]
    PlanService(db_path).close()  # the newest is fresh: nothing new
    assert len(backup.list_backups(db_path)) == 1


def test_restore_brings_back_the_earlier_state_and_keeps_the_current(db_path, sample_plan):
    svc = PlanService(db_path)
    try:
        plan_id = svc.import_plan(sample_plan).plan_id
        task = next(n for n in svc.tree(plan_id) if n.is_task)
        saved = svc.backup_now()
        svc.set_status(task.id, Status.DONE)
        svc.restore_backup(saved)
        assert svc.node(task.id).status is Status.TODO
        before_restore = next(b for b in svc.backups() if b.reason == "restore")
        con = sqlite3.connect(before_restore.path)
        assert con.execute("SELECT status FROM progress WHERE node_id=?", (task.id,)).fetchone()[0] == "done"
        con.close()
    finally:
        svc.close()


def test_pruning_keeps_last_twenty_and_one_per_month(tmp_path):
    db_path = tmp_path / "taizhang.sqlite3"
    con = sqlite3.connect(":memory:")
    start = dt.datetime(2025, 1, 1, 9, 0, 0)
    for i in range(40):  # one every ten days: 2025-01 … 2026-02
        backup.make_backup(con, db_path, "daily", now=start + dt.timedelta(days=10 * i))
    left = backup.list_backups(db_path, with_counts=False)
    newest_twenty = [start + dt.timedelta(days=10 * i) for i in range(39, 19, -1)]
    assert [b.created for b in left[:20]] == newest_twenty
    older_months = [(b.created.year, b.created.month) for b in left[20:]]
    assert len(older_months) == len(set(older_months))
    assert (2025, 1) in older_months


def test_backup_cli_lists_and_restores(db_path, sample_plan):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    svc = PlanService(db_path)
    svc.import_plan(sample_plan)
    svc.close()

    def run(*args):
        return subprocess.run([sys.executable, "main.py", "--db", str(db_path), *args], cwd=root,
                              capture_output=True, text=True, encoding="utf-8")

    made = run("backup")
    assert made.returncode == 0 and "已备份到" in made.stdout
    listing = run("backup", "--list")
    assert "手动" in listing.stdout and "1 个计划，15 项任务" in listing.stdout
    path = backup.list_backups(db_path)[0].path
    assert run("backup", "--restore", str(path)).returncode == 0


def test_copy_left_half_written_by_a_crash_is_cleared_later(db_path, service, sample_plan):
    import os

    service.import_plan(sample_plan)
    folder = backup.backup_dir(db_path)
    folder.mkdir(exist_ok=True)
    stale = folder / f"{db_path.stem}-20250101-090000-daily.sqlite3.part"
    fresh = folder / f"{db_path.stem}-20250101-090001-daily.sqlite3.part"
    for part in (stale, fresh):
        part.write_bytes(b"SQLite format 3\x00half")
    os.utime(stale, (0, 0))
    service.backup_now()
    assert not stale.exists() and fresh.exists()  # a fresh one may still be being written
    assert all(b.path.suffix == ".sqlite3" for b in backup.list_backups(db_path))


def test_cli_refuses_to_restore_under_an_open_window(db_path, sample_plan):
    import os
    import platform
    import subprocess
    import sys
    from pathlib import Path

    from core.store.window_lock import lock_path, window_pid

    root = Path(__file__).resolve().parents[2]
    svc = PlanService(db_path)
    svc.import_plan(sample_plan)
    saved = svc.backup_now()
    svc.close()
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock_path(db_path).write_text(f"{holder.pid}\nTaizhang\n{platform.node()}\n", encoding="utf-8")
        assert window_pid(db_path) == holder.pid
        res = subprocess.run([sys.executable, "main.py", "--db", str(db_path), "backup", "--restore", str(saved)],
                             cwd=root, capture_output=True, text=True, encoding="utf-8")
        assert res.returncode != 0 and "请先关闭窗口" in res.stderr
    finally:
        holder.kill()
        holder.wait()
    assert window_pid(db_path) is None  # its process is gone: a stale lock does not block
    os.remove(lock_path(db_path))
