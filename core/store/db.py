"""The one database object: a peewee proxy bound at start-up to one SQLite file.

Tests bind a temporary file exactly the same way. `SqliteDatabase(` appears only here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from peewee import DatabaseProxy, PeeweeException, SqliteDatabase

from core.errors import StoreError
from core.store.identity import readonly_uri
from core.store.safety import check_before_opening, error_code, store_error

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
# A read-only connection sets nothing that is stored in the file (journal_mode would write).
READONLY_PRAGMAS = {"foreign_keys": 1, "busy_timeout": 5000, "query_only": 1}

def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


class _Database(SqliteDatabase):
    """SqliteDatabase whose connections read text that is not UTF-8 (a flipped bit in a note that
    no page check notices) as U+FFFD instead of raising on the whole query; `check` lists it."""

    def _add_conn_hooks(self, conn: sqlite3.Connection) -> None:
        super()._add_conn_hooks(conn)
        conn.text_factory = _decode


def open_database(path: Path, *, readonly: bool = False, empty_is_new: bool = True,
                  integrity: bool = True) -> SqliteDatabase:
    """Open the SQLite file at `path` (creating it if absent, unless `readonly`) and bind the proxy.

    The folder must exist: a mistyped path must not quietly grow a tree of new folders. Every
    write transaction begins IMMEDIATE, so a second writer (the window and a CLI command) waits
    for the lock through busy_timeout instead of failing at once when it upgrades a read lock.
    `integrity=False` leaves the full check to the caller, who must run it before the first write.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise StoreError("db_folder_missing", path=str(path.parent))
    if readonly and not path.exists():
        raise StoreError("db_missing", path=str(path))
    check_before_opening(path, empty_is_new=empty_is_new and not readonly, integrity=integrity)
    if readonly:
        try:
            uri = readonly_uri(path)
        except sqlite3.Error as exc:
            raise store_error(exc, path, "db_damaged") from exc
        db = _Database(uri, pragmas=READONLY_PRAGMAS, check_same_thread=False, uri=True)
    else:
        db = _Database(str(path), pragmas=PRAGMAS, check_same_thread=False, lock_type="IMMEDIATE")
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("PRAGMA schema_version").fetchone()  # forces SQLite to read the header
    except (sqlite3.Error, PeeweeException) as exc:
        db.close()
        code = error_code(exc) or "db_damaged"
        raise StoreError(code, path=str(path)) from exc
    database.initialize(db)
    return db


def sidecars(path: Path) -> bool:
    """Whether the -wal or -shm file of `path` exists (another connection may be using them)."""
    return any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm"))


def tidy_after_readonly(path: Path) -> None:
    """Remove the empty -wal and the -shm a read-only connection had to create and cannot delete.

    Done the SQLite way: a plain connection opened and closed as the last one deletes both, and
    leaves them alone if any other connection (a window) is using the database. Only for an intact
    WAL database whose -wal is empty, so that nothing (no checkpoint, no journal) can change the file.
    """
    wal = Path(f"{path}-wal")
    try:
        if not wal.exists() or wal.stat().st_size > 0 or Path(f"{path}-journal").exists():
            return  # not WAL sidecars we made, or a log that a checkpoint would write back
        con = sqlite3.connect(str(path))
        try:
            con.execute("PRAGMA schema_version").fetchone()
        finally:
            con.close()
    except (OSError, sqlite3.Error):
        pass  # a read-only medium: nothing could be created there either


def open_empty_view() -> SqliteDatabase:
    """An empty in-memory database bound like a real one: what a read-only command sees where no
    database exists yet, without creating one."""
    db = SqliteDatabase(":memory:", pragmas={"foreign_keys": 1})
    db.connect(reuse_if_open=True)
    database.initialize(db)
    return db


def checkpoint(db: SqliteDatabase) -> bool:
    """Copy every committed change from the -wal file into the database file itself.

    PASSIVE never waits for readers, so it is safe to run from the window's idle timer; True when
    the main file now holds everything (a copy of it alone is then complete).
    """
    busy, log, done = db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return busy == 0 and log == done


def checkpoint_if_reachable(db: SqliteDatabase) -> bool:
    """checkpoint(), or False when the file is away or busy (the next idle tick tries again)."""
    try:
        return checkpoint(db)
    except (PeeweeException, sqlite3.Error):
        return False


class WriteTransaction:
    """One BEGIN IMMEDIATE transaction whose low-level failures come out as a StoreError the
    clerk can read (disk full, USB stick gone); `before` runs first and may refuse by raising,
    `on_commit` once it committed (the service notes the write for its idle checkpoint). Nested
    uses become savepoints, as peewee's do."""

    def __init__(self, db: SqliteDatabase, path: Path, on_commit: Callable[[], None] = lambda: None,
                 before: Callable[[], None] = lambda: None) -> None:
        self.db = db
        self.ctx = db.atomic()
        self.path = str(path)
        self.on_commit = on_commit
        self.before = before

    def __enter__(self):
        if database.obj is not self.db:
            # the tables write through the process's one bound database: bound to another file (a
            # second service opened since, this one closed), this transaction would begin here and
            # write there; refused as a file that is not there, which every caller handles
            raise StoreError("db_missing", path=self.path)
        self.before()  # the service's opening check: never a write on a file it has not passed
        if not Path(self.path).exists():  # a deleted file would take writes into its orphaned WAL
            raise StoreError("db_missing", path=self.path)
        return self.ctx.__enter__()

    def __exit__(self, exc_type, exc, tb):
        try:
            result = self.ctx.__exit__(exc_type, exc, tb)
        except (PeeweeException, sqlite3.Error) as failed:  # COMMIT itself failed: disk full, USB gone
            raise store_error(failed, self.path) from failed
        if isinstance(exc, (PeeweeException, sqlite3.Error)):
            raise store_error(exc, self.path) from exc
        if exc_type is None:
            self.on_commit()
        return result


def close_database() -> None:
    if database.obj is not None and not database.obj.is_closed():
        database.obj.close()
