"""Judging a database file without writing to it, and naming what went wrong: no peewee here, so the
window's first paint can read a plan before the store is loaded (core/service/first_look.py).
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from core.errors import StoreError
from core.store.identity import connect_readonly, has_sqlite_header, identify

# SQLite primary result codes (the low byte of sqlite_errorcode) → our error codes. Messages are
# never parsed: after a failed COMMIT the text is often a follow-up ("cannot rollback - no
# transaction is active") while the code of the first failure says what happened.
_BY_SQLITE_CODE = {
    sqlite3.SQLITE_FULL: "db_full",
    sqlite3.SQLITE_READONLY: "db_readonly",
    sqlite3.SQLITE_PERM: "db_readonly",
    sqlite3.SQLITE_CANTOPEN: "db_readonly",
    sqlite3.SQLITE_BUSY: "db_locked",
    sqlite3.SQLITE_LOCKED: "db_locked",
    sqlite3.SQLITE_IOERR: "db_io_error",
    sqlite3.SQLITE_CORRUPT: "db_damaged",
    sqlite3.SQLITE_NOTADB: "db_damaged",
}
_BY_ERRNO = {errno.ENOSPC: "db_full", getattr(errno, "EDQUOT", errno.ENOSPC): "db_full",
             errno.EROFS: "db_readonly", errno.EACCES: "db_readonly", errno.EPERM: "db_readonly",
             errno.EIO: "db_io_error"}


def _chain(exc: BaseException):
    """`exc`, what it wraps (peewee keeps the sqlite3 error as its first argument) and its causes."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        e = todo.pop(0)
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        todo += [a for a in e.args[:1] if isinstance(a, BaseException)] + [e.__cause__, e.__context__]


def error_code(exc: BaseException) -> str | None:
    """Our code for a low-level failure, from SQLite's result code or the OS's errno; None if neither says."""
    for e in _chain(exc):
        if isinstance(e, sqlite3.Error):
            code = _BY_SQLITE_CODE.get((getattr(e, "sqlite_errorcode", None) or 0) & 0xFF)
            if code:
                return code
        elif isinstance(e, OSError) and e.errno in _BY_ERRNO:
            return _BY_ERRNO[e.errno]
    return None


def store_error(exc: BaseException, path: Path | str, default: str = "db_write_failed") -> StoreError:
    """The StoreError the clerk reads for `exc`: disk full, read-only, locked, I/O, damaged."""
    code = error_code(exc) or default
    return StoreError(code, path=str(path)) if code != "db_write_failed" else StoreError(code, detail=str(exc))


def check_before_opening(path: Path, *, empty_is_new: bool = True, integrity: bool = True) -> None:
    """Refuse a foreign, damaged or unreadable file before a pragma could write to it.

    Runs on a read-only connection, so a refused file is left exactly as it was found. A file
    passes only when it is positively ours (identity.py) or an empty new database. PRAGMA
    integrity_check walks every page and index: quick_check let damage through that a full
    check finds, and the first write of a session must not build on a bad page. It costs 40–60 ms
    on 5,000 tasks (benchmarks/run.py integrity), so the window opens with `integrity=False` and
    runs `check_integrity` after its first paint, holding every write until it has passed
    (core/service/opening.py).
    A zero-byte file is a new database only when `empty_is_new` (no backups of it exist);
    otherwise it is what is left of one (or not a database at all), and is refused.
    """
    if path.is_dir():
        raise StoreError("db_is_dir", path=str(path))
    if not path.exists():
        return
    try:
        size = path.stat().st_size
        if size == 0:
            if empty_is_new:
                return
            raise StoreError("db_empty", path=str(path))
        if not has_sqlite_header(path):
            raise StoreError("db_not_taizhang", path=str(path))
    except OSError as exc:
        raise store_error(exc, path, "db_damaged") from exc
    with _checking(path) as con:
        found = identify(con)
        if not (found.ours or found.empty):
            raise StoreError("db_not_taizhang", path=str(path))
        if integrity:
            _integrity(con, path)


def check_integrity(path: Path) -> None:
    """SQLite's full integrity check of the file at `path`, on a read-only connection of its own
    (so a worker thread can run it while the window reads through the main one); raises
    StoreError("db_damaged")."""
    if not path.is_file() or path.stat().st_size == 0:
        return  # nothing there yet: a new database, set up by this session
    with _checking(path) as con:
        _integrity(con, path)


def _integrity(con: sqlite3.Connection, path: Path) -> None:
    if con.execute("PRAGMA integrity_check(1)").fetchall() != [(b"ok",)]:
        raise StoreError("db_damaged", path=str(path))


class _checking:
    """A read-only connection for a check, whose low-level failures read as a damaged file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.con: sqlite3.Connection | None = None

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.con = connect_readonly(self.path)
        except (OSError, sqlite3.Error) as exc:
            raise store_error(exc, self.path, "db_damaged") from exc
        self.con.text_factory = bytes  # a damaged page can make SQLite's report invalid UTF-8
        return self.con

    def __exit__(self, exc_type, exc, tb) -> bool:
        self.con.close()
        if isinstance(exc, sqlite3.Error):
            raise store_error(exc, self.path, "db_damaged") from exc
        if isinstance(exc, UnicodeDecodeError):  # SQLite's message about a damaged page, itself garbled
            raise StoreError("db_damaged", path=str(self.path)) from exc
        return False
