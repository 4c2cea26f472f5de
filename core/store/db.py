"""The one database object: a peewee proxy bound at start-up to one SQLite file.

Tests bind a temporary file exactly the same way. `SqliteDatabase(` appears only here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import DatabaseProxy, OperationalError, SqliteDatabase

from core.errors import StoreError

database = DatabaseProxy()

# synchronous=FULL: in WAL mode NORMAL already survives an application crash, but can lose the
# last commits on power loss or a yanked USB stick. The clerk's writes come at human pace, so
# the extra fsync per commit costs nothing they can notice and buys durability for a year of notes.
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 5000,
}

SQLITE_MAGIC = b"SQLite format 3\x00"


def _check_file(path: Path) -> None:
    """Refuse a file that is not SQLite before peewee touches it (and never rewrite it)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head != SQLITE_MAGIC:
        raise StoreError("db_not_taizhang", path=str(path))


def open_database(path: Path) -> SqliteDatabase:
    """Open (creating if absent) the SQLite file at `path` and bind the proxy to it."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError("db_readonly", path=str(path.parent)) from exc
    _check_file(path)
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("PRAGMA schema_version").fetchone()  # forces SQLite to read the header
    except (OperationalError, sqlite3.DatabaseError) as exc:
        db.close()
        text = str(exc).lower()
        if "readonly" in text or "unable to open" in text:
            raise StoreError("db_readonly", path=str(path)) from exc
        if "locked" in text:
            raise StoreError("db_locked", path=str(path)) from exc
        raise StoreError("db_damaged", path=str(path)) from exc
    database.initialize(db)
    return db


def close_database() -> None:
    if database.obj is not None and not database.obj.is_closed():
        database.obj.close()
