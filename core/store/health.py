"""Checking a database file without changing it: SQLite's own checks plus our invariants."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from core.status import Status
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
            known = ", ".join(f"'{s.value}'" for s in Status)
            for node_id, status in con.execute(
                    f"SELECT node_id, status FROM progress WHERE status NOT IN ({known}) LIMIT 20"):
                problems.append(f"事项 {node_id} 的状态“{status}”无法识别（程序按“未开始”显示）")
    except sqlite3.DatabaseError as exc:
        problems.append(f"数据库已损坏：{exc}")
    except UnicodeDecodeError:  # SQLite's own message about the damaged page is garbled
        problems.append("数据库已损坏（无法读取的页面）")
    finally:
        con.close()
    return problems
