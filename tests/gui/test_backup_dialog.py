"""File ▸ 备份与恢复: backups listed with date, reason and counts; back up now; restore and reload."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core.domain.status import Status
from gui.dialogs.backup_dialog import BackupDialog


@pytest.fixture
def dialog(qtbot, sample_window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    dlg = BackupDialog(sample_window)
    qtbot.addWidget(dlg)
    return dlg


def rows(dlg):
    tree = dlg.list
    return [[tree.topLevelItem(i).text(c) for c in range(4)] for i in range(tree.topLevelItemCount())]


def test_file_menu_opens_backups_and_restore(sample_window):
    file_menu = sample_window.menuBar().actions()[0].menu()
    assert sample_window.backup_action in file_menu.actions()


def test_back_up_now_lists_a_manual_backup_with_counts(dialog, service):
    assert rows(dialog) == []
    assert not dialog.restore_button.isEnabled()
    made = dialog.back_up_now()
    assert made is not None and made.is_file()
    assert [r[1:] for r in rows(dialog)] == [["Made by hand", "1", "15"]]
    assert dialog.list.chosen().path == made and dialog.restore_button.isEnabled()


def test_restoring_asks_backs_up_and_reloads_the_window(dialog, sample_window, service, monkeypatch):
    window = sample_window
    model = window.model
    task = model.task_ids()[0]
    saved = dialog.back_up_now()
    model.setData(model.index_of(task), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert service.node(task).status is Status.DONE and window.ctx.stack.count() == 1
    asked = []
    monkeypatch.setattr(dialog, "confirm", lambda info: asked.append(info.path) or True)

    assert dialog.restore_chosen()
    assert asked == [saved]
    assert service.node(task).status is Status.TODO
    assert model.item(model.index_of(task)).info.status is Status.TODO  # the window shows the restored data
    assert window.ctx.stack.count() == 0  # undo cannot reach back into the replaced data
    assert [r[1] for r in rows(dialog)] == ["Before a restore", "Made by hand"]


def test_declining_the_question_changes_nothing(dialog, sample_window, service, monkeypatch):
    model = sample_window.model
    task = model.task_ids()[0]
    dialog.back_up_now()
    model.setData(model.index_of(task), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not dialog.restore_chosen()
    assert service.node(task).status is Status.DONE and len(service.backups()) == 1


def test_unreadable_backup_is_listed_but_cannot_be_chosen(dialog):
    made = dialog.back_up_now()
    made.write_bytes(b"SQLite format 3\x00" + b"\xff" * 100)
    dialog.reload()
    assert rows(dialog)[0][2] == "unreadable"
    assert dialog.list.chosen() is None and not dialog.restore_button.isEnabled()
