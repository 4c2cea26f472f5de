"""Knowing a Taizhang database when we see one, and reading any file without changing it.

SQLite's own way to mark a file as one program's is the header's `application_id`; migration 3
sets ours. Databases saved before that step are recognised by their exact set of tables. A file
passes only on positive evidence, so another program's SQLite file is never written to.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = int.from_bytes(b"TaiZ", "big")  # 0x5461695A, in the header at offset 68
LEGACY_TABLES = frozenset({"deadline", "evidence", "history", "node", "node_unit", "plan", "progress",
                           "setting", "unit"})  # user_version 1 and 2, before application_id
LEGACY_VERSIONS = (1, 2)


@dataclass(frozen=True)
class Identity:
    """What a file's header and schema say about it."""

    application_id: int
    user_version: int
    tables: frozenset[str]

    @property
    def empty(self) -> bool:
        """A database with no tables at all: a new one, ours to set up."""
        return not self.tables and self.user_version == 0 and self.application_id == 0

    @property
    def ours(self) -> bool:
        if self.application_id == APPLICATION_ID:
            return self.user_version >= 1
        return (self.application_id == 0 and self.user_version in LEGACY_VERSIONS
                and self.tables == LEGACY_TABLES)


def has_sqlite_header(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(16) == SQLITE_MAGIC


def readonly_uri(path: Path) -> str:
    """A URI that cannot write, and that opens even on a locked USB stick or a read-only folder.

    `mode=ro` needs to create the -shm file of a WAL database; where the folder cannot be
    written that fails (SQLITE_CANTOPEN), and when no -wal file holds pending changes the file
    alone is the whole database, so it is opened `immutable` (nobody can be writing to it).
    """
    uri = Path(path).resolve().as_uri()
    try:
        con = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        try:
            con.execute("PRAGMA schema_version").fetchone()
        finally:
            con.close()
        return f"{uri}?mode=ro"
    except sqlite3.Error as exc:
        wal = Path(f"{path}-wal")
        pending = wal.exists() and wal.stat().st_size > 0
        name = getattr(exc, "sqlite_errorname", "")
        # CANTOPEN on Linux; a READONLY_CANTINIT-style code where a platform reports it that way
        if not (name == "SQLITE_CANTOPEN" or name.startswith("SQLITE_READONLY")) or pending \
                or not Path(path).is_file():
            raise
    return f"{uri}?mode=ro&immutable=1"


def connect_readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(readonly_uri(path), uri=True)


def identify(con: sqlite3.Connection) -> Identity:
    app_id = con.execute("PRAGMA application_id").fetchone()[0]
    version = con.execute("PRAGMA user_version").fetchone()[0]
    tables = frozenset(r[0] if isinstance(r[0], str) else r[0].decode("utf-8", "replace") for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"))
    return Identity(int(app_id), int(version), tables)
