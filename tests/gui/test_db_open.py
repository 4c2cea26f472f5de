"""A database that will not open: a plain explanation, backups offered, the file never overwritten."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from core.errors import StoreError
from core.service.facade import PlanService
from gui.app.db_open import Choice, DatabaseProblemDialog, open_with_recovery


@pytest.fixture
def damaged(db_path, sample_plan):
    """A database with the sample plan and one backup, then truncated as by a yanked USB stick."""
    svc = PlanService(db_path)
    svc.import_plan(sample_plan)
    good = svc.backup_now()
    svc.close()
    db_path.write_bytes(db_path.read_bytes()[:8192])
    return db_path, good


class Clerk:
    """Answers the dialogs as a test tells it, remembering what it was shown."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.shown = []

    def __call__(self, path, err, backups, parent):
        self.shown.append((err.code if err else None, [b.path for b in backups]))
        choice = self.answers.pop(0)
        return choice, (backups[0].path if choice is Choice.RESTORE else None)


def test_damaged_database_offers_its_backups_and_restores_into_a_fresh_file(qapp, damaged, monkeypatch):
    db_path, good = damaged
    bad = db_path.read_bytes()
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    clerk = Clerk(Choice.RESTORE)
    service = open_with_recovery(None, db_path, ask=clerk)
    try:
        assert clerk.shown == [("db_damaged", [good])]
        assert len(service.list_plans()) == 1
    finally:
        service.close()
    kept = list(db_path.parent.glob(f"{db_path.name}.damaged-*"))
    assert [p.read_bytes() for p in kept if not p.name.endswith(("-wal", "-shm"))] == [bad]


def test_quitting_leaves_the_damaged_file_as_it_was(qapp, damaged):
    db_path, _ = damaged
    bad = db_path.read_bytes()
    assert open_with_recovery(None, db_path, ask=Clerk(Choice.QUIT)) is None
    assert db_path.read_bytes() == bad
    assert not list(db_path.parent.glob("*.damaged-*"))


def test_another_database_can_be_chosen_instead(qapp, damaged, tmp_path):
    db_path, _ = damaged
    other = tmp_path / "elsewhere" / "other.sqlite3"
    other.parent.mkdir()  # a file dialog only offers folders that exist; none is made for a typed path
    service = open_with_recovery(None, db_path, ask=Clerk(Choice.OTHER), choose_file=lambda parent, start: other)
    try:
        assert service.db_path == other and other.is_file()
    finally:
        service.close()
        from gui.app import single_instance

        single_instance.release()


def test_missing_file_with_backups_asks_before_starting_empty(qapp, damaged):
    db_path, good = damaged
    db_path.unlink()
    clerk = Clerk(Choice.NEW)
    service = open_with_recovery(None, db_path, ask=clerk)
    try:
        assert clerk.shown == [(None, [good])]
        assert service.list_plans() == []
    finally:
        service.close()


def test_dialog_explains_damage_and_offers_the_readable_backups(qtbot, damaged):
    from core.store.backup import list_backups

    db_path, good = damaged
    dialog = DatabaseProblemDialog(db_path, StoreError("db_damaged", path=str(db_path)), list_backups(db_path))
    qtbot.addWidget(dialog)
    assert str(db_path) in dialog.headline.text()
    assert set(dialog.buttons) == {Choice.RESTORE, Choice.OTHER, Choice.QUIT}
    assert dialog.chosen_backup() == good and dialog.buttons[Choice.RESTORE].isEnabled()
    dialog.buttons[Choice.RESTORE].click()
    assert dialog.choice is Choice.RESTORE and dialog.result() == dialog.DialogCode.Accepted


def test_locked_database_offers_to_try_again_not_a_restore(qtbot, damaged):
    from core.store.backup import list_backups

    db_path, _ = damaged
    dialog = DatabaseProblemDialog(db_path, StoreError("db_locked", path=str(db_path)), list_backups(db_path))
    qtbot.addWidget(dialog)
    assert set(dialog.buttons) == {Choice.RETRY, Choice.OTHER, Choice.QUIT}
    dialog.buttons[Choice.QUIT].click()
    assert dialog.choice is Choice.QUIT


def test_missing_folder_at_start_up_explains_and_offers_to_try_again(qapp, tmp_path):
    stick = tmp_path / "usb"
    db_path = stick / "taizhang.sqlite3"
    asked = []

    def ask(path, err, backups, parent):
        asked.append((err.code, choices(path, err, backups)))
        if len(asked) == 1:
            stick.mkdir()  # the clerk plugs the stick in, then clicks 重试
            return Choice.RETRY, None
        return Choice.QUIT, None

    def choices(path, err, backups):
        dialog = DatabaseProblemDialog(path, err, backups)
        try:
            return set(dialog.buttons), dialog.text.text()
        finally:
            dialog.deleteLater()

    from gui.app import single_instance

    assert single_instance.claim(db_path) and not stick.exists()  # the lock makes no folder either
    try:
        service = open_with_recovery(None, db_path, ask=ask)
        try:
            (code, (buttons, text)), = asked
            assert code == "db_folder_missing" and Choice.RETRY in buttons and "USB" in text
            assert service.db_path == db_path and db_path.is_file()
            assert single_instance.lock_path(db_path).is_file()  # locked once the folder was there
        finally:
            service.close()
    finally:
        single_instance.release(db_path)
