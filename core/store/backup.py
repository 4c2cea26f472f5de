"""Backups through SQLite's online backup API: consistent copies of a live database.

Kept beside the database in `backups/`: the newest KEEP_LAST, plus the newest of every month
older than those, so a year of work can always be rolled back to any month.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from core.errors import StoreError

KEEP_LAST = 20
NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}(?:-\d+)?)-(?P<reason>[a-z-]+)\.sqlite3$")
REASONS_ZH = {"daily": "每日自动", "import": "导入前", "migration": "升级前", "restore": "恢复前",
              "delete": "删除计划前", "manual": "手动"}


@dataclass
class BackupInfo:
    path: Path
    created: dt.datetime
    reason: str
    plans: int | None  # None when the copy cannot be read
    tasks: int | None

    @property
    def reason_zh(self) -> str:
        return REASONS_ZH.get(self.reason, self.reason)


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Write a consistent copy of `source` to `target`, atomically (temp file, then replace)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    dest = sqlite3.connect(str(tmp))
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()
    os.replace(tmp, target)


def make_backup(source: sqlite3.Connection, db_path: Path, reason: str,
                now: dt.datetime | None = None) -> Path:
    """Back up the live database; `reason` is one of REASONS_ZH's keys."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = backup_dir(db_path)
    target = folder / f"{Path(db_path).stem}-{stamp}-{reason}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{Path(db_path).stem}-{stamp}-{n}-{reason}.sqlite3"
    try:
        copy_database(source, target)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError("backup_failed", detail=str(exc)) from exc
    prune(db_path)
    return target


def _parse(path: Path) -> tuple[dt.datetime, str] | None:
    m = NAME.match(path.name)
    if not m:
        return None
    created = dt.datetime.strptime(m.group("stamp")[:15], "%Y%m%d-%H%M%S")
    return created, m.group("reason")


def _counts(path: Path) -> tuple[int | None, int | None]:
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            plans = con.execute("SELECT count(*) FROM plan").fetchone()[0]
            tasks = con.execute("SELECT count(*) FROM progress").fetchone()[0]
            return plans, tasks
        finally:
            con.close()
    except sqlite3.Error:
        return None, None


def list_backups(db_path: Path, with_counts: bool = True) -> list[BackupInfo]:
    """Backups of this database, newest first."""
    folder = backup_dir(db_path)
    found = []
    for path in folder.glob(f"{Path(db_path).stem}-*.sqlite3") if folder.is_dir() else []:
        parsed = _parse(path)
        if parsed:
            plans, tasks = _counts(path) if with_counts else (None, None)
            found.append(BackupInfo(path, parsed[0], parsed[1], plans, tasks))
    return sorted(found, key=lambda b: (b.created, _mtime(b.path)), reverse=True)


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def prune(db_path: Path, keep_last: int = KEEP_LAST) -> list[Path]:
    """Delete backups beyond the newest `keep_last`, keeping the newest of each older month."""
    _remove_stale_parts(db_path)
    backups = list_backups(db_path, with_counts=False)
    months_kept: set[tuple[int, int]] = set()
    removed = []
    for b in backups[keep_last:]:
        month = (b.created.year, b.created.month)
        if month in months_kept or any((x.created.year, x.created.month) == month for x in backups[:keep_last]):
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                pass
        else:
            months_kept.add(month)
    return removed


def _remove_stale_parts(db_path: Path, older_than: dt.timedelta = dt.timedelta(hours=1)) -> None:
    """Half-written copies left by a crash mid-backup (never listed, so never restored)."""
    folder = backup_dir(db_path)
    cutoff = dt.datetime.now().timestamp() - older_than.total_seconds()
    for part in folder.glob(f"{Path(db_path).stem}-*.sqlite3.part") if folder.is_dir() else []:
        try:
            if part.stat().st_mtime < cutoff:
                part.unlink()
        except OSError:
            pass


def newest_age(db_path: Path, now: dt.datetime | None = None) -> dt.timedelta | None:
    backups = list_backups(db_path, with_counts=False)
    return (now or dt.datetime.now()) - backups[0].created if backups else None


def verify_backup(backup_path: Path, max_version: int | None = None) -> None:
    """Raise unless `backup_path` is an intact Taizhang database no newer than `max_version`."""
    if not Path(backup_path).is_file():
        raise StoreError("backup_missing", path=str(backup_path))
    try:
        src = sqlite3.connect(f"{Path(backup_path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError("db_damaged", path=str(backup_path)) from exc
    try:
        intact = src.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        version = src.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError("db_damaged", path=str(backup_path)) from exc
    finally:
        src.close()
    if not intact:
        raise StoreError("db_damaged", path=str(backup_path))
    if version < 1:
        raise StoreError("db_not_taizhang", path=str(backup_path))
    if max_version is not None and version > max_version:
        raise StoreError("db_too_new", found=version, supported=max_version)


def restore_into(target: sqlite3.Connection, backup_path: Path, max_version: int | None = None) -> None:
    """Overwrite the live database's content with a backup's, inside SQLite (no file juggling).

    The backup is checked first, so a bad choice never replaces good data; the copy itself is
    one write transaction.
    """
    verify_backup(backup_path, max_version)
    src = sqlite3.connect(f"{Path(backup_path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        src.backup(target)
    except sqlite3.Error as exc:
        raise StoreError("db_write_failed", detail=str(exc)) from exc
    finally:
        src.close()


def replace_with_backup(db_path: Path, backup_path: Path, max_version: int | None = None,
                        now: dt.datetime | None = None) -> Path | None:
    """Put a backup where a database that cannot be opened was, moving that file aside, never deleting it.

    For a damaged, foreign or too-new file (restore_into needs an open database). The damaged
    file and its -wal/-shm become `<name>.damaged-<stamp>…`; returns that path (None if there
    was no file). The backup is checked and copied before anything is moved.
    """
    db_path = Path(db_path)
    verify_backup(backup_path, max_version)
    fresh = db_path.with_name(db_path.name + ".restoring")
    try:
        src = sqlite3.connect(f"{Path(backup_path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            copy_database(src, fresh)
        finally:
            src.close()
        aside = None
        if db_path.exists():
            stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
            aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
            n = 1
            while aside.exists():
                n += 1
                aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}-{n}")
            for suffix in ("", "-wal", "-shm"):  # an old WAL must never be replayed into the backup
                part = Path(f"{db_path}{suffix}")
                if part.exists():
                    os.replace(part, f"{aside}{suffix}")
        os.replace(fresh, db_path)
    except (OSError, sqlite3.Error) as exc:
        fresh.unlink(missing_ok=True)
        raise StoreError("db_write_failed", detail=str(exc)) from exc
    return aside
