"""导入填报表: the returned workbooks, what merging them would change, and 应用 as one undoable step.

A file that cannot be merged (not a workbook, no task rows, made for another plan, a second file
of one name) is named in the file list with the reason in plain words; the others still merge.
The merge itself is MergeReturnsCommand with the clerk's picks, so 撤销 takes all of it back and
each history line says "来自X单位填报（文件名）".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QCursor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import UsageError
from gui.dialogs.merge_tree import MergeTree
from gui.editing.commands import EditContext
from gui.editing.tracking_commands import MergeReturnsCommand
from gui.errors import error_text

ERROR_COLOR = QColor("#c62828")
WARNING_COLOR = QColor("#b26a00")
translate = QCoreApplication.translate


def choose_returned_files(parent: QWidget, folder: str = "") -> list[Path]:
    """The file dialog for several returned workbooks."""
    paths, _ = QFileDialog.getOpenFileNames(parent, translate("MergeDialog", "Import filled workbooks"), folder,
                                            translate("MergeDialog", "Excel workbook (*.xlsx)"))
    return [Path(p) for p in paths]


class MergeDialog(QDialog):
    """The returned files, the merge preview to tick, and 应用."""

    def __init__(self, ctx: EditContext, plan_id: int, paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.service, self.plan_id = ctx, ctx.service, plan_id
        self.paths: list[Path] = []
        self.returned: list = []
        self.applied: MergeReturnsCommand | None = None
        self.setWindowTitle(self.tr("Import filled workbooks"))
        self.files = QTreeWidget()
        self.files.setHeaderLabels([self.tr("File"), self.tr("Read as")])
        self.files.setRootIsDecorated(False)
        self.files.setWordWrap(True)
        self.files.header().resizeSection(0, 260)
        add = QPushButton(self.tr("Add files…"))
        add.clicked.connect(self._add_chosen)
        self.remove_button = QPushButton(self.tr("Remove file"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.tree = MergeTree()
        self.tree.picks_changed.connect(self._update_summary)
        self.detail = QLabel()  # the chosen row's values in full (the columns cut long notes)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree.currentItemChanged.connect(self._show_detail)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel(self.tr("Returned files:")))
        top_layout.addWidget(self.files)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        top_layout.addLayout(row)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(QLabel(self.tr("What merging changes (untick what you do not want; for a "
                                               "conflict choose the side to take):")))
        bottom_layout.addWidget(self.tree)
        bottom_layout.addWidget(self.detail)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(1, 3)
        split.setSizes([150, 450])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(1100, 720)
        self.set_files(paths)

    # -- files ---------------------------------------------------------------------------
    def set_files(self, paths: list[Path]) -> None:
        """Read `paths` (each on its own), list them, and show the preview of those that read."""
        self.paths = [Path(p) for p in dict.fromkeys(Path(p) for p in paths)]
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            self.returned, refused = self.service.read_returns_apart(self.paths)
            self.preview = self.service.merge_preview(self.plan_id, self.returned)
        finally:
            QApplication.restoreOverrideCursor()
        problems: dict[str, list[str]] = {}
        for p in self.preview.problems:
            problems.setdefault(p.file, []).append(error_text(UsageError(p.code, file=p.file, row=p.row,
                                                                         detail=p.detail)))
        refused_at = {path: error_text(err) for path, err in refused}
        rows: dict[str, int] = {}
        units: dict[str, list[str]] = {}
        for r in self.returned:
            rows[r.file] = len(r.rows)
            units[r.file] = list(dict.fromkeys(row.unit for row in r.rows))
        self.files.clear()
        for path in self.paths:
            trouble = [refused_at[path]] if path in refused_at else problems.get(path.name, [])
            skipped = path in refused_at or any(p.file == path.name and p.row is None for p in self.preview.problems)
            read = "" if path in refused_at else self.tr("%1: %2 rows").replace(
                "%1", "、".join(units.get(path.name, [])) or "—").replace("%2", str(rows.get(path.name, 0)))
            item = QTreeWidgetItem(self.files, [path.name, "\n".join(([read] if read else []) + trouble)])
            item.setData(0, Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(0, str(path))
            item.setToolTip(1, item.text(1))
            if skipped or trouble:  # red: left out; amber: merged, some cells not taken
                item.setForeground(1, QBrush(ERROR_COLOR if skipped else WARNING_COLOR))
        self.files.resizeColumnToContents(1)
        self.tree.show_preview(self.preview, self.service.node)
        self._update_summary()

    def _add_chosen(self) -> None:
        folder = str(self.paths[-1].parent) if self.paths else ""
        added = choose_returned_files(self, folder)
        if added:
            self.set_files(self.paths + added)

    def remove_selected(self) -> None:
        chosen = {Path(i.data(0, Qt.ItemDataRole.UserRole)) for i in self.files.selectedItems()}
        if chosen:
            self.set_files([p for p in self.paths if p not in chosen])

    def _show_detail(self, row: QTreeWidgetItem | None, _previous=None) -> None:
        if row is None or not (row.text(1) or row.text(2)):
            self.detail.setText(row.toolTip(0) if row is not None else "")
            return
        parts = [self.tr("Recorded now: %1").replace("%1", row.text(1))] if row.text(1) else []
        if row.text(2):
            parts.append(self.tr("Returned: %1 — %2").replace("%1", row.text(2)).replace("%2", row.text(3)))
        self.detail.setText("\n".join(parts))

    # -- applying ------------------------------------------------------------------------
    def _update_summary(self) -> None:
        picks = self.tree.picks()
        tasks = len({p[0] for p in picks})
        open_conflicts = sum(1 for row in self.tree.pick_rows()
                             if row.data(0, Qt.ItemDataRole.UserRole)[0] == "keep"
                             and row.checkState(0) == Qt.CheckState.Checked)
        text = self.tr("Applies %1 values to %2 tasks as one step (Undo takes it all back).") \
            .replace("%1", str(len(picks))).replace("%2", str(tasks))
        if open_conflicts:
            text += " " + self.tr("%1 conflicts keep what is recorded.").replace("%1", str(open_conflicts))
        if not self.returned:
            text = self.tr("No file can be merged yet: add the workbooks the units sent back.")
        self.summary.setText(text)
        self.apply_button.setEnabled(bool(picks))

    def apply(self) -> None:
        """Merge what is ticked, as one undoable change."""
        picks = self.tree.picks()
        if not picks:
            return
        self.applied = MergeReturnsCommand(self.ctx, self.plan_id, self.returned, picks=picks)
        refused: list = []
        self.ctx.failed.connect(refused.append)
        try:
            self.ctx.push(self.applied)
        finally:
            self.ctx.failed.disconnect(refused.append)
        if refused:  # the window has said why; the preview stays for another try or 取消
            return
        self.accept()  # applied, or held by the retry bar until the disk takes it
