"""Checking a database file without changing it: SQLite's own checks plus our invariants."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from core.domain.status import Status
from core.parse.parsed_plan import ROLES
from core.store.db import sidecars, tidy_after_readonly
from core.store.identity import connect_readonly, has_sqlite_header, identify
from core.store.migrations import LATEST


def check_database(path: Path) -> list[str]:
    """Problems found, as Chinese lines; an empty list means the database is intact."""
    path = Path(path)
    if path.is_dir():
        return [f"这是一个文件夹，不是数据库文件：{path}"]
    if not path.is_file():
        return [f"找不到数据库文件：{path}"]
    try:
        if path.stat().st_size == 0:
            return [f"数据库文件是空的（0 字节），没有任何数据：{path}"]
        if not has_sqlite_header(path):
            return [f"不是 SQLite 数据库：{path}"]
        tidy = not sidecars(path)
        con = connect_readonly(path)  # works on a read-only medium too, and never writes
    except (OSError, sqlite3.Error) as exc:
        return [f"无法打开数据库：{exc}"]
    problems: list[str] = []
    con.text_factory = lambda raw: raw.decode("utf-8", "replace")  # damage can garble SQLite's own report
    try:
        found = identify(con)
        if not found.ours:
            return [f"不是要点台账的数据库：{path}"]
        rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            problems += [f"完整性检查：{r}" for r in rows[:20]]
        for table, rowid, parent, _ in con.execute("PRAGMA foreign_key_check"):
            problems.append(f"外键错误：{table} 第 {rowid} 行指向不存在的 {parent}")
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST:
            problems.append(f"结构版本 {version} 比本程序支持的 {LATEST} 新")
        elif version >= 1:
            empty = con.execute(
                "SELECT id, title FROM plan WHERE id NOT IN (SELECT DISTINCT plan_id FROM node)").fetchall()
            problems += [f"计划 {pid}（{title}）没有任何事项，可能导入不完整" for pid, title in empty]
            orphans = con.execute("SELECT count(*) FROM node WHERE parent_id IS NOT NULL AND parent_id "
                                  "NOT IN (SELECT id FROM node)").fetchone()[0]
            if orphans:
                problems.append(f"{orphans} 个事项的上级不存在")
            problems += _values_outside_schema(con)
            problems += _text_not_utf8(con, found.tables)
    except sqlite3.DatabaseError as exc:
        problems.append(f"数据库已损坏：{exc}")
    except UnicodeDecodeError:  # SQLite's own message about the damaged page is garbled
        problems.append("数据库已损坏（无法读取的页面）")
    finally:
        con.close()
        if tidy and not problems:
            tidy_after_readonly(path)
    return problems


# (query, message) for values another tool may have written that the program does not know; the
# program shows them as a harmless default (tree_read.stored_*), and check lists them.
_KNOWN_STATUSES = ", ".join(f"'{s.value}'" for s in Status)
_KNOWN_ROLES = ", ".join(f"'{r}'" for r in ROLES)
_ODD_VALUES = [
    (f"SELECT node_id, status FROM progress WHERE status NOT IN ({_KNOWN_STATUSES})",
     "事项 {0} 的状态“{1}”无法识别（程序按“未开始”显示）"),
    ("SELECT node_id, completed_on FROM progress WHERE completed_on IS NOT NULL AND date(completed_on) IS NULL",
     "事项 {0} 的完成日期“{1}”不是日期（程序按无日期显示）"),
    ("SELECT node_id, due FROM deadline WHERE due IS NOT NULL AND date(due) IS NULL",
     "事项 {0} 的时限日期“{1}”不是日期（程序按无日期显示）"),
    (f"SELECT node_id, role FROM node_unit WHERE role NOT IN ({_KNOWN_ROLES})",
     "事项 {0} 的单位角色“{1}”无法识别（程序不显示该单位）"),
    ("SELECT node_id, updated_at FROM progress WHERE datetime(updated_at) IS NULL",
     "事项 {0} 的修改时间“{1}”不是时间"),
    ("SELECT node_id, at FROM history WHERE datetime(at) IS NULL",
     "事项 {0} 的一条修改记录时间“{1}”不是时间"),
    ("SELECT node_id, due FROM deferral WHERE date(due) IS NULL",
     "事项 {0} 的延期日期“{1}”不是日期（程序不计这次延期）"),
    ("SELECT node_id, day FROM entry WHERE date(day) IS NULL",
     "事项 {0} 的一条进展日期“{1}”不是日期（程序不显示这条进展）"),
    (f"SELECT node_id, status FROM entry WHERE status IS NOT NULL AND status NOT IN ({_KNOWN_STATUSES})",
     "事项 {0} 的一条进展的状态“{1}”无法识别（程序不显示该状态）"),
]


def _values_outside_schema(con: sqlite3.Connection, limit: int = 20) -> list[str]:
    found: list[str] = []
    tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for query, text in _ODD_VALUES:
        if query.split(" FROM ")[1].split()[0] not in tables:  # a table of a later schema version
            continue
        found += [text.format(*row) for row in con.execute(f"{query} LIMIT {limit}")]
    return found


def _text_not_utf8(con: sqlite3.Connection, tables: frozenset[str], limit: int = 20) -> list[str]:
    """Text cells whose bytes are not UTF-8 (damage no page check sees); shown as U+FFFD."""
    columns = {t: [r[1] for r in con.execute(f'PRAGMA table_info("{t}")') if "CHAR" in r[2].upper()
                   or "TEXT" in r[2].upper()] for t in sorted(tables)}
    found: list[str] = []
    previous, con.text_factory = con.text_factory, bytes
    try:
        for table, names in columns.items():
            for name in names:
                for rowid, raw in con.execute(f'SELECT rowid, "{name}" FROM "{table}" WHERE "{name}" IS NOT NULL'):
                    if isinstance(raw, bytes) and not _is_utf8(raw):
                        found.append(f"表 {table} 第 {rowid} 行的 {name} 含有无法识别的文字（程序显示为 �）")
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
