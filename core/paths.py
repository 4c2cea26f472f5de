"""Where things live: the data folder (per-user or portable) and bundled resources.

Resource paths resolve the same from source and from a PyInstaller bundle (sys._MEIPASS).
"""

from __future__ import annotations

import sys
from pathlib import Path

from core.version import APP_NAME

DB_FILE_NAME = "taizhang.sqlite3"


def app_dir() -> Path:
    """The folder holding the program: the executable's when frozen, else the source tree."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def resource_dir() -> Path:
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) / "resources" if base else app_dir() / "resources"


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def portable_data_dir() -> Path | None:
    """A `data/` folder next to the program switches on portable mode (e.g. a USB stick)."""
    candidate = app_dir() / "data"
    return candidate if candidate.is_dir() else None


def data_dir() -> Path:
    portable = portable_data_dir()
    if portable is not None:
        return portable
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_db_path() -> Path:
    """The database in the data folder; the folder is made here (the program's own), the file is not."""
    folder = data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # opening then says the folder is missing or read-only, in the clerk's words
    return folder / DB_FILE_NAME


def evidence_dir(db_path: Path) -> Path:
    """Evidence files live beside the database they belong to."""
    return Path(db_path).parent / "evidence"
