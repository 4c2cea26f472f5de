"""Checking a database file without changing it: SQLite's own checks plus our invariants."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from core.domain.status import Status
from core.messages import Notice
from core.parse.parsed_plan import ROLES
from core.store.db import sidecars, tidy_after_readonly
from core.store.identity import connect_readonly, has_sqlite_header, identify
from core.store.migrations import LATEST


def check_database(path: Path) -> list[Notice]:
    """Problems found, as catalogue codes (health_*); an empty list means the database is intact."""
    path = Path(path)
    if path.is_dir():
        return [Notice("health_is_dir", {"path": str(path)})]
    if not path.is_file():
        return [Notice("health_missing", {"path": str(path)})]
    try:
        if path.stat().st_size == 0:
            return [Notice("health_empty", {"path": str(path)})]
        if not has_sqlite_header(path):
            return [Notice("health_not_sqlite", {"path": str(path)})]
        tidy = not sidecars(path)
        con = connect_readonly(path)  # works on a read-only medium too, and never writes
    except (OSError, sqlite3.Error) as exc:
        return [Notice("health_cannot_open", {"detail": str(exc)})]
    problems: list[Notice] = []
    con.text_factory = lambda raw: raw.decode("utf-8", "replace")  # damage can garble SQLite's own report
    try:
        found = identify(con)
        if not found.ours:
            return [Notice("health_not_ours", {"path": str(path)})]
        rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            problems += [Notice("health_integrity", {"detail": r}) for r in rows[:20]]
        for table, rowid, parent, _ in con.execute("PRAGMA foreign_key_check"):
            problems.append(Notice("health_foreign_key", {"table": table, "row": rowid, "parent": parent}))
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST:
            problems.append(Notice("health_too_new", {"found": version, "supported": LATEST}))
        elif version >= 1:
            empty = con.execute(
                "SELECT id, title FROM plan WHERE id NOT IN (SELECT DISTINCT plan_id FROM node)").fetchall()
            problems += [Notice("health_empty_plan", {"plan_id": pid, "title": title}) for pid, title in empty]
            orphans = con.execute("SELECT count(*) FROM node WHERE parent_id IS NOT NULL AND parent_id "
                                  "NOT IN (SELECT id FROM node)").fetchone()[0]
            if orphans:
                problems.append(Notice("health_orphans", {"count": orphans}))
            problems += _values_outside_schema(con)
            problems += _text_not_utf8(con, found.tables)
    except sqlite3.DatabaseError as exc:
        problems.append(Notice("health_damaged", {"detail": str(exc)}))
    except UnicodeDecodeError:  # SQLite's own message about the damaged page is garbled
        problems.append(Notice("health_damaged_page"))
    finally:
        con.close()
        if tidy and not problems:
            tidy_after_readonly(path)
    return problems


# (query, code) for values another tool may have written that the program does not know; the
# program shows them as a harmless default (tree_read.stored_*), and check lists them.
_KNOWN_STATUSES = ", ".join(f"'{s.value}'" for s in Status)
_KNOWN_ROLES = ", ".join(f"'{r}'" for r in ROLES)
_ODD_VALUES = [
    (f"SELECT node_id, status FROM progress WHERE status NOT IN ({_KNOWN_STATUSES})",
     "health_odd_status"),
    ("SELECT node_id, completed_on FROM progress WHERE completed_on IS NOT NULL AND date(completed_on) IS NULL",
     "health_odd_completed_on"),
    ("SELECT node_id, due FROM deadline WHERE due IS NOT NULL AND date(due) IS NULL",
     "health_odd_due"),
    (f"SELECT node_id, role FROM node_unit WHERE role NOT IN ({_KNOWN_ROLES})",
     "health_odd_role"),
    ("SELECT node_id, updated_at FROM progress WHERE datetime(updated_at) IS NULL",
     "health_odd_updated_at"),
    ("SELECT node_id, at FROM history WHERE datetime(at) IS NULL",
     "health_odd_history_at"),
    ("SELECT node_id, due FROM deferral WHERE date(due) IS NULL",
     "health_odd_deferral_due"),
    ("SELECT node_id, day FROM entry WHERE date(day) IS NULL",
     "health_odd_entry_day"),
    (f"SELECT node_id, status FROM entry WHERE status IS NOT NULL AND status NOT IN ({_KNOWN_STATUSES})",
     "health_odd_entry_status"),
]


def _values_outside_schema(con: sqlite3.Connection, limit: int = 20) -> list[Notice]:
    found: list[Notice] = []
    tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for query, code in _ODD_VALUES:
        if query.split(" FROM ")[1].split()[0] not in tables:  # a table of a later schema version
            continue
        found += [Notice(code, {"node_id": node, "value": value})
                  for node, value in con.execute(f"{query} LIMIT {limit}")]
    return found


def _text_not_utf8(con: sqlite3.Connection, tables: frozenset[str], limit: int = 20) -> list[Notice]:
    """Text cells whose bytes are not UTF-8 (damage no page check sees); shown as U+FFFD."""
    columns = {t: [r[1] for r in con.execute(f'PRAGMA table_info("{t}")') if "CHAR" in r[2].upper()
                   or "TEXT" in r[2].upper()] for t in sorted(tables)}
    found: list[Notice] = []
    previous, con.text_factory = con.text_factory, bytes
    try:
        for table, names in columns.items():
            for name in names:
                for rowid, raw in con.execute(f'SELECT rowid, "{name}" FROM "{table}" WHERE "{name}" IS NOT NULL'):
                    if isinstance(raw, bytes) and not _is_utf8(raw):
                        found.append(Notice("health_not_utf8", {"table": table, "row": rowid, "column": name}))
                        if len(found) >= limit:
                            return found
    finally:
        con.text_factory = previous
    return found


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False
