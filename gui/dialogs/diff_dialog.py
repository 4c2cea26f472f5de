"""与另一计划比较: this year's plan read against last year's (or a 市 plan against the 省 plan).

The old and the new plan are chosen from the database (the new one defaults to the plan on
screen, the old one to the plan it was carried over from, else the next older one); the table
shows what became of each task, filtered by kind; a double-click shows the task in the window.
The export writes core's Word or Excel comparison. The window stays usable while it is open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QCursor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.errors import TaizhangError
from core.export.diff_xlsx import summary_line
from core.filenames import safe_file_name
from gui.dialogs.diff_view import (
    CARRIED,
    CHANGES,
    DIFF_ROLE,
    FILTERS,
    KIND,
    NEW,
    OLD,
    DiffModel,
    RichTextDelegate,
    count,
    filter_names,
)
from gui.dialogs.export_dialog import documents_dir
from gui.errors import show_error

NAME_BYTES = 150  # room for the folder in a Windows path
FOLDER_KEY = "diff/folder"  # where the last comparison was saved (QSettings: the dialog's habit, not data)


def diff_file_name(old_title: str, new_title: str, day, suffix: str) -> str:
    """计划对照_<new>与<old>_<date>.docx, each title cut so the name stays short."""
    cut = NAME_BYTES // 3
    return safe_file_name(f"计划对照_{safe_file_name(new_title, cut, strip_folders=False)}与"
                          f"{safe_file_name(old_title, cut, strip_folders=False)}_{day:%Y%m%d}{suffix}",
                          max_bytes=NAME_BYTES, fallback="计划对照")


def default_pair(ids: list[int], current: int, carried_from: int | None) -> tuple[int | None, int]:
    """(old, new) to compare first, `ids` newest first: the plan on screen against the plan it was
    carried over from, else the next older one; the oldest plan against the next newer one."""
    if carried_from in ids and carried_from != current:
        return carried_from, current
    at = ids.index(current)
    if at + 1 < len(ids):
        return ids[at + 1], current
    return current, (ids[at - 1] if at > 0 else current)


class DiffDialog(QDialog):
    """Two plans compared: the choice of plans, a filter, the table, the export."""

    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.window_, self.service = window, window.service
        self.diff = None
        self.exported: Path | None = None
        self.setWindowTitle(self.tr("Compare plans"))
        self.old_box, self.new_box = QComboBox(), QComboBox()
        plans = self.service.list_plans(with_rollups=False)
        for box in (self.old_box, self.new_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(24)
        self._list_plans(plans)
        older, newer = default_pair([p.id for p in plans], window.model.plan_id,
                                    self.service.carried_from(window.model.plan_id))
        self.new_box.setCurrentIndex(max(self.new_box.findData(newer), 0))
        self.old_box.setCurrentIndex(max(self.old_box.findData(older), 0))
        swap = QPushButton(self.tr("Swap"))
        swap.setToolTip(self.tr("Swap the old and the new plan"))
        swap.clicked.connect(self.swap)
        self.filter_box = QComboBox()
        self.filter_box.currentIndexChanged.connect(self._filter_chosen)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = DiffModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(RichTextDelegate(self.table))
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        for column, width in ((KIND, 64), (CHANGES, 240), (CARRIED, 72)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed if column != CHANGES
                                        else QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        for column in (OLD, NEW):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.show_in_window)
        self.table.setToolTip(self.tr("Double-click a task to show it in the main window"))
        self.word_button = QPushButton(self.tr("Export Word…"))
        self.excel_button = QPushButton(self.tr("Export Excel…"))
        self.word_button.clicked.connect(lambda: self.export(".docx"))
        self.excel_button.clicked.connect(lambda: self.export(".xlsx"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.word_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.excel_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Old plan:")))
        row.addWidget(self.old_box, 1)
        row.addWidget(swap)
        row.addWidget(QLabel(self.tr("New plan:")))
        row.addWidget(self.new_box, 1)
        layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Show:")))
        row.addWidget(self.filter_box)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.old_box.currentIndexChanged.connect(self.compare)
        self.new_box.currentIndexChanged.connect(self.compare)
        window.plan_shown.connect(self._plans_may_have_changed)  # a plan imported or deleted meanwhile
        self.resize(1180, 740)
        self.compare()

    def _list_plans(self, plans) -> None:
        for box in (self.old_box, self.new_box):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            for p in plans:
                box.addItem(p.title, p.id)
                box.setItemData(box.count() - 1, p.title, Qt.ItemDataRole.ToolTipRole)
            box.setCurrentIndex(max(box.findData(chosen), 0) if chosen is not None else 0)
            box.blockSignals(False)

    def _plans_may_have_changed(self, _plan_id) -> None:
        plans = self.service.list_plans(with_rollups=False)
        listed = [self.old_box.itemData(i) for i in range(self.old_box.count())]
        ids = [p.id for p in plans]
        if ids != listed:
            old, new = self.plans()
            self._list_plans(plans)
            if new not in ids:
                new = self.window_.model.plan_id
            if old not in ids or old == new:
                old = default_pair(ids, new, self.service.carried_from(new))[0] if new in ids else None
            for box, wanted in ((self.old_box, old), (self.new_box, new)):
                box.blockSignals(True)
                box.setCurrentIndex(max(box.findData(wanted), 0))
                box.blockSignals(False)
            self.compare()

    # -- comparing -----------------------------------------------------------------------
    def plans(self) -> tuple[int | None, int | None]:
        return self.old_box.currentData(), self.new_box.currentData()

    def swap(self) -> None:
        old, new = self.plans()
        self.old_box.blockSignals(True)
        self.old_box.setCurrentIndex(self.old_box.findData(new))
        self.old_box.blockSignals(False)
        self.new_box.setCurrentIndex(self.new_box.findData(old))
        self.compare()

    def compare(self) -> None:
        old, new = self.plans()
        same = old is None or old == new
        self.diff = None if same else self.service.plan_diff(old, new)
        for button in (self.word_button, self.excel_button):
            button.setEnabled(self.diff is not None)
        if self.diff is None:
            self.summary.setText(self.tr("Choose two different plans: the old one and the new one."))
        else:
            self.summary.setText(summary_line(self.diff))
        which = self.filter_box.currentData() or "changes"
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        names = filter_names()
        for key in FILTERS:
            number = count(self.diff, key) if self.diff is not None else 0
            self.filter_box.addItem(self.tr("%1 (%2)").replace("%1", names[key]).replace("%2", str(number)), key)
        self.filter_box.setCurrentIndex(self.filter_box.findData(which))
        self.filter_box.blockSignals(False)
        self.model.show_diff(self.diff, which)

    def show_kind(self, which: str) -> None:
        self.filter_box.setCurrentIndex(self.filter_box.findData(which))

    def _filter_chosen(self, _row: int) -> None:
        self.model.show_diff(self.diff, self.filter_box.currentData())

    def show_in_window(self, index: QModelIndex) -> None:
        """The task of the double-clicked row (the new plan's, or the old plan's dropped one) in the tree."""
        d = index.data(DIFF_ROLE)
        if d is None:
            return
        wanted = d.new if d.new is not None and index.column() != OLD else d.old
        if wanted is None:
            wanted = d.new
        plan = self.plans()[1] if wanted is d.new else self.plans()[0]
        if self.window_.model.plan_id != plan:
            self.window_.refresh_plans(plan)
        self.window_.select_node(wanted.id)
        self.window_.raise_()

    # -- exporting -----------------------------------------------------------------------
    def export(self, suffix: str) -> None:
        if self.diff is None:
            return
        old, new = (self.service.plan(p) for p in self.plans())
        settings = self.window_.settings
        folder = settings.value(FOLDER_KEY, "", type=str)
        folder = Path(folder) if folder and Path(folder).is_dir() else documents_dir()
        default = folder / diff_file_name(old.title, new.title, self.service.today(), suffix)
        pattern = self.tr("Word document (*.docx)") if suffix == ".docx" else self.tr("Excel workbook (*.xlsx)")
        out = self._ask_path(default, pattern)
        if out is None:
            return
        if out.suffix.lower() != suffix:
            out = out.with_name(out.name + suffix)
        from core.export.writer import write_atomically

        if suffix == ".docx":
            from core.export.diff_docx import write_diff_docx as write
        else:
            from core.export.diff_xlsx import write_diff_xlsx as write
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            self.exported = write_atomically(out, lambda tmp: write(self.diff, old.title, new.title, tmp))
        except TaizhangError as err:
            QApplication.restoreOverrideCursor()
            show_error(self, err, self.windowTitle())
            return
        QApplication.restoreOverrideCursor()
        settings.setValue(FOLDER_KEY, str(self.exported.parent))  # the next comparison goes there too
        self._offer_open(self.exported)

    def _ask_path(self, default: Path, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save comparison as"), str(default), pattern)
        return Path(path) if path else None

    def _offer_open(self, path: Path) -> None:
        answer = QMessageBox.question(self, self.windowTitle(), self.tr("Exported to %1.").replace("%1", str(path))
                                      + "\n" + self.tr("Open it now?"))
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
