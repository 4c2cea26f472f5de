"""A bug shows a plain dialog and lands in a log file; a typed error shows its one-line message."""

from __future__ import annotations

import sys

import gui.errors as errors
from core.errors import StoreError


def raise_and_hook(exc: BaseException) -> None:
    try:
        raise exc
    except BaseException:
        sys.excepthook(*sys.exc_info())


def test_a_bug_is_logged_and_shown_without_a_traceback(qapp, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(errors, "show_crash", lambda parent, details, log: shown.append((details, log)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    errors.install_excepthook(tmp_path)
    raise_and_hook(ZeroDivisionError("division by zero"))
    log = tmp_path / errors.LOG_FILE_NAME
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")
    assert shown and shown[0][1] == log


def test_a_typed_error_escaping_a_slot_shows_its_message(qapp, tmp_path, monkeypatch, zh_translation):
    shown = []
    monkeypatch.setattr(errors.QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors.install_excepthook(tmp_path)
    raise_and_hook(StoreError("db_locked", path="D:/台账.sqlite3"))
    assert shown == ["数据库正被另一个程序使用：D:/台账.sqlite3"]
