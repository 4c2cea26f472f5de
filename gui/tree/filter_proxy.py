"""The plan tree seen through a TaskFilter: matching tasks with their ancestors, instantly.

core.domain.filters.matches is the one predicate (the CLI's `list` uses it too). The filter judges
every criterion but the text once per filter (core's `tester`), and a keystroke in one pass over
the tasks' folded search keys, folded once per plan shown.

It is a model of its own over the plan model's items, not a QSortFilterProxyModel: a filter that
shows thousands of rows makes the tree lay every one of them out again, and through Qt's proxy each
row cost six calls into Python (the proxy asks the plan model for an index whenever it maps one,
and asks whether a row passes); here the tree asks this model directly, two calls a row (issue 16:
a filter change on 5,000 tasks within two frames). Unfiltered, it shows the plan model's own lists and
passes its row signals on one for one; filtered, it keeps the shown children of each shown item
and changes them in one layout change.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal

from core.domain import filters as queries
from core.domain.records import Change, NodeInfo, TaskFilter
from gui.tree.item_tree_model import ItemTreeModel
from gui.tree.plan_tree_model import PlanTreeModel, TreeItem

AnyIndex = QModelIndex | QPersistentModelIndex
_ITEM, _UPS, _KEY = range(3)  # the fields of a task row


class TaskFilterProxy(ItemTreeModel):
    """Filters a PlanTreeModel; sections stay visible while a task under them matches."""

    counts_changed = Signal(int, int)  # tasks shown, tasks in the plan
    warmed = Signal()  # the search keys of the plan shown are folded: the first keystroke is quick

    # flags() is Qt's own (enabled, selectable), not the plan model's: the tree asks a row's flags
    # twice as it lays the row out, and those two calls into Python were a third of a filter change
    # on 5,000 tasks; the tick box, the one flag more the title cell had, is the title column's
    # delegate's (gui/tree/delegate.py), and whether a row has children is hasChildren below.

    def __init__(self, model: PlanTreeModel, parent=None) -> None:
        super().__init__(parent)
        self.source = model
        self.flt = TaskFilter()
        self.my_units: list[str] = []
        self.needle = ""  # the folded search text, for highlighting
        self.pinned: int | None = None  # a node kept visible when an edit makes it stop matching
        self._visible: set[int] | None = None  # None: everything
        self._root = model.root()
        self._headers = model._headers  # the same columns
        self._shown: dict[TreeItem, list[TreeItem]] | None = None  # shown children; None: all, the model's own
        self._shown_row: dict[TreeItem, int] = {}  # a shown item's row among its shown siblings
        self._passing: str | None = None  # the row signal being passed on ('insert', 'remove', 'move')
        self._kept: list[QModelIndex] = []  # persistent indexes across a layout change, and their items
        self._places: list[tuple[TreeItem, int]] = []
        self._keys: dict[int, tuple[NodeInfo, str]] = {}
        self._roles: dict[int, tuple[NodeInfo, str | None]] = {}
        self._rows: list[list] | None = None  # every task: [item, ids up to its section, key]
        self._row_at: dict[int, int] = {}  # node id -> its place in _rows
        self._item_count = 0
        self._every_item_on_a_path = True  # no section without tasks: all tasks shown = all shown
        self._rest: tuple[tuple, list[list]] | None = None  # rows passing all but the text
        self._last: tuple[str, tuple, list[list]] | None = None  # to narrow while typing on
        self._warm = iter(())
        self.later: Callable[[Callable[[], None]], None] = lambda work: QTimer.singleShot(0, work)  # idle work
        self.shown = self.total = 0
        model.modelAboutToBeReset.connect(self._source_resetting)
        model.modelReset.connect(self._source_reset)
        # bound methods only: a lambda would keep this model alive, and connected, as long as the plan model
        model.rowsAboutToBeInserted.connect(self._before_insert)
        model.rowsAboutToBeRemoved.connect(self._before_remove)
        model.rowsAboutToBeMoved.connect(self._before_move)
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved):
            signal.connect(self._after_rows)
        model.dataChanged.connect(self._source_data_changed)
        model.headerDataChanged.connect(self.headerDataChanged)
        model.ctx.changed.connect(self._source_changed)
        self._compute()

    # -- the filter ----------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.flt != TaskFilter()

    def set_filter(self, flt: TaskFilter) -> bool:
        """Apply `flt`; True when what is shown changed (typing on often changes nothing)."""
        self.flt = flt
        self.needle = queries.fold_query(flt.text)
        return self._refilter()

    def set_my_units(self, units: list[str]) -> None:
        self.my_units = list(units)
        self._roles.clear()
        self._rest = self._last = None
        self._refilter()

    def my_role(self, item: TreeItem) -> str | None:
        """The clerk's strongest role on a task ('lead', 'responsible', 'cooperating'), cached."""
        return self._info_role(item.info)

    def _info_role(self, info: NodeInfo | None) -> str | None:
        if not self.my_units or info is None or not info.is_task:
            return None
        cached = self._roles.get(info.id)
        if cached is None or cached[0] is not info:
            cached = (info, queries.role_of(info, self.my_units, exact=False))
            self._roles[info.id] = cached
        return cached[1]

    def key(self, info: NodeInfo) -> str:
        cached = self._keys.get(info.id)
        if cached is None or cached[0] is not info:  # the model swaps in a new NodeInfo on edits
            cached = (info, queries.search_key(info))
            self._keys[info.id] = cached
        return cached[1]

    def visible_ids(self) -> set[int] | None:
        """What the filter shows (tasks and their ancestors); None when nothing is filtered."""
        return self._visible

    def _compute(self, keep: int | None = None) -> set[int] | None:
        if not self.active or self.source.ctx.service is None:
            self.total = self.shown = self._task_count()
            return None
        rows = self._task_rows()
        self.total = len(rows)
        found = self._found(rows)
        self.shown = len(found)
        kept = self._rows[self._row_at[keep]] if keep in self._row_at else None
        if len(found) == len(rows) and self._every_item_on_a_path:
            return None  # every task matches: nothing to filter
        visible: set[int] = set().union(*(row[_UPS] for row in found))
        if kept is not None:
            visible.update(kept[_UPS])
        elif keep is not None and (item := self.source.item(self.source.index_of(keep))).info is not None:
            while item is not None and item.info is not None:  # a kept section, and its ancestors
                visible.add(item.info.id)
                item = item.parent
        return None if len(visible) == self._item_count else visible

    def _found(self, rows: list[list]) -> list[list]:
        """The task rows `flt` shows, in one pass over the cached keys per keystroke.

        Everything but the text is judged once per filter (core.domain.filters.passes) and kept
        while the clerk types; typing on only narrows, so it tests just the last answer's rows.
        """
        today = self.source.ctx.service.today()
        rest = dataclasses.replace(self.flt, text=None)
        rest_key = (rest, today, tuple(self.my_units))
        if self._rest is None or self._rest[0] != rest_key:
            pool = rows
            if rest != TaskFilter():
                ctx = queries.FilterContext(today=today, my_units=self.my_units, mine_role=self._info_role)
                test = queries.tester(rest, ctx)
                pool = [row for row in pool if test(row[_ITEM].info)]
            self._rest, self._last = (rest_key, pool), None
        pool, needle = self._rest[1], self.needle
        if not needle:
            return pool
        if self._last is not None and self._last[0] in needle and self._last[1] == rest_key:
            pool = self._last[2]
        else:
            self._fill_keys()
        found = [row for row in pool if needle in row[_KEY]]
        self._last = (needle, rest_key, found)
        return found

    def _task_count(self) -> int:
        if self._rows is not None:
            return len(self._rows)
        return sum(1 for item in self.source.items() if item.is_task)

    def _task_rows(self) -> list[list]:
        """[item, ids of it and its ancestors, folded key or None] for every task, built once per
        plan shown (and after a structure edit); edits patch the rows they touch."""
        if self._rows is None:
            ups: dict[int, tuple[int, ...]] = {}
            rows, root, count = [], self.source.root(), 0
            for item in self.source.items():  # parents come before their children
                count += 1
                node_id = item.info.id
                path = ups[node_id] = (*(ups[item.parent.info.id] if item.parent is not root else ()), node_id)
                if item.is_task:
                    rows.append([item, path, None])
            self._rows, self._item_count = rows, count
            self._row_at = {row[_ITEM].info.id: i for i, row in enumerate(rows)}
            self._every_item_on_a_path = len(set().union(*(row[_UPS] for row in rows))) == count
        return self._rows

    def _fill_keys(self) -> None:
        """Fold the search keys not folded yet (all of them at most once per plan shown)."""
        key = self.key
        for row in self._rows or ():
            if row[_KEY] is None:
                row[_KEY] = key(row[_ITEM].info)

    def _forget_rows(self) -> None:
        self._rows, self._rest, self._last = None, None, None
        self._row_at = {}

    def _refilter(self) -> bool:
        visible = self._compute()
        changed = visible != self._visible
        if changed:
            self._relayout(visible)
        self.counts_changed.emit(self.shown, self.total)
        return changed

    # -- what is shown ---------------------------------------------------------------------
    def _relayout(self, visible: set[int] | None) -> None:
        """Show `visible` in one layout change. Row by row, a filter thinning a big plan would
        announce hundreds of runs of rows shown or hidden, and the tree lay out all its rows again
        for each; one layoutChanged keeps open sections and the selection as well."""
        self._begin_layout()
        self._end_layout(visible)

    def _begin_layout(self) -> None:
        self.layoutAboutToBeChanged.emit()
        self._kept = self.persistentIndexList()
        self._places = [(index.internalPointer(), index.column()) for index in self._kept]  # before the old lists go

    def _end_layout(self, visible: set[int] | None) -> None:
        self._visible = visible
        self._build()
        kept, places, self._kept, self._places = self._kept, self._places, [], []
        self.changePersistentIndexList(kept, [self._from_item(item, column) for item, column in places])
        self.layoutChanged.emit()

    def _build(self) -> None:
        """The shown children of every shown item, in the plan's order (None: all of them)."""
        visible = self._visible
        if visible is None:
            self._shown, self._shown_row = None, {}
            return
        kids: dict[TreeItem, list[TreeItem]] = {self._root: []}
        vrow: dict[TreeItem, int] = {}
        for item in self.source.items():  # parents come before their children
            if item.info.id in visible:
                siblings = kids.get(item.parent)
                if siblings is None:
                    continue  # under a hidden section (visible sets hold every ancestor: never)
                vrow[item] = len(siblings)
                siblings.append(item)
                if item.children:
                    kids[item] = []
        self._shown, self._shown_row = kids, vrow

    def _from_item(self, item: TreeItem, column: int) -> QModelIndex:
        if self._shown is None:
            return self.createIndex(item.row, column, item) if self.source.holds(item) else QModelIndex()
        row = self._shown_row.get(item)
        return QModelIndex() if row is None else self.createIndex(row, column, item)

    # -- following the source ------------------------------------------------------------
    def _source_resetting(self) -> None:
        self.beginResetModel()
        self._forget_rows()
        self._keys.clear()
        self._roles.clear()

    def _source_reset(self) -> None:
        self._root = self.source.root()
        self._visible = self._compute()
        self._build()
        self.endResetModel()
        self.counts_changed.emit(self.shown, self.total)
        self._warm = iter(list(self.source.items()))
        self.later(self._warm_keys)

    def _warm_keys(self) -> None:
        """Fold the search keys in the idle moments after a plan opens, so the first search is quick."""
        started = time.perf_counter()
        for item in self._warm:
            if item.info is not None:
                self.key(item.info)
                self.my_role(item)
            if time.perf_counter() - started > 0.01:
                QTimer.singleShot(0, self._warm_keys)
                return
        if self.source.plan_id is not None:
            self._task_rows()  # and the rows the first keystroke goes through, keys filled in
            self._fill_keys()
            self.warmed.emit()

    def _before_insert(self, parent: AnyIndex, first: int, last: int) -> None:
        self._before_rows("insert", parent, first, last)

    def _before_remove(self, parent: AnyIndex, first: int, last: int) -> None:
        self._before_rows("remove", parent, first, last)

    def _before_rows(self, kind: str, parent: AnyIndex, first: int, last: int) -> None:
        """Unfiltered, the plan model's rows are these rows: its row signal is passed on as it is.
        Filtered, the shown lists are the old tree's until the edit is done: one layout change
        begins here, while they still agree with the items' parents, and ends in _after_rows."""
        self._passing = kind if self._shown is None else None
        if self._passing is None:
            self._begin_layout()
        elif kind == "insert":
            self.beginInsertRows(self.mapFromSource(parent), first, last)
        else:
            self.beginRemoveRows(self.mapFromSource(parent), first, last)

    def _before_move(self, parent: AnyIndex, first: int, last: int, dest: AnyIndex, row: int) -> None:
        self._passing = "move" if self._shown is None else None
        if self._passing is None:
            self._begin_layout()
        else:
            self.beginMoveRows(self.mapFromSource(parent), first, last, self.mapFromSource(dest), row)

    def _after_rows(self, *_args) -> None:
        """A structure edit added, removed or moved rows; refilter, the pinned node kept. Passed on,
        the new rows are refiltered (a restored task the filter hides goes again)."""
        passing, self._passing = self._passing, None
        if passing == "insert":
            self.endInsertRows()
        elif passing == "remove":
            self.endRemoveRows()
        elif passing == "move":
            self.endMoveRows()
        self._forget_rows()
        visible = self._compute(keep=self.pinned) if self.active else self._compute()
        if passing is None:
            self._end_layout(visible)
        elif visible is not None:
            self._relayout(visible)
        self.counts_changed.emit(self.shown, self.total)

    def _source_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles: list) -> None:
        """The plan model's cells changed: the same cells here, where they are shown."""
        if not top.isValid():
            return
        if self._shown is None:
            self.dataChanged.emit(self.createIndex(top.row(), top.column(), top.internalPointer()),
                                  self.createIndex(bottom.row(), bottom.column(), bottom.internalPointer()), roles)
            return
        siblings = top.internalPointer().parent.children
        for row in range(top.row(), bottom.row() + 1):
            item = siblings[row]
            shown = self._shown_row.get(item)
            if shown is not None:
                self.dataChanged.emit(self.createIndex(shown, top.column(), item),
                                      self.createIndex(shown, bottom.column(), item), roles)

    def _source_changed(self, change: Change) -> None:
        """After an edit, re-run the filter; the edited node stays until the filter changes."""
        if "my_units" in change.fields and self.source.ctx.service is not None:
            self.set_my_units(self.source.ctx.service.my_units())
            return
        if change.plan_id != self.source.plan_id:
            return
        self._rest = self._last = None
        if change.structure:
            # refiltered as the rows moved (_after_rows), but with the records of before the edit: a
            # section whose last task went is a task itself once the model has its new record, here
            self._forget_rows()
        for node_id in change.nodes:  # the model swapped in new records: fold their keys again
            if node_id in self._row_at:
                self._rows[self._row_at[node_id]][_KEY] = None
        if not self.active:
            if change.structure:
                self._compute()  # the count of tasks
                self.counts_changed.emit(self.shown, self.total)
            return  # every task shown before and after: an edit of fields changes no count
        visible = self._compute(keep=self.pinned)
        if visible != self._visible:
            self._relayout(visible)
        self.counts_changed.emit(self.shown, self.total)

    # -- QAbstractItemModel (index, parent, rowCount, hasChildren: ItemTreeModel's) ---------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        return self.source.headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # the plan model reads a cell from its item and column alone: this index serves it as well
        return self.source.data(index, role)

    def multiData(self, index: AnyIndex, roleDataSpan) -> None:  # noqa: N803 (Qt's name)
        """A cell's roles in one call (the plan model's, cached with the item)."""
        self.source.multiData(index, roleDataSpan)

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        return self.source.setData(index, value, role)

    # -- lookups -------------------------------------------------------------------------
    def mapFromSource(self, index: AnyIndex) -> QModelIndex:
        return self._from_item(index.internalPointer(), index.column()) if index.isValid() else QModelIndex()

    def index_of(self, node_id: int, column: int = 0) -> QModelIndex:
        return self.mapFromSource(self.source.index_of(node_id, column))
