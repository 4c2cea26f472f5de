"""The layering rules STYLE.md sets, checked rather than hoped for."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_core_imports_no_qt():
    code = (
        "import sys, pkgutil, importlib, core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def test_gui_does_not_touch_peewee():
    offenders = [p.name for p in (ROOT / "gui").rglob("*.py")
                 if re.search(r"^\s*(from|import)\s+(peewee|core\.store)", p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []


def test_one_place_creates_the_database():
    hits = [p.relative_to(ROOT).as_posix() for p in ROOT.glob("[cg]*/**/*.py")
            if "SqliteDatabase(" in p.read_text(encoding="utf-8")]
    assert hits == ["core/store/db.py"]
