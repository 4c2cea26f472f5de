"""The plan tree seen through a TaskFilter: matching tasks with their ancestors, instantly.

core.domain.filters.matches is the one predicate (the CLI's `list` uses it too). The proxy judges
every criterion but the text once per filter (core's `passes`), and a keystroke in one pass over
the tasks' folded search keys, folded once per plan shown; it keeps the ids to show in a set, so
Qt's per-row question is a set lookup.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, QTimer, Signal

from core.domain import filters as queries
from core.domain.records import Change, NodeInfo, TaskFilter
from gui.tree.plan_tree_model import PlanTreeModel, TreeItem

AnyIndex = QModelIndex | QPersistentModelIndex
_ITEM, _UPS, _KEY = range(3)  # the fields of a task row


class TaskFilterProxy(QSortFilterProxyModel):
    """Filters a PlanTreeModel; sections stay visible while a task under them matches."""

    counts_changed = Signal(int, int)  # tasks shown, tasks in the plan
    warmed = Signal()  # the search keys of the plan shown are folded: the first keystroke is quick

    def __init__(self, model: PlanTreeModel, parent=None) -> None:
        super().__init__(parent)
        self.source = model
        self.flt = TaskFilter()
        self.my_units: list[str] = []
        self.needle = ""  # the folded search text, for highlighting
        self.pinned: int | None = None  # a node kept visible when an edit makes it stop matching
        self._visible: set[int] | None = None  # None: everything
        self._dirty = False
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
        # before setSourceModel, so these run ahead of Qt's own handlers, which ask filterAcceptsRow
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved):
            signal.connect(self._source_rows_changed)
        self.setSourceModel(model)
        # _source_changed refilters after every Change; Qt's own re-filtering on dataChanged would
        # only ask filterAcceptsRow again for each row a status key repaints
        self.setDynamicSortFilter(False)
        model.modelAboutToBeReset.connect(self._source_resetting)
        model.modelReset.connect(self._source_reset)
        model.ctx.changed.connect(self._source_changed)

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
        if self._dirty:
            self._visible = self._compute()
        return self._visible

    def _compute(self, keep: int | None = None) -> set[int] | None:
        self._dirty = False
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
                pool = [row for row in pool if queries.passes(row[_ITEM].info, rest, ctx)]
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
        stale = self._dirty
        visible = self._compute()
        changed = visible != self._visible or stale
        if changed:
            self._invalidate(visible)
        self.counts_changed.emit(self.shown, self.total)
        return changed

    def _invalidate(self, visible: set[int] | None) -> None:
        """Show `visible` in one layout change. Row by row, Qt would announce every run of rows
        shown or hidden (hundreds when a filter thins a big plan), and the tree lays out all its
        rows again for each; one layoutChanged keeps open sections and the selection as well."""
        self._visible = visible
        self.invalidate()

    # -- following the source ------------------------------------------------------------
    def _source_resetting(self) -> None:
        self._dirty = True  # recomputed when Qt first asks, after the reset
        self._forget_rows()
        self._keys.clear()
        self._roles.clear()

    def _source_reset(self) -> None:
        self.visible_ids()
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

    def _source_rows_changed(self, *_args) -> None:
        """A structure edit added, removed or moved rows: refilter before Qt maps them."""
        self._forget_rows()
        if self.active:
            self._visible = self._compute(keep=self.pinned)
        else:
            self._compute()
        self.counts_changed.emit(self.shown, self.total)

    def _source_changed(self, change: Change) -> None:
        """After an edit, re-run the filter; the edited node stays until the filter changes."""
        if "my_units" in change.fields and self.source.ctx.service is not None:
            self.set_my_units(self.source.ctx.service.my_units())
            return
        if change.structure or change.plan_id != self.source.plan_id:
            return
        self._rest = self._last = None
        for node_id in change.nodes:  # the model swapped in new records: fold their keys again
            if node_id in self._row_at:
                self._rows[self._row_at[node_id]][_KEY] = None
        if not self.active:
            return  # every task shown before and after: an edit of fields changes no count
        visible = self._compute(keep=self.pinned)
        if visible != self._visible:
            self._invalidate(visible)
        self.counts_changed.emit(self.shown, self.total)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        # asked for every row after each filter change: no helper calls
        visible = self._visible if not self._dirty else self.visible_ids()
        if visible is None:
            return True
        parent = source_parent.internalPointer() if source_parent.isValid() else self.source.root()
        return parent.children[source_row].info.id in visible

    def multiData(self, index: AnyIndex, roleDataSpan) -> None:  # noqa: N803 (Qt's name)
        """A cell's roles in one call to the source (Qt's default asks data() role by role, each
        through mapToSource): painting a screen of rows makes half as many calls into Python."""
        source = self.mapToSource(index)
        if index.isValid() and not source.isValid():
            for role_data in roleDataSpan:
                role_data.clearData()
            return
        self.source.multiData(source, roleDataSpan)

    # -- lookups -------------------------------------------------------------------------
    def item(self, index: AnyIndex) -> TreeItem:
        return self.source.item(self.mapToSource(index))

    def index_of(self, node_id: int, column: int = 0) -> QModelIndex:
        return self.mapFromSource(self.source.index_of(node_id, column))
