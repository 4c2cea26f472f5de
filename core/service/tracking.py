"""PlanService's year-round tracking: 延期 (deadlines moved with approval) and dated 进展 entries.

A mixin only to keep service.py short. Each call is one transaction, writes its history, and
returns a Change whose `result` is what it made and `before` what undoing it needs; the undo
is the named inverse call (remove_deferral, remove_entry), which a QUndoCommand's undo() calls.
"""

from __future__ import annotations

import datetime as dt

from core.domain.entries import compose_note
from core.domain.records import Change, DeferralInfo, EntryInfo
from core.domain.status import Status
from core.domain.textclean import clean_text
from core.errors import UsageError
from core.store import plans, tracking
from core.store.structure import ancestors, get_node
from core.store.task_progress import task_states


class PlanTracking:
    """Mixed into PlanService; relies on its _atomic(), node(), set_statuses() and restore_progress()."""

    # -- 延期 ------------------------------------------------------------------------------
    def defer(self, node_id: int, due: dt.date, reason: str, approval: str = "",
              initiator: object = None) -> Change:
        """Move a task's deadline to `due` with a reason and an approval note; the printed deadline
        stays. Overdue is judged by `due` from now on. `result` is the 延期's id (for undo)."""
        reason, approval = clean_text(reason).strip(), clean_text(approval).strip()
        if not reason:
            raise UsageError("deferral_needs_reason")
        with self._atomic():
            task_states([node_id])
            old_due = self.node(node_id).final_due()
            if old_due == due:
                raise UsageError("deferral_same_date", date=due.isoformat())
            deferral_id = tracking.add_deferral(node_id, due, reason, approval, old_due)
            plan_id, above = ancestors([node_id])
        return Change(plan_id=plan_id, nodes={node_id}, rollups=above, fields={"deferral"},
                      initiator=initiator, result=deferral_id, before=old_due)

    def remove_deferral(self, deferral_id: int, initiator: object = None) -> Change:
        """Take a 延期 back (the inverse of defer): the task is judged by the date before it again."""
        with self._atomic():
            info = self.node(tracking.deferral_node(deferral_id))
            earlier = [d for d in tracking.deferrals(info.id) if d.id != deferral_id]
            info.deferral = earlier[-1] if earlier else None  # what the task is judged by afterwards
            node_id = tracking.remove_deferral(deferral_id, info.final_due())
            plan_id, above = ancestors([node_id])
        return Change(plan_id=plan_id, nodes={node_id}, rollups=above, fields={"deferral"},
                      initiator=initiator)

    def restore_deferral(self, node_id: int, deferral: DeferralInfo, initiator: object = None) -> Change:
        """Undo remove_deferral: the same 延期 back under its id (a history line says so)."""
        with self._atomic():
            task_states([node_id])
            old_due = self.node(node_id).final_due()
            tracking.add_deferral(node_id, deferral.due, deferral.reason, deferral.approval, old_due, deferral.id,
                                  deferral.at)
            plan_id, above = ancestors([node_id])
        return Change(plan_id=plan_id, nodes={node_id}, rollups=above, fields={"deferral"},
                      initiator=initiator, result=deferral.id)

    def deferrals(self, node_id: int) -> list[DeferralInfo]:
        """Every 延期 of a task, oldest first (the last one counts)."""
        get_node(node_id)
        return tracking.deferrals(node_id)

    # -- 进展 ------------------------------------------------------------------------------
    def add_entry(self, node_id: int, text: str, day: dt.date | None = None, status: Status | str | None = None,
                  initiator: object = None, source: str | None = None) -> Change:
        """Add a dated 进展 entry (today by default). A status given with the newest entry becomes
        the task's status too, in the same transaction. `result` is the EntryInfo; `before` the
        task's (status, completed_on) for remove_entry to put back."""
        text = clean_text(text).strip()
        if not text:
            raise UsageError("entry_needs_text")
        day = day or self.today()
        status = status if status is None or isinstance(status, Status) else Status.parse(status)
        with self._atomic():
            p = task_states([node_id])[node_id]
            before = (Status(p.status) if p.status in Status._value2member_map_ else Status.TODO, p.completed_on)
            newest = all(e.day <= day for e in tracking.entries([node_id]))
            entry_id = tracking.add_entry(node_id, day, text, status.value if status else None, source)
            fields = {"entries"}
            if status is not None and newest and p.status != status.value:
                self.set_statuses([node_id], status)
                fields |= {"status", "completed_on"}
            plan_id, above = ancestors([node_id])
        entry = EntryInfo(id=entry_id, node_id=node_id, day=day, text=text, status=status)
        return Change(plan_id=plan_id, nodes={node_id}, rollups=above, fields=fields, initiator=initiator,
                      result=entry, before=before)

    def remove_entry(self, entry_id: int, restore: tuple[Status, dt.date | None] | None = None,
                     initiator: object = None) -> Change:
        """Delete a 进展 entry (the inverse of add_entry: pass its `before` to put the status back);
        `result` is the entry as it was, for restore_entry."""
        with self._atomic():
            entry = tracking.remove_entry(entry_id)
            fields = {"entries"}
            if restore is not None:
                self.restore_progress([(entry.node_id, restore[0], restore[1])])
                fields |= {"status", "completed_on"}
            plan_id, above = ancestors([entry.node_id])
        return Change(plan_id=plan_id, nodes={entry.node_id}, rollups=above, fields=fields, initiator=initiator,
                      result=entry)

    def restore_entry(self, entry: EntryInfo, initiator: object = None) -> Change:
        """Undo the clerk's removal of an entry: the same entry back under its id; the task's status
        is left as it is now (removing never changed it)."""
        with self._atomic():
            task_states([entry.node_id])
            tracking.add_entry(entry.node_id, entry.day, entry.text, entry.status.value if entry.status else None,
                               entry_id=entry.id)
            plan_id, above = ancestors([entry.node_id])
        return Change(plan_id=plan_id, nodes={entry.node_id}, rollups=above, fields={"entries"},
                      initiator=initiator, result=entry)

    def entries(self, node_id: int, start: dt.date | None = None, end: dt.date | None = None) -> list[EntryInfo]:
        """A task's 进展 entries, oldest first, optionally only those in [start, end]."""
        get_node(node_id)
        return tracking.entries([node_id], start, end)

    def plan_entries(self, plan_id: int, start: dt.date | None = None,
                     end: dt.date | None = None) -> dict[int, list[EntryInfo]]:
        """Every task's entries in a period, by task id (what an export's 进展 column prints)."""
        plans.get_plan(plan_id)
        return tracking.plan_entries(plan_id, start, end)

    def composed_note(self, node_id: int) -> str:
        """The 完成情况 the entries make (the 由进展生成 button shows it before set_note saves it)."""
        return compose_note(self.entries(node_id))
