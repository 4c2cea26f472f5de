"""The parsed plan as a thin QAbstractItemModel over its ParsedNodes, for the import preview.

Items cache their row (no list.index on a long plan). Nodes are addressed by path (row numbers
from the top), which undo commands keep instead of items: an undone removal re-creates items.
The model changes only through insert_node / take_node / set_fields, each wrapped in Qt's
begin*/end* calls; editing a cell pushes an undo command that calls them.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QUndoStack

from core.parse.checks import NodePath
from core.parse.corrections import apply_fields, set_title
from core.parse.parsed_plan import ParsedNode, ParsedPlan
from gui.importing.preview_commands import EditNodeCommand
from gui.tree.item_tree_model import ItemTreeModel
from gui.tree.labels import role_badges, role_names

LABEL, TITLE, UNITS, DEADLINE = range(4)
META_FIELDS = ("title", "year", "issuer", "doc_number")
AnyIndex = QModelIndex | QPersistentModelIndex


class PreviewItem:
    """One ParsedNode with its parent item, child items and cached row."""

    __slots__ = ("node", "parent", "children", "row")

    def __init__(self, node: ParsedNode | None, parent: PreviewItem | None, row: int) -> None:
        self.node = node
        self.parent = parent
        self.row = row
        self.children = [PreviewItem(c, self, i) for i, c in enumerate(node.children)] if node else []

    def path(self) -> NodePath:
        rows: list[int] = []
        item = self
        while item.parent is not None:
            rows.append(item.row)
            item = item.parent
        return tuple(reversed(rows))


class PreviewModel(ItemTreeModel):
    """Sections and tasks of a parsed plan: label, title, units by role, deadlines."""

    edited = Signal()  # any change to the plan (its checks are re-run)
    focus = Signal(object)  # a command asks the view to select the node at this path
    meta_changed = Signal(str)  # title, year, issuer or doc_number changed (by a command)

    def __init__(self, stack: QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.stack = stack
        self.plan = ParsedPlan()
        self._root = PreviewItem(None, None, 0)
        self._roles = role_names()
        self._short = role_badges()
        self._headers = [self.tr("No."), self.tr("Item"), self.tr("Units"), self.tr("Deadline")]
        self._bold = QFont()
        self._bold.setBold(True)
        for signal in (self.rowsInserted, self.rowsRemoved, self.dataChanged, self.modelReset):
            signal.connect(self.edited)

    def load(self, plan: ParsedPlan) -> None:
        """Show another plan; the only place the model resets."""
        self.beginResetModel()
        self.plan = plan
        self._root = PreviewItem(None, None, 0)
        self._root.children = [PreviewItem(n, self._root, i) for i, n in enumerate(plan.nodes)]
        self.endResetModel()

    # -- addressing ----------------------------------------------------------------------
    def item(self, index: AnyIndex) -> PreviewItem:
        return index.internalPointer() if index.isValid() else self._root

    def item_at(self, path: NodePath) -> PreviewItem:
        item = self._root
        for row in path:
            item = item.children[row]
        return item

    def index_at(self, path: NodePath | None, column: int = 0) -> QModelIndex:
        """The index of the node at `path`; invalid when there is none."""
        if not path:
            return QModelIndex()
        try:
            item = self.item_at(path)
        except IndexError:
            return QModelIndex()
        return self.createIndex(item.row, column, item)

    def node_count(self) -> int:
        return sum(1 for _ in self.plan.walk())

    # -- the three changes commands are made of -----------------------------------------
    def insert_node(self, parent_path: NodePath, row: int, node: ParsedNode) -> None:
        """Put `node` (with its subtree) at `row` under the node at `parent_path`."""
        parent = self.item_at(parent_path)
        siblings = parent.node.children if parent.node else self.plan.nodes
        self.beginInsertRows(self.index_at(parent_path), row, row)
        siblings.insert(row, node)
        parent.children.insert(row, PreviewItem(node, parent, row))
        for i in range(row + 1, len(parent.children)):
            parent.children[i].row = i
        self.endInsertRows()
        if parent.node is not None and len(parent.children) == 1:
            self._changed(parent)  # a task that became a section

    def take_node(self, path: NodePath) -> ParsedNode:
        """Remove the node at `path` (with its subtree) and hand it back."""
        item = self.item_at(path)
        parent, row = item.parent, item.row
        siblings = parent.node.children if parent.node else self.plan.nodes
        self.beginRemoveRows(self.index_at(path[:-1]), row, row)
        node = siblings.pop(row)
        del parent.children[row]
        for i in range(row, len(parent.children)):
            parent.children[i].row = i
        self.endRemoveRows()
        if parent.node is not None and not parent.children:
            self._changed(parent)
        return node

    def set_fields(self, path: NodePath, fields: dict) -> dict:
        """Change some of a node's own fields; returns their old values, for undo."""
        item = self.item_at(path)
        old = apply_fields(item.node, fields)
        self._changed(item)
        return old

    def set_meta(self, name: str, value) -> object:
        """Set the plan's title, year, issuer or doc_number; returns the old value."""
        if name not in META_FIELDS:
            raise KeyError(name)
        old = getattr(self.plan, name)
        setattr(self.plan, name, value)
        self.meta_changed.emit(name)
        self.edited.emit()
        return old

    def _changed(self, item: PreviewItem) -> None:
        self.dataChanged.emit(self.createIndex(item.row, 0, item),
                              self.createIndex(item.row, len(self._headers) - 1, item))

    # -- QAbstractItemModel --------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (LABEL, TITLE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item: PreviewItem = index.internalPointer()
        node, col = item.node, index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == LABEL:
                return node.label
            if col == TITLE:
                return node.title or (node.text.splitlines() or [""])[0]
            if col == UNITS and role == Qt.ItemDataRole.DisplayRole:
                return "；".join(f"{self._short[r]}：{'、'.join(n)}" for r, n in node.units.items() if n)
            if col == DEADLINE and role == Qt.ItemDataRole.DisplayRole:
                return "；".join(d.text for d in node.deadlines)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, col)
        if role == Qt.ItemDataRole.FontRole and node.children:
            return self._bold
        return None

    def _tooltip(self, node: ParsedNode, col: int) -> str | None:
        """Rich text, so Qt wraps long texts."""
        if col in (LABEL, TITLE):
            body = f"<b>{html.escape(node.label)}</b> {html.escape(node.text or node.title)}"
        elif col == UNITS:
            body = "<br>".join(html.escape(f"{self._roles[r]}：{'、'.join(n)}") for r, n in node.units.items() if n)
        else:
            body = "<br>".join(html.escape(d.text + (f"（{d.date.isoformat()}）" if d.date else ""))
                               for d in node.deadlines)
        return f"<qt>{body}</qt>" if body.strip() else None

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in (LABEL, TITLE):
            return False
        item: PreviewItem = index.internalPointer()
        text = str(value).strip()
        if index.column() == LABEL:
            if text == item.node.label:
                return False
            changes, what = {"label": text}, self.tr("Edit number")
        else:
            if not text or text == item.node.title:
                return False
            changes, what = set_title(item.node, text), self.tr("Edit title")
        self.stack.push(EditNodeCommand(self, item.path(), changes, what))
        return True
