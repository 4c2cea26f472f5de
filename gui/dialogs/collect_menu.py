"""The 填报与对比 menu: fill-in workbooks out to the units, their returns merged back, and the plan
on screen compared with another. The dialogs load when first opened (start-up stays quick)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from gui.errors import catalogue_text

translate = QCoreApplication.translate


class CollectMenu(QMenu):
    """生成填报表… / 导入填报表… / 与另一计划比较…, enabled while a plan is on screen."""

    def __init__(self, window) -> None:
        super().__init__(translate("CollectMenu", "&Returns"), window)
        self.window_ = window
        self.diff_dialog = None
        self.collect_action = QAction(translate("CollectMenu", "&Make fill-in workbooks…"), self)
        self.collect_action.setToolTip(translate("CollectMenu", "An Excel workbook for each unit to fill in "
                                                                "its tasks' progress and send back"))
        self.collect_action.triggered.connect(self.make_workbooks)
        self.merge_action = QAction(translate("CollectMenu", "&Import filled workbooks…"), self)
        self.merge_action.setToolTip(translate("CollectMenu", "Merge the workbooks the units sent back, after "
                                                              "a preview of what changes"))
        self.merge_action.triggered.connect(self.import_returns)
        self.diff_action = QAction(translate("CollectMenu", "&Compare with another plan…"), self)
        self.diff_action.setToolTip(translate("CollectMenu", "New, dropped and reworded tasks, and changed "
                                                             "units and deadlines, against another plan"))
        self.diff_action.triggered.connect(self.compare_plans)
        self.addActions([self.collect_action, self.merge_action])
        self.addSeparator()
        self.addAction(self.diff_action)
        self.setToolTipsVisible(True)
        window.plan_shown.connect(self._plan_shown)
        self._plan_shown(window.model.plan_id)

    def _plan_shown(self, plan_id: int | None) -> None:
        for action in (self.collect_action, self.merge_action):
            action.setEnabled(plan_id is not None)
        self.diff_action.setEnabled(plan_id is not None and self.window_.plan_combo.count() > 1)  # the plans listed

    def make_workbooks(self) -> None:
        window = self.window_
        if window.model.plan_id is None:
            return
        from gui.dialogs.collect_dialog import CollectDialog

        window.panel.flush_note()  # the workbooks go out with the note being typed
        CollectDialog(window.service, window.model.plan_id, window, window.settings).exec()

    def import_returns(self, paths: list | None = None) -> None:
        """Choose the returned workbooks (unless given), then the merge preview."""
        window = self.window_
        if window.model.plan_id is None:
            return
        from gui.dialogs.merge_dialog import MergeDialog, choose_returned_files

        window.panel.flush_note()
        folder = window.settings.value("collect/returns", "", type=str)
        paths = paths or choose_returned_files(window, folder)
        if not paths:
            return
        window.settings.setValue("collect/returns", str(paths[-1].parent))
        dialog = MergeDialog(window.ctx, window.model.plan_id, paths, window)
        if dialog.exec() and dialog.applied is not None and dialog.applied.applied is not None:
            tasks = len(dialog.applied.applied.nodes)
            window.statusBar().showMessage(translate("CollectMenu", "Merged the returns into %1 tasks (Undo takes "
                                                                    "it back).").replace("%1", str(tasks)), 8000)

    def merge_returned(self, returns: list[tuple[Path, int]]) -> None:
        """Returned workbooks dropped on the window or opened with 导入: each plan's files in one
        merge preview, that plan shown first; files made for a plan not in this ledger are named."""
        window = self.window_
        known = {p.id for p in window.service.list_plans(with_rollups=False)}
        by_plan: dict[int, list[Path]] = {}
        missing: list[str] = []
        for path, plan_id in returns:
            if plan_id in known:
                by_plan.setdefault(plan_id, []).append(path)
            else:
                missing.append(catalogue_text("fill_plan_missing", file=path.name, plan_id=plan_id))
        if missing:
            QMessageBox.warning(window, translate("CollectMenu", "Import filled workbooks"), "\n".join(missing))
        for plan_id, paths in by_plan.items():
            if window.model.plan_id != plan_id:
                window.refresh_plans(plan_id)
            self.import_returns(paths)

    def compare_plans(self) -> None:
        window = self.window_
        if window.model.plan_id is None:
            return
        from gui.dialogs.diff_dialog import DiffDialog

        if self.diff_dialog is not None:  # one comparison at a time: the open one comes forward
            self.diff_dialog.raise_()
            self.diff_dialog.activateWindow()
            return
        self.diff_dialog = DiffDialog(window)
        self.diff_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.diff_dialog.destroyed.connect(self._diff_closed)
        self.diff_dialog.show()  # not modal: the clerk looks at the tree beside it

    def _diff_closed(self, _obj=None) -> None:
        self.diff_dialog = None
