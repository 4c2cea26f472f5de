"""Opening now and checking after the first paint: no write ever lands on a file the check has not passed."""

from __future__ import annotations

import random
import sqlite3
import threading
from pathlib import Path

import pytest

from core.domain.status import Status
from core.errors import StoreError
from core.service.facade import PlanService
from core.store import backup


def _saved(db_path: Path, sample_plan) -> Path:
    svc = PlanService(db_path)
    svc.import_plan(sample_plan)
    svc.close()
    return db_path


def _first_task(svc: PlanService) -> int:
    return next(n.id for n in svc.tree(svc.list_plans()[0].id) if n.is_task)


def _integrity_fails(path: Path) -> bool:
    con = sqlite3.connect(path)
    con.text_factory = bytes  # a damaged page can make SQLite's own report invalid UTF-8
    try:
        return con.execute("PRAGMA integrity_check").fetchall() != [(b"ok",)]
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        return True
    finally:
        con.close()


@pytest.fixture
def opened_for_window(db_path, sample_plan):
    """A saved plan, opened the way the window opens it: the check and the backup still owed."""
    _saved(db_path, sample_plan)
    svc = PlanService(db_path, check_later=True)
    yield svc
    svc.close()


def test_opening_for_the_window_leaves_check_and_backup_for_later(opened_for_window, db_path):
    svc = opened_for_window
    assert not svc.opening.passed and not svc.opening.done
    assert backup.list_backups(db_path) == []  # today's backup is owed, not yet made
    assert svc.tree(svc.list_plans()[0].id)  # reading needs no check
    assert svc.finish_opening() is None
    assert svc.opening.passed and svc.opening.done
    assert [b.reason for b in backup.list_backups(db_path)] == ["daily"]
    assert svc.finish_opening() is None and len(backup.list_backups(db_path)) == 1  # owed once


def test_a_write_before_the_check_runs_the_check_first(opened_for_window):
    svc = opened_for_window
    task = _first_task(svc)
    svc.set_status(task, Status.DONE)  # nobody started the check: the write runs it itself
    assert svc.opening.passed and svc.node(task).status is Status.DONE


def test_a_write_waits_for_the_check_under_way_on_a_worker(db_path, sample_plan, monkeypatch):
    from core.service import opening

    _saved(db_path, sample_plan)
    svc = PlanService(db_path, check_later=True)
    started, writer_waiting, order = threading.Event(), threading.Event(), []
    real_check, real_before_write = opening.check_integrity, svc.opening.before_write

    def slow_check(path):
        started.set()
        writer_waiting.wait(10)  # the check finishes only once the write is waiting for it
        real_check(path)
        order.append("checked")

    def before_write():
        writer_waiting.set()
        real_before_write()
        order.append("allowed")

    monkeypatch.setattr(opening, "check_integrity", slow_check)
    monkeypatch.setattr(svc.opening, "before_write", before_write)
    worker = threading.Thread(target=svc.finish_opening)
    worker.start()
    try:
        assert started.wait(10)
        task = _first_task(svc)
        svc.set_note(task, "等检查通过后才写入")
        assert order == ["checked", "allowed"] and svc.node(task).note == "等检查通过后才写入"
    finally:
        worker.join(10)
        svc.close()


def test_no_byte_flip_the_check_finds_gets_a_write_in(tmp_path, sample_plan):
    """The opening guarantee of test_opening_safety, for the window's opening: the flip is refused
    when opening, or every write is, and the file is left exactly as it was."""
    data = _saved(tmp_path / "good.sqlite3", sample_plan).read_bytes()
    rng = random.Random(20261201)
    damaged, opened, written = 0, 0, []
    for _ in range(150):
        flipped = bytearray(data)
        at = rng.randrange(100, len(data))
        flipped[at] ^= 1 << rng.randrange(8)
        path = tmp_path / "flipped.sqlite3"
        for side in ("-wal", "-shm"):
            Path(f"{path}{side}").unlink(missing_ok=True)
        path.write_bytes(bytes(flipped))
        if not _integrity_fails(path):
            continue
        damaged += 1
        try:
            svc = PlanService(path, check_later=True)
        except StoreError as err:
            assert err.code == "db_damaged"
            continue
        opened += 1
        try:
            with pytest.raises(StoreError) as caught:
                svc.set_setting("current_plan", "1")
            assert caught.value.code == "db_damaged"
            assert svc.finish_opening().code == "db_damaged" and not backup.list_backups(path)
        finally:
            svc.close()
        if path.read_bytes() != bytes(flipped):
            written.append(at)
    assert damaged >= 5 and opened >= 1 and written == []


def test_a_damaged_file_is_never_checkpointed_or_backed_up(tmp_path, sample_plan, monkeypatch):
    from core.service import opening

    path = _saved(tmp_path / "t.sqlite3", sample_plan)
    svc = PlanService(path, check_later=True)
    monkeypatch.setattr(opening, "check_integrity", lambda p: (_ for _ in ()).throw(
        StoreError("db_damaged", path=str(p))))
    try:
        assert svc.finish_opening().code == "db_damaged"
        assert not svc.checkpoint_if_idle(0)
        with pytest.raises(StoreError):
            svc.backup_now()
        assert backup.list_backups(path) == []
    finally:
        svc.close()


def test_an_old_schema_is_checked_before_it_is_upgraded(tmp_path, monkeypatch):
    from core.service import opening

    root = Path(__file__).resolve().parents[2]
    path = tmp_path / "v2.sqlite3"
    con = sqlite3.connect(path)
    con.executescript((root / "tests" / "fixtures" / "schemas" / "v2.sql").read_text(encoding="utf-8"))
    con.close()
    checked = []
    real_check = opening.check_integrity
    monkeypatch.setattr(opening, "check_integrity", lambda p: (checked.append(p), real_check(p)))
    svc = PlanService(path, check_later=True)  # the upgrade is a write: the check runs at once
    try:
        assert checked == [path] and svc.opening.passed
    finally:
        svc.close()


def test_a_backup_that_cannot_be_written_after_the_first_paint_is_a_warning(db_path, sample_plan, monkeypatch):
    from tests.media import no_space_for_backups

    _saved(db_path, sample_plan)
    no_space_for_backups(monkeypatch)
    svc = PlanService(db_path, check_later=True)
    try:
        assert svc.finish_opening() is None  # the file is fine; the backup is what failed
        assert [w.code for w in svc.warnings] == ["backup_full"]
        svc.set_note(_first_task(svc), "照常写入")
    finally:
        svc.close()
