"""结转: a new plan holding an old plan's unfinished tasks, each linked to where it came from."""

from __future__ import annotations

from core.domain.records import ImportResult
from core.domain.status import Status
from core.store.plan_io import load_tree
from core.store.tables import Deadline, Node, NodeUnit, Plan, Progress
from core.store.tree_read import preorder

UNFINISHED = {Status.TODO, Status.DOING, Status.ONGOING}


def carry_over(plan_id: int, title: str, year: int | None) -> ImportResult:
    """Copy the branches of `plan_id` that hold unfinished tasks; the caller holds the transaction."""
    old = Plan.get_by_id(plan_id)
    infos = load_tree(plan_id)
    keep: set[int] = set()
    for info in infos.values():
        if info.is_task and info.status in UNFINISHED:
            node = info
            while node is not None and node.id not in keep:
                keep.add(node.id)
                node = infos.get(node.parent_id) if node.parent_id else None
    plan = Plan.create(title=title, year=year, issuer=old.issuer, doc_number=old.doc_number,
                       issue_date=old.issue_date, source_name=old.source_name, carried_from=plan_id)
    result = ImportResult(plan_id=plan.id, sections=0, tasks=0, units=0, deadlines=0)
    new_ids: dict[int, int] = {}
    positions: dict[int | None, int] = {}
    for info in preorder(infos):
        if info.id not in keep:
            continue
        parent = new_ids.get(info.parent_id) if info.parent_id else None
        pos = positions.get(parent, 0)
        positions[parent] = pos + 1
        row = Node.create(plan=plan.id, parent=parent, position=pos, label=info.label, title=info.title,
                          text=info.text, origin=info.id)
        new_ids[info.id] = row.id
        for link in NodeUnit.select().where(NodeUnit.node == info.id):
            NodeUnit.create(node=row.id, unit=link.unit_id, role=link.role, position=link.position)
        for i, d in enumerate(info.deadlines):
            Deadline.create(node=row.id, position=i, text=d.text, due=d.date)
            result.deadlines += 1
        if info.is_task:
            Progress.create(node=row.id, status=info.status.value, note=info.note)
            result.tasks += 1
        else:
            result.sections += 1
    return result


def origins(plan_id: int) -> dict[int, int]:
    """For each node of `plan_id` carried over from another plan: node id → the node it came from."""
    query = Node.select(Node.id, Node.origin).where((Node.plan == plan_id) & Node.origin.is_null(False))
    return {node_id: origin for node_id, origin in query.tuples()}
