"""PlanService's edits of the plan itself: structure, units, deadlines, evidence, carrying over.

A mixin only to keep service.py short; everything here is reached as a PlanService method and
runs as one transaction returning a Change (and what undoing it needs).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from core.errors import UsageError
from core.paths import evidence_dir
from core.store import edits
from core.store import evidence as ev
from core.store.carry import carry_over
from core.store.tables import Evidence, Node, Plan
from core.textclean import clean_text
from core.views import Change, ImportResult


class PlanEditing:
    """Mixed into PlanService; relies on its _atomic(), _ancestors() and db_path."""

    def _structure_change(self, plan_id: int) -> Change:
        return Change(plan_id=plan_id, structure=True)

    def rename_plan(self, plan_id: int, title: str, year: int | None) -> tuple[str, int | None]:
        title = clean_text(title)
        with self._atomic():
            plan = self._plan_row(plan_id)
            old = (plan.title, plan.year)
            plan.title, plan.year = title, year
            plan.save()
        return old

    def add_node(self, plan_id: int, parent_id: int | None, position: int | None = None,
                 label: str = "", title: str = "新任务", text: str = "") -> tuple[int, Change]:
        """A new task; under a task, that task becomes a section."""
        label, title, text = clean_text(label), clean_text(title), clean_text(text)
        with self._atomic():
            node_id = edits.add_node(plan_id, parent_id, position, label, title, text)
        return node_id, self._structure_change(plan_id)

    def delete_node(self, node_id: int) -> tuple[edits.Snapshot, Change]:
        """Delete a node and everything under it; the snapshot lets undo put it back."""
        plan_id = edits.get_node(node_id).plan_id
        with self._atomic():
            snap = edits.delete_node(node_id)
            edits.ensure_progress(snap.parent_id)
        return snap, self._structure_change(plan_id)

    def restore_node(self, snap: edits.Snapshot) -> Change:
        with self._atomic():
            root = edits.restore(snap)
        return self._structure_change(edits.get_node(root).plan_id)

    def move_node(self, node_id: int, parent_id: int | None, position: int) -> tuple[tuple, Change]:
        """Move under `parent_id` at `position`; returns (old parent, old position) for undo."""
        with self._atomic():
            old = edits.move_node(node_id, parent_id, position)
        return old, self._structure_change(edits.get_node(node_id).plan_id)

    def indent_node(self, node_id: int) -> tuple[tuple, Change]:
        """Make a node the last child of the sibling before it."""
        node = edits.get_node(node_id)
        prev = (Node.select().where((Node.plan == node.plan_id) & (Node.parent == node.parent_id)
                                    if node.parent_id is not None else
                                    (Node.plan == node.plan_id) & Node.parent.is_null())
                .where(Node.position < node.position).order_by(Node.position.desc()).first())
        if prev is None:
            raise UsageError("bad_move")
        return self.move_node(node_id, prev.id, edits.next_position(node.plan_id, prev.id))

    def outdent_node(self, node_id: int) -> tuple[tuple, Change]:
        """Make a node the sibling right after its parent."""
        node = edits.get_node(node_id)
        if node.parent_id is None:
            raise UsageError("bad_move")
        parent = edits.get_node(node.parent_id)
        return self.move_node(node_id, parent.parent_id, parent.position + 1)

    def rename_node(self, node_id: int, label: str, title: str, text: str | None = None) -> tuple[tuple, Change]:
        label, title = clean_text(label), clean_text(title)
        text = clean_text(text) if text is not None else None
        with self._atomic():
            old = edits.rename_node(node_id, label, title, text)
        return old, Change(plan_id=edits.get_node(node_id).plan_id, nodes={node_id})

    def set_units(self, node_id: int, units: dict[str, list[str]]) -> tuple[dict, Change]:
        units = {role: [clean_text(u) for u in names] for role, names in units.items()}
        with self._atomic():
            old = edits.set_units(node_id, units)
        return old, Change(plan_id=edits.get_node(node_id).plan_id, nodes={node_id})

    def set_deadlines(self, node_id: int, deadlines: list[tuple[str, dt.date | None]]) -> tuple[list, Change]:
        deadlines = [(clean_text(text), day) for text, day in deadlines]
        with self._atomic():
            old = edits.set_deadlines(node_id, deadlines)
            plan_id, ancestors = self._ancestors([node_id])
        return old, Change(plan_id=plan_id, nodes={node_id}, rollups=ancestors)

    # -- evidence ------------------------------------------------------------------------
    @property
    def evidence_root(self) -> Path:
        return evidence_dir(self.db_path)

    def evidence(self, node_id: int) -> list[ev.EvidenceInfo]:
        rows = Evidence.select().where(Evidence.node == node_id).order_by(Evidence.id)
        return [ev.info(r, self.evidence_root) for r in rows]

    def attach_file(self, node_id: int, path: Path) -> ev.EvidenceInfo:
        """Copy a file into the evidence folder and record it; the original is left alone."""
        edits.get_node(node_id)
        target, digest = ev.copy_in(Path(path), self.evidence_root / str(node_id))
        try:
            with self._atomic():
                row = Evidence.create(node=node_id, kind="file", name=clean_text(Path(path).name),
                                      target=target.relative_to(self.evidence_root).as_posix(), sha256=digest)
        except Exception:
            target.unlink(missing_ok=True)
            raise
        return ev.info(row, self.evidence_root)

    def attach_link(self, node_id: int, url: str, name: str | None = None) -> ev.EvidenceInfo:
        edits.get_node(node_id)
        url = clean_text(url).strip()
        if not url:
            raise UsageError("bad_link")
        with self._atomic():
            row = Evidence.create(node=node_id, kind="link", name=clean_text(name or url).strip(), target=url)
        return ev.info(row, self.evidence_root)

    def remove_evidence(self, evidence_id: int) -> None:
        row = ev.get(evidence_id)
        with self._atomic():
            row.delete_instance()
        if row.kind == "file":
            ev.remove_file(self.evidence_root, row.target)

    # -- next year -----------------------------------------------------------------------
    def carry_over(self, plan_id: int, title: str | None = None, year: int | None = None) -> ImportResult:
        """A new plan with the unfinished tasks of `plan_id`, linked to their originals."""
        old = self._plan_row(plan_id)
        year = year if year is not None else (old.year + 1 if old.year else None)
        title = title or f"{old.title}（结转{year or ''}）"
        with self._atomic():
            return carry_over(plan_id, title, year)

    def carried_from(self, plan_id: int) -> int | None:
        return Plan.get_by_id(plan_id).carried_from_id
