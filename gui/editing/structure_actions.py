"""Edit ▸ add, edit, delete, move, indent and outdent items of the plan on screen, all undoable.

Each action builds one command from gui/editing/structure_commands.py (an edit through the dialog is
one undo step made of its parts) and selects the item it made or moved.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from core.domain.numbering import next_label
from gui.editing.structure_commands import (
    AddNodeCommand,
    DeleteNodeCommand,
    IndentCommand,
    MoveNodeCommand,
    RenameNodeCommand,
    SetDeadlinesCommand,
    SetUnitsCommand,
)
from gui.tree.plan_tree_model import TreeItem, short_name


class StructureActions(QObject):
    """The structure-editing actions of one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        tree = window.tree
        self.add_after = self._action(self.tr("&Add item…"), "Ctrl+N", self.add_item)
        self.add_child = self._action(self.tr("Add s&ub-item…"), "Ctrl+Shift+N", self.add_sub_item)
        self.add_section = self._action(self.tr("Add se&ction…"), None, self.add_section_item)
        self.edit = self._action(self.tr("&Edit item…"), "F2", self.edit_item)
        self.delete = self._action(self.tr("&Delete item"), QKeySequence(QKeySequence.StandardKey.Delete),
                                   self.delete_item)
        self.up = self._action(self.tr("Move u&p"), "Ctrl+Up", lambda: self.move(-1))
        self.down = self._action(self.tr("Move do&wn"), "Ctrl+Down", lambda: self.move(+1))
        self.indent = self._action(self.tr("&Indent"), "Ctrl+Right", lambda: self.shift(outdent=False))
        self.outdent = self._action(self.tr("&Outdent"), "Ctrl+Left", lambda: self.shift(outdent=True))
        for action in (self.edit, self.delete, self.up, self.down, self.indent, self.outdent):
            # keys that mean something else in a text box act only while the tree has the focus
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tree.addAction(action)
        self.add_after.setToolTip(self.tr("Add an item after the selected one"))
        self.add_child.setToolTip(self.tr("Add an item under the selected one"))
        tree.selectionModel().currentRowChanged.connect(self.update_enabled)
        window.plan_shown.connect(self.update_enabled)
        self.update_enabled()

    def actions(self) -> list[QAction]:
        return [self.add_after, self.add_child, self.add_section, self.edit, self.delete, None, self.up, self.down,
                self.indent, self.outdent]

    def _action(self, text: str, keys, slot) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    # -- state ---------------------------------------------------------------------------
    def current(self) -> TreeItem | None:
        index = self.window.tree.currentIndex()
        item = self.window.proxy.item(index) if index.isValid() else None
        return item if item is not None and item.info is not None else None

    def update_enabled(self, *_args) -> None:
        item = self.current()
        has_plan = self.window.model.plan_id is not None
        self.add_after.setEnabled(has_plan)
        self.add_section.setEnabled(has_plan)
        self.add_child.setEnabled(item is not None)
        for action in (self.edit, self.delete):
            action.setEnabled(item is not None)
        parent_kids = item.parent.children if item is not None else []
        self.up.setEnabled(item is not None and item.row > 0)
        self.indent.setEnabled(item is not None and item.row > 0)
        self.down.setEnabled(item is not None and item.row < len(parent_kids) - 1)
        self.outdent.setEnabled(item is not None and item.parent.info is not None)

    def _select(self, node_id: int | None) -> None:
        if node_id is not None:
            self.window.select_node(node_id)
        self.update_enabled()

    def _year(self) -> int | None:
        return self.window.service.plan(self.window.model.plan_id).year

    # -- the edits -----------------------------------------------------------------------
    def add_item(self) -> None:
        """After the selected item, at its level; at the end of the plan when none is selected."""
        item = self.current()
        if item is None:
            self._add(None, None, "")
        else:
            parent = item.parent.info.id if item.parent.info is not None else None
            self._add(parent, item.row + 1, next_label(item.info.label))

    def add_section_item(self) -> None:
        """A new top-level section after the one holding the selection (at the end when none)."""
        item = self.current()
        while item is not None and item.parent.info is not None:
            item = item.parent
        roots = self.window.model.root().children
        if item is None:
            self._add(None, None, next_label(roots[-1].info.label) if roots else "一、")
        else:
            self._add(None, item.row + 1, next_label(item.info.label))

    def add_sub_item(self) -> None:
        item = self.current()
        if item is not None:
            last = item.children[-1].info.label if item.children else ""
            self._add(item.info.id, None, next_label(last) if last else "1.")

    def _add(self, parent_id: int | None, position: int | None, label: str) -> None:
        window = self.window
        if window.model.plan_id is None:
            return
        window.panel.flush_note()
        from gui.editing.item_dialog import ItemDialog  # not needed to start up

        dialog = ItemDialog(window, None, self._year(), label=label)
        if not dialog.exec():
            return
        v = dialog.values()
        stack = window.ctx.stack
        stack.beginMacro(self.tr("Add “%1”").replace("%1", v["title"][:20]))
        add = AddNodeCommand(window.ctx, window.model.plan_id, parent_id, position, v["label"], v["title"],
                             v["text"], focus=self._select)
        window.ctx.push(add)
        if add.node_id is not None:
            if any(v["units"].values()):
                window.ctx.push(SetUnitsCommand(window.ctx, add.node_id, v["units"], focus=self._select))
            if v["deadlines"]:
                window.ctx.push(SetDeadlinesCommand(window.ctx, add.node_id, v["deadlines"], focus=self._select))
        stack.endMacro()

    def edit_item(self) -> None:
        item = self.current()
        if item is None:
            return
        window, info = self.window, item.info
        window.panel.flush_note()
        from gui.editing.item_dialog import ItemDialog

        dialog = ItemDialog(window, info, self._year())
        if not dialog.exec():
            return
        v = dialog.values()
        parts = []
        if (v["label"], v["title"], v["text"]) != (info.label, info.title, info.text):
            parts.append(RenameNodeCommand(window.ctx, info.id, (v["label"], v["title"], v["text"]),
                                           focus=self._select))
        old_units = {role: info.units.get(role, []) for role in v["units"]}
        if v["units"] != old_units:
            parts.append(SetUnitsCommand(window.ctx, info.id, v["units"], focus=self._select))
        if v["deadlines"] != [(d.text, d.date) for d in info.deadlines]:
            parts.append(SetDeadlinesCommand(window.ctx, info.id, v["deadlines"], focus=self._select))
        if not parts:
            return
        window.ctx.stack.beginMacro(self.tr("Edit “%1”").replace("%1", short_name(info)))
        for command in parts:
            window.ctx.push(command)
        window.ctx.stack.endMacro()

    def delete_item(self) -> None:
        item = self.current()
        if item is None:
            return
        tasks = len(item.tasks())
        if not item.is_task:
            answer = QMessageBox.question(
                self.window, self.tr("Delete item"),
                self.tr("Delete “%1” and the %2 tasks under it, with their progress and supporting "
                        "material records?\n\nYou can undo this with Ctrl+Z.")
                .replace("%1", short_name(item.info, 40)).replace("%2", str(tasks)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        siblings = item.parent.children
        after = siblings[item.row + 1] if item.row + 1 < len(siblings) else None
        before = siblings[item.row - 1] if item.row > 0 else None
        neighbour = (after or before or item.parent).info
        self.window.panel.show_item(None)  # a pending note is saved before its task goes
        self.window.ctx.push(DeleteNodeCommand(self.window.ctx, item.info.id, short_name(item.info),
                                               neighbour.id if neighbour else None, focus=self._select))

    def move(self, step: int) -> None:
        item = self.current()
        if item is None or not 0 <= item.row + step < len(item.parent.children):
            return
        parent = item.parent.info.id if item.parent.info is not None else None
        text = (self.tr("Move “%1” up") if step < 0 else self.tr("Move “%1” down")).replace("%1", short_name(item.info))
        self.window.ctx.push(MoveNodeCommand(self.window.ctx, item.info.id, parent, item.row + step, text,
                                             focus=self._select))

    def shift(self, outdent: bool) -> None:
        item = self.current()
        if item is None or (item.parent.info is None if outdent else item.row == 0):
            return
        self.window.ctx.push(IndentCommand(self.window.ctx, item.info.id, outdent, short_name(item.info),
                                           focus=self._select))
