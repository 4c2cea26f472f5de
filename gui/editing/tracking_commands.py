"""Undo commands for the year-round tracking: 延期, a 进展 entry, a merge of returned 台账.

As in commands.py, redo() calls one service method and undo() its named inverse
(remove_deferral, remove_entry, undo_merge); what the inverse needs comes from the Change.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from core.domain.records import Change, DeferralInfo, EntryInfo
from core.domain.status import Status
from gui.editing.commands import EditContext, _Command

translate = QCoreApplication.translate


class DeferCommand(_Command):
    """Move a task's deadline with a reason and approval; undo takes the 延期 back."""

    def __init__(self, ctx: EditContext, node_id: int, due: dt.date, reason: str, approval: str = "",
                 initiator: object = None, text: str | None = None) -> None:
        super().__init__(ctx, text or translate("Commands", "Defer deadline"), initiator)
        self.node_id, self.due, self.reason, self.approval = node_id, due, reason, approval
        self.deferral_id: int | None = None

    def _defer(self) -> Change:
        change = self.ctx.service.defer(self.node_id, self.due, self.reason, self.approval,
                                        initiator=self.initiator())
        self.deferral_id = change.result
        return change

    def redo(self) -> None:
        self._run(self._defer)

    def undo(self) -> None:
        if self.deferral_id is not None:
            self._run(lambda: self.ctx.service.remove_deferral(self.deferral_id))


class AddEntryCommand(_Command):
    """Add a dated 进展 entry (and the status it brings); undo removes it and puts the status back."""

    def __init__(self, ctx: EditContext, node_id: int, text: str, day: dt.date | None = None,
                 status: Status | None = None, initiator: object = None) -> None:
        super().__init__(ctx, translate("Commands", "Add progress"), initiator)
        self.node_id, self.text, self.day, self.status = node_id, text, day, status
        self.added: Change | None = None

    def _add(self) -> Change:
        self.added = self.ctx.service.add_entry(self.node_id, self.text, self.day, self.status,
                                                initiator=self.initiator())
        return self.added

    def redo(self) -> None:
        self._run(self._add)

    def undo(self) -> None:
        if self.added is not None:
            restore = self.added.before if "status" in self.added.fields else None
            self._run(lambda: self.ctx.service.remove_entry(self.added.result.id, restore))


class MergeReturnsCommand(_Command):
    """Apply the returned 台账 (what does not conflict, and what `take` settles; or, with `picks`,
    what the clerk ticked in the merge preview) as one step."""

    def __init__(self, ctx: EditContext, plan_id: int, returned: list, take: str | None = None,
                 initiator: object = None, picks: set | None = None) -> None:
        super().__init__(ctx, translate("Commands", "Merge returned ledgers"), initiator)
        self.plan_id, self.returned, self.take, self.picks = plan_id, returned, take, picks
        self.applied: Change | None = None

    def _apply(self) -> Change:
        self.applied = self.ctx.service.apply_merge(self.plan_id, self.returned, self.take,
                                                    initiator=self.initiator(), picks=self.picks)
        return self.applied

    def redo(self) -> None:
        self._run(self._apply)

    def undo(self) -> None:
        if self.applied is not None:
            self._run(lambda: self.ctx.service.undo_merge(self.applied.before))


class RemoveDeferralCommand(_Command):
    """Take a 延期 back; undo puts the same 延期 back (same id, reason and approval)."""

    def __init__(self, ctx: EditContext, node_id: int, deferral: DeferralInfo, initiator: object = None) -> None:
        super().__init__(ctx, translate("Commands", "Take deferral back"), initiator)
        self.node_id, self.deferral = node_id, deferral

    def redo(self) -> None:
        self._run(lambda: self.ctx.service.remove_deferral(self.deferral.id, initiator=self.initiator()))

    def undo(self) -> None:
        self._run(lambda: self.ctx.service.restore_deferral(self.node_id, self.deferral))


class RemoveEntryCommand(_Command):
    """Remove a 进展 entry (the task's status stays); undo puts the same entry back."""

    def __init__(self, ctx: EditContext, entry: EntryInfo, initiator: object = None) -> None:
        super().__init__(ctx, translate("Commands", "Remove progress"), initiator)
        self.entry = entry

    def redo(self) -> None:
        self._run(lambda: self.ctx.service.remove_entry(self.entry.id, initiator=self.initiator()))

    def undo(self) -> None:
        self._run(lambda: self.ctx.service.restore_entry(self.entry))
