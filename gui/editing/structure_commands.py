"""Undo commands for editing the plan's tree after import: add, delete, move, indent, rename, re-assign.

As in gui/editing/commands.py, redo() is one service call and undo() its inverse. Adding and deleting
keep the deleted rows (the service's Snapshot), so redo/undo bring back the very same ids and
later commands on the stack still find their nodes. `focus` is told which node to select.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from core.domain.records import Change
from gui.editing.commands import EditContext, _Command

translate = QCoreApplication.translate
Focus = Callable[[int | None], None]


class _StructureCommand(_Command):
    """Runs `call` (returning a Change), keeps that Change, then asks for `node` to be selected."""

    def __init__(self, ctx: EditContext, text: str, focus: Focus | None = None) -> None:
        super().__init__(ctx, text)
        self.focus = focus
        self.change: Change | None = None

    def _do(self, call: Callable[[], Change], node: Callable[[], int | None]) -> None:
        self.change = None

        def run() -> Change:
            self.change = call()
            return self.change

        self._run(run)
        if self.focus is not None and not self.isObsolete():
            self.focus(node())

    @property
    def before(self):
        """What undoing the last run needs (the service's Change.before)."""
        return self.change.before if self.change is not None else None


class AddNodeCommand(_StructureCommand):
    """A new task (or section, at the top level) at a place; undo deletes it, redo puts it back."""

    def __init__(self, ctx: EditContext, plan_id: int, parent_id: int | None, position: int | None,
                 label: str, title: str, text: str = "", focus: Focus | None = None) -> None:
        super().__init__(ctx, translate("StructureCommands", "Add “%1”").replace("%1", title[:20]), focus)
        self.plan_id, self.parent_id, self.position = plan_id, parent_id, position
        self.label, self.title, self.text = label, title, text
        self.node_id: int | None = None
        self.snapshot = None

    def redo(self) -> None:
        svc = self.ctx.service
        if self.snapshot is None:
            self._do(lambda: svc.add_node(self.plan_id, self.parent_id, self.position, self.label,
                                          self.title, self.text), lambda: self.change.result)
            self.node_id = self.change.result if self.change is not None else None
        else:
            self._do(lambda: svc.restore_node(self.snapshot), lambda: self.node_id)

    def undo(self) -> None:
        self._do(lambda: self.ctx.service.delete_node(self.node_id), lambda: self.parent_id)
        self.snapshot = self.before


class DeleteNodeCommand(_StructureCommand):
    """Delete a node and all under it (progress, history and evidence records too); undo restores them."""

    def __init__(self, ctx: EditContext, node_id: int, name: str, neighbour: int | None,
                 focus: Focus | None = None) -> None:
        super().__init__(ctx, translate("StructureCommands", "Delete “%1”").replace("%1", name), focus)
        self.node_id, self.neighbour = node_id, neighbour
        self.snapshot = None

    def redo(self) -> None:
        self._do(lambda: self.ctx.service.delete_node(self.node_id), lambda: self.neighbour)
        self.snapshot = self.before

    def undo(self) -> None:
        self._do(lambda: self.ctx.service.restore_node(self.snapshot), lambda: self.node_id)


class MoveNodeCommand(_StructureCommand):
    """Move a node under `parent_id` at `position` (up, down, or anywhere); undo moves it back."""

    def __init__(self, ctx: EditContext, node_id: int, parent_id: int | None, position: int, text: str,
                 focus: Focus | None = None) -> None:
        super().__init__(ctx, text, focus)
        self.node_id, self.parent_id, self.position = node_id, parent_id, position
        self.old: tuple | None = None

    def redo(self) -> None:
        self._do(lambda: self.ctx.service.move_node(self.node_id, self.parent_id, self.position),
                 lambda: self.node_id)
        self.old = self.before

    def undo(self) -> None:
        self._do(lambda: self.ctx.service.move_node(self.node_id, *self.old), lambda: self.node_id)


class IndentCommand(_StructureCommand):
    """Indent (under the item above) or outdent (after its section); undo puts it back."""

    def __init__(self, ctx: EditContext, node_id: int, outdent: bool, name: str,
                 focus: Focus | None = None) -> None:
        text = (translate("StructureCommands", "Outdent “%1”") if outdent
                else translate("StructureCommands", "Indent “%1”")).replace("%1", name)
        super().__init__(ctx, text, focus)
        self.node_id, self.outdent = node_id, outdent
        self.old: tuple | None = None

    def redo(self) -> None:
        svc = self.ctx.service
        call = svc.outdent_node if self.outdent else svc.indent_node
        self._do(lambda: call(self.node_id), lambda: self.node_id)
        self.old = self.before

    def undo(self) -> None:
        self._do(lambda: self.ctx.service.move_node(self.node_id, *self.old), lambda: self.node_id)


class RenameNodeCommand(_StructureCommand):
    """Change a node's number, title and text."""

    def __init__(self, ctx: EditContext, node_id: int, new: tuple[str, str, str], text: str = "",
                 focus: Focus | None = None) -> None:
        super().__init__(ctx, text or translate("StructureCommands", "Rename “%1”").replace("%1", new[1][:20]),
                         focus)
        self.node_id, self.new = node_id, new
        self.old: tuple | None = None

    def redo(self) -> None:
        self._do(lambda: self.ctx.service.rename_node(self.node_id, *self.new), lambda: self.node_id)
        self.old = self.before

    def undo(self) -> None:
        self._do(lambda: self.ctx.service.rename_node(self.node_id, *self.old), lambda: self.node_id)


class _ReplacePartCommand(_StructureCommand):
    """Replace one part of a node (its units, its deadlines) by the service's setter `SETTER`;
    undo puts back what the service said the node held (Change.before)."""

    SETTER = ""

    def __init__(self, ctx: EditContext, text: str, node_id: int, value, focus: Focus | None = None) -> None:
        super().__init__(ctx, text, focus)
        self.node_id, self.value = node_id, value
        self.old = None

    def _set(self, value) -> None:
        setter = getattr(self.ctx.service, self.SETTER)
        self._do(lambda: setter(self.node_id, value), lambda: self.node_id)

    def redo(self) -> None:
        self._set(self.value)
        self.old = self.before

    def undo(self) -> None:
        self._set(self.old)


class SetUnitsCommand(_ReplacePartCommand):
    """Re-assign a node's units by role."""

    SETTER = "set_units"

    def __init__(self, ctx: EditContext, node_id: int, units: dict[str, list[str]],
                 focus: Focus | None = None) -> None:
        super().__init__(ctx, translate("StructureCommands", "Change units"), node_id, units, focus)


class SetDeadlinesCommand(_ReplacePartCommand):
    """Replace a node's deadlines (text, date)."""

    SETTER = "set_deadlines"

    def __init__(self, ctx: EditContext, node_id: int, deadlines: list[tuple[str, dt.date | None]],
                 focus: Focus | None = None) -> None:
        super().__init__(ctx, translate("StructureCommands", "Change deadlines"), node_id, deadlines, focus)
