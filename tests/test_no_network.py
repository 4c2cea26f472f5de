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


MANY = GUARD.split("sys.argv = ")[0] + r"""
import json
sys.path.insert(0, os.getcwd())
import main
for argv in json.loads(sys.argv[1]):
    print("EXIT", main.main(argv), *argv, flush=True)
if "PySide6.QtNetwork" in sys.modules:
    os.write(2, b"NETWORK QtNetwork imported\n")
    os._exit(98)
"""


def test_importing_every_fixture_format_and_exporting_open_no_socket(tmp_path):
    """One process, many commands: every fixture file imported, then exports, a backup and a restore."""
    import json

    db = str(tmp_path / "t.sqlite3")
    from core.readers.ocr import available as ocr_installed

    files = sorted(p for p in (ROOT / "tests" / "fixtures").glob("*/*.*")
                   if p.parent.name != "schemas" and "locked" not in p.name
                   and (p.parent.name != "scan" or ocr_installed()))  # scans need the OCR extra
    assert {p.parent.name for p in files} >= {"docx", "html", "pdf", "txt", "xlsx"}
    steps = [["--db", db, "import", "--again", str(p)] for p in files]  # one plan in many formats
    steps += [["--db", db, "export", "--plan", "1", "--format", fmt, "--evidence", "--reporter", "县政府办公室",
               "--out", str(tmp_path / f"out.{fmt}")] for fmt in ("docx", "xlsx")]
    steps += [["--db", db, "export", "--plan", "2", "--style", "report", "--reporter", "县政府办公室",
               "--out", str(tmp_path / "report.docx")],
              ["--db", db, "backup"], ["--db", db, "check"]]
    res = subprocess.run([sys.executable, "-c", MANY, json.dumps(steps)], cwd=ROOT, capture_output=True, text=True,
                         encoding="utf-8", timeout=600)
    assert "NETWORK" not in res.stderr and res.returncode == 0, res.stderr
    exits = [line.split()[1] for line in res.stdout.splitlines() if line.startswith("EXIT ")]
    assert exits == ["0"] * len(steps), res.stdout + res.stderr
    assert (tmp_path / "out.docx").stat().st_size and (tmp_path / "out.xlsx").stat().st_size


@pytest.mark.skipif(not (ROOT / "gui" / "app" / "launch.py").exists(), reason="no window yet")
def test_the_window_self_test_opens_no_socket():
    res = guarded("--self-test")
    assert "NETWORK" not in res.stderr and res.returncode == 0, res.stderr
