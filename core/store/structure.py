"""Changing a plan's tree after import: add, delete (and put back), move, rename, re-assign.

Each function expects the caller's transaction and returns what undoing it needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peewee import fn

from core.domain.records import NodePlace
from core.domain.status import Status
from core.errors import NotFoundError, UsageError
from core.parse.parsed_plan import ROLES
from core.store.db import database
from core.store.tables import Deadline, Deferral, Entry, Evidence, History, Node, NodeUnit, Progress, Unit


@dataclass
class Snapshot:
    """Every row of a deleted subtree, so deleting can be undone exactly (same ids)."""

    parent_id: int | None
    position: int
    rows: dict[str, list[dict]] = field(default_factory=dict)


SUBTREE_TABLES = (("node", Node), ("node_unit", NodeUnit), ("deadline", Deadline), ("progress", Progress),
                  ("history", History), ("deferral", Deferral), ("entry", Entry), ("evidence", Evidence))


def get_node(node_id: int) -> Node:
    row = Node.get_or_none(Node.id == node_id)
    if row is None:
        raise NotFoundError("node_not_found", node_id=node_id)
    return row


def plan_of(node_id: int) -> int:
    """The plan a node belongs to."""
    return get_node(node_id).plan_id


def _siblings(node: Node):
    """The condition that selects `node`'s siblings (itself included)."""
    same_parent = Node.parent.is_null() if node.parent_id is None else (Node.parent == node.parent_id)
    return (Node.plan == node.plan_id) & same_parent


def place(node_id: int) -> NodePlace:
    """Where a node stands now: its parent and its row among that parent's children."""
    node = get_node(node_id)
    row = Node.select().where(_siblings(node) & (Node.position < node.position)).count()
    return NodePlace(node_id, node.parent_id, row)


_UP = ("WITH RECURSIVE up(id) AS (SELECT parent_id FROM node WHERE id IN ({}) "
       "UNION SELECT n.parent_id FROM node n JOIN up ON n.id = up.id) SELECT id FROM up WHERE id IS NOT NULL")


def ancestors(node_ids) -> tuple[int, set[int]]:
    """(the plan of the last of these nodes, 0 if none; every ancestor of any of them).

    Two plain queries whatever the depth: every edit's Change names them, a status key included."""
    order = list(node_ids)
    if not order:
        return 0, set()
    ids = list(dict.fromkeys(order))
    marks = ",".join("?" * len(ids))
    plan_of_node = dict(database.execute_sql(f"SELECT id, plan_id FROM node WHERE id IN ({marks})", ids))
    missing = next((i for i in ids if i not in plan_of_node), None)
    if missing is not None:
        raise NotFoundError("node_not_found", node_id=missing)
    return plan_of_node[order[-1]], {row[0] for row in database.execute_sql(_UP.format(marks), ids)}


def indent_target(node_id: int) -> tuple[int, int]:
    """(new parent, position) that makes a node the last child of the sibling before it."""
    node = get_node(node_id)
    prev = (Node.select().where(_siblings(node) & (Node.position < node.position))
            .order_by(Node.position.desc()).first())
    if prev is None:
        raise UsageError("bad_move")
    return prev.id, next_position(node.plan_id, prev.id)


def outdent_target(node_id: int) -> tuple[int | None, int]:
    """(new parent, position) that makes a node the sibling right after its parent."""
    node = get_node(node_id)
    if node.parent_id is None:
        raise UsageError("bad_move")
    parent = get_node(node.parent_id)
    return parent.parent_id, parent.position + 1


def _shift(plan_id: int, parent_id: int | None, start: int, delta: int) -> None:
    parent_cond = Node.parent.is_null() if parent_id is None else (Node.parent == parent_id)
    (Node.update(position=Node.position + delta)
     .where((Node.plan == plan_id) & parent_cond & (Node.position >= start)).execute())


def subtree_ids(node_id: int) -> list[int]:
    ids, frontier = [node_id], [node_id]
    while frontier:
        frontier = [n.id for n in Node.select(Node.id).where(Node.parent.in_(frontier))]
        ids.extend(frontier)
    return ids


def add_node(plan_id: int, parent_id: int | None, position: int | None, label: str, title: str,
             text: str = "") -> int:
    """A new task at `position` among `parent_id`'s children (at the end when None)."""
    if parent_id is not None and get_node(parent_id).plan_id != plan_id:
        raise UsageError("bad_move")
    parent_cond = Node.parent.is_null() if parent_id is None else (Node.parent == parent_id)
    count = Node.select().where((Node.plan == plan_id) & parent_cond).count()
    position = count if position is None else max(0, min(position, count))
    _shift(plan_id, parent_id, position, +1)
    node = Node.create(plan=plan_id, parent=parent_id, position=position, label=label, title=title,
                       text=text or title)
    Progress.create(node=node.id, status=Status.TODO.value)
    return node.id


def delete_node(node_id: int) -> Snapshot:
    node = get_node(node_id)
    ids = subtree_ids(node_id)
    snap = Snapshot(parent_id=node.parent_id, position=node.position)
    for name, model in SUBTREE_TABLES:
        key = model.id if name == "node" else model.node
        snap.rows[name] = list(model.select().where(key.in_(ids)).dicts())
    Node.delete().where(Node.id.in_(ids)).execute()
    _shift(node.plan_id, node.parent_id, node.position + 1, -1)
    return snap


def restore(snap: Snapshot) -> int:
    """Put a deleted subtree back where it was; returns the subtree's root id."""
    root = snap.rows["node"][0]
    _shift(root["plan"], snap.parent_id, snap.position, +1)
    nodes = sorted(snap.rows["node"], key=lambda r: r["id"])
    placed: set[int] = set()
    while nodes:  # parents before children
        ready = [r for r in nodes if r["parent"] is None or r["parent"] not in {n["id"] for n in nodes}]
        for r in ready:
            Node.insert(r).execute()
            placed.add(r["id"])
        nodes = [r for r in nodes if r["id"] not in placed]
    for name, model in SUBTREE_TABLES[1:]:
        for start in range(0, len(snap.rows[name]), 200):
            model.insert_many(snap.rows[name][start:start + 200]).execute()
    return root["id"]


def move_node(node_id: int, parent_id: int | None, position: int) -> tuple[int | None, int]:
    """Move a node (with its subtree) under `parent_id` at `position`; returns where it was."""
    node = get_node(node_id)
    if parent_id is not None:
        parent = get_node(parent_id)
        if parent.plan_id != node.plan_id or parent_id in subtree_ids(node_id):
            raise UsageError("bad_move")
    old = (node.parent_id, node.position)
    _shift(node.plan_id, node.parent_id, node.position + 1, -1)
    parent_cond = Node.parent.is_null() if parent_id is None else (Node.parent == parent_id)
    count = Node.select().where((Node.plan == node.plan_id) & parent_cond & (Node.id != node_id)).count()
    position = max(0, min(position, count))
    _shift(node.plan_id, parent_id, position, +1)
    Node.update(parent=parent_id, position=position).where(Node.id == node_id).execute()
    ensure_progress(old[0])
    return old


def ensure_progress(node_id: int | None) -> None:
    """A section whose last child left becomes a task again, and a task needs a progress row."""
    if node_id is None:
        return
    has_children = Node.select().where(Node.parent == node_id).exists()
    if not has_children and not Progress.select().where(Progress.node == node_id).exists():
        Progress.create(node=node_id, status=Status.TODO.value)


def rename_node(node_id: int, label: str, title: str, text: str | None = None) -> tuple[str, str, str]:
    node = get_node(node_id)
    old = (node.label, node.title, node.text)
    node.label, node.title = label, title
    if text is not None:
        node.text = text
    node.save()
    return old


def set_units(node_id: int, units: dict[str, list[str]]) -> dict[str, list[str]]:
    get_node(node_id)
    old: dict[str, list[str]] = {r: [] for r in ROLES}
    for role, name in (NodeUnit.select(NodeUnit.role, Unit.name).join(Unit)
                       .where(NodeUnit.node == node_id).order_by(NodeUnit.position).tuples()):
        old.setdefault(role, []).append(name)
    NodeUnit.delete().where(NodeUnit.node == node_id).execute()
    for role in ROLES:
        for i, name in enumerate(dict.fromkeys(n.strip() for n in units.get(role, []) if n.strip())):
            unit, _ = Unit.get_or_create(name=name)
            NodeUnit.create(node=node_id, unit=unit.id, role=role, position=i)
    return old


def set_deadlines(node_id: int, deadlines: list[tuple[str, object]]) -> list[tuple[str, object]]:
    get_node(node_id)
    old = [(d.text, d.due) for d in Deadline.select().where(Deadline.node == node_id).order_by(Deadline.position)]
    Deadline.delete().where(Deadline.node == node_id).execute()
    for i, (text, due) in enumerate(deadlines):
        Deadline.create(node=node_id, position=i, text=text, due=due)
    return old


def next_position(plan_id: int, parent_id: int | None) -> int:
    parent_cond = Node.parent.is_null() if parent_id is None else (Node.parent == parent_id)
    top = Node.select(fn.MAX(Node.position)).where((Node.plan == plan_id) & parent_cond).scalar()
    return 0 if top is None else top + 1
