"""Opening the database at start-up, and what to do when it cannot be opened.

A damaged, foreign or too-new file is never repaired or overwritten: the clerk is told in plain
words and offered a backup (copied into a fresh file; the old one is kept beside it as
`<name>.damaged-<stamp>`), another database file, or to quit.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from core.errors import StoreError, TaizhangError
from gui.app import single_instance
from gui.dialogs.backup_dialog import BackupList
from gui.errors import catalogue_text, error_text, show_error

translate = QCoreApplication.translate
RESTORABLE = frozenset({"db_damaged", "db_empty", "db_not_taizhang", "db_too_new"})
MISSING = "missing"  # not an error: the file is gone but its backups are there


class Choice(enum.Enum):
    RESTORE = "restore"
    RETRY = "retry"
    NEW = "new"  # start an empty database where the missing one was
    OTHER = "other"
    QUIT = "quit"


def explanation(code: str) -> str:
    """What happened and what the clerk can do, for each reason a database does not open."""
    texts = {
        "db_damaged": translate("DatabaseProblem", "The file may have been damaged by a power cut, by a USB "
                                "stick pulled out while saving, or by a disk fault. Taizhang will not change or "
                                "repair it. You can restore a backup: the damaged file is kept beside it."),
        "db_empty": translate("DatabaseProblem", "The file is empty (0 bytes), although backups of it exist: "
                              "what it held was lost, perhaps by a crash while it was being copied. Taizhang will "
                              "not write over it. Restore a backup: the empty file is kept beside it."),
        "db_not_taizhang": translate("DatabaseProblem", "The file is not a Taizhang database (it may belong to "
                                     "another program). It has not been changed."),
        "db_too_new": translate("DatabaseProblem", "It was saved by a newer version of Taizhang. Install that "
                                "version to keep working with it. Restoring an older backup instead loses the "
                                "changes made since; the file itself is kept."),
        "db_readonly": translate("DatabaseProblem", "The file or its folder cannot be written (read-only, or "
                                 "no permission). Copy the database to a folder you can write to, or choose "
                                 "another database."),
        "db_locked": translate("DatabaseProblem", "Another program is using the database (perhaps a backup or "
                               "sync tool). Close it, then try again."),
        "db_folder_missing": translate("DatabaseProblem", "The folder that holds the database is not there: "
                                       "perhaps the USB stick is not plugged in, or the folder was moved or "
                                       "renamed. Plug it in and try again, or choose another database."),
        MISSING: translate("DatabaseProblem", "The database file is not there, but backups of it are. Restore "
                           "one, or start with an empty database."),
    }
    return texts.get(code, translate("DatabaseProblem", "Choose another database file, or try again later."))


class DatabaseProblemDialog(QDialog):
    """Says why the database did not open and offers what can be done; `choice` holds the answer."""

    def __init__(self, db_path: Path, err: TaizhangError | None, backups, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = Choice.QUIT
        code = err.code if err is not None else MISSING
        self.setWindowTitle(self.tr("The database cannot be opened"))
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32, 32))
        headline = error_text(err) if err is not None else catalogue_text("file_missing", path=db_path)
        self.headline = QLabel(f"<b>{html.escape(headline)}</b>")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QLabel(explanation(code))
        self.text.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(self.headline)
        layout.addWidget(self.text)
        self.list = BackupList()
        offer_backups = (code in RESTORABLE or code == MISSING) and bool(backups)
        if offer_backups:
            layout.addWidget(QLabel(self.tr("Backups of this database:")))
            self.list.fill(backups)
            layout.addWidget(self.list, 1)

        buttons = QDialogButtonBox()
        self.buttons: dict[Choice, QPushButton] = {}
        offered = [(Choice.RESTORE, self.tr("Restore the chosen backup"), offer_backups),
                   (Choice.NEW, self.tr("Start an empty database"), code == MISSING),
                   (Choice.RETRY, self.tr("Try again"), code in ("db_locked", "db_readonly", "db_folder_missing")),
                   (Choice.OTHER, self.tr("Open another database…"), True),
                   (Choice.QUIT, self.tr("Quit"), True)]
        for choice, text, shown in offered:
            if shown:
                button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
                button.clicked.connect(lambda _=False, c=choice: self._choose(c))
                self.buttons[choice] = button
        if Choice.RESTORE in self.buttons:
            self.list.itemSelectionChanged.connect(
                lambda: self.buttons[Choice.RESTORE].setEnabled(self.list.chosen() is not None))
            self.buttons[Choice.RESTORE].setEnabled(self.list.chosen() is not None)
            self.buttons[Choice.RESTORE].setDefault(True)
        layout.addWidget(buttons)
        self.resize(620, 460 if offer_backups else 240)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        if choice is Choice.QUIT:
            self.reject()
        else:
            self.accept()

    def chosen_backup(self) -> Path | None:
        info = self.list.chosen()
        return info.path if info is not None else None


def _ask(db_path: Path, err: TaizhangError | None, backups, parent: QWidget | None):
    dialog = DatabaseProblemDialog(db_path, err, backups, parent)
    dialog.exec()
    return dialog.choice, dialog.chosen_backup()


def _choose_file(parent: QWidget | None, start: Path) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, translate("DatabaseProblem", "Open or create a database"), str(start.parent),
        translate("DatabaseProblem", "Taizhang databases (*.sqlite3);;All files (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite)
    return Path(path) if path else None


def open_with_recovery(parent: QWidget | None, db_path: Path,
                       ask: Callable | None = None, choose_file: Callable | None = None, check_later: bool = False):
    """A PlanService on `db_path`, or on what the clerk chose instead; None when they chose to quit.

    `check_later`: the service's full integrity check and daily backup are left to
    `finish_opening` (the window runs it after its first paint).

    `ask(db_path, err, backups, parent) -> (Choice, backup path)` and `choose_file(parent, start)`
    are the dialogs; tests pass stand-ins.
    """
    from core.service.facade import PlanService

    ask = ask or _ask
    choose_file = choose_file or _choose_file
    path, create = Path(db_path), False
    while True:
        err: StoreError | None = None
        if create or path.exists() or not PlanService.backups_of(path, with_counts=False):
            try:
                service = PlanService(path, check_later=check_later)
                single_instance.lock_again(path)
                return service
            except StoreError as caught:
                err = caught
        choice, chosen = ask(path, err, PlanService.backups_of(path), parent)
        if choice is Choice.RESTORE and chosen is not None:
            try:
                aside = PlanService.replace_with_backup(path, chosen)
            except TaizhangError as failed:
                show_error(parent, failed)
                continue
            if aside is not None:
                QMessageBox.information(parent, translate("DatabaseProblem", "Backup restored"),
                                        translate("DatabaseProblem", "The backup was restored. The file that "
                                                  "could not be opened is kept as:\n%1").replace("%1", str(aside)))
        elif choice is Choice.NEW:
            create = True
        elif choice is Choice.OTHER:
            other = choose_file(parent, path)
            if other is not None and single_instance.claim(other, parent):
                single_instance.release(path)
                path = other
        elif choice is Choice.QUIT:
            return None
