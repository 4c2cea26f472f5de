"""Numbered schema steps on PRAGMA user_version; each runs in one transaction.

A step is appended, never edited, once released. Before upgrading a database that already
holds data, a copy is taken beside it through SQLite's online backup API.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from peewee import SqliteDatabase

from core.errors import StoreError
from core.store.backup import make_backup
from core.store.tables import ALL_TABLES


def _v1(db: SqliteDatabase) -> None:
    db.create_tables(ALL_TABLES)


MIGRATIONS: list[Callable[[SqliteDatabase], None]] = [_v1]
LATEST = len(MIGRATIONS)


def schema_version(db: SqliteDatabase) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def _has_tables(db: SqliteDatabase) -> bool:
    row = db.execute_sql("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()
    return bool(row[0])


def migrate(db: SqliteDatabase, path: Path | None = None) -> int:
    """Bring the schema up to LATEST; refuses foreign databases and ones newer than the app."""
    current = schema_version(db)
    if current > LATEST:
        raise StoreError("db_too_new", found=current, supported=LATEST)
    if current == 0 and _has_tables(db):
        raise StoreError("db_not_taizhang", path=str(path or ""))
    if current and current < LATEST and path is not None:
        make_backup(db.connection(), path, "migration")
    for version in range(current + 1, LATEST + 1):
        with db.atomic():
            MIGRATIONS[version - 1](db)
            db.execute_sql(f"PRAGMA user_version = {version}")
    return LATEST
