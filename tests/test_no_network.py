"""The app never opens a socket: every command runs under an audit hook that fails on any."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUARD = r"""
import os, sys, runpy
EVENTS = {"socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo",
          "socket.gethostbyname", "socket.sendto", "urllib.Request", "http.client.connect"}
def hook(event, args):
    if event in EVENTS:
        os.write(2, f"NETWORK {event} {args!r}\n".encode())
        os._exit(99)
sys.addaudithook(hook)
sys.argv = ["main.py", *sys.argv[1:]]
sys.path.insert(0, os.getcwd())
try:
    runpy.run_path("main.py", run_name="__main__")
finally:
    if "PySide6.QtNetwork" in sys.modules:
        os.write(2, b"NETWORK QtNetwork imported\n")
        os._exit(98)
"""


def guarded(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", GUARD, *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=300, env={**__import__("os").environ,
                                                             "QT_QPA_PLATFORM": "offscreen"})


def test_import_track_and_check_open_no_socket(tmp_path, shared_dir):
    db = str(tmp_path / "t.sqlite3")
    for plan in sorted((shared_dir / "plans").iterdir()):
        res = guarded("parse", "--json", str(plan))
        assert "NETWORK" not in res.stderr and res.returncode == 0, res.stderr
    steps = [("import", str(ROOT / "resources" / "sample_plan.json")), ("import", str(next(
        (shared_dir / "plans").glob("*.docx")))), ("status", "--json"), ("list", "--plan", "1", "--mine"),
        ("mark", "--node", "3", "--status", "已完成"), ("backup",), ("check",)]
    for step in steps:
        res = guarded("--db", db, *step)
        assert "NETWORK" not in res.stderr and res.returncode == 0, (step, res.stderr)


@pytest.mark.skipif(not (ROOT / "gui" / "app.py").exists(), reason="no window yet")
def test_the_window_self_test_opens_no_socket():
    res = guarded("--self-test")
    assert "NETWORK" not in res.stderr and res.returncode == 0, res.stderr
