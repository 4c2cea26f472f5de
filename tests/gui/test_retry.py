"""Edits the disk refuses stay in the window, are retried, and land once the disk is back."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from core.domain.status import Status
from core.errors import StoreError


@pytest.fixture
def win(sample_window, monkeypatch):
    """The sample window; if a failed test leaves edits held, closing it drops them without asking."""
    from gui.window.retry import CloseGuard

    monkeypatch.setattr(CloseGuard, "_close_anyway", lambda self: True)
    return sample_window


def first_task(window):
    return window.model.task_ids()[0]


def select(window, node_id):
    window.select_node(node_id)
    assert window.panel.node_id == node_id


def refuse(monkeypatch, service, method, code="db_readonly"):
    """Make one service write fail as a read-only folder would, until monkeypatch.undo()."""

    def refused(*_args, **_kwargs):
        raise StoreError(code, path=str(service.db_path))

    monkeypatch.setattr(service, method, refused)


def test_note_the_disk_refuses_stays_in_the_editor_and_lands_after_retry(win, service, monkeypatch):
    window = win
    task = first_task(window)
    select(window, task)
    refuse(monkeypatch, service, "set_note")
    window.panel.note_edit.setPlainText("已在门户网站发布")
    window.panel.flush_note()

    from gui.errors import error_text

    assert window.retry_bar.isVisibleTo(window)
    assert error_text(StoreError("db_readonly", path=str(service.db_path))) in window.retry_bar.label.text()
    assert "not saved" in window.panel.updated.text().lower()
    assert window.panel.note_edit.toPlainText() == "已在门户网站发布"
    assert window.ctx.pending.note(task) == "已在门户网站发布"
    assert window.ctx.stack.count() == 0  # held off the undo stack, not dropped
    monkeypatch.undo()
    assert service.node(task).note == ""

    assert window.ctx.pending.retry()
    assert service.node(task).note == "已在门户网站发布"
    assert not window.retry_bar.isVisibleTo(window)
    assert window.ctx.pending.note(task) is None


def test_unsaved_note_survives_moving_away_and_back(win, service, monkeypatch):
    window = win
    first, second = window.model.task_ids()[:2]
    select(window, first)
    refuse(monkeypatch, service, "set_note")
    window.panel.note_edit.setPlainText("草稿：尚未保存")
    select(window, second)  # moving away saves the note, which is refused and held
    select(window, first)
    assert window.panel.note_edit.toPlainText() == "草稿：尚未保存"
    monkeypatch.undo()
    window.ctx.pending.timer.timeout.emit()  # the retry timer fires
    assert service.node(first).note == "草稿：尚未保存"


def test_next_edit_retries_first_and_keeps_the_order(win, service, monkeypatch):
    window = win
    a, b = window.model.task_ids()[:2]
    real = service.set_statuses
    calls = []

    def flaky(ids, status, initiator=None):
        calls.append((list(ids), status))
        if len(calls) == 1:
            raise StoreError("db_write_failed", detail="database or disk is full")
        return real(ids, status, initiator=initiator)

    monkeypatch.setattr(service, "set_statuses", flaky)
    model = window.model
    model.setData(model.index_of(a), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert service.node(a).status is Status.TODO and len(window.ctx.pending.entries) == 1
    model.setData(model.index_of(b), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert [ids for ids, _ in calls] == [[a], [a], [b]]  # the held tick went first
    assert service.node(a).status is Status.DONE and service.node(b).status is Status.DONE
    assert model.item(model.index_of(a)).info.status is Status.DONE
    assert not window.ctx.pending.entries


def test_closing_with_held_edits_asks_and_can_stay_open(win, service, monkeypatch):
    from gui.window.retry import CloseGuard

    window = win
    task = first_task(window)
    select(window, task)
    refuse(monkeypatch, service, "set_note")
    window.panel.note_edit.setPlainText("关闭前输入")
    asked = []
    monkeypatch.setattr(CloseGuard, "_close_anyway", lambda self: asked.append(True) or False)
    assert not window.close()
    assert asked and window.isVisible()
    monkeypatch.setattr(service, "set_note", type(service).set_note.__get__(service))
    assert window.close()
    assert service.node(task).note == "关闭前输入"


def test_edit_to_a_vanished_database_file_lands_when_it_is_back(win, service, db_path):
    window = win
    task = first_task(window)
    select(window, task)
    away = db_path.with_name("moved-away.sqlite3")
    os.replace(db_path, away)  # the USB stick is pulled out
    try:
        window.panel.note_edit.setPlainText("拔出 U 盘时输入")
        window.panel.flush_note()
        assert window.ctx.pending.error.code == "db_missing"
        assert not window.ctx.pending.retry()
        assert not db_path.exists()  # retrying never creates an empty database in its place
    finally:
        os.replace(away, db_path)  # and put back
    assert window.ctx.pending.retry()
    assert service.node(task).note == "拔出 U 盘时输入"


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs, to fill up for real; only where mounting is allowed (root on Linux)."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("needs root on Linux to mount a small file system")
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("mounting a tmpfs is not allowed here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_full_disk_holds_the_note_until_space_is_freed(qtbot, small_disk, settings, sample_plan):
    from core.service.facade import PlanService
    from gui.window.main_window import MainWindow

    service = PlanService(small_disk / "taizhang.sqlite3")
    window = MainWindow(service, settings)
    qtbot.addWidget(window)
    try:
        plan_id = service.import_plan(sample_plan).plan_id
        window.refresh_plans(plan_id)
        task = first_task(window)
        select(window, task)
        free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
        filler = small_disk / "filler"
        with open(filler, "wb") as fh:
            try:
                fh.write(b"\0" * free)
            except OSError:
                pass
        window.panel.note_edit.setPlainText("磁盘已满时输入的完成情况" * 400)
        window.panel.flush_note()
        assert window.ctx.pending.entries and window.retry_bar.isVisibleTo(window)
        filler.unlink()
        assert window.ctx.pending.retry()
        assert service.node(task).note.startswith("磁盘已满时输入的完成情况")
    finally:
        window.close()
        service.close()


def test_bar_names_the_full_disk_in_chinese(win, service, monkeypatch, zh_translation):
    window = win
    select(window, first_task(window))
    refuse(monkeypatch, service, "set_note", code="db_full")
    window.panel.note_edit.setPlainText("磁盘满")
    window.panel.flush_note()
    first_line, second_line = window.retry_bar.label.text().splitlines()
    assert first_line.startswith("无法保存：磁盘已满") and "1 处更改已保留" in second_line
    monkeypatch.undo()
    assert window.ctx.pending.retry()


def test_writes_held_for_a_file_since_closed_are_never_written_elsewhere(qapp, db_path, tmp_path, sample_plan,
                                                                         monkeypatch):
    """The process has one database bound at a time. Once the file a held write was for is closed
    (its window going away), a retry neither binds that file again nor writes into the database
    open by then: the write stays held, the timer stops, and the other file is untouched."""
    from core.service.facade import PlanService
    from gui.editing.commands import EditContext, SetNoteCommand

    service = PlanService(db_path)
    task = next(n.id for n in service.tree(service.import_plan(sample_plan).plan_id) if n.is_task)
    ctx = EditContext(service)
    refuse(monkeypatch, service, "set_note", code="db_missing")
    ctx.push(SetNoteCommand(ctx, task, "", "留待重试的说明"))
    monkeypatch.undo()
    assert ctx.pending.note(task) == "留待重试的说明" and ctx.pending.timer.isActive()
    service.close()
    other = PlanService(tmp_path / "other.sqlite3")  # the file open by then (the next window's)
    try:
        other_plan = other.import_plan(sample_plan).plan_id
        ctx.pending.timer.timeout.emit()  # the retry timer fires
        assert not ctx.pending.timer.isActive()
        assert ctx.pending.note(task) == "留待重试的说明"
        assert [p.id for p in other.list_plans()] == [other_plan]
        assert all(not n.note for n in other.tree(other_plan))
    finally:
        other.close()
