"""The window's care of its database: a failed daily backup said once in the status bar, the idle
checkpoint after an edit, and a restore that refuses a file that is not a Taizhang database."""

from __future__ import annotations

import shutil
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core.domain.status import Status
from core.service.facade import PlanService
from core.store import backup
from tests.media import foreign_sqlite, no_space_for_backups


def test_full_disk_at_the_daily_backup_is_one_status_bar_warning(qtbot, db_path, sample_plan, settings,
                                                                 monkeypatch):
    from gui.window.main_window import MainWindow

    svc = PlanService(db_path)
    svc.import_plan(sample_plan)
    svc.close()
    no_space_for_backups(monkeypatch)
    svc = PlanService(db_path)  # opens although the backup could not be written
    window = MainWindow(svc, settings)
    qtbot.addWidget(window)
    try:
        window.show()
        assert window.upkeep.warning.isVisible()
        assert "The disk is full, so the backup cannot be written" in window.upkeep.warning.text()
        assert window.model.plan_id is not None  # and the plan is on screen as usual
    finally:
        window.close()
        svc.close()


def test_no_warning_when_the_backup_went_well(sample_window):
    assert not sample_window.upkeep.warning.isVisible()


def test_after_a_tick_the_main_file_alone_holds_it_within_two_seconds(qtbot, sample_window, db_path, tmp_path):
    model = sample_window.model
    task = model.task_ids()[0]
    model.setData(model.index_of(task), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    copy = tmp_path / "copy.sqlite3"

    def main_file_has_it() -> bool:
        shutil.copy(db_path, copy)  # taizhang.sqlite3 copied alone, without its -wal
        con = sqlite3.connect(copy)
        try:
            row = con.execute("SELECT status FROM progress WHERE node_id = ?", (task,)).fetchone()
        except sqlite3.OperationalError:  # no tables yet: everything is still in the -wal
            row = None
        finally:
            con.close()
        copy.unlink()
        for side in ("-wal", "-shm"):
            (tmp_path / f"copy.sqlite3{side}").unlink(missing_ok=True)
        return row == ("done",)

    qtbot.waitUntil(main_file_has_it, timeout=2000)


def test_window_restore_refuses_a_foreign_file_named_like_a_backup(qtbot, sample_window, service, db_path,
                                                                   monkeypatch):
    from gui.dialogs import backup_dialog
    from gui.dialogs.backup_dialog import BackupDialog

    model = sample_window.model
    task = model.task_ids()[0]
    model.setData(model.index_of(task), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    folder = backup.backup_dir(db_path)
    folder.mkdir(exist_ok=True)
    imposter = folder / f"{db_path.stem}-20261101-090000-manual.sqlite3"
    foreign_sqlite(imposter, 2, ("CREATE TABLE plan (id INTEGER PRIMARY KEY)",
                                 "CREATE TABLE progress (node_id INTEGER PRIMARY KEY)"))
    shown = []
    monkeypatch.setattr(backup_dialog, "show_error", lambda parent, err: shown.append(err.code))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    dialog = BackupDialog(sample_window)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "confirm", lambda info: True)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    assert dialog.list.chosen().path == imposter
    assert not dialog.restore_chosen()
    assert shown == ["db_not_taizhang"]
    assert service.node(task).status is Status.DONE
    assert sorted(folder.iterdir()) == [imposter]  # no copy of the current state was needed
