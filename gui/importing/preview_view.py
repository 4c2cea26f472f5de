"""The import preview's tree with its fixing tools: move, indent, merge, split, delete, add, undo.

Each tool pushes one command from gui/importing/preview_commands.py; the view only decides which tools
make sense for the selected node and selects what a command asks it to (PreviewModel.focus).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core.domain.numbering import next_label
from core.parse.checks import NodePath
from core.parse.corrections import default_split
from core.parse.parsed_plan import ParsedNode
from gui.importing.preview_commands import AddCommand, DeleteCommand, MergeCommand, MoveCommand, SplitCommand
from gui.importing.preview_model import DEADLINE, LABEL, TITLE, UNITS, PreviewModel


class SplitDialog(QDialog):
    """Shows a node's text; the clerk puts the cursor where the second item begins."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split item"))
        hint = QLabel(self.tr("Click where the second item begins, then choose Split."))
        hint.setWordWrap(True)
        self.edit = QPlainTextEdit(text)
        self.edit.setReadOnly(True)
        self.edit.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        cursor = self.edit.textCursor()
        cursor.setPosition(default_split(text))
        self.edit.setTextCursor(cursor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Split"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)
        self.resize(560, 300)

    def position(self) -> int:
        cursor: QTextCursor = self.edit.textCursor()
        return cursor.selectionStart() if cursor.hasSelection() else cursor.position()


class PreviewView(QWidget):
    """Tool bar over the parsed tree."""

    current_changed = Signal(object)  # the selected node's path, or None

    def __init__(self, model: PreviewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.tree = QTreeView()
        self.tree.setModel(model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.tree.header()
        header.setStretchLastSection(False)
        em = self.tree.fontMetrics().horizontalAdvance("中")
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column, chars in ((LABEL, 7), (UNITS, 11), (DEADLINE, 7)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, em * chars + 16)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tree)

        self.tree.selectionModel().currentRowChanged.connect(self._current)
        model.focus.connect(self.select)
        model.edited.connect(self._update_actions)
        model.modelReset.connect(self._after_reset)
        self._update_actions()

    def _action(self, text: str, keys: str | QKeySequence.StandardKey | None, slot, tip: str = "") -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if tip:
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.tree.addAction(action)
        self.toolbar.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.up_action = self._action(self.tr("Up"), "Alt+Up", lambda: self._move(-1), self.tr("Move up (Alt+Up)"))
        self.down_action = self._action(self.tr("Down"), "Alt+Down", lambda: self._move(1),
                                        self.tr("Move down (Alt+Down)"))
        self.outdent_action = self._action(self.tr("Outdent"), "Alt+Left", self.outdent,
                                           self.tr("Move up one level (Alt+Left)"))
        self.indent_action = self._action(self.tr("Indent"), "Alt+Right", self.indent,
                                          self.tr("Move into the item above (Alt+Right)"))
        self.toolbar.addSeparator()
        self.merge_action = self._action(self.tr("Merge"), "Ctrl+M", self.merge,
                                         self.tr("Merge into the item before (Ctrl+M)"))
        self.split_action = self._action(self.tr("Split…"), None, self.split, self.tr("Split in two"))
        self.add_action = self._action(self.tr("Add task"), "Ctrl+N", self.add_task,
                                       self.tr("Add a task after the selected one (Ctrl+N)"))
        self.delete_action = self._action(self.tr("Delete"), QKeySequence.StandardKey.Delete, self.delete,
                                          self.tr("Delete the item and everything under it (Del)"))
        self.toolbar.addSeparator()
        stack = self.model.stack
        self.undo_action = stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.toolbar.addAction(action)

    # -- selection -----------------------------------------------------------------------
    def current_path(self) -> NodePath | None:
        index = self.tree.currentIndex()
        return self.model.item(index).path() if index.isValid() else None

    def select(self, path: NodePath | None) -> None:
        index = self.model.index_at(path)
        if not index.isValid():
            self.tree.setCurrentIndex(index)
            return
        self.tree.scrollTo(index)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _current(self, current, _previous) -> None:
        self._update_actions()
        self.current_changed.emit(self.current_path())

    def _after_reset(self) -> None:
        self.tree.expandToDepth(0)
        self._update_actions()

    def _update_actions(self) -> None:
        path = self.current_path()
        has = path is not None
        siblings = len(self.model.item_at(path[:-1]).children) if has else 0
        self.up_action.setEnabled(has and path[-1] > 0)
        self.down_action.setEnabled(has and path[-1] < siblings - 1)
        self.indent_action.setEnabled(has and path[-1] > 0)
        self.outdent_action.setEnabled(has and len(path) > 1)
        self.merge_action.setEnabled(MergeCommand.possible(path))
        self.split_action.setEnabled(has and len(self.model.item_at(path).node.text.strip()) > 1)
        self.delete_action.setEnabled(has)
        self.add_action.setEnabled(bool(self.model.plan.nodes) or has)

    # -- tools ---------------------------------------------------------------------------
    def _push(self, command) -> None:
        self.model.stack.push(command)

    def _move(self, delta: int) -> None:
        if (self.up_action if delta < 0 else self.down_action).isEnabled():
            self._push(MoveCommand.up_down(self.model, self.current_path(), delta))

    def indent(self) -> None:
        if self.indent_action.isEnabled():
            self._push(MoveCommand.indent(self.model, self.current_path()))

    def outdent(self) -> None:
        if self.outdent_action.isEnabled():
            self._push(MoveCommand.outdent(self.model, self.current_path()))

    def merge(self) -> None:
        if self.merge_action.isEnabled():
            self._push(MergeCommand(self.model, self.current_path()))

    def delete(self) -> None:
        if self.delete_action.isEnabled():
            self._push(DeleteCommand(self.model, self.current_path()))

    def split(self, at: int | None = None) -> None:
        """Split the selected node; `at` skips the dialog (tests, keyboard users of the API)."""
        path = self.current_path()
        if path is None:
            return
        if not isinstance(at, int) or isinstance(at, bool):
            dialog = SplitDialog(self.model.item_at(path).node.text, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            at = dialog.position()
        self._push(SplitCommand(self.model, path, at))

    def add_task(self) -> None:
        """A new task after the selected task, or at the end of the selected section."""
        path = self.current_path()
        if path is None:
            where, before = (len(self.model.plan.nodes),), self.model.plan.nodes[-1:]
        else:
            item = self.model.item_at(path)
            if item.node.children:
                where, before = (*path, len(item.children)), item.node.children[-1:]
            else:
                where, before = (*path[:-1], path[-1] + 1), [item.node]
        label = next_label(before[0].label) if before else ""
        self._push(AddCommand(self.model, where, ParsedNode(label=label, title="", text="")))
