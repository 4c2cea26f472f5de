"""PlanService's edits of the plan itself: structure, units, deadlines, evidence, carrying over.

A mixin only to keep service.py short; everything here is reached as a PlanService method and
runs as one transaction returning a Change (`before` holds what undoing it needs).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from core.domain.records import PLANS, Change, NodeMove
from core.domain.textclean import clean_text
from core.errors import UsageError
from core.messages import term, words
from core.paths import evidence_dir
from core.store import evidence as ev
from core.store import plans, structure
from core.store.carry import carry_over, origins
from core.store.structure import ancestors, plan_of

NEW_TASK = term("new_task")  # the title a task added by hand starts with


class PlanEditing:
    """Mixed into PlanService; relies on its _atomic() and db_path."""

    @staticmethod
    def _around(*parents: int | None) -> tuple[set[int], set[int]]:
        """(parents whose own record changed, their ancestors whose roll-ups moved) after a structure edit."""
        nodes = {p for p in parents if p is not None}
        _, above = ancestors(nodes)
        return nodes, (above | nodes)

    def rename_plan(self, plan_id: int, title: str, year: int | None, initiator: object = None) -> Change:
        """New title and year; `before` is the old (title, year)."""
        title = clean_text(title)
        with self._atomic():
            old = plans.rename_plan(plan_id, title, year)
        return Change(plan_id=plan_id, fields={"plan"}, initiator=initiator, before=old)

    def add_node(self, plan_id: int, parent_id: int | None, position: int | None = None,
                 label: str = "", title: str = NEW_TASK, text: str = "", initiator: object = None) -> Change:
        """A new task (its id in `result`, its place in `added`); under a task, that task becomes a section."""
        label, title, text = clean_text(label), clean_text(title), clean_text(text)
        with self._atomic():
            node_id = structure.add_node(plan_id, parent_id, position, label, title, text)
            place = structure.place(node_id)
            nodes, rollups = self._around(parent_id)
        return Change(plan_id=plan_id, added=[place], nodes=nodes, rollups=rollups, initiator=initiator,
                      result=node_id)

    def delete_node(self, node_id: int, initiator: object = None) -> Change:
        """Delete a node and everything under it; `before` is the snapshot undo puts back."""
        plan_id = plan_of(node_id)
        with self._atomic():
            place = structure.place(node_id)
            snap = structure.delete_node(node_id)
            structure.ensure_progress(snap.parent_id)
            nodes, rollups = self._around(snap.parent_id)
        return Change(plan_id=plan_id, removed=[place], nodes=nodes, rollups=rollups, initiator=initiator,
                      before=snap)

    def restore_node(self, snap: structure.Snapshot, initiator: object = None) -> Change:
        with self._atomic():
            root = structure.restore(snap)
            place = structure.place(root)
            nodes, rollups = self._around(snap.parent_id)
        return Change(plan_id=plan_of(root), added=[place], nodes=nodes, rollups=rollups,
                      initiator=initiator, result=root)

    def move_node(self, node_id: int, parent_id: int | None, position: int, initiator: object = None) -> Change:
        """Move under `parent_id` at `position`; `before` is (old parent, old position) for undo."""
        with self._atomic():
            was = structure.place(node_id)
            old = structure.move_node(node_id, parent_id, position)
            now_at = structure.place(node_id)
            nodes, rollups = self._around(was.parent_id, now_at.parent_id)
        moved = [NodeMove(node_id, was, now_at)] if was != now_at else []
        return Change(plan_id=plan_of(node_id), moved=moved, nodes=nodes, rollups=rollups,
                      initiator=initiator, before=old)

    def indent_node(self, node_id: int, initiator: object = None) -> Change:
        """Make a node the last child of the sibling before it."""
        parent_id, position = structure.indent_target(node_id)
        return self.move_node(node_id, parent_id, position, initiator)

    def outdent_node(self, node_id: int, initiator: object = None) -> Change:
        """Make a node the sibling right after its parent."""
        parent_id, position = structure.outdent_target(node_id)
        return self.move_node(node_id, parent_id, position, initiator)

    def rename_node(self, node_id: int, label: str, title: str, text: str | None = None,
                    initiator: object = None) -> Change:
        """New number, title (and text); `before` is the old (label, title, text)."""
        label, title = clean_text(label), clean_text(title)
        text = clean_text(text) if text is not None else None
        with self._atomic():
            old = structure.rename_node(node_id, label, title, text)
        return Change(plan_id=plan_of(node_id), nodes={node_id}, fields={"label", "title", "text"},
                      initiator=initiator, before=old)

    def set_units(self, node_id: int, units: dict[str, list[str]], initiator: object = None) -> Change:
        """Re-assign units by role; `before` is the old assignment."""
        units = {role: [clean_text(u) for u in names] for role, names in units.items()}
        with self._atomic():
            old = structure.set_units(node_id, units)
        return Change(plan_id=plan_of(node_id), nodes={node_id}, fields={"units"},
                      initiator=initiator, before=old)

    def set_deadlines(self, node_id: int, deadlines: list[tuple[str, dt.date | None]],
                      initiator: object = None) -> Change:
        """Replace the deadlines; `before` is the old list."""
        deadlines = [(clean_text(text), day) for text, day in deadlines]
        with self._atomic():
            old = structure.set_deadlines(node_id, deadlines)
            plan_id, above = ancestors([node_id])
        return Change(plan_id=plan_id, nodes={node_id}, rollups=above, fields={"deadlines"},
                      initiator=initiator, before=old)

    # -- evidence ------------------------------------------------------------------------
    @property
    def evidence_root(self) -> Path:
        return evidence_dir(self.db_path)

    def evidence(self, node_id: int) -> list[ev.EvidenceInfo]:
        return ev.records(node_id, self.evidence_root)

    def attach_file(self, node_id: int, path: Path, initiator: object = None) -> Change:
        """Copy a file into the evidence folder and record it (the record in `result`); the original is left alone."""
        plan_id = plan_of(node_id)
        target, digest = ev.copy_in(Path(path), self.evidence_root / str(node_id))
        try:
            with self._atomic():
                record = ev.add_record(node_id, "file", clean_text(Path(path).name),
                                       target.relative_to(self.evidence_root).as_posix(), self.evidence_root, digest)
        except Exception:
            target.unlink(missing_ok=True)
            raise
        return Change(plan_id=plan_id, nodes={node_id}, fields={"evidence"}, initiator=initiator, result=record)

    def attach_link(self, node_id: int, url: str, name: str | None = None, initiator: object = None) -> Change:
        """Record a link to a published page (the record in `result`)."""
        plan_id = plan_of(node_id)
        url = clean_text(url).strip()
        if not url:
            raise UsageError("bad_link")
        with self._atomic():
            record = ev.add_record(node_id, "link", clean_text(name or url).strip(), url, self.evidence_root)
        return Change(plan_id=plan_id, nodes={node_id}, fields={"evidence"}, initiator=initiator, result=record)

    def remove_evidence(self, evidence_id: int, initiator: object = None) -> Change:
        """Remove a record; its copied file goes to the trash until the window next opens. `before`
        is the record's row, for restore_evidence (Undo)."""
        record = ev.get(evidence_id, self.evidence_root)
        plan_id = plan_of(record.node_id)
        with self._atomic():
            snapshot = ev.delete_record(evidence_id)
        if record.kind == "file":
            ev.remove_file(self.evidence_root, record.target)
        return Change(plan_id=plan_id, nodes={record.node_id}, fields={"evidence"}, initiator=initiator,
                      before=snapshot)

    def restore_evidence(self, snapshot: dict, initiator: object = None) -> Change:
        """Undo remove_evidence: the record back with its id, its file back from the trash."""
        node_id = snapshot["node"]
        plan_id = plan_of(node_id)
        if snapshot["kind"] == "file":
            ev.restore_file(self.evidence_root, snapshot["target"])
        with self._atomic():
            record = ev.restore_record(snapshot, self.evidence_root)
        return Change(plan_id=plan_id, nodes={node_id}, fields={"evidence"}, initiator=initiator, result=record)

    def empty_evidence_trash(self) -> None:
        """Delete removed copies for good (the window calls it on opening: no undo can want them)."""
        if not self.readonly:
            ev.empty_trash(self.evidence_root)

    # -- next year -----------------------------------------------------------------------
    def carry_over(self, plan_id: int, title: str | None = None, year: int | None = None,
                   initiator: object = None) -> Change:
        """A new plan with the unfinished tasks of `plan_id`, linked to their originals. The Change
        names the new plan; `result` is its ImportResult (counts)."""
        old = plans.get_plan(plan_id)
        year = year if year is not None else (old.year + 1 if old.year else None)
        title = title or words("carried_over_title", {"title": old.title, "year": year or ""})
        with self._atomic():
            result = carry_over(plan_id, title, year)
        return Change(plan_id=result.plan_id, fields={PLANS}, initiator=initiator, result=result)

    def carried_from(self, plan_id: int) -> int | None:
        return plans.carried_from(plan_id)

    def plan_diff(self, old_plan: int, new_plan: int):
        """How `new_plan` differs from `old_plan`, task by task (core.domain.plan_diff)."""
        from core.domain.plan_diff import diff_plans

        return diff_plans(old_plan, self.tree(old_plan), new_plan, self.tree(new_plan), origins(new_plan))
