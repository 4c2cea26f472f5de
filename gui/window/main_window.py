"""The main window: plan tree on the left, details on the right, a welcome page on first run."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSpacerItem,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core.domain.records import Change
from core.domain.settings import CURRENT_NODE, CURRENT_PLAN
from core.errors import StoreError
from core.version import __version__
from gui.dialogs.backup_menu import backup_action
from gui.editing.commands import EditContext
from gui.importing.flow import PlanImporter
from gui.tree.column_widths import ColumnSizer
from gui.tree.delegate import TreeDelegate
from gui.tree.filter_proxy import TaskFilterProxy
from gui.tree.labels import rollup_text
from gui.tree.plan_tree_model import DEADLINE, PROGRESS, STATUS, TITLE, UNITS, PlanTreeModel
from gui.tree.plan_tree_view import PlanTreeView
from gui.window.steady import set_steady_text, steady_label

if TYPE_CHECKING:  # imported when the database opens, after the window shell has painted
    from core.service.facade import PlanService
    from gui.window.detail_panel import DetailPanel
    from gui.window.filter_bar import FilterBar
    from gui.window.welcome import WelcomePage

FILTER_BAR_HEIGHT = "window/filter_bar_height"  # the space the first paint keeps for the bar


class MainWindow(QMainWindow):
    """One window over one database; every edit goes through the undo stack to the service.

    Built without a service it is the shell shown at start-up; attach() then opens the plan.
    """

    plan_shown = Signal(object)  # the plan id now on screen (None: the welcome page)

    def __init__(self, service: PlanService | None, settings: QSettings | None = None,
                 deferred: bool = False) -> None:
        """`deferred` (start-up only, gui/app/launch.py): the window holds its work for its first paint
        (hold_until_painted). That paint shows the menu bar, the toolbar with the plan, the tree with
        its rows and the status bar; the rest — the filter bar (in a space kept for it), the task's
        details (the right side is blank in that paint), the View, Task and 填报与对比 menus with
        their actions, the retry bar, the due notice — is imported and built right after it
        (_build_rest), before the service is attached and before any input is taken."""
        super().__init__()
        self.service = service
        self._deferred: list[Callable[[], None]] | None = None  # work held for the first paint (start-up)
        self._closed = False
        self.settings = settings if settings is not None else QSettings("Taizhang", "Taizhang")
        self.ctx = EditContext(service, self)
        self.model = PlanTreeModel(self.ctx, self)
        self.proxy = TaskFilterProxy(self.model, self)  # the tree shows the model through the filters
        self.proxy.later = self.soon  # its idle work (folding search keys) waits for the first paint
        self.importer = PlanImporter(self)

        self.tree = self._build_tree()
        self.filter_bar: FilterBar | None = None  # built by _build_rest
        self.panel: DetailPanel | None = None
        self.right = QStackedWidget()  # the task's details, or the plan's overview when none is chosen
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        self.left_layout = QVBoxLayout(left)
        self.left_layout.setContentsMargins(0, 0, 0, 0)
        self.left_layout.addWidget(self.tree)
        self._bar_space: QSpacerItem | None = None  # the filter bar's place in a deferred first paint
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self._welcome: WelcomePage | None = None  # built when first shown (a new database), see `welcome`
        self.setCentralWidget(self.pages)

        self._build_actions()
        self._build_menus_and_toolbar()
        self.path_label = QLabel()
        self.path_label.setToolTip(self.tr("Database file"))
        self.progress_label = steady_label()  # a tick repaints it alone (gui/window/steady.py)
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.statusBar().addWidget(self.path_label, 1)
        # Qt hides normal status-bar widgets under a message only if they are visible when it comes; a
        # message shown while the window is still being built would be drawn over the path. Decide here.
        self.statusBar().messageChanged.connect(lambda text: self.path_label.setVisible(not text))
        self.statusBar().addPermanentWidget(self.progress_label)

        self.ctx.changed.connect(self._changed)
        self.ctx.failed.connect(self._failed)
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        self.resize(1280, 800)
        self._restore_window()
        self.pages.setCurrentWidget(self.splitter)  # the shell looks like the window it becomes
        if deferred:
            self._keep_filter_bar_space()
            self.hold_until_painted()
            self.after_first_paint(self._build_rest)  # first in line: before the service is attached
        else:
            self._build_rest()
        if service is not None:
            self.attach(service)

    def attach(self, service: PlanService, shown=None) -> None:
        """Show the database's plans, and the plan and item on screen when it was last closed.

        `shown`: the first look already on screen (show_first_look), kept as it is when it still holds.
        """
        self.service = self.ctx.service = service
        self.path_label.setText(str(service.db_path))
        self.upkeep.watch(service)
        service.empty_evidence_trash()  # copies removed last time: no undo stack can bring them back now
        if shown is not None and shown.plan_id == self.model.plan_id and shown.plan_id is not None:
            if service.get(CURRENT_PLAN) != shown.plan_id:
                self._remember_plan(shown.plan_id)
            self.plan_shown.emit(shown.plan_id)
            if shown.current_node is not None:
                self.select_node(shown.current_node)
            return
        self.refresh_plans(service.get(CURRENT_PLAN))  # declared in core.domain.settings: an int or None
        node = service.get(CURRENT_NODE)
        if node is not None and (self.proxy.index_of(node).isValid() or not self.proxy.active):
            self.select_node(node)  # not one the restored filters hide: that would clear them

    def _build_rest(self) -> None:
        """The parts the first paint does not show (see __init__'s `deferred`)."""
        from gui.app.store_upkeep import StoreUpkeep
        from gui.dialogs.collect_menu import CollectMenu
        from gui.editing.tracking import DailyTracking
        from gui.window.detail_panel import DetailPanel
        from gui.window.due_notice import DueNotice
        from gui.window.filter_bar import FilterBar
        from gui.window.retry import install_retry_bar

        self.filter_bar = FilterBar()
        if self._bar_space is not None:  # the space kept for the bar in the first paint
            self.left_layout.removeItem(self._bar_space)
            self._bar_space = None
        self.left_layout.insertWidget(0, self.filter_bar)
        self.panel = DetailPanel(self.ctx, self.model)
        self.right.insertWidget(0, self.panel)  # the current page stays (the blank one at start-up)
        for key, restore in (("window/detail_split", self.panel.restore_split),
                             ("window/splitter", self.splitter.restoreState)):  # again, now the panel has its size
            value = self.settings.value(key)
            if isinstance(value, QByteArray | bytes):
                restore(QByteArray(value))
        self.retry_bar = install_retry_bar(self, self.ctx.pending)  # edits the disk refused, retried
        self.upkeep = StoreUpkeep(self)  # idle checkpoint; start-up warnings (a backup that failed)
        self.tracking = DailyTracking(self)  # filters, my unit, overview; the View and Task menus, keys
        self.collect_menu = CollectMenu(self)  # 填报与对比: fill-in workbooks, merging returns, plan diff
        self.menuBar().insertMenu(self.help_menu.menuAction(), self.collect_menu)
        self.due_notice = DueNotice(self)  # once a day, after the tree has painted: what is overdue or near

    @property
    def welcome(self) -> WelcomePage:
        """The first-run page (import a plan, or open the sample); a window that opens on a plan
        does not build it for its first paint."""
        if self._welcome is None:
            from gui.window.welcome import WelcomePage

            self._welcome = WelcomePage()
            self._welcome.import_requested.connect(self.importer.choose_and_import)
            self._welcome.sample_requested.connect(self.importer.open_sample)
            self.pages.insertWidget(0, self._welcome)
        return self._welcome

    # -- start-up ------------------------------------------------------------------------
    def _keep_filter_bar_space(self) -> None:
        """The first paint keeps the filter bar's space above the tree, so the rows do not move when
        the bar arrives right after it: the height it had when the window last closed (the first
        time, two rows of controls in this font)."""
        saved = self.settings.value(FILTER_BAR_HEIGHT)
        try:
            height = int(saved)
        except (TypeError, ValueError):
            height = 2 * (self.fontMetrics().height() + 12) + 5
        # a box layout puts no spacing beside a spacer: the space the bar's own spacing will take too
        height = max(0, min(height, 400)) + max(0, self.left_layout.spacing())
        self._bar_space = QSpacerItem(0, height, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.left_layout.insertItem(0, self._bar_space)

    def _failed(self, err) -> None:
        from gui.errors import show_error

        show_error(self, err)

    def hold_until_painted(self) -> None:
        """Start-up (gui/app/launch.py): until the window first paints, `after_first_paint` and `soon`
        keep their work, so that paint shows the tree with its rows as early as it can."""
        from gui.app.opening_checks import AfterFirstPaint

        self._deferred = []
        blank = QWidget()  # the right side until the overview is built: no hint text flashing by first
        self.right.addWidget(blank)
        self.right.setCurrentWidget(blank)
        AfterFirstPaint(self, self._painted, self, self.pages, self.tree.viewport())

    def _painted(self) -> None:
        work, self._deferred = self._deferred or [], None
        if self._closed:
            return  # closed between its first paint and this turn: nothing to open or build for it
        for step in work:
            step()

    def after_first_paint(self, work: Callable[[], None]) -> None:
        """Run `work` now, or, while the window is starting, right after its first paint."""
        if self._deferred is not None:
            self._deferred.append(work)
        else:
            work()

    def soon(self, work: Callable[[], None]) -> None:
        """Run `work` in a coming turn of the event loop (never before the first paint)."""
        self.after_first_paint(lambda: QTimer.singleShot(0, work))

    # -- building ------------------------------------------------------------------------
    def _build_tree(self) -> QTreeView:
        tree = PlanTreeView()  # scattered cells repainted alone (a status key's roll-ups)
        tree.setModel(self.proxy)
        tree.setItemDelegateForColumn(TITLE, TreeDelegate(self.proxy, tree))
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        tree.setAllColumnsShowFocus(True)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (UNITS, DEADLINE, STATUS, PROGRESS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(tree.fontMetrics().horizontalAdvance("中") * 3)
        # fixed columns: (fewest characters, typical characters, largest share of the width);
        # the item text stretches
        self.column_sizer = ColumnSizer(tree, self.model, self.settings,
                                        {UNITS: (6, 11, 0.26), DEADLINE: (5, 7, 0.20), STATUS: (4, 5, 0.12),
                                         PROGRESS: (3, 4, 0.08)}, TITLE)
        return tree

    def _build_actions(self) -> None:
        style = self.style()
        self.import_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton),
                                     self.tr("&Import…"), self)
        self.import_action.setIconText(self.tr("Import"))  # the toolbar shows no mnemonic
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_action.setToolTip(self.tr("Import a work plan from a Word, WPS, Excel, PDF, OFD, web page "
                                              "or text file (or drop the file onto the window)"))
        self.import_action.triggered.connect(self.importer.choose_and_import)
        self.paste_import_action = QAction(self.tr("Import from clip&board…"), self)
        self.paste_import_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.paste_import_action.setToolTip(self.tr("Import the plan's text copied from a web page, Word or WPS"))
        self.paste_import_action.triggered.connect(self.importer.import_from_clipboard)
        self.sample_action = QAction(self.tr("Open &sample"), self)
        self.sample_action.triggered.connect(self.importer.open_sample)
        self.export_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton),
                                     self.tr("&Export report…"), self)
        self.export_action.setIconText(self.tr("Export"))
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setToolTip(self.tr("Export the completion ledger or report as Word or Excel"))
        self.export_action.triggered.connect(self.export_report)
        self.quit_action = QAction(self.tr("E&xit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        stack = self.ctx.stack
        self.undo_action = stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.redo_action = stack.createRedoAction(self, self.tr("Redo"))
        redo_keys = [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
        self.redo_action.setShortcuts(redo_keys)
        self.redo_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        self.about_action = QAction(self.tr("&About Taizhang"), self)
        self.about_action.triggered.connect(self.show_about)

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = self.file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.import_action, self.paste_import_action, self.sample_action, self.export_action])
        file_menu.addSeparator()
        self.backup_action = backup_action(self)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        help_menu = self.help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.plan_label = QLabel(self.tr("Plan: "))
        self.plan_combo = QComboBox()
        self.plan_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.plan_combo.setMinimumContentsLength(20)
        self.plan_combo.currentIndexChanged.connect(self._plan_chosen)
        self.plan_actions = [toolbar.addWidget(self.plan_label), toolbar.addWidget(self.plan_combo),
                             toolbar.addSeparator()]
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.export_action)
        toolbar.addSeparator()
        self._toolbar_undo_redo(toolbar)

    def _toolbar_undo_redo(self, toolbar) -> None:
        """Short fixed labels for the toolbar; what would be undone shows in the tooltip (worded when
        the mouse asks: gui/window/undo_tips.py) and the menu."""
        from gui.window.undo_tips import AskedTip

        stack = self.ctx.stack
        for menu_action, text, can, what, run in (
                (self.undo_action, self.tr("Undo"), stack.canUndoChanged, stack.undoText, stack.undo),
                (self.redo_action, self.tr("Redo"), stack.canRedoChanged, stack.redoText, stack.redo)):
            action = QAction(menu_action.icon(), text, self)
            action.setEnabled(False)
            action.triggered.connect(run)
            can.connect(action.setEnabled)
            toolbar.addAction(action)
            AskedTip(lambda t=text, w=what: f"{t} {w()}".strip(), action).watch(toolbar.widgetForAction(action))

    # -- plans ---------------------------------------------------------------------------
    def refresh_plans(self, select: int | None = None) -> None:
        """Re-list the plans and show `select` (else the current one, else the newest)."""
        plans = self.service.list_plans(with_rollups=False)  # the switcher shows names only
        ids = [p.id for p in plans]
        wanted = [p for p in (select, self.model.plan_id) if p is not None and p in ids]
        plan_id = wanted[0] if wanted else (ids[0] if ids else None)
        self._list_plans(plans, plan_id)
        self.open_plan(plan_id)

    def _list_plans(self, plans, plan_id: int | None) -> None:
        """The plan switcher's entries, `plan_id` chosen; plan actions shown only when there are plans."""
        ids = [p.id for p in plans]
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for p in plans:
            self.plan_combo.addItem(p.title, p.id)
            self.plan_combo.setItemData(self.plan_combo.count() - 1, p.source_name or p.title,
                                        Qt.ItemDataRole.ToolTipRole)
        if plan_id is not None:
            self.plan_combo.setCurrentIndex(ids.index(plan_id))
        self.plan_combo.blockSignals(False)
        for action in self.plan_actions:
            action.setVisible(bool(plans))
        self.export_action.setEnabled(bool(plans))

    def show_first_look(self, look) -> None:
        """Start-up: the first screen read by core/service/first_look.py before the service is open (the
        plans by name, the plan's tree with its rows); attach(service, look) follows the first paint."""
        self.path_label.setText(str(look.db_path))
        self._list_plans(look.plans, look.plan_id)
        self.model.show_nodes(look.plan_id, look.nodes, look.today)
        self.tree.expandToDepth(1)
        # the tree is the first to take focus in this window: no task is chosen by that alone (the
        # plan's overview shows until the clerk picks one, or attach() picks the one last chosen)
        self.tree.setCurrentIndex(QModelIndex())
        self.pages.setCurrentWidget(self.splitter if look.plan_id is not None else self.welcome)
        title = self.tr("Taizhang")
        shown = next((p for p in look.plans if p.id == look.plan_id), None)
        self.setWindowTitle(f"{shown.title} — {title}" if shown is not None else title)
        self._update_progress()

    def open_plan(self, plan_id: int | None) -> None:
        if self.panel is not None:
            self.panel.show_item(None)  # saves a pending note first
        self.ctx.stack.clear()  # undo stays within one plan, so it never edits a plan not on screen
        self.model.load(plan_id)
        self.tree.expandToDepth(1)
        self.pages.setCurrentWidget(self.splitter if plan_id is not None else self.welcome)
        title = self.tr("Taizhang")
        if plan_id is not None:
            title = f"{self.service.plan(plan_id).title} — {title}"
            if self.service.get(CURRENT_PLAN) != plan_id:
                self.after_first_paint(lambda: self._remember_plan(plan_id))  # a write: after the paint
        self.setWindowTitle(title)
        self._update_progress()
        self.plan_shown.emit(plan_id)

    def _remember_plan(self, plan_id: int) -> None:
        """Open this plan next time. On a file the opening check refused, the recovery dialog that
        follows says so; this small write does not say it again."""
        if self.service is None or self.model.plan_id != plan_id:
            return
        try:
            self.service.put(CURRENT_PLAN, plan_id)
        except StoreError as err:
            if err is not self.service.opening.error:
                self._failed(err)

    def export_report(self) -> None:
        """The export dialog for the plan on screen (a pending note is saved first)."""
        if self.model.plan_id is None:
            return
        from gui.dialogs.export_dialog import ExportDialog

        self.panel.flush_note()
        dialog = ExportDialog(self.service, self.model.plan_id, self, self.settings)
        dialog.exec()
        if dialog.show_in_tree is not None:  # the tasks still lacking a 完成情况, before exporting
            self.tracking.filtering.filter_from(dialog.show_in_tree)

    def _plan_chosen(self, row: int) -> None:
        plan_id = self.plan_combo.itemData(row)
        if plan_id is not None and plan_id != self.model.plan_id:
            self.open_plan(plan_id)

    def select_node(self, node_id: int) -> None:
        index = self.proxy.index_of(node_id)
        if (not index.isValid() and self.proxy.active and self.model.index_of(node_id).isValid()
                and self.filter_bar is not None):
            self.filter_bar.clear()  # the clerk asked for this item: show it even if filtered out
            index = self.proxy.index_of(node_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    # -- reacting ------------------------------------------------------------------------
    def _current_changed(self, current, _previous) -> None:
        if self.panel is not None:  # none yet before the first paint: nothing is chosen then
            self.panel.show_item(self.proxy.item(current) if current.isValid() else None)

    def _changed(self, change: Change) -> None:
        if change.plan_list:  # a plan made or deleted, or all restored: re-list, show the one made
            self.refresh_plans(change.plan_id)
        elif change.plan_id == self.model.plan_id:
            self._update_progress()

    def _update_progress(self) -> None:
        if self.model.plan_id is None:
            self.progress_label.setText("")
            return
        set_steady_text(self.progress_label, rollup_text(self.model.total_rollup()))

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About Taizhang"),
                          self.tr("<h3>Taizhang %1</h3><p>A ledger for the annual work plan for government "
                                  "openness: import the plan, record each task's progress, all offline.</p>"
                                  "<p>Database: %2</p>").replace("%1", __version__)
                          .replace("%2", str(self.service.db_path)))

    # -- window state --------------------------------------------------------------------
    def _restore_window(self) -> None:
        s = self.settings
        for key, restore in (("window/geometry", self.restoreGeometry), ("window/state", self.restoreState),
                             ("window/splitter", self.splitter.restoreState),
                             ("window/header", self.tree.header().restoreState)):
            value = s.value(key)
            if isinstance(value, QByteArray | bytes):
                restore(QByteArray(value))
        if s.value("window/splitter") is None:
            self.splitter.setSizes([760, 520])

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        if self.panel is None:  # closed before its first paint: nothing was shown or typed yet
            super().closeEvent(event)
            return
        self.panel.flush_note()
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/header", self.tree.header().saveState())
        s.setValue(FILTER_BAR_HEIGHT, self.filter_bar.height())
        if self.panel.split_chosen:  # otherwise it keeps fitting each task's fields
            s.setValue("window/detail_split", self.panel.split.saveState())
        else:
            s.remove("window/detail_split")
        s.sync()
        node = self.panel.node_id
        if node is not None and self.service is not None and self.service.get(CURRENT_NODE) != node:
            self.service.put(CURRENT_NODE, node)
        super().closeEvent(event)

    @property
    def db_path(self) -> Path:
        return self.service.db_path
