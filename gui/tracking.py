"""The clerk's daily tracking, wired into the main window: filters and search, my unit, the overview,
supporting material and history tabs, status keys, structure edits and carrying over.

The window stays the owner of the tree, the model and the panel; this module only connects
widgets of its own to them. What needs the database is built when the first plan is shown,
so the start-up shell stays light.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from core.status import Status
from core.views import Change, TaskFilter
from gui.commands import SetStatusCommand
from gui.labels import STATUS_ORDER, status_names
from gui.plan_tree_model import short_name
from gui.structure_actions import StructureActions


class DailyTracking(QObject):
    """Everything of the daily-tracking issue that hangs off one MainWindow."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = w = window
        self.dashboard = None
        self.evidence = None
        self.history = None
        self._saved_expansion: set[int] | None = None  # before a filter expanded everything
        self._reset_expansion: set[int] | None = None  # across a structure edit's model reset
        self._reset_plan: int | None = None

        w.filter_bar.changed.connect(self.apply_filter)
        w.filter_bar.my_units_wanted.connect(self.choose_my_units)
        w.filter_bar.leave.connect(self.focus_tree)
        w.proxy.counts_changed.connect(w.filter_bar.show_counts)
        w.proxy.modelAboutToBeReset.connect(self._before_reset)
        w.proxy.modelReset.connect(self._after_reset)
        w.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        w.tree.activated.connect(self._activated)
        w.panel.leave_note.connect(self.focus_tree)
        w.panel.task_shown.connect(self._task_shown)
        w.ctx.changed.connect(self._changed)
        w.plan_shown.connect(self._plan_shown)

        self.structure = StructureActions(w)
        self._build_actions()
        self._build_menus()

    # -- actions and menus ---------------------------------------------------------------
    def _action(self, text: str, keys=None, slot=None, checkable: bool = False) -> QAction:
        action = QAction(text, self.window)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        if checkable:
            action.setCheckable(True)
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        bar = self.window.filter_bar
        self.find_action = self._action(self.tr("&Find…"), QKeySequence.StandardKey.Find, bar.focus_search)
        self.overview_action = self._action(self.tr("&Overview"), "Ctrl+D", self.show_overview)
        self.overview_action.setIconText(self.tr("Overview"))  # the toolbar shows no mnemonic
        self.overview_action.setToolTip(self.tr("Progress of the whole plan, and what is due soon (Ctrl+D)"))
        self.mine_action = self._action(self.tr("&My tasks"), "Ctrl+M", lambda: bar.mine.toggle())
        self.my_units_action = self._action(self.tr("Set my &unit…"), None, self.choose_my_units)
        self.clear_action = self._action(self.tr("&Clear filters"), "Ctrl+Shift+F", bar.clear)
        self.expand_action = self._action(self.tr("E&xpand all"), None, self.window.tree.expandAll)
        self.collapse_action = self._action(self.tr("Co&llapse all"), None,
                                            lambda: self.window.tree.expandToDepth(0))
        names = status_names()
        self.status_actions = []
        for i, status in enumerate(STATUS_ORDER, start=1):
            action = self._action(self.tr("Set to %1").replace("%1", names[status]), f"Ctrl+{i}",
                                  lambda _=False, s=status: self.set_status(s))
            self.status_actions.append(action)
        self.note_action = self._action(self.tr("Edit &note"), None, self.focus_note)
        self.note_action.setToolTip(self.tr("Enter on a task also starts the note"))
        self.attach_action = self._action(self.tr("Attach &file…"), None, self._attach_file)
        self.link_action = self._action(self.tr("Add &link…"), None, self._add_link)
        self.carry_action = self._action(self.tr("&Carry over unfinished tasks…"), None, self.carry_over)
        self.carry_action.setToolTip(self.tr("Start next year's plan with this plan's unfinished tasks"))

    def _build_menus(self) -> None:
        w = self.window
        bar = w.menuBar()
        w.edit_menu.addSeparator()
        for action in self.structure.actions():
            if action is None:
                w.edit_menu.addSeparator()
            else:
                w.edit_menu.addAction(action)
        view = bar.addMenu(self.tr("&View"))
        bar.insertMenu(w.help_menu.menuAction(), view)
        view.addActions([self.overview_action, self.find_action, self.mine_action, self.clear_action])
        view.addSeparator()
        view.addActions([self.my_units_action, self.expand_action, self.collapse_action])
        task = bar.addMenu(self.tr("&Task"))
        bar.insertMenu(w.help_menu.menuAction(), task)
        task.addActions(self.status_actions)
        task.addSeparator()
        task.addActions([self.note_action, self.attach_action, self.link_action])
        separators = [a for a in w.file_menu.actions() if a.isSeparator()]
        w.file_menu.insertAction(separators[-1] if separators else None, self.carry_action)
        toolbar = w.findChild(QToolBar, "main_toolbar")
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.overview_action)
        self._update_actions()

    def _update_actions(self) -> None:
        w = self.window
        has_plan = w.model.plan_id is not None
        task = self.current_task()
        for action in (self.carry_action, self.overview_action, self.expand_action, self.collapse_action):
            action.setEnabled(has_plan)
        for action in (*self.status_actions, self.note_action, self.attach_action, self.link_action):
            action.setEnabled(task is not None)

    # -- plans, units and the overview ---------------------------------------------------
    def _plan_shown(self, plan_id) -> None:
        w = self.window
        if w.service is None:
            return
        if self.dashboard is None:
            self._build_service_widgets()
            units = w.service.my_units()
            w.proxy.set_my_units(units)
            w.filter_bar.set_my_units(units)
        w.filter_bar.set_units(w.service.all_units())
        carried = w.service.carried_from(plan_id) if plan_id is not None else None
        self.dashboard.carried_from = (self.tr("Carried over from “%1”").replace("%1", w.service.plan(carried).title)
                                       if carried else "")
        self.dashboard.mark_dirty()
        self._show_right()
        self._update_actions()

    def _build_service_widgets(self) -> None:
        from gui.dashboard import Dashboard
        from gui.evidence_panel import EvidencePanel
        from gui.history_view import HistoryView

        w = self.window
        self.dashboard = Dashboard(w.model)
        self.dashboard.proxy = w.proxy
        self.dashboard.filter_requested.connect(self.filter_from_overview)
        self.dashboard.node_requested.connect(self.show_node)
        w.right.addWidget(self.dashboard)
        self.evidence = EvidencePanel(w.ctx, w.settings)
        self.history = HistoryView(w.ctx)
        self.evidence_tab = w.panel.add_tab(self.evidence, self.tr("Supporting material"))
        self.history_tab = w.panel.add_tab(self.history, self.tr("History"))
        self.evidence.count_changed.connect(self._evidence_count)
        w.model.modelReset.connect(self.dashboard.mark_dirty)

    def choose_my_units(self) -> None:
        from gui.my_units_dialog import MyUnitsDialog

        w = self.window
        if w.service is None:
            return
        dialog = MyUnitsDialog(w, w.service.all_units(), w.service.my_units())
        if not dialog.exec():
            return
        units = dialog.units()
        w.service.set_my_units(units)
        w.proxy.set_my_units(units)
        w.filter_bar.set_my_units(units)
        if units and not w.filter_bar.mine.isChecked():
            w.filter_bar.mine.setChecked(True)
        w.tree.viewport().update()
        if self.dashboard is not None:
            self.dashboard.mark_dirty()

    def show_overview(self) -> None:
        w = self.window
        w.tree.selectionModel().clearSelection()
        w.tree.setCurrentIndex(QModelIndex())
        self._show_right()

    def filter_from_overview(self, flt: TaskFilter) -> None:
        self.window.filter_bar.set_filter(flt)
        self.focus_tree()

    def show_node(self, node_id: int) -> None:
        w = self.window
        w.select_node(node_id)
        index = w.proxy.index_of(node_id)
        if index.isValid():
            w.tree.expand(index)
        w.tree.setFocus()

    def _show_right(self) -> None:
        w = self.window
        show_panel = w.tree.currentIndex().isValid() or self.dashboard is None
        w.right.setCurrentWidget(w.panel if show_panel else self.dashboard)

    # -- filtering -----------------------------------------------------------------------
    def apply_filter(self, flt: TaskFilter) -> None:
        w = self.window
        was_active = w.proxy.active
        current = self.current_id()
        if not was_active and flt != TaskFilter():
            self._saved_expansion = self._expanded_ids()
        changed = w.proxy.set_filter(flt)
        if w.proxy.active:
            if changed:
                self._expand_matches()  # show every match, under its sections
        elif was_active:  # back to the sections the clerk had open
            self._restore_expansion(self._saved_expansion)
            self._saved_expansion = None
        if current is not None and w.proxy.index_of(current).isValid():
            w.tree.scrollTo(w.proxy.index_of(current))
        w.tree.viewport().update()
        self._show_right()

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

    # -- the current task ----------------------------------------------------------------
    def current_id(self) -> int | None:
        index = self.window.tree.currentIndex()
        item = self.window.proxy.item(index) if index.isValid() else None
        return item.info.id if item is not None and item.info is not None else None

    def current_task(self):
        index = self.window.tree.currentIndex()
        item = self.window.proxy.item(index) if index.isValid() else None
        return item.info if item is not None and item.is_task else None

    def _current_changed(self, current, _previous) -> None:
        self.window.proxy.pinned = self.current_id()
        self._show_right()
        self._update_actions()

    def _task_shown(self, node_id) -> None:
        if self.evidence is not None:
            self.evidence.show_node(node_id)
            self.history.show_node(node_id)

    def _evidence_count(self, n: int) -> None:
        title = self.tr("Supporting material") + (f" ({n})" if n else "")
        self.window.panel.tabs.setTabText(self.evidence_tab, title)

    def _changed(self, change: Change) -> None:
        if self.dashboard is not None and change.plan_id == self.window.model.plan_id:
            self.dashboard.mark_dirty()
        if self.history is not None and self.history.node_id in change.nodes:
            self.history.refresh()
        self._update_actions()

    def set_status(self, status: Status) -> None:
        w = self.window
        info = self.current_task()
        if info is None or info.status is status:
            return
        w.panel.flush_note()
        text = self.tr("Set “%1” to %2").replace("%1", short_name(info)).replace("%2", status_names()[status])
        w.ctx.push(SetStatusCommand(w.ctx, [info], status, text))

    # -- focus ---------------------------------------------------------------------------
    def _activated(self, index) -> None:
        item = self.window.proxy.item(index)
        if item is not None and item.is_task:
            self.focus_note()

    def focus_note(self) -> None:
        panel = self.window.panel
        if self.current_task() is not None:
            self.window.right.setCurrentWidget(panel)
            panel.note_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            panel.note_edit.moveCursor(panel.note_edit.textCursor().MoveOperation.End)

    def focus_tree(self) -> None:
        tree = self.window.tree
        tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not tree.currentIndex().isValid() and self.window.proxy.rowCount() > 0:
            first = self.window.proxy.index(0, 0)
            tree.setCurrentIndex(first)

    def _attach_file(self) -> None:
        if self.evidence is not None and self.current_task() is not None:
            self.window.panel.tabs.setCurrentIndex(self.evidence_tab)
            self.evidence.choose_files()

    def _add_link(self) -> None:
        if self.evidence is not None and self.current_task() is not None:
            self.window.panel.tabs.setCurrentIndex(self.evidence_tab)
            self.evidence.ask_link()

    def carry_over(self) -> None:
        from gui.carry_over import carry_over

        carry_over(self.window)
