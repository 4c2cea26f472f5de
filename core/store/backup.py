"""Backups through SQLite's online backup API: consistent copies of a live database.

Kept beside the database in `backups/`: the newest KEEP_LAST, plus the newest of every month
older than those, so a year of work can always be rolled back to any month; plus one copy of
every state a restore replaced, so going back is itself never lost to rotation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from core.errors import StoreError
from core.messages import Lang, term
from core.store.identity import connect_readonly, has_sqlite_header, identify
from core.store.safety import error_code, store_error

KEEP_LAST = 20
CLOCK_SLACK = dt.timedelta(minutes=5)  # a backup dated later than now + this was made under a wrong clock
NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}(?:-\d+)?)-(?P<reason>[a-z-]+)\.sqlite3$")
REASONS = ("daily", "import", "migration", "restore", "delete", "manual")  # worded as backup_reason_* in core/messages


@dataclass
class BackupInfo:
    path: Path
    created: dt.datetime
    reason: str
    plans: int | None  # None when the copy cannot be read
    tasks: int | None

    def reason_text(self, lang: Lang = "zh") -> str:
        """Why the copy was made, in `lang`; a reason this version does not know, as it is written."""
        return term(f"backup_reason_{self.reason}", lang, default=self.reason)


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Write a consistent copy of `source` to `target`, atomically (temp file, then replace).

    A copy that fails (disk full) is deleted at once, so it neither wastes the space that is
    short nor waits for the stale-part sweep.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        os.replace(tmp, target)
    except BaseException:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
        raise


def make_backup(source: sqlite3.Connection, db_path: Path, reason: str,
                now: dt.datetime | None = None, protect: Iterable[Path] = ()) -> Path:
    """Back up the live database; `reason` is one of REASONS.

    Rotation afterwards never removes a file in `protect` (the backup about to be restored).
    """
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
        code = {"db_full": "backup_full", "db_readonly": "backup_readonly"}.get(error_code(exc) or "")
        raise (StoreError(code, path=str(folder)) if code else StoreError("backup_failed", detail=str(exc))) from exc
    prune(db_path, protect=protect, now=now)
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
    except (sqlite3.Error, UnicodeDecodeError):
        return None, None


def list_backups(db_path: Path, with_counts: bool = True) -> list[BackupInfo]:
    """Backups of this database, newest first; ones dated in the future (a clock once wrong) last,
    so the dialog never offers an old copy with a wrong date as the newest."""
    folder = backup_dir(db_path)
    found = []
    for path in folder.glob(f"{Path(db_path).stem}-*.sqlite3") if folder.is_dir() else []:
        parsed = _parse(path)
        if parsed:
            plans, tasks = _counts(path) if with_counts else (None, None)
            found.append(BackupInfo(path, parsed[0], parsed[1], plans, tasks))
    limit = dt.datetime.now() + CLOCK_SLACK
    return sorted(found, key=lambda b: (b.created <= limit, b.created, _mtime(b.path)), reverse=True)


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def prune(db_path: Path, keep_last: int = KEEP_LAST, protect: Iterable[Path] = (),
          now: dt.datetime | None = None) -> list[Path]:
    """Delete backups beyond the newest `keep_last`, keeping the newest of each older month,
    every copy of a state a restore replaced (one per state), and every file in `protect`.

    Backups dated in the future (made while the PC's clock was wrong) rank after the others, so
    they never hold today's backups out of the newest `keep_last`.
    """
    _remove_stale_parts(db_path)
    backups = list_backups(db_path, with_counts=False)
    limit = (now or dt.datetime.now()) + CLOCK_SLACK
    ranked = [b for b in backups if b.created <= limit] + [b for b in backups if b.created > limit]
    keep = {b.path for b in ranked[:keep_last]}
    months_kept = {(b.created.year, b.created.month) for b in ranked[:keep_last]}
    for b in ranked[keep_last:]:
        month = (b.created.year, b.created.month)
        if month not in months_kept:
            months_kept.add(month)
            keep.add(b.path)
    keep |= {b.path for b in backups if b.reason == "restore"}  # one per state (see restore_copy_of)
    protected = {Path(p).resolve() for p in protect}
    removed = []
    for b in backups:
        if b.path not in keep and b.path.resolve() not in protected:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                pass
    return removed


_DIGESTS: dict[tuple[Path, int, int], str | None] = {}


def restore_copy_of(db_path: Path) -> Path | None:
    """The restore backup that already holds exactly the live data, if there is one.

    A restore first saves the state it replaces; restoring again and again from one state would
    otherwise pile up identical copies, none of which rotation may remove.
    """
    copies = [b.path for b in list_backups(db_path, with_counts=False) if b.reason == "restore"]
    if not copies:
        return None
    live = _digest(Path(db_path))
    return next((p for p in copies if live is not None and content_digest(p) == live), None)


def content_digest(path: Path) -> str | None:
    """A fingerprint of a backup's data (every row of every table), None when it cannot be read.

    Two copies of the same state can differ byte for byte (page layout, header counters), so
    states are compared by content. Cached by size and mtime (a backup never changes).
    """
    try:
        st = path.stat()
    except OSError:
        return None
    key = (path, st.st_size, st.st_mtime_ns)
    if key not in _DIGESTS:
        _DIGESTS[key] = _digest(path)
    return _DIGESTS[key]


def _digest(path: Path) -> str | None:
    h = hashlib.sha256()
    try:
        con = connect_readonly(path)
        try:
            for table in sorted(identify(con).tables):
                h.update(table.encode())
                for row in con.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
                    h.update(repr(row).encode())
        finally:
            con.close()
    except (sqlite3.Error, UnicodeDecodeError):
        return None
    return h.hexdigest()


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


def make_daily_backup(source: sqlite3.Connection, db_path: Path, now: dt.datetime | None = None) -> Path | None:
    """Today's backup of a database that holds a plan, unless the newest backup is less than a day old."""
    age = newest_age(db_path, now)
    if age is not None and age <= dt.timedelta(days=1):
        return None
    try:
        has_plan = source.execute("SELECT EXISTS (SELECT 1 FROM plan)").fetchone()[0]
    except sqlite3.Error as exc:
        raise store_error(exc, db_path, "db_damaged") from exc
    return make_backup(source, db_path, "daily", now=now) if has_plan else None


def newest_age(db_path: Path, now: dt.datetime | None = None) -> dt.timedelta | None:
    """How old the newest backup is; ones dated in the future (a wrong clock) do not count."""
    now = now or dt.datetime.now()
    ages = [now - b.created for b in list_backups(db_path, with_counts=False) if b.created <= now + CLOCK_SLACK]
    return max(min(ages), dt.timedelta(0)) if ages else None


def verify_backup(backup_path: Path, max_version: int | None = None) -> None:
    """Raise unless `backup_path` is an intact Taizhang database no newer than `max_version`.

    A text file, another program's SQLite file (whatever its user_version) or a damaged copy is
    refused here, before a restore touches anything.
    """
    path = Path(backup_path)
    if not path.is_file():
        raise StoreError("backup_missing", path=str(path))
    try:
        if not has_sqlite_header(path):
            raise StoreError("db_not_taizhang", path=str(path))
        src = connect_readonly(path)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError("db_damaged", path=str(path)) from exc
    try:
        found = identify(src)
        intact = found.ours and src.execute("PRAGMA integrity_check(1)").fetchone()[0] == "ok"
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise StoreError("db_damaged", path=str(path)) from exc
    finally:
        src.close()
    if not found.ours:
        raise StoreError("db_not_taizhang", path=str(path))
    if not intact:
        raise StoreError("db_damaged", path=str(path))
    if max_version is not None and found.user_version > max_version:
        raise StoreError("db_too_new", found=found.user_version, supported=max_version)


def restore_into(target: sqlite3.Connection, backup_path: Path, max_version: int | None = None,
                 target_path: Path | None = None) -> None:
    """Overwrite the live database's content with a backup's, inside SQLite (no file juggling).

    The backup is checked first, so a bad choice never replaces good data; the copy itself is
    one write transaction.
    """
    verify_backup(backup_path, max_version)
    src = connect_readonly(backup_path)
    try:
        src.backup(target)
    except sqlite3.Error as exc:  # a full disk while copying reads 磁盘已满, not SQLite's text
        raise store_error(exc, target_path or backup_path) from exc
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
        src = connect_readonly(backup_path)
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
        raise store_error(exc, db_path) from exc
    return aside
