"""File ▸ 备份与恢复: the database's backups with their date, reason and size; back up now; restore one.

Restoring backs up the current state first (the service does that), so a restore can itself be
undone by restoring that copy; afterwards the window reloads, since plans may have changed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import TaizhangError
from gui.app.i18n import ui_language
from gui.errors import show_error


class BackupList(QTreeWidget):
    """Backups newest first: when, why, how many plans and tasks; unreadable ones greyed out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Date"), self.tr("Reason"), self.tr("Plans"), self.tr("Tasks")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setMinimumWidth(460)

    def fill(self, backups, select: Path | None = None) -> None:
        """Show `backups` (core.store.backup.BackupInfo, newest first) and select `select` or the newest."""
        self.clear()
        lang = ui_language()
        for info in backups:
            readable = info.plans is not None
            row = QTreeWidgetItem([info.created.strftime("%Y-%m-%d %H:%M"), info.reason_text(lang),
                                   str(info.plans) if readable else self.tr("unreadable"),
                                   str(info.tasks) if readable else ""])
            row.setData(0, Qt.ItemDataRole.UserRole, info)
            row.setToolTip(0, str(info.path))
            for column in (2, 3):
                row.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not readable:
                row.setFlags(row.flags() & ~Qt.ItemFlag.ItemIsSelectable & ~Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(row)
            if readable and (self.currentItem() is None or info.path == select):
                self.setCurrentItem(row)

    def chosen(self):
        """The selected backup (BackupInfo), or None."""
        row = self.currentItem()
        return row.data(0, Qt.ItemDataRole.UserRole) if row is not None and row.isSelected() else None


class BackupDialog(QDialog):
    """Lists the backups of the window's database; 立即备份 and 恢复 act on it directly."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.main = window
        self.setWindowTitle(self.tr("Backups and restore"))
        folder = window.service.db_path.parent / "backups"
        intro = QLabel(self.tr("A backup is a copy of the whole database. One is made on each day you work, "
                               "and before every import, plan deletion, upgrade and restore. The newest 20 "
                               "are kept, and one for each month before them.\n\nFolder: %1")
                       .replace("%1", str(folder)))
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder = folder
        self.list = BackupList()
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda *_: self.restore_chosen())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.folder_button = QPushButton(self.tr("Open folder"))
        for button in (self.backup_button, self.restore_button, self.folder_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setAutoDefault(False)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_chosen)
        self.folder_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder))))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(620, 420)
        self.reload()

    def reload(self, select: Path | None = None) -> None:
        self.list.fill(self.main.service.backups(), select)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.list.chosen() is not None)
        self.folder_button.setEnabled(self.folder.is_dir())

    def back_up_now(self) -> Path | None:
        self.main.panel.flush_note()  # the copy includes what was just typed
        try:
            made = self.main.service.backup_now("manual")
        except TaizhangError as err:
            show_error(self, err)
            return None
        self.reload(made)
        return made

    def restore_chosen(self) -> bool:
        """Ask, then put the chosen backup's data in place of the current data. True when restored."""
        info = self.list.chosen()
        if info is None or not self.confirm(info):
            return False
        window = self.main
        window.panel.flush_note()
        if not window.ctx.pending.retry():  # an edit still waiting for the disk would land on the old data
            show_error(self, window.ctx.pending.error)
            return False
        try:
            change = window.service.restore_backup(info.path, initiator=self)
        except TaizhangError as err:
            show_error(self, err)
            return False
        window.ctx.announce(change)  # every view re-reads; showing the plans afresh clears the undo stack
        self.reload()
        QMessageBox.information(self, self.tr("Restored"),
                                self.tr("The data is now as it was on %1. The state before the restore "
                                        "was backed up too, and is listed as “Before a restore”.")
                                .replace("%1", info.created.strftime("%Y-%m-%d %H:%M")))
        return True

    def confirm(self, info) -> bool:
        text = self.tr("Restore the backup of %1 (%2 plans, %3 tasks)?\n\nAll plans and progress will be as "
                       "they were then; changes made since are replaced. The current state is backed up "
                       "first, so you can go back to it.")
        text = text.replace("%1", info.created.strftime("%Y-%m-%d %H:%M")).replace("%2", str(info.plans))
        answer = QMessageBox.question(self, self.tr("Restore backup"), text.replace("%3", str(info.tasks)),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
