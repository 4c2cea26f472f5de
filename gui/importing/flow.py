"""Import: choose or drop a file (or take the clipboard) and open the import dialog on it; the
sample plan is imported directly, as it needs no checking. Several dropped files open one
after another, each in its own dialog. Every other import goes through the dialog's worker,
which reads, hashes and parses off the GUI thread, and its duplicate check.

A unit's returned fill-in workbook is no plan: dropped or chosen here, it goes to the 导入填报表
merge preview of the plan it was made for (core.collect.returns.fillin_mark tells), and the
plans dropped with it still open in the import dialog, after the merge.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QFileDialog

from core.domain.records import Change, ImportResult
from core.errors import TaizhangError
from core.paths import resource_path
from gui.window.file_drop import FileDropTarget, plan_file_filters, split_returns

LAST_DIR_KEY = "import/last_dir"


class PlanImporter(QObject):
    """The File ▸ Import and Open sample actions of one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.dialog = None
        self.queue: list[Path] = []  # dropped files still to open, one import dialog after another
        self.returns: list[tuple[Path, int]] = []  # returned workbooks waiting for their merge preview
        FileDropTarget(window).dropped.connect(self.open_files)

    def choose_and_import(self) -> None:
        start = str(self.window.settings.value(LAST_DIR_KEY, str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import work plan"), start, plan_file_filters())
        if path:
            self.window.settings.setValue(LAST_DIR_KEY, str(Path(path).parent))
            self.open_files([Path(path)])

    def open_files(self, paths: list[Path]) -> None:
        """Files dropped on the window: each plan in its own import dialog, the next when one
        closes; returned fill-in workbooks to their merge preview first."""
        if self.window.service is None or not paths:
            return
        plans, returns = split_returns([Path(p) for p in paths])
        self.queue.extend(plans)
        if returns:
            self.returns.extend(returns)
            # after the drop has returned: the drag's source (an e-mail client) is not held by the modal preview
            QTimer.singleShot(0, self._merge_returns)
        elif self.dialog is None or not self.dialog.isVisible():
            self._next_file()

    def _merge_returns(self) -> None:
        returns, self.returns = self.returns, []
        if returns and self.window.service is not None:
            self.window.collect_menu.merge_returned(returns)
        if self.dialog is None or not self.dialog.isVisible():
            self._next_file()

    def _next_file(self) -> None:
        if self.queue:
            path = self.queue.pop(0)
            self.window.settings.setValue(LAST_DIR_KEY, str(path.parent))
            self.open_dialog(path)

    def import_from_clipboard(self) -> None:
        """Open the import dialog on the text or web page copied to the clipboard."""
        self.open_dialog(paste=True)

    def open_dialog(self, path: Path | None = None, paste: bool = False):
        """The import dialog (window-modal), reading `path` or the clipboard; returns it."""
        from gui.importing.dialog import ImportDialog

        dialog = ImportDialog(self.window.service, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.more_files.connect(self.open_files)
        dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
        self.dialog = dialog
        dialog.open()
        if path is not None:
            dialog.open_file(path)
        elif paste:
            dialog.paste()
        return dialog

    def _closed(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if self.queue:
            QTimer.singleShot(0, self._next_file)  # after the closing dialog has gone

    def _saved(self, change: Change) -> None:
        """A plan was imported: the window shows it (from the Change), the status bar says how much."""
        self.window.ctx.announce(change)
        self._say_imported(change.result)

    def _say_imported(self, result: ImportResult) -> None:
        self.window.statusBar().showMessage(
            self.tr("Imported %1 sections and %2 tasks.").replace("%1", str(result.sections))
            .replace("%2", str(result.tasks)), 8000)

    def open_sample(self) -> int | None:
        """Show the sample plan, importing it the first time (it needs no checking, so no dialog).

        Read through the same `parse_source` as every import; a second click finds the first
        import by the file's hash and shows it instead of importing it again.
        """
        from core.parse.source import parse_source

        svc = self.window.service
        try:
            read = parse_source(resource_path("sample_plan.json"))
            same = svc.plans_like(read.sha256, read.plan.title, read.plan.year)
            if same:
                self.window.refresh_plans(same[0].id)
                return same[0].id
            change = svc.import_plan(read.plan, source_name=read.source.name, sha256=read.sha256, initiator=self)
        except TaizhangError as err:
            from gui.errors import show_error

            show_error(self.window, err, self.tr("Import failed"))
            return None
        self._saved(change)
        return change.plan_id

