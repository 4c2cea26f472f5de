"""Writing a parsed plan into the tables, and reading a plan's whole tree back in bulk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from peewee import fn

from core.domain.records import DeferralInfo, EntryInfo, ImportResult, NodeInfo, Rollup
from core.domain.status import OPEN_STATUSES, Status
from core.messages import term
from core.parse.parsed_plan import ROLES, ParsedNode, ParsedPlan
from core.store.db import database
from core.store.tables import Deadline, Deferral, Entry, Node, NodeUnit, Plan, Progress, Unit, now
from core.store.tree_read import (
    read_nodes,
    read_tree,
    reread_progress,
    stored_date,
    stored_status,
    stored_time,
)


def _unit_ids(names: set[str]) -> dict[str, int]:
    """Ids for unit names, creating the missing ones."""
    known = {u.name: u.id for u in Unit.select().where(Unit.name.in_(list(names)))} if names else {}
    for name in sorted(names - known.keys()):
        known[name] = Unit.create(name=name).id
    return known


def unit_names() -> list[str]:
    """Every unit some plan names, by name."""
    return [u.name for u in Unit.select(Unit.name).order_by(Unit.name)]


def insert_plan(parsed: ParsedPlan, source_name: str | None, sha256: str | None) -> ImportResult:
    """Insert a plan; the caller holds the transaction."""
    plan = Plan.create(
        title=parsed.title or source_name or term("untitled_plan"),
        year=parsed.year,
        issuer=parsed.issuer,
        doc_number=parsed.doc_number,
        issue_date=parsed.date,
        source_name=source_name,
        source_sha256=sha256,
    )
    names = {n.strip() for node in parsed.walk() for r in ROLES for n in node.units.get(r, []) if n.strip()}
    unit_ids = _unit_ids(names)
    result = ImportResult(plan_id=plan.id, sections=0, tasks=0, units=len(names), deadlines=0)
    nodes: list[tuple] = []
    links: list[tuple] = []
    deadlines: list[tuple] = []
    progress: list[tuple] = []
    next_id = (Node.select(fn.MAX(Node.id)).scalar() or 0) + 1  # the ids SQLite would give, known up front
    at = now()

    def add(node: ParsedNode, parent_id: int | None, position: int) -> None:
        nonlocal next_id
        node_id, next_id = next_id, next_id + 1
        nodes.append((node_id, plan.id, parent_id, position, node.label, node.title or node.text[:60],
                      node.text or node.title))
        for role in ROLES:
            for i, name in enumerate(dict.fromkeys(n.strip() for n in node.units.get(role, []))):
                if name:
                    links.append((node_id, unit_ids[name], role, i))
        for i, d in enumerate(node.deadlines):
            deadlines.append((node_id, i, d.text, d.date))
        result.deadlines += len(node.deadlines)
        if node.children:
            result.sections += 1
            for i, child in enumerate(node.children):
                add(child, node_id, i)
        else:
            result.tasks += 1
            progress.append((node_id, Status.TODO.value, "", at))

    for i, node in enumerate(parsed.nodes):
        add(node, None, i)
    _insert_rows(Node, (Node.id, Node.plan, Node.parent, Node.position, Node.label, Node.title, Node.text), nodes)
    _insert_rows(NodeUnit, (NodeUnit.node, NodeUnit.unit, NodeUnit.role, NodeUnit.position), links)
    _insert_rows(Deadline, (Deadline.node, Deadline.position, Deadline.text, Deadline.due), deadlines)
    _insert_rows(Progress, (Progress.node, Progress.status, Progress.note, Progress.updated_at), progress)
    return result


def _insert_rows(model, fields: tuple, rows: list[tuple]) -> None:
    """Many rows in one executemany. Node by node through peewee, a 1,000-task plan took ~0.4 s to
    store, nearly all of it building SQL text; values still go through each field's db_value."""
    if not rows:
        return
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({", ".join("?" * len(fields))})'
    convert = [f.db_value for f in fields]
    model._meta.database.cursor().executemany(
        sql, [tuple(c(v) for c, v in zip(convert, row, strict=True)) for row in rows])


def deferral_info(row: Deferral) -> DeferralInfo | None:
    """A stored 延期; one whose date is unreadable (edited by another tool) is left out."""
    due = stored_date(row.due)
    if due is None:
        return None
    return DeferralInfo(id=row.id, due=due, reason=row.reason, approval=row.approval, at=stored_time(row.at))


def entry_info(row: Entry) -> EntryInfo | None:
    """A stored 进展 entry; an unknown status word reads as none, an unreadable date drops it."""
    day = stored_date(row.day)
    if day is None:
        return None
    status = stored_status(row.status) if row.status else None
    return EntryInfo(id=row.id, node_id=row.node_id, day=day, text=row.text, status=status)


def load_tree(plan_id: int) -> dict[int, NodeInfo]:
    """Every node of a plan, ordered parents-first by position (tree_read.py)."""
    return read_tree(database.execute_sql, plan_id)


def load_nodes(node_ids: list[int]) -> dict[int, NodeInfo]:
    """Just these nodes (any plan), with their child ids; missing ids are left out."""
    return read_nodes(database.execute_sql, node_ids)


def load_progress(infos: Iterable[NodeInfo]) -> dict[int, NodeInfo]:
    """Copies of these records with their progress read again (tree_read.reread_progress)."""
    return reread_progress(database.execute_sql, infos)


_TASK_STATES = """
    SELECT n.plan_id, p.status,
           coalesce((SELECT f.due FROM deferral f WHERE f.node_id = n.id AND date(f.due) IS NOT NULL
                     ORDER BY f.id DESC LIMIT 1),
                    (SELECT max(d.due) FROM deadline d WHERE d.node_id = n.id))
    FROM progress p JOIN node n ON n.id = p.node_id
    WHERE NOT EXISTS (SELECT 1 FROM node c WHERE c.parent_id = n.id) {where}
"""


def plan_rollups(db, today: dt.date, plan_id: int | None = None) -> dict[int, Rollup]:
    """Every plan's roll-up in one query, without loading trees (the plan list and status bar).

    The SQL form of NodeInfo.is_overdue (the latest 延期 date, else the last deadline): a test
    holds the two to the same answers.
    """
    where, params = ("AND n.plan_id = ?", (plan_id,)) if plan_id is not None else ("", ())
    out: dict[int, Rollup] = {}
    today_text = today.isoformat()
    for pid, status, due in db.execute_sql(_TASK_STATES.format(where=where), params):
        status = stored_status(status)
        overdue = status in OPEN_STATUSES and due is not None and str(due) < today_text
        out.setdefault(pid, Rollup()).add(status, overdue)
    return out
