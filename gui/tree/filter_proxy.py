"""The plan tree seen through a TaskFilter: matching tasks with their ancestors, instantly.

core.domain.filters.matches is the one predicate (the CLI's `list` uses it too). The proxy runs it
once per task when the filter changes, with each node's folded search key cached, and keeps
the ids to show in a set, so Qt's per-row question is a set lookup.
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


class TaskFilterProxy(QSortFilterProxyModel):
    """Filters a PlanTreeModel; sections stay visible while a task under them matches."""

    counts_changed = Signal(int, int)  # tasks shown, tasks in the plan

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
        self._last: tuple[TaskFilter, list[TreeItem]] | None = None  # to narrow while typing on
        self._warm = iter(())
        self.later: Callable[[Callable[[], None]], None] = lambda work: QTimer.singleShot(0, work)  # idle work
        self.shown = self.total = 0
        # before setSourceModel, so these run ahead of Qt's own handlers, which ask filterAcceptsRow
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved):
            signal.connect(self._source_rows_changed)
        self.setSourceModel(model)
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
        self._last = None
        self._refilter()

    def my_role(self, item: TreeItem) -> str | None:
        """The clerk's strongest role on a task ('lead', 'responsible', 'cooperating'), cached."""
        info = item.info
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
        items = list(self.source.items())
        tasks = [item for item in items if item.is_task]
        self.total = len(tasks)
        if not self.active or self.source.ctx.service is None:
            self.shown = self.total
            return None
        ctx = queries.FilterContext(today=self.source.ctx.service.today(), my_units=self.my_units)
        flt, key, matches, needle = self.flt, self.key, queries.matches, self.needle
        candidates = self._candidates(tasks)
        # cheap necessary conditions from the caches first; core's predicate decides
        if needle:
            candidates = [item for item in candidates if needle in key(item.info)]
        if flt.mine:
            candidates = [item for item in candidates if self.my_role(item) is not None]
        found = [item for item in candidates if matches(item.info, flt, ctx, key(item.info) if needle else "")]
        self._last = (flt, found)
        self.shown = len(found)
        if keep is not None and (kept := self.source.item(self.source.index_of(keep))).info is not None:
            found = [*found, kept]
        visible: set[int] = set()
        for item in found:
            while item is not None and item.info is not None and item.info.id not in visible:
                visible.add(item.info.id)
                item = item.parent
        return None if len(visible) == len(items) else visible  # all shown: nothing to filter

    def _candidates(self, tasks: list[TreeItem]) -> list[TreeItem]:
        """Typing on only narrows a search: test just the tasks the shorter text matched."""
        if self._last is None:
            return tasks
        last, found = self._last
        old, new = queries.fold_query(last.text), self.needle
        same_rest = dataclasses.replace(last, text=None) == dataclasses.replace(self.flt, text=None)
        return found if same_rest and old and old in new else tasks

    def _refilter(self) -> bool:
        stale = self._dirty
        visible = self._compute()
        changed = visible != self._visible or stale
        if changed:
            self._invalidate(visible)
        self.counts_changed.emit(self.shown, self.total)
        return changed

    def _invalidate(self, visible: set[int] | None) -> None:
        self.beginFilterChange()
        self._visible = visible
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    # -- following the source ------------------------------------------------------------
    def _source_resetting(self) -> None:
        self._dirty = True  # recomputed when Qt first asks, after the reset
        self._last = None
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

    def _source_rows_changed(self, *_args) -> None:
        """A structure edit added, removed or moved rows: refilter before Qt maps them."""
        self._last = None
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
        self._last = None
        if not self.active:
            self.counts_changed.emit(self.shown, self.total)
            return
        visible = self._compute(keep=self.pinned)
        if visible != self._visible:
            self._invalidate(visible)
        self.counts_changed.emit(self.shown, self.total)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        visible = self.visible_ids()
        if visible is None:
            return True
        parent = source_parent.internalPointer() if source_parent.isValid() else self.source.root()
        return parent.children[source_row].info.id in visible

    # -- lookups -------------------------------------------------------------------------
    def item(self, index: AnyIndex) -> TreeItem:
        return self.source.item(self.mapToSource(index))

    def index_of(self, node_id: int, column: int = 0) -> QModelIndex:
        return self.mapFromSource(self.source.index_of(node_id, column))
