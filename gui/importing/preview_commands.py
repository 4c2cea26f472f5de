"""Undo commands on the parsed plan in the import preview: one per fix the clerk makes.

Each redo() is a few PreviewModel primitives (take_node, insert_node, set_fields) and undo()
their exact inverse, so commands address nodes by path and never keep items. After either,
the command asks the view to select the node it moved or made (PreviewModel.focus).
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from core.parse.checks import NodePath
from core.parse.corrections import merged_fields, redated, split_node
from core.parse.parsed_plan import ParsedNode

if TYPE_CHECKING:  # the model imports these commands; only type hints point back at it
    from gui.importing.preview_model import PreviewModel

EDIT_ID, META_ID = 101, 102
translate = QCoreApplication.translate


class _Command(QUndoCommand):
    def __init__(self, model: PreviewModel, text: str) -> None:
        super().__init__(text)
        self._model = weakref.ref(model)  # weakly, as gui/editing/commands.py says why: its stack owns us

    @property
    def model(self) -> PreviewModel:
        return self._model()

    def _focus(self, path: NodePath | None) -> None:
        self.model.focus.emit(path)


class EditNodeCommand(_Command):
    """Change a node's label, title, text, units or deadlines; typing in one field undoes as one step."""

    def __init__(self, model: PreviewModel, path: NodePath, changes: dict, text: str, merge: bool = False) -> None:
        super().__init__(model, text)
        self.path, self.changes, self.merge = path, dict(changes), merge
        self.old: dict | None = None

    def id(self) -> int:
        return EDIT_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditNodeCommand) or not other.merge or other.path != self.path \
                or set(other.changes) != set(self.changes):
            return False
        self.changes = other.changes
        self.setObsolete(self.old == self.changes)
        return True

    def redo(self) -> None:
        old = self.model.set_fields(self.path, self.changes)
        if self.old is None:
            self.old = old
        self._focus(self.path)

    def undo(self) -> None:
        self.model.set_fields(self.path, self.old or {})
        self._focus(self.path)


class SetMetaCommand(_Command):
    """Change the plan's title, year, issuer or document number; typing undoes as one step.

    A new year also re-dates the deadlines printed without one ("6月底前"), as the parser would have.
    """

    def __init__(self, model: PreviewModel, name: str, value: object) -> None:
        super().__init__(model, translate("PreviewCommands", "Edit plan details"))
        self.name, self.new = name, value
        self.old = getattr(model.plan, name)
        self.old_deadlines: dict[NodePath, list] = {}  # deadlines before the first re-dating

    def id(self) -> int:
        return META_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetMetaCommand) or other.name != self.name:
            return False
        self.new = other.new
        for path, deadlines in other.old_deadlines.items():
            self.old_deadlines.setdefault(path, deadlines)
        self.setObsolete(self.new == self.old and not self.old_deadlines)
        return True

    def redo(self) -> None:
        self.model.set_meta(self.name, self.new)
        if self.name == "year" and self.new is not None:
            for path, deadlines in redated(self.model.plan, self.new).items():
                old = self.model.set_fields(path, {"deadlines": deadlines})["deadlines"]
                self.old_deadlines.setdefault(path, old)

    def undo(self) -> None:
        for path, deadlines in self.old_deadlines.items():
            self.model.set_fields(path, {"deadlines": deadlines})
        self.model.set_meta(self.name, self.old)


class MoveCommand(_Command):
    """Move a node to another place: up or down among its siblings, indent or outdent."""

    def __init__(self, model: PreviewModel, path: NodePath, to_parent: NodePath, to_row: int, text: str) -> None:
        super().__init__(model, text)
        self.path, self.to = path, (*to_parent, to_row)

    @classmethod
    def up_down(cls, model: PreviewModel, path: NodePath, delta: int) -> MoveCommand:
        text = translate("PreviewCommands", "Move up") if delta < 0 else translate("PreviewCommands", "Move down")
        return cls(model, path, path[:-1], path[-1] + delta, text)

    @classmethod
    def indent(cls, model: PreviewModel, path: NodePath) -> MoveCommand:
        """Make the node the last child of the node above it."""
        above = (*path[:-1], path[-1] - 1)
        return cls(model, path, above, len(model.item_at(above).children),
                   translate("PreviewCommands", "Indent"))

    @classmethod
    def outdent(cls, model: PreviewModel, path: NodePath) -> MoveCommand:
        """Make the node the sibling after its parent."""
        return cls(model, path, path[:-2], path[-2] + 1, translate("PreviewCommands", "Outdent"))

    def redo(self) -> None:
        self.model.insert_node(self.to[:-1], self.to[-1], self.model.take_node(self.path))
        self._focus(self.to)

    def undo(self) -> None:
        self.model.insert_node(self.path[:-1], self.path[-1], self.model.take_node(self.to))
        self._focus(self.path)


class DeleteCommand(_Command):
    """Delete a node and everything under it (page noise the parser took for a task)."""

    def __init__(self, model: PreviewModel, path: NodePath) -> None:
        super().__init__(model, translate("PreviewCommands", "Delete"))
        self.path = path
        self.node: ParsedNode | None = None

    def redo(self) -> None:
        self.node = self.model.take_node(self.path)
        siblings = self.model.item_at(self.path[:-1]).children
        if siblings:
            self._focus((*self.path[:-1], min(self.path[-1], len(siblings) - 1)))
        else:
            self._focus(self.path[:-1] or None)

    def undo(self) -> None:
        self.model.insert_node(self.path[:-1], self.path[-1], self.node)
        self._focus(self.path)


class AddCommand(_Command):
    """Add a node the parser missed at `path`."""

    def __init__(self, model: PreviewModel, path: NodePath, node: ParsedNode) -> None:
        super().__init__(model, translate("PreviewCommands", "Add task"))
        self.path, self.node = path, node

    def redo(self) -> None:
        self.model.insert_node(self.path[:-1], self.path[-1], self.node)
        self._focus(self.path)

    def undo(self) -> None:
        self.model.take_node(self.path)
        self._focus(self.path[:-1] or None)


class MergeCommand(_Command):
    """Merge a node into the one before it (its previous sibling, or its parent when it is first).

    The merged node's text, units and deadlines join the target's; its children follow the
    target's own children (or take its place under the parent).
    """

    def __init__(self, model: PreviewModel, path: NodePath) -> None:
        super().__init__(model, translate("PreviewCommands", "Merge into previous"))
        self.path = path
        self.into_parent = path[-1] == 0
        self.target = path[:-1] if self.into_parent else (*path[:-1], path[-1] - 1)
        self.old: dict = {}
        self.kids: list[ParsedNode] = []
        self.base = 0

    @staticmethod
    def possible(path: NodePath | None) -> bool:
        return bool(path) and (path[-1] > 0 or len(path) > 1)

    def redo(self) -> None:
        m = self.model
        node = m.take_node(self.path)
        self.kids, node.children = node.children, []
        self.node = node
        if self.into_parent:
            self.base = self.path[-1]
            for i, kid in enumerate(self.kids):
                m.insert_node(self.path[:-1], self.base + i, kid)
        else:
            self.base = len(m.item_at(self.target).children)
            for i, kid in enumerate(self.kids):
                m.insert_node(self.target, self.base + i, kid)
        self.old = m.set_fields(self.target, merged_fields(m.item_at(self.target).node, node))
        self._focus(self.target)

    def undo(self) -> None:
        m = self.model
        m.set_fields(self.target, self.old)
        holder = self.path[:-1] if self.into_parent else self.target
        kids = [m.take_node((*holder, self.base)) for _ in self.kids]
        self.node.children = kids
        m.insert_node(self.path[:-1], self.path[-1], self.node)
        self._focus(self.path)


class SplitCommand(_Command):
    """Cut a node's text in two at `at`; the second half becomes the node after it."""

    def __init__(self, model: PreviewModel, path: NodePath, at: int) -> None:
        super().__init__(model, translate("PreviewCommands", "Split"))
        self.path = path
        found = split_node(model.item_at(path).node, at, model.plan.year)
        if found is None:
            self.setObsolete(True)
            self.changes, self.new = {}, None
        else:
            self.changes, self.new = found
        self.old: dict = {}

    def redo(self) -> None:
        if self.new is None:
            return
        self.old = self.model.set_fields(self.path, self.changes)
        after = (*self.path[:-1], self.path[-1] + 1)
        self.model.insert_node(self.path[:-1], after[-1], self.new)
        self._focus(after)

    def undo(self) -> None:
        if self.new is None:
            return
        self.model.take_node((*self.path[:-1], self.path[-1] + 1))
        self.model.set_fields(self.path, self.old)
        self._focus(self.path)
