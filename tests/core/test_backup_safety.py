"""Backups that rotation must never lose, restores that refuse what is not ours, and daily backups
that cannot be written without the database staying shut."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from core.domain.status import Status
from core.errors import StoreError
from core.service.facade import PlanService
from core.store import backup
from tests.media import foreign_sqlite, no_space_for_backups

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=120)


def _state_backups(svc: PlanService, count: int, start: dt.datetime) -> list[Path]:
    """`count` backups of the live database dated a day apart in one month, oldest first."""
    return [backup.make_backup(svc.db.connection(), svc.db_path, "daily", now=start + dt.timedelta(hours=i))
            for i in range(count)]


def test_restoring_the_oldest_of_twenty_same_month_backups_works(service, sample_plan, db_path):
    plan_id = service.import_plan(sample_plan).plan_id
    task = next(n for n in service.tree(plan_id) if n.is_task)
    made = _state_backups(service, backup.KEEP_LAST, dt.datetime(2026, 3, 1, 8))
    service.set_status(task.id, Status.DONE)
    oldest = made[0]
    service.restore_backup(oldest)  # its safety copy is the 21st backup: rotation must spare the chosen one
    assert service.node(task.id).status is Status.TODO
    assert oldest.exists()


def test_a_restores_safety_copy_outlives_any_number_of_daily_backups(service, sample_plan, db_path):
    plan_id = service.import_plan(sample_plan).plan_id
    task = next(n for n in service.tree(plan_id) if n.is_task)
    saved = service.backup_now()
    service.set_note(task.id, "恢复前写下的完成情况")
    service.restore_backup(saved)
    replaced = next(b.path for b in service.backups() if b.reason == "restore")
    start = dt.datetime.now() + dt.timedelta(minutes=1)
    for i in range(backup.KEEP_LAST + 5):  # a month of daily backups afterwards, all in one month
        backup.make_backup(service.db.connection(), db_path, "daily", now=start + dt.timedelta(seconds=i))
    assert replaced.exists()
    service.restore_backup(replaced)
    assert service.node(task.id).note == "恢复前写下的完成情况"


def test_repeated_restore_copies_of_one_state_are_kept_once(service, sample_plan, db_path):
    service.import_plan(sample_plan)
    saved = service.backup_now()
    for _ in range(3):  # restoring the same backup again and again replaces the same state
        service.restore_backup(saved)
    start = dt.datetime.now() + dt.timedelta(minutes=1)
    for i in range(backup.KEEP_LAST + 2):
        backup.make_backup(service.db.connection(), db_path, "daily", now=start + dt.timedelta(seconds=i))
    restores = [b for b in service.backups() if b.reason == "restore"]
    assert len(restores) == 1  # one state, one copy: the newest


def test_backups_dated_in_the_future_do_not_stop_daily_backups(db_path, sample_plan):
    svc = PlanService(db_path)
    try:
        svc.import_plan(sample_plan)
        ahead = dt.datetime.now() + dt.timedelta(days=400)  # the PC's clock was once a year ahead
        for i in range(backup.KEEP_LAST + 3):
            backup.make_backup(svc.db.connection(), db_path, "daily", now=ahead + dt.timedelta(days=i))
    finally:
        svc.close()
    before = {b.path for b in backup.list_backups(db_path)}
    PlanService(db_path).close()  # the clock is right again: today's daily backup is made and kept
    new = [b for b in backup.list_backups(db_path) if b.path not in before]
    assert [b.reason for b in new] == ["daily"]
    assert backup.newest_age(db_path) < dt.timedelta(minutes=5)
    assert backup.list_backups(db_path)[0].path == new[0].path  # offered first, before the misdated ones


def _imposters(tmp_path: Path) -> list[Path]:
    text = tmp_path / "notes.sqlite3"
    text.write_text("这不是数据库\n", encoding="utf-8")
    return [foreign_sqlite(tmp_path / f"other-v{v}.sqlite3", v) for v in (0, 1, 2, 3, 9)] + [text]


def test_restore_refuses_files_that_are_not_taizhang_before_touching_anything(service, sample_plan, db_path,
                                                                               tmp_path):
    service.import_plan(sample_plan)
    service.backup_now()
    folder = backup.backup_dir(db_path)
    for imposter in _imposters(tmp_path):
        listed = sorted(folder.iterdir())
        with pytest.raises(StoreError) as caught:
            service.restore_backup(imposter)
        assert caught.value.code == "db_not_taizhang", imposter.name
        assert sorted(folder.iterdir()) == listed  # not even a safety copy was made
        assert [p.title for p in service.list_plans()] == [sample_plan.title]
        with pytest.raises(StoreError) as caught:  # the start-up recovery's way in, for a file that will not open
            PlanService.replace_with_backup(db_path, imposter)
        assert caught.value.code == "db_not_taizhang" and not list(db_path.parent.glob("*.damaged-*"))


def test_cli_restore_refuses_files_that_are_not_taizhang(db_path, sample_plan, tmp_path):
    svc = PlanService(db_path)
    svc.import_plan(sample_plan)
    svc.close()
    before = db_path.read_bytes()
    for imposter in _imposters(tmp_path):
        res = _cli("--db", str(db_path), "backup", "--restore", str(imposter))
        assert res.returncode == 2 and res.stderr.strip() == f"错误：{imposter} 不是要点台账的数据库", res.stderr
    assert db_path.read_bytes() == before and not backup.backup_dir(db_path).exists()


def test_daily_backup_on_a_full_disk_warns_and_opens(db_path, sample_plan, monkeypatch):
    svc = PlanService(db_path)
    svc.import_plan(sample_plan)
    svc.close()
    no_space_for_backups(monkeypatch)
    svc = PlanService(db_path)
    try:
        assert [w.code for w in svc.warnings] == ["backup_full"]
        assert svc.list_plans()[0].title == sample_plan.title
    finally:
        svc.close()


def test_daily_backup_on_a_read_only_backup_folder_warns_once_and_the_command_runs(tmp_path, sample_plan,
                                                                                  read_only):
    data = tmp_path / "data"
    data.mkdir()
    db_path = data / "taizhang.sqlite3"
    svc = PlanService(db_path)
    plan_id = svc.import_plan(sample_plan).plan_id
    task = next(n for n in svc.tree(plan_id) if n.is_task)
    svc.close()
    folder = backup.backup_dir(db_path)
    folder.mkdir()
    with read_only(folder, in_place=True):  # backups/ on a medium that refuses writes
        res = _cli("--db", str(db_path), "mark", "--node", str(task.id), "--status", "已完成")
    assert res.returncode == 0, res.stderr
    assert res.stderr.strip().splitlines() == [f"警告：备份文件夹不可写（只读或没有权限）：{folder}"]
    svc = PlanService(db_path)
    try:
        assert svc.node(task.id).status is Status.DONE
    finally:
        svc.close()


def test_read_only_commands_make_no_backup(db_path, sample_plan):
    svc = PlanService(db_path)
    svc.import_plan(sample_plan)
    svc.close()
    for args in (["status"], ["list", "--plan", "1"], ["check"]):
        assert _cli("--db", str(db_path), *args).returncode == 0
    assert backup.list_backups(db_path) == []
