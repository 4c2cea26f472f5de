"""The addressing half of a tree model over plain items (parent, children, row), shared by the
plan tree, the filtered tree over it and the import preview: subclasses keep `_root` and
`_headers` and add data/flags."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex

AnyIndex = QModelIndex | QPersistentModelIndex
_NONE: tuple = ()


class ItemTreeModel(QAbstractItemModel):
    """index/parent/rowCount/hasChildren/columnCount over items that cache their own row.

    A model that shows only some of the items (the filtered tree, gui/tree/filter_proxy.py) keeps
    the shown children of each shown item in `_shown` and each shown item's row among them in
    `_shown_row`; `_shown` None shows every item at its own row.
    """

    _root: object
    _headers: list[str]
    _shown: dict | None = None
    _shown_row: dict = {}  # read only here: a subclass that fills it gives its own

    def item(self, index: AnyIndex):
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        # asked for every shown row whenever a tree lays itself out: no helper calls
        if parent.isValid():
            if parent.column():
                return QModelIndex()
            item = parent.internalPointer()
        else:
            item = self._root
        kids = item.children if self._shown is None else self._shown.get(item, _NONE)
        if 0 <= row < len(kids) and 0 <= column < len(self._headers):
            return self.createIndex(row, column, kids[row])
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = index.internalPointer().parent
        if up is None or up is self._root:
            return QModelIndex()
        row = up.row if self._shown is None else self._shown_row.get(up)
        return QModelIndex() if row is None else self.createIndex(row, 0, up)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if not parent.isValid():
            item = self._root
        elif parent.column():
            return 0
        else:
            item = parent.internalPointer()
        return len(item.children if self._shown is None else self._shown.get(item, _NONE))

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:
        # a tree asks it of every row it lays out whose flags do not say it never has children
        if not parent.isValid():
            item = self._root
        elif parent.column():
            return False
        else:
            item = parent.internalPointer()
        return bool(item.children if self._shown is None else self._shown.get(item))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return len(self._headers)
