"""Undo commands: one per user action; redo() calls one service method, undo() its inverse.

Every command reports the service's Change through EditContext.changed, so the tree, the
detail panel and the status bar update exactly the rows that moved.
"""

from __future__ import annotations

import datetime as dt
import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from shiboken6 import Shiboken

from core.domain.coalesce import coalesces
from core.domain.records import Change, NodeInfo
from core.domain.status import Status
from core.errors import TaizhangError
from gui.editing.pending_writes import PendingWrites

if TYPE_CHECKING:  # the window shell paints before the service (and peewee) is imported
    from core.service.facade import PlanService

NOTE_ID = 1
COMPLETED_ON_ID = 2
translate = QCoreApplication.translate


class EditContext(QObject):
    """What every command needs: the service, the undo stack, and where to announce changes."""

    changed = Signal(object)  # core.domain.records.Change
    failed = Signal(object)  # core.errors.TaizhangError

    def __init__(self, service: PlanService | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.stack = QUndoStack(self)
        self.pending = PendingWrites(self, self)  # writes the disk refused, kept and retried
        self.pending.saved.connect(self.changed.emit)
        self.pending.dropped.connect(self.failed.emit)

    def __del__(self) -> None:
        # The stack's commands are deleted here, before the context goes. Collected as part of a cycle
        # (a context with no parent: tests, a dialog's own), the collector runs this while every object
        # around the commands is still whole (PEP 442), where deleting them from Qt's destructor, inside
        # the collector's teardown, crashed (QUndoStack::clear on half-collected commands).
        stack = self.__dict__.get("stack")
        if stack is not None and Shiboken.isValid(stack):
            stack.clear()

    def push(self, command: QUndoCommand) -> None:
        self.stack.push(command)

    def announce(self, change: Change) -> None:
        """Tell every view about a change made outside the undo stack (my units, evidence)."""
        self.changed.emit(change)


class _Command(QUndoCommand):
    """Runs a service call, announces its Change, and drops itself if the call failed.

    `initiator` (the widget that asked) goes with the first run only: that widget shows the
    new state already. Undo and redo come from the stack, so their Changes name nobody.
    """

    def __init__(self, ctx: EditContext, text: str, initiator: object = None) -> None:
        super().__init__(text)
        # weakly: the context's undo stack owns this command, so a strong reference back makes a
        # cycle through Qt that Python's collector may tear down in the wrong order (the stack then
        # deletes commands already half-collected: a crash at a random later moment)
        self._ctx = weakref.ref(ctx)
        self._initiator = initiator
        self.error: TaizhangError | None = None  # why the last run failed (the widget that asked may keep its input)

    @property
    def ctx(self) -> EditContext:
        return self._ctx()

    def initiator(self) -> object:
        """The widget for this run's Change: the asker on the first run, nobody after."""
        who, self._initiator = self._initiator, None
        return who

    def _run(self, call, key: tuple | None = None, value: object = None) -> None:
        try:
            change = self.ctx.pending.write(call, key, value)
        except TaizhangError as err:
            self.error = err
            self.setObsolete(True)
            self.ctx.failed.emit(err)
            return
        if change is None:  # the disk refused it: PendingWrites keeps it and retries, off the stack
            self.setObsolete(True)
            return
        self.ctx.changed.emit(change)


class SetStatusCommand(_Command):
    """Give tasks one status (tick, untick, the status selector, ticking a whole section)."""

    def __init__(self, ctx: EditContext, tasks: list[NodeInfo], status: Status, text: str,
                 initiator: object = None) -> None:
        super().__init__(ctx, text, initiator)
        self.status = status
        self.before = [(t.id, t.status, t.completed_on) for t in tasks]

    def redo(self) -> None:
        self._run(lambda: self.ctx.service.set_statuses([i for i, _, _ in self.before], self.status,
                                                            initiator=self.initiator()))

    def undo(self) -> None:  # statuses and completion dates back in one transaction
        self._run(lambda: self.ctx.service.restore_progress(self.before))


class _Coalescing(_Command):
    """An edit of one field of one task that continues the one before it within the field's window
    (core.domain.coalesce, the rule the history follows too), so Undo takes both back at once."""

    FIELD = ""

    def __init__(self, ctx: EditContext, text: str, node_id: int, old, new, initiator: object = None) -> None:
        super().__init__(ctx, text, initiator)
        self.node_id, self.old, self.new = node_id, old, new
        self.last_at = dt.datetime.now()

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (type(other) is not type(self) or other.node_id != self.node_id
                or not coalesces(self.FIELD, self.last_at, other.last_at)):
            return False
        self.new, self.last_at = other.new, other.last_at
        self.setObsolete(self.new == self.old)
        return True


class SetNoteCommand(_Coalescing):
    """Save the 完成情况 note; edits of one task's note in one sitting undo as one step."""

    FIELD = "note"

    def __init__(self, ctx: EditContext, node_id: int, old: str, new: str, initiator: object = None,
                 text: str | None = None) -> None:
        super().__init__(ctx, text or translate("Commands", "Edit note"), node_id, old, new, initiator)
        self.merges = text is None  # a note composed from the entries is a step of its own

    def id(self) -> int:
        return NOTE_ID if self.merges else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        return self.merges and isinstance(other, SetNoteCommand) and other.merges and super().mergeWith(other)

    def redo(self) -> None:
        self._run(lambda: self.ctx.service.set_note(self.node_id, self.new, initiator=self.initiator()),
                  ("note", self.node_id), self.new)

    def undo(self) -> None:
        self._run(lambda: self.ctx.service.set_note(self.node_id, self.old), ("note", self.node_id), self.old)


class SetCompletedOnCommand(_Coalescing):
    """Set or clear a task's completion date; stepping it with the arrow keys undoes as one step."""

    FIELD = "completed_on"

    def __init__(self, ctx: EditContext, node_id: int, old: dt.date | None, new: dt.date | None,
                 initiator: object = None) -> None:
        super().__init__(ctx, translate("Commands", "Change completion date"), node_id, old, new, initiator)

    def id(self) -> int:
        return COMPLETED_ON_ID

    def redo(self) -> None:
        self._run(lambda: self.ctx.service.set_completed_on(self.node_id, self.new, initiator=self.initiator()),
                  ("date", self.node_id))

    def undo(self) -> None:
        self._run(lambda: self.ctx.service.set_completed_on(self.node_id, self.old), ("date", self.node_id))
