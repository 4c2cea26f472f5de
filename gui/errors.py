"""The one place the GUI shows errors: a typed error in its catalogue words (core/messages.py) in
the interface's language, a bug as a "something went wrong" dialog with copyable details and a
log file. Never a traceback.
"""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from core.errors import TaizhangError
from core.messages import say, words
from gui.app.i18n import ui_language

LOG_FILE_NAME = "taizhang-errors.log"
translate = QCoreApplication.translate


def error_text(err: TaizhangError) -> str:
    """A plain one-line message for `err` in the interface's language, from core's catalogue."""
    return say(err, ui_language())


def catalogue_text(code: str, **params: object) -> str:
    """A catalogue message that no error carries (a file the window itself found missing)."""
    return words(code, params, ui_language())


def show_error(parent: QWidget | None, err: TaizhangError, title: str | None = None) -> None:
    """Tell the clerk what went wrong, in one sentence."""
    QMessageBox.warning(parent, title or translate("Errors", "Taizhang"), error_text(err))


def install_excepthook(log_dir: Path) -> None:
    """Route every escaped exception to a dialog and a log file instead of a console traceback."""
    log_path = Path(log_dir) / LOG_FILE_NAME

    def hook(exc_type, exc, tb) -> None:
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        _log(log_path, details)
        if QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        parent = QApplication.activeWindow()
        if isinstance(exc, TaizhangError):
            show_error(parent, exc)
        else:
            show_crash(parent, details, log_path)

    sys.excepthook = hook


def show_crash(parent: QWidget | None, details: str, log_path: Path) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, translate("Errors", "Program error"),
                      translate("Errors", "Something went wrong in the program. Your data saved so far is safe.\n"
                          "The details were written to {path}.").format(path=log_path), parent=parent)
    box.setDetailedText(details)
    copy = box.addButton(translate("Errors", "Copy details"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.disconnect()  # keep the box open after copying
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.exec()


def _log(path: Path, details: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n{details}\n")
    except OSError:
        pass
