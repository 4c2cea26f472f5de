"""The tree seen through the filter bar: which tasks show, which sections are open, my units.

Filtering opens every section holding a match and, once the filter is cleared, puts back the
sections the clerk had open. Part of the main window's daily tracking (gui/editing/tracking.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Qt

from core.domain.records import Change, TaskFilter
from gui.tree.filter_memory import FilterMemory
from gui.tree.plan_tree_model import TITLE


class TreeFiltering(QObject):
    """Connects the filter bar to the proxy and keeps the tree's expansion across filters."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = w = window
        self._saved_expansion: set[int] | None = None  # before a filter expanded everything
        self._reset_expansion: set[int] | None = None  # across a reload of the plan shown
        self._reset_plan: int | None = None
        self._units_loaded = False
        w.filter_bar.changed.connect(self.apply_filter)
        w.filter_bar.leave.connect(self.focus_tree)
        w.proxy.counts_changed.connect(w.filter_bar.show_counts)
        w.proxy.modelAboutToBeReset.connect(self._before_reset)
        w.proxy.modelReset.connect(self._after_reset)
        w.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        w.panel.leave_note.connect(self.focus_tree)
        w.ctx.changed.connect(self._changed)
        w.plan_shown.connect(self._plan_shown)
        self.memory = FilterMemory(w)  # the bar's choices, put back from the last session
        w.proxy.warmed.connect(self._warm)
        self._viewport = None

    def _plan_shown(self, _plan_id) -> None:
        self.window.after_first_paint(self._load_units)  # the tree paints first

    def _load_units(self) -> None:
        w = self.window
        if w.service is None:
            return
        if not self._units_loaded:
            self._units_loaded = True
            units = w.service.my_units()
            w.proxy.set_my_units(units)
            w.filter_bar.set_my_units(units)
        w.filter_bar.set_units(w.service.all_units())
        if w.model.plan_id is not None:
            self.memory.restore()  # once: needs the clerk's units (我的任务) and the plan's

    def _changed(self, change: Change) -> None:
        """The clerk's units changed (the proxy follows by itself): the bar offers them, roles repaint."""
        w = self.window
        if "my_units" in change.fields and w.service is not None:
            w.filter_bar.set_my_units(w.service.my_units())
            w.tree.viewport().update()

    def current_id(self) -> int | None:
        index = self.window.tree.currentIndex()
        item = self.window.proxy.item(index) if index.isValid() else None
        return item.info.id if item is not None and item.info is not None else None

    def _current_changed(self, _current, _previous) -> None:
        self.window.proxy.pinned = self.current_id()  # kept visible while an edit makes it stop matching

    # -- filtering -----------------------------------------------------------------------
    def apply_filter(self, flt: TaskFilter) -> None:
        w = self.window
        was_active = w.proxy.active
        current = self.current_id()
        if not was_active and flt != TaskFilter():
            self._saved_expansion = self._expanded_ids()
        needle = w.proxy.needle
        changed = w.proxy.set_filter(flt)
        if w.proxy.active:
            if changed:
                self._expand_matches()  # show every match, under its sections
        elif was_active:  # back to the sections the clerk had open
            self._restore_expansion(self._saved_expansion)
            self._saved_expansion = None
        if current is not None and w.proxy.index_of(current).isValid():
            w.tree.scrollTo(w.proxy.index_of(current))
        if not changed and w.proxy.needle != needle:
            self._repaint_titles()  # same rows: only the highlights moved (changed rows repaint anyway)

    def _warm(self) -> None:
        """Once the plan is up: PySide's first viewport() call sets up dozens of widget types
        (~10 ms), which the first keystroke should not wait for."""
        if self._viewport is None:
            self._viewport = self.window.tree.viewport()

    def _repaint_titles(self) -> None:
        """Repaint just the title column, the only one the delegate marks search hits in."""
        tree = self.window.tree
        self._warm()
        viewport = self._viewport
        viewport.update(QRect(tree.columnViewportPosition(TITLE), 0, tree.columnWidth(TITLE), viewport.height()))

    def filter_from(self, flt: TaskFilter) -> None:
        """Show what the overview's figure counts."""
        self.window.filter_bar.set_filter(flt)
        self.focus_tree()

    def _expanded_ids(self) -> set[int]:
        w = self.window
        out: set[int] = set()
        for item in w.model.items():
            if item.children:
                index = w.proxy.index_of(item.info.id)
                if index.isValid() and w.tree.isExpanded(index):
                    out.add(item.info.id)
        return out

    def _expand_matches(self) -> None:
        """Open every section the filter shows (only those: cheaper than expandAll on a big plan)."""
        visible = self.window.proxy.visible_ids()
        self._expand({item.info.id for item in self.window.model.items()
                      if item.children and (visible is None or item.info.id in visible)})

    def _restore_expansion(self, ids: set[int] | None) -> None:
        """Open exactly `ids`, touching only the sections whose state differs (each costs a layout)."""
        if ids is None:
            return
        w = self.window
        for item in w.model.items():
            if item.children:
                index = w.proxy.index_of(item.info.id)
                if index.isValid() and w.tree.isExpanded(index) != (item.info.id in ids):
                    w.tree.setExpanded(index, item.info.id in ids)

    def _expand(self, ids: set[int] | None) -> None:
        w = self.window
        if ids is None:
            return
        tree = w.tree
        for node_id in ids:
            index = w.proxy.index_of(node_id)
            if index.isValid() and not tree.isExpanded(index):
                tree.setExpanded(index, True)

    def _before_reset(self) -> None:
        """Only a reload of the plan shown resets the model (edits move rows): remember what was open."""
        self._reset_plan = self.window.model.plan_id
        self._reset_expansion = self._expanded_ids()

    def _after_reset(self) -> None:
        w = self.window
        if self._reset_plan is not None and self._reset_plan == w.model.plan_id:
            if w.proxy.active:
                self._expand_matches()
            else:
                self._expand(self._reset_expansion)
        self._reset_expansion = self._reset_plan = None

    # -- focus ---------------------------------------------------------------------------
    def show_node(self, node_id: int) -> None:
        w = self.window
        w.select_node(node_id)
        index = w.proxy.index_of(node_id)
        if index.isValid():
            w.tree.expand(index)
        w.tree.setFocus()

    def focus_tree(self) -> None:
        tree = self.window.tree
        tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not tree.currentIndex().isValid() and self.window.proxy.rowCount() > 0:
            first = self.window.proxy.index(0, 0)
            tree.setCurrentIndex(first)
