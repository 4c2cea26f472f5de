"""Build the GUI translations: resources/i18n/*.ts → *.qm (run at build/CI time; *.qm is not in git).

    python tools/build_translations.py            # compile every .ts with lrelease
    python tools/build_translations.py --update   # first refresh the .ts from gui/**/*.py with lupdate

After --update, fill the new <translation> entries (Qt Linguist or an editor) and commit the .ts;
tests/gui/test_translations.py fails while any entry is unfinished. Messages core words (errors,
import warnings, status names…) are not in the .ts: core/messages.py holds them in both languages.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """A Qt tool from the running interpreter's environment, else from PATH."""
    here = Path(sys.executable).parent / name
    for candidate in (here, here.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -r requirements-dev.txt)")
    return found


def gui_sources() -> list[Path]:
    """Every module under gui/, sub-packages included, so a dialog moved into one stays translated."""
    return sorted(p for p in (ROOT / "gui").rglob("*.py") if "__pycache__" not in p.parts)


def update() -> None:
    sources = [str(p.relative_to(ROOT)) for p in gui_sources()]
    for lang in LANGUAGES:
        ts = I18N / f"taizhang_{lang}.ts"
        subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-target-language", lang,
                        "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, check=True)


def release() -> list[Path]:
    built = []
    for ts in sorted(I18N.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="refresh the .ts files from gui/**/*.py first")
    args = ap.parse_args(argv)
    if args.update:
        update()
    for qm in release():
        print(qm.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
