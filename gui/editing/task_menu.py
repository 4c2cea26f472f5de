"""The tree's context menu, and the task actions it shares with the Task menu: 延期, 进展, copy.

Right-click, the menu key or Shift+F10 on a task opens: status, note, 延期…, 添加进展…,
supporting material, 复制任务内容. On a section only what fits a section is offered. Every entry
is the window's own action, so a shortcut, the Task menu and the context menu do the same thing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu

from gui.editing.tracking_commands import DeferCommand
from gui.tree.labels import STATUS_ORDER, role_names
from gui.tree.plan_tree_model import short_name

MENU_KEYS = ("Shift+F10", "Menu")  # Ctrl+C copies the task (a text field's own Ctrl+C still wins there)


class TaskMenu(QObject):
    """Built by TrackingActions; `popup_at(pos)` and the keyboard open the menu for the current row."""

    def __init__(self, actions) -> None:
        super().__init__(actions)
        self.actions = actions
        self.window = w = actions.window
        self.menu: QMenu | None = None
        self.defer_action = self._action(self.tr("&Defer deadline…"), "Ctrl+Shift+D", self.defer)
        self.defer_action.setToolTip(self.tr("Move the deadline with a reason and the approval"))
        self.progress_action = self._action(self.tr("Add &progress…"), "Ctrl+Shift+P", self.start_entry)
        self.progress_action.setToolTip(self.tr("Write a dated progress entry for this task"))
        self.copy_action = self._action(self.tr("&Copy task text"), QKeySequence.StandardKey.Copy, self.copy_text)
        self.copy_action.setToolTip(self.tr("Number, wording, units and deadline, ready to paste into a message"))
        tree = w.tree
        tree.installEventFilter(self)  # a keyboard request comes to the tree (it has the focus)
        tree.viewport().installEventFilter(self)  # a right-click comes to the rows' viewport
        for keys in MENU_KEYS:
            shortcut = QShortcut(QKeySequence(keys), tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.popup_for_current)
        w.panel.defer_requested.connect(self.defer)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A context-menu request: by mouse for the row under it, by keyboard (the platform turns the
        menu key into one on X11, Shift+F10 on Windows) for the current row, wherever Qt says it is."""
        tree = self.window.tree
        if event.type() == QEvent.Type.ContextMenu and watched in (tree, tree.viewport()):
            if event.reason() == QContextMenuEvent.Reason.Mouse:
                pos = event.pos() if watched is tree.viewport() else tree.viewport().mapFrom(tree, event.pos())
                self.popup_at(pos)
            else:
                self.popup_for_current()
            return True
        return super().eventFilter(watched, event)

    def _action(self, text: str, keys, slot) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    def update(self, task) -> None:
        """Enabled states, and the current task's status checked among the status actions."""
        for action in (self.defer_action, self.progress_action):
            action.setEnabled(task is not None)
        self.copy_action.setEnabled(self.current_item() is not None)
        for action, status in zip(self.actions.status_actions, STATUS_ORDER, strict=True):
            action.setCheckable(True)
            action.setChecked(task is not None and task.status is status)

    # -- the menu ------------------------------------------------------------------------
    def popup_at(self, pos: QPoint) -> None:
        """Right-click at `pos` (viewport coordinates): the row under it becomes current first."""
        tree = self.window.tree
        index = tree.indexAt(pos)
        if not index.isValid():  # empty space below the rows: nothing to act on
            return
        tree.setCurrentIndex(index)
        self._popup(tree.viewport().mapToGlobal(pos))

    def popup_for_current(self) -> None:
        """The menu key or Shift+F10: the menu opens at the current row."""
        tree = self.window.tree
        if tree.currentIndex().isValid():
            tree.scrollTo(tree.currentIndex())  # a row scrolled out of sight comes back first
        rect = tree.visualRect(tree.currentIndex())
        at = rect.bottomLeft() + QPoint(16, 0) if rect.isValid() else QPoint(8, 8)
        self._popup(tree.viewport().mapToGlobal(at))

    def _popup(self, global_pos: QPoint) -> None:
        if self.menu is not None and self.menu.isVisible():  # the key and the platform's request, both
            return
        menu = self.build_menu()
        if menu is not None:
            menu.popup(global_pos)

    def build_menu(self) -> QMenu | None:
        """The menu for the current row (None when no row is current)."""
        if self.menu is not None:
            self.menu.deleteLater()
            self.menu = None
        item = self.current_item()
        if item is None:
            return None
        a = self.actions
        menu = self.menu = QMenu(self.window.tree)
        if item.is_task:
            status = menu.addMenu(self.tr("&Status"))
            status.addActions(a.status_actions)  # checked: the task's status (see update())
            menu.addAction(a.note_action)
            menu.addSeparator()
            menu.addActions([self.defer_action, self.progress_action])
            menu.addSeparator()
            menu.addActions([a.attach_action, a.link_action])
            menu.addSeparator()
        menu.addAction(self.copy_action)
        return menu

    def current_item(self):
        tree = self.window.tree
        index = tree.currentIndex()
        item = self.window.proxy.item(index) if index.isValid() else None
        return item if item is not None and item.info is not None else None

    # -- the actions ---------------------------------------------------------------------
    def defer(self) -> None:
        """Ask for the new date, reason and approval; the 延期 is one undo step."""
        from gui.editing.defer_dialog import DeferDialog

        w = self.window
        info = self.actions.current_task()
        if info is None or w.service is None:
            return
        dialog = DeferDialog(w, info, w.service.today())
        if not dialog.exec():
            return
        due, reason, approval = dialog.values()
        w.ctx.push(DeferCommand(w.ctx, info.id, due, reason, approval, text=self.tr("Defer “%1”")
                                .replace("%1", short_name(info))))

    def start_entry(self) -> None:
        """Show the task's 进展 tab with the cursor in the entry field."""
        panel = self.window.panel
        if self.actions.current_task() is None:
            return
        self.window.right.setCurrentWidget(panel)
        panel.tabs.setCurrentIndex(panel.entries_tab)
        panel.ensureWidgetVisible(panel.entries.text)
        panel.entries.start_entry()

    def copy_text(self) -> None:
        """The row's number and full wording, with its units and deadline, as the plan gives them."""
        item = self.current_item()
        if item is None:
            return
        info = item.info
        lines = [f"{info.label} {info.text or info.title}".strip()]
        roles = role_names()
        units = "；".join(f"{roles.get(role, role)}：{'、'.join(names)}" for role, names in info.units.items() if names)
        deadlines = "；".join(d.text for d in info.deadlines if d.text)
        lines += [x for x in (units, deadlines) if x]
        QGuiApplication.clipboard().setText("\n".join(lines))
