"""One window per database: a second start is told so and brings nothing up; crashed locks are taken over."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from gui.app import single_instance
from gui.app.single_instance import DatabaseLock, lock_path

ROOT = Path(__file__).resolve().parents[2]
HOLDER = r"""
import os, sys
sys.path.insert(0, sys.argv[2])
from gui.app.single_instance import DatabaseLock
lock = DatabaseLock(sys.argv[1])
print("locked" if lock.acquire() else "refused", flush=True)
if sys.argv[3] == "crash":
    os._exit(0)  # as if killed: the lock file stays behind
sys.stdin.readline()
"""


def hold_in_process(db_path: Path, how: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path), str(ROOT), how], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


@pytest.fixture
def told(monkeypatch):
    """What the clerk was told in message boxes (none is shown for real)."""
    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: messages.append(text))
    yield messages
    single_instance.release()


def test_second_lock_on_one_database_is_refused_until_the_first_lets_go(qapp, db_path):
    first, second = DatabaseLock(db_path), DatabaseLock(db_path)
    assert first.acquire()
    assert lock_path(db_path).exists()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_database_open_in_another_process_is_refused_with_a_message(qapp, db_path, told):
    proc = hold_in_process(db_path, "hold")
    try:
        assert not single_instance.claim(db_path)
        assert len(told) == 1 and str(db_path.resolve()) in told[0]
    finally:
        proc.communicate("\n", timeout=30)
    assert single_instance.claim(db_path)  # closed there: free here


def test_lock_left_by_a_crashed_process_is_taken_over(qapp, db_path, told):
    proc = hold_in_process(db_path, "crash")
    proc.wait(timeout=30)
    assert lock_path(db_path).exists()
    assert single_instance.claim(db_path)
    assert told == []


def test_lock_from_another_computer_is_taken_only_when_the_clerk_agrees(qapp, db_path, told, monkeypatch):
    lock_path(db_path).parent.mkdir(parents=True, exist_ok=True)
    lock_path(db_path).write_text("4242\ntaizhang\noffice-pc-7\n", encoding="utf-8")
    answers = [False, True]
    monkeypatch.setattr(single_instance, "_take_over_asked", lambda lock, parent: answers.pop(0))
    assert not single_instance.claim(db_path)  # the clerk said no
    assert single_instance.claim(db_path)
    assert told == []


SECOND_START = r"""
import os, sys
sys.path.insert(0, sys.argv[2])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QMessageBox
QMessageBox.information = lambda parent, title, text: print("TOLD", text.splitlines()[0], flush=True)
import main
code = main.main(["--db", sys.argv[1]])
shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
print("EXIT", code, "WINDOWS", len(shown), flush=True)
"""


def test_second_start_is_told_and_shows_no_window(db_path):
    held = DatabaseLock(db_path)
    assert held.acquire()
    try:
        res = subprocess.run([sys.executable, "-c", SECOND_START, str(db_path), str(ROOT)], capture_output=True,
                             text=True, encoding="utf-8", timeout=120, cwd=ROOT)
    finally:
        held.release()
    assert "TOLD" in res.stdout and "EXIT 1 WINDOWS 0" in res.stdout, res.stdout + res.stderr
