"""What the window's first paint shows, read before peewee and the service are loaded.

Importing peewee and the service is the largest single part of start-up, so the window reads the
last plan's list, tree and chosen task through a read-only sqlite3 connection, with the store's own
SQL (core/store/tree_read.py), paints them, and opens its PlanService right after that paint. Any
file that is not plainly an up-to-date Taizhang database (none, empty, foreign, a schema to upgrade,
an SQLite error) gives None: the window then opens the service first, with its dialogs.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from core.domain.records import NodeInfo, PlanSummary
from core.domain.settings import CURRENT_NODE, CURRENT_PLAN
from core.errors import StoreError
from core.store.identity import connect_readonly
from core.store.migrations import LATEST
from core.store.safety import check_before_opening
from core.store.tree_read import preorder, read_plans, read_settings, read_tree


@dataclass
class FirstLook:
    """The plans by name (newest year first, as PlanService.list_plans), the plan to show and its
    nodes in document order, and the task that was chosen when the window last closed."""

    db_path: Path
    plans: list[PlanSummary]
    plan_id: int | None
    nodes: list[NodeInfo]
    current_node: int | None
    today: dt.date


def first_look(db_path: Path, today: dt.date) -> FirstLook | None:
    """The first screen of `db_path` without writing anything; None when it must be opened in full first."""
    path = Path(db_path)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        check_before_opening(path, empty_is_new=False, integrity=False)  # ours, by header and schema
        con = connect_readonly(path)
    except (StoreError, OSError, sqlite3.Error):
        return None
    try:
        return _read(con, path, today)
    except sqlite3.OperationalError:  # text that is not UTF-8 (a flipped bit): read it as the store does
        con.text_factory = lambda raw: raw.decode("utf-8", "replace")
        try:
            return _read(con, path, today)
        except (sqlite3.Error, ValueError):
            return None
    except (sqlite3.Error, ValueError):
        return None
    finally:
        con.close()


def _read(con: sqlite3.Connection, path: Path, today: dt.date) -> FirstLook | None:
    """The first look through `con`; SQLite decodes the text in C unless told otherwise."""
    if con.execute("PRAGMA user_version").fetchone()[0] != LATEST:
        return None  # an upgrade is a write: the service does it, after the check
    plans = read_plans(con.execute)
    saved = read_settings(con.execute, (CURRENT_PLAN.key, CURRENT_NODE.key))
    ids = [p.id for p in plans]
    wanted = saved.get(CURRENT_PLAN.key, "")
    plan_id = int(wanted) if wanted.isdigit() and int(wanted) in ids else (ids[0] if ids else None)
    nodes = preorder(read_tree(con.execute, plan_id)) if plan_id is not None else []
    node = saved.get(CURRENT_NODE.key, "")
    return FirstLook(path, plans, plan_id, nodes, int(node) if node.isdigit() else None, today)
