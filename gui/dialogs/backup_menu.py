"""The File menu's 备份与恢复… action; the dialog itself loads when first opened (start-up stays quick)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

translate = QCoreApplication.translate


def backup_action(window) -> QAction:
    """The File menu's 备份与恢复… action of `window`."""
    action = QAction(translate("BackupDialog", "&Backups and restore…"), window)
    action.setToolTip(translate("BackupDialog", "Back up the database now, or go back to an earlier backup"))

    def open_dialog() -> None:
        if window.service is not None:
            from gui.dialogs.backup_dialog import BackupDialog

            BackupDialog(window).exec()

    action.triggered.connect(open_dialog)
    return action
