"""The export dialog: which report, whose tasks, in which script, as of when, and where to save it.

All the work is core's `write_export`; this only gathers the clerk's choices, asks for the
reporting unit when none is known, reports a typed error in one sentence, says how many tasks
still lack a 完成情况 (offering to show them in the tree first), and offers to open the file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QCursor, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core.domain.periods import PERIODS, period_range
from core.domain.records import TaskFilter
from core.errors import TaizhangError
from core.export import ExportOptions, default_file_name, write_export
from core.export.data import gather
from gui.dialogs import export_memory
from gui.errors import error_text, show_error
from gui.tree.collation import sorted_for_display
from gui.tree.labels import STATUS_ORDER, status_names

STYLES = (("docx", "ledger"), ("docx", "report"), ("xlsx", "ledger"))
SCRIPTS = ("original", "simplified", "traditional")
MINE = "\x00mine"  # the unit box's entry for 我的任务 (the clerk's own units)


class ExportDialog(QDialog):
    """Export one plan as the Word 台账, the Word 报告 or the Excel 台账."""

    MINE = MINE

    def __init__(self, service, plan_id: int, parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.service, self.plan_id, self.settings = service, plan_id, settings
        self.folder: Path | None = None  # where the last export went (remembered)
        self.exported_path: Path | None = None
        self.reporter: str | None = None  # asked for when no unit is chosen and none is set as mine
        self.show_in_tree: TaskFilter | None = None  # the clerk chose to see the tasks lacking a note
        self._path_chosen = False  # once the clerk picks a path, option changes leave it alone
        self._confirmed: Path | None = None  # a path the file dialog already asked to replace
        self.setWindowTitle(self.tr("Export completion report"))
        self._build()
        export_memory.restore(self, settings)
        self._style_changed()
        self._update_summary()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        form = QFormLayout()
        self.style_box = QComboBox()
        for text, data in zip((self.tr("Ledger (Word, landscape table)"),
                               self.tr("Report (Word, official document)"),
                               self.tr("Ledger (Excel)")), STYLES, strict=True):
            self.style_box.addItem(text, data)
        form.addRow(self.tr("Style:"), self.style_box)

        self.unit_box = QComboBox()
        self.unit_box.addItem(self.tr("All units"), None)
        self.my_units = self.service.my_units()
        if self.my_units:
            self.unit_box.addItem(self.tr("My tasks (%1)").replace("%1", "、".join(self.my_units)), MINE)
            self.unit_box.setCurrentIndex(1)  # the clerk's own report, by default
        for unit in sorted_for_display(self._plan_units()):  # pinyin order, like the other unit lists
            self.unit_box.addItem(unit, unit)
        self.unit_box.setToolTip(self.tr("A unit's tasks are those 我的任务 shows for it: named, or named "
                                         "through a collective such as 市直各单位. It also signs the report."))
        form.addRow(self.tr("Unit:"), self.unit_box)

        self.script_box = QComboBox()
        for text, data in zip((self.tr("As the plan is written"), self.tr("Simplified (简体)"),
                               self.tr("Traditional (繁體)")), SCRIPTS, strict=True):
            self.script_box.addItem(text, data)
        form.addRow(self.tr("Script:"), self.script_box)

        names = status_names()
        self.status_boxes = {}
        row = QHBoxLayout()
        for status in STATUS_ORDER:
            box = QCheckBox(names[status])
            box.setChecked(True)
            self.status_boxes[status] = box
            row.addWidget(box)
        row.addStretch()
        form.addRow(self.tr("Statuses:"), row)

        self.with_sections = QRadioButton(self.tr("With section headings"))
        self.tasks_only = QRadioButton(self.tr("Tasks only"))
        self.with_sections.setChecked(True)
        row = QHBoxLayout()
        row.addWidget(self.with_sections)
        row.addWidget(self.tasks_only)
        row.addStretch()
        form.addRow(self.tr("Contents:"), row)

        self.as_of = QDateEdit()
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        today = self.service.today()
        self.as_of.setDate(QDate(today.year, today.month, today.day))
        form.addRow(self.tr("As of:"), self.as_of)

        self.evidence = QCheckBox(self.tr("Add an evidence column"))
        form.addRow("", self.evidence)
        self.progress = QCheckBox(self.tr("Add the progress entries"))
        self.progress.setToolTip(self.tr("A progress column in the ledger, a paragraph under each task in the report"))
        self.period_box = QComboBox()
        for text, name in zip((self.tr("All up to the as-of date"), self.tr("This month"), self.tr("Last month"),
                               self.tr("This quarter"), self.tr("Last quarter"), self.tr("This year")),
                              (None, *PERIODS), strict=True):
            self.period_box.addItem(text, name)
        self.period_box.setToolTip(self.tr("Which entries: the period is counted from the as-of date"))
        row = QHBoxLayout()
        row.addWidget(self.progress)
        row.addWidget(self.period_box)
        row.addStretch()
        form.addRow("", row)
        self.progress.toggled.connect(self.period_box.setEnabled)
        self.period_box.setEnabled(False)
        self.pending_list = QCheckBox(self.tr("List tasks without a completion note in an appendix"))
        self.pending_list.setChecked(True)
        form.addRow("", self.pending_list)

        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Save to:"), row)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        self.summary = QLabel()  # "将导出 24 项任务，其中 8 项缺少完成情况", as the choices change
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.style_box.currentIndexChanged.connect(self._style_changed)
        self.as_of.dateChanged.connect(self._update_default_path)
        self.script_box.currentIndexChanged.connect(self._update_default_path)
        self.path_edit.textEdited.connect(self._path_typed)
        for signal in (self.unit_box.currentIndexChanged, self.as_of.dateChanged,
                       *(box.toggled for box in self.status_boxes.values())):
            signal.connect(self._update_summary)
        self.resize(640, self.sizeHint().height())

    def _plan_units(self) -> list[str]:
        seen: dict[str, None] = {}
        for node in self.service.tree(self.plan_id):
            for unit in node.all_units:
                seen.setdefault(unit)
        return list(seen)

    # -- choices -------------------------------------------------------------------------
    def options(self) -> ExportOptions:
        fmt, style = self.style_box.currentData()
        chosen = frozenset(s for s, box in self.status_boxes.items() if box.isChecked())
        day = dt.date(self.as_of.date().year(), self.as_of.date().month(), self.as_of.date().day())
        unit = self.unit_box.currentData()
        period = self.period_box.currentData()
        start, end = period_range(period, day) if period else (None, None)
        return ExportOptions(
            format=fmt, style=style, unit=None if unit == MINE else unit, mine=unit == MINE,
            reporter=self.reporter, script=self.script_box.currentData(),
            statuses=None if len(chosen) == len(self.status_boxes) else chosen,
            as_of=day,
            sections=self.with_sections.isChecked(),
            evidence=self.evidence.isChecked() and style == "ledger",
            pending_list=self.pending_list.isChecked(),
            progress=self.progress.isChecked(), progress_from=start, progress_to=end)

    def _style_changed(self) -> None:
        fmt, style = self.style_box.currentData()
        self.evidence.setEnabled(style == "ledger")
        self.pending_list.setEnabled(fmt == "docx" and style == "report")
        self._update_default_path()

    def _path_typed(self, _text: str) -> None:
        self._path_chosen = True

    def _update_default_path(self) -> None:
        name = default_file_name(self.service, self.plan_id, self.options())
        if not self._path_chosen:
            self.path_edit.setText(str((self.folder or documents_dir()) / name))
            return
        current = Path(self.path_edit.text())  # keep the clerk's folder and name, fix the suffix
        self.path_edit.setText(str(current.with_suffix(Path(name).suffix)))

    def _browse(self) -> None:
        fmt = self.options().format
        pattern = self.tr("Word document (*.docx)") if fmt == "docx" else self.tr("Excel workbook (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save export as"), self.path_edit.text(), pattern)
        if path:
            self.path_edit.setText(path)
            self._path_chosen, self._confirmed = True, Path(path)

    # -- exporting -----------------------------------------------------------------------
    def export(self) -> None:
        opts = self.options()
        if opts.statuses is not None and not opts.statuses:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose at least one status."))
            return
        text = self.path_edit.text().strip()
        if not text:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose where to save the file."))
            return
        out = Path(text)
        if out.suffix.lower() != f".{opts.format}":
            out = out.with_name(out.name + f".{opts.format}")
        if out.exists() and out != self._confirmed and not self._confirm_replace(out):
            return
        if opts.unit is None and not opts.mine and not opts.reporter and not self.my_units:
            self.reporter = self._ask_reporter()
            if not self.reporter:
                return
            opts = self.options()
        if not self._pending_checked(opts):
            return
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            self.exported_path, data = write_export(self.service, self.plan_id, opts, out)
        except TaizhangError as err:
            QApplication.restoreOverrideCursor()
            show_error(self, err, self.windowTitle())
            return
        QApplication.restoreOverrideCursor()
        export_memory.remember(self, self.settings, self.exported_path)
        self._offer_open(self.exported_path)
        self.accept()

    def _update_summary(self, *_args) -> None:
        """How many tasks the choices take in, and how many of them lack a 完成情况."""
        opts = self.options()
        if opts.statuses is not None and not opts.statuses:
            self.summary.setText(self.tr("Choose at least one status."))
            return
        try:  # the reporting unit does not change the count; it is asked for at export time
            data = gather(self.service, self.plan_id, dataclasses.replace(opts, reporter=opts.reporter or "—"))
        except TaizhangError as err:
            self.summary.setText(error_text(err))
            return
        self.summary.setText(self.tr("Exports %1 tasks; %2 of them have no completion note.")
                             .replace("%1", str(len(data.tasks))).replace("%2", str(len(data.pending))))

    def _pending_checked(self, opts: ExportOptions) -> bool:
        """Say how many tasks lack a 完成情况 and offer to show them in the tree first; False when
        the clerk chose to look (the dialog closes with `show_in_tree` set) or an error was shown."""
        try:
            pending = len(gather(self.service, self.plan_id, opts).pending)
        except TaizhangError as err:
            show_error(self, err, self.windowTitle())
            return False
        answer = self._ask_pending(pending, opts) if pending else "export"
        if answer == "show":
            self.show_in_tree = TaskFilter(missing_note=True, mine=opts.mine)
            self.reject()
        return answer == "export"

    def _ask_pending(self, pending: int, opts: ExportOptions) -> str:
        """"export", "show" (the tasks in the tree first) or "cancel"."""
        text = self.tr("%n task(s) have no completion note yet.", "", pending)
        if opts.format == "docx" and opts.style == "report":
            text += "\n" + (self.tr("The report leaves them out of its body and lists them in an appendix.")
                            if opts.pending_list else self.tr("The report leaves them out."))
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), text, parent=self)
        go = box.addButton(self.tr("Export anyway"), QMessageBox.ButtonRole.AcceptRole)
        show = box.addButton(self.tr("Show them in the tree"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return "export" if clicked is go else "show" if clicked is show else "cancel"

    def _ask_reporter(self) -> str | None:
        """填报单位 for a whole-plan export when the clerk's own unit is not set."""
        text, ok = QInputDialog.getText(self, self.windowTitle(),
                                        self.tr("Which unit is reporting? (It signs the report; set "
                                                "your own unit to skip this question.)"))
        return text.strip() if ok and text.strip() else None

    def _confirm_replace(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self, self.windowTitle(), self.tr("%1 already exists.\nReplace it?").replace("%1", str(path)))
        return answer == QMessageBox.StandardButton.Yes

    def _offer_open(self, path: Path) -> None:
        text = self.tr("Exported to %1.").replace("%1", str(path))
        answer = QMessageBox.question(self, self.windowTitle(), text + "\n" + self.tr("Open it now?"))
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def documents_dir() -> Path:
    """The user's Documents folder (the home folder when the system names none)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()
