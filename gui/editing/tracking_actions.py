"""The daily-tracking actions and where they sit: View and Task menus, status keys (Ctrl+1…5),
the note, supporting material, my unit, carrying over, and the structure edits in Edit; the
tree's context menu with 延期 and 进展 is gui/editing/task_menu.py.

Part of the main window's daily tracking (gui/editing/tracking.py); each action asks the filter or
overview part, or pushes one undo command.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from core.domain.status import Status
from core.errors import TaizhangError
from gui.editing.commands import SetStatusCommand
from gui.editing.structure_actions import StructureActions
from gui.editing.task_menu import TaskMenu
from gui.errors import show_error
from gui.tree.labels import STATUS_ORDER, status_names
from gui.tree.plan_tree_model import short_name


class TrackingActions(QObject):
    """The actions of one main window's daily tracking, with their menus and enabled states."""

    def __init__(self, window, filtering, overview) -> None:
        super().__init__(window)
        self.window = w = window
        self.filtering, self.overview = filtering, overview
        self.structure = StructureActions(w)
        self._build_actions()
        self.task_menu = TaskMenu(self)  # the tree's context menu, 延期, 进展, copy
        self._build_menus()
        w.filter_bar.my_units_wanted.connect(self.choose_my_units)
        w.tree.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        w.tree.activated.connect(self._activated)
        w.ctx.changed.connect(lambda _change: self._update_actions())
        w.plan_shown.connect(lambda _plan: self._update_actions())

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
        self.overview_action = self._action(self.tr("&Overview"), "Ctrl+D", self.overview.show_overview)
        self.overview_action.setIconText(self.tr("Overview"))  # the toolbar shows no mnemonic
        self.overview_action.setToolTip(self.tr("Progress of the whole plan, and what is due soon (Ctrl+D)"))
        self.mine_action = self._action(self.tr("&My tasks"), "Ctrl+M", lambda: bar.mine.toggle())
        self.my_units_action = self._action(self.tr("Set my &unit…"), None, self.choose_my_units)
        self.clear_action = self._action(self.tr("&Clear filters"), "Ctrl+Shift+F", bar.clear)
        self.expand_action = self._action(self.tr("E&xpand all"), None, self.window.tree.expandAll)
        self.collapse_action = self._action(self.tr("Co&llapse all"), None,
                                            lambda: self.window.tree.expandToDepth(0))
        names = self.status_names = status_names()
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
        menu = self.task_menu
        task.addActions([self.note_action, menu.defer_action, menu.progress_action, self.attach_action,
                         self.link_action])
        task.addSeparator()
        task.addAction(self.task_menu.copy_action)
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
        self.task_menu.update(task)

    def current_task(self):
        index = self.window.tree.currentIndex()
        item = self.window.proxy.item(index) if index.isValid() else None
        return item.info if item is not None and item.is_task else None

    # -- the actions ---------------------------------------------------------------------
    def choose_my_units(self) -> None:
        """Ask for the clerk's units; the Change it makes updates the filter, the tree and the overview."""
        from gui.dialogs.my_units_dialog import MyUnitsDialog

        w = self.window
        if w.service is None:
            return
        dialog = MyUnitsDialog(w, w.service.all_units(), w.service.my_units())
        if not dialog.exec():
            return
        units = dialog.units()
        try:
            change = w.service.set_my_units(units, initiator=self)
        except TaizhangError as err:
            show_error(w, err)
            return
        w.ctx.announce(change)
        if units and not w.filter_bar.mine.isChecked():
            w.filter_bar.mine.setChecked(True)

    def set_status(self, status: Status) -> None:
        w = self.window
        info = self.current_task()
        if info is None or info.status is status:
            self.task_menu.update(info)  # a checked status clicked again stays checked
            return
        w.panel.flush_note()
        text = self.tr("Set “%1” to %2").replace("%1", short_name(info)).replace("%2", self.status_names[status])
        w.ctx.push(SetStatusCommand(w.ctx, [info], status, text))

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

    def _attach_file(self) -> None:
        if self.current_task() is not None and self.overview.show_evidence_tab():
            self.overview.evidence.choose_files()

    def _add_link(self) -> None:
        if self.current_task() is not None and self.overview.show_evidence_tab():
            self.overview.evidence.ask_link()

    def carry_over(self) -> None:
        from gui.dialogs.carry_over import carry_over

        carry_over(self.window)
