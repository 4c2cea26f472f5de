"""A damaged or foreign database is refused with a clear code and left exactly as it was found."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from core.domain.status import Status
from core.errors import StoreError
from core.service.facade import PlanService
from core.store.identity import SQLITE_MAGIC
from tests.media import foreign_sqlite

ROOT = Path(__file__).resolve().parents[2]
PAGE = 4096


def _saved(db_path: Path, sample_plan) -> Path:
    """A real database holding the sample plan, checkpointed into one file."""
    svc = PlanService(db_path)
    svc.import_plan(sample_plan)
    svc.close()
    assert not Path(f"{db_path}-wal").exists() or Path(f"{db_path}-wal").stat().st_size == 0
    return db_path


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def random_after_header(data: bytes) -> bytes:
    return SQLITE_MAGIC + random.Random(7).randbytes(len(data) - len(SQLITE_MAGIC))


def scrambled_page(data: bytes) -> bytes:
    """One table page overwritten: the header reads fine, only a full page walk notices."""
    pages = len(data) // PAGE
    victim = pages - 2
    return data[: victim * PAGE] + bytes([0x0D]) + b"\xff" * (PAGE - 1) + data[(victim + 1) * PAGE:]


@pytest.mark.parametrize("damage", [truncated, random_after_header, scrambled_page])
def test_damaged_file_is_refused_and_left_untouched(db_path, sample_plan, damage):
    _saved(db_path, sample_plan)
    bad = damage(db_path.read_bytes())
    db_path.write_bytes(bad)
    with pytest.raises(StoreError) as caught:
        PlanService(db_path)
    assert caught.value.code == "db_damaged"
    assert db_path.read_bytes() == bad
    assert not (db_path.parent / "backups").exists()  # a damaged file is never backed up over good ones


def test_foreign_sqlite_file_is_refused_without_being_switched_to_wal(tmp_path):
    other = foreign_sqlite(tmp_path / "address-book.sqlite3")
    before = other.read_bytes()
    with pytest.raises(StoreError) as caught:
        PlanService(other)
    assert caught.value.code == "db_not_taizhang"
    assert other.read_bytes() == before


def test_database_from_a_newer_program_is_refused(db_path, sample_plan):
    _saved(db_path, sample_plan)
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA user_version = 99")
    con.close()
    with pytest.raises(StoreError) as caught:
        PlanService(db_path)
    assert (caught.value.code, caught.value.params["found"]) == ("db_too_new", 99)


def test_failed_commit_is_a_store_error_and_changes_nothing(service, sample_plan, monkeypatch):
    plan_id = service.import_plan(sample_plan).plan_id
    task = next(n for n in service.tree(plan_id) if n.is_task)

    def disk_gone():  # what SQLite raises when the stick is pulled: the code says it, not the words
        err = sqlite3.OperationalError("disk I/O error")
        err.sqlite_errorcode, err.sqlite_errorname = sqlite3.SQLITE_IOERR_WRITE, "SQLITE_IOERR_WRITE"
        raise err

    monkeypatch.setattr(service.db, "commit", disk_gone)
    with pytest.raises(StoreError) as caught:
        service.set_status(task.id, Status.DONE)
    assert caught.value.code == "db_io_error"
    monkeypatch.undo()
    assert service.node(task.id).status is Status.TODO


def test_damaged_backup_is_refused_and_the_data_kept(service, sample_plan, tmp_path):
    service.import_plan(sample_plan)
    broken = service.backup_now()
    broken.write_bytes(truncated(broken.read_bytes()))
    with pytest.raises(StoreError) as caught:
        service.restore_backup(broken)
    assert caught.value.code == "db_damaged"
    assert len(service.list_plans()) == 1


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=120)


@pytest.mark.parametrize("damage", [truncated, random_after_header])
def test_cli_says_one_line_about_a_damaged_database(db_path, sample_plan, damage):
    _saved(db_path, sample_plan)
    db_path.write_bytes(damage(db_path.read_bytes()))
    res = _cli("--db", str(db_path), "status")
    lines = res.stderr.strip().splitlines()
    assert res.returncode != 0 and lines == [f"错误：数据库文件已损坏：{db_path}"], res.stderr
    checked = _cli("--db", str(db_path), "check")
    assert checked.returncode == 1 and "Traceback" not in checked.stderr and checked.stderr.strip()


def test_backup_replaces_a_damaged_file_which_is_kept_aside(db_path, sample_plan):
    from core.store import backup

    _saved(db_path, sample_plan)
    svc = PlanService(db_path)
    good = svc.backup_now()
    svc.close()
    bad = truncated(db_path.read_bytes())
    db_path.write_bytes(bad)
    Path(f"{db_path}-wal").write_bytes(b"a stale log that must not be replayed")
    aside = backup.replace_with_backup(db_path, good)
    assert aside.read_bytes() == bad and Path(f"{aside}-wal").exists()
    assert not Path(f"{db_path}-wal").exists()
    svc = PlanService(db_path)
    try:
        assert [p.title for p in svc.list_plans()] == [sample_plan.title]
    finally:
        svc.close()


def test_cli_restores_a_damaged_database_from_a_backup(db_path, sample_plan):
    _saved(db_path, sample_plan)
    made = _cli("--db", str(db_path), "backup")
    assert made.returncode == 0
    db_path.write_bytes(random_after_header(db_path.read_bytes()))
    listing = _cli("--db", str(db_path), "backup", "--list")
    assert listing.returncode == 0 and "1 个计划，15 项任务" in listing.stdout
    backup_file = listing.stdout.split()[-1]
    restored = _cli("--db", str(db_path), "backup", "--restore", backup_file)
    assert restored.returncode == 0 and ".damaged-" in restored.stdout, restored.stderr
    assert _cli("--db", str(db_path), "check").returncode == 0
    assert len(list(db_path.parent.glob(f"{db_path.name}.damaged-*"))) == 1
