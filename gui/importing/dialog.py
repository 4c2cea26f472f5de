"""The import dialog: read a file or pasted text off the GUI thread, let the clerk check and fix
the parsed plan, then save it in one transaction — or cancel and write nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.errors import TaizhangError
from core.parse.checks import check_plan
from gui.errors import error_text
from gui.importing.preview_commands import SetMetaCommand
from gui.importing.preview_model import PreviewModel
from gui.importing.preview_view import PreviewView
from gui.importing.source import SourceBar
from gui.importing.warnings_list import WarningsList
from gui.importing.workers import ParseOutcome
from gui.window.file_drop import FileDropTarget, split_returns
from gui.window.node_editor import NodeEditor

NO_YEAR = 1999  # the year box's minimum, shown as "not found"


class ImportDialog(QDialog):
    """Preview, fix and save one plan; `saved` carries the service's Change (the new plan's id in
    `plan_id`, its counts in `result`)."""

    saved = Signal(object)
    more_files = Signal(list)  # files dropped beyond the first, for the importer to open next

    def __init__(self, service, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.outcome: ParseOutcome | None = None
        self.saved_plan_id: int | None = None
        self.stack = QUndoStack(self)
        self.model = PreviewModel(self.stack, self)
        self.setWindowTitle(self.tr("Import work plan"))
        self._build()
        self._checks = QTimer(self, singleShot=True, interval=150, timeout=self.refresh_checks)
        self.model.edited.connect(self._checks.start)
        self.model.meta_changed.connect(self._show_meta)
        self._set_loaded(False)
        self.resize(1240, 780)

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.source = SourceBar()
        self.source.parsed.connect(self._parsed)
        self.source.may_replace = lambda: self.outcome is None or self.stack.isClean() or self._ask(
            self.tr("Replace the plan shown, and the changes made to it, with the pasted text?"))

        self.title_edit, self.issuer_edit, self.number_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.year_box = QSpinBox()
        self.year_box.setRange(NO_YEAR, 2100)
        self.year_box.setSpecialValueText(self.tr("Not found"))
        self.year_box.setMinimumWidth(self.fontMetrics().horizontalAdvance("未识别0000") + 30)
        meta = QGridLayout()
        meta.addWidget(QLabel(self.tr("Plan title:")), 0, 0)
        meta.addWidget(self.title_edit, 0, 1, 1, 5)
        for col, (text, widget) in enumerate(((self.tr("Year:"), self.year_box),
                                              (self.tr("Issued by:"), self.issuer_edit),
                                              (self.tr("Document No.:"), self.number_edit))):
            meta.addWidget(QLabel(text), 1, col * 2)
            meta.addWidget(widget, 1, col * 2 + 1)
        meta.setColumnStretch(3, 2)
        meta.setColumnStretch(5, 1)
        for name, edit in (("title", self.title_edit), ("issuer", self.issuer_edit),
                           ("doc_number", self.number_edit)):
            edit.textEdited.connect(lambda t, n=name: self._meta_edited(n, t.strip() or None))
        self.year_box.valueChanged.connect(lambda v: self._meta_edited("year", None if v == NO_YEAR else v))

        self.view = PreviewView(self.model)
        self.warnings = WarningsList()
        self.editor = NodeEditor(self.model)
        self.view.current_changed.connect(self.editor.show_node)
        self.warnings.node_chosen.connect(self._show_node)
        self.warnings.field_chosen.connect(self._focus_field)
        warn_box = QGroupBox(self.tr("Please check"))
        QVBoxLayout(warn_box).addWidget(self.warnings)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.editor)
        edit_box = QGroupBox(self.tr("Selected item"))
        QVBoxLayout(edit_box).addWidget(scroll)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(warn_box)
        side.addWidget(edit_box)
        side.setSizes([220, 480])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(side)
        self.splitter.setSizes([760, 460])
        self.splitter.setChildrenCollapsible(False)
        self.content = QWidget()
        body = QVBoxLayout(self.content)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(meta)
        body.addWidget(self.splitter, 1)

        self.summary = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addWidget(self.content, 1)
        layout.addLayout(bottom)
        FileDropTarget(self).dropped.connect(self.files_dropped)
        paste = QAction(self)
        paste.setShortcut(QKeySequence.StandardKey.Paste)
        paste.triggered.connect(lambda: self.paste())
        self.addAction(paste)

    # -- reading -------------------------------------------------------------------------
    def open_file(self, path: Path) -> None:
        """Read and parse `path` in the background; the preview shows when it is done."""
        self.source.open_file(path)

    def paste(self, mime: QMimeData | None = None) -> None:
        """Parse the clipboard's (or `mime`'s) HTML or text in the background."""
        self.source.paste(mime)

    def files_dropped(self, paths: list[Path]) -> None:
        """The first dropped plan replaces the plan shown (asking if it was edited); the rest, and
        any returned fill-in workbook (which goes to its merge preview), go to the importer."""
        plans, returns = split_returns([Path(p) for p in paths])
        if returns:
            self.more_files.emit([path for path, _plan in returns])
        if not plans:
            return
        first, rest = plans[0], plans[1:]
        if self.outcome is not None and not self.stack.isClean() and not self._ask(
                self.tr("Replace the plan shown, and the changes made to it, with %1?").replace("%1", first.name)):
            return
        self.open_file(first)
        if rest:
            self.more_files.emit(rest)

    def _parsed(self, outcome: ParseOutcome) -> None:
        self.outcome = outcome
        self.stack.clear()
        self.model.load(outcome.plan)
        for name in ("title", "year", "issuer", "doc_number"):
            self._show_meta(name)
        self.warnings.show_warnings(outcome.warnings)
        self._update_summary()
        self._set_loaded(True)
        self.stack.setClean()
        self.view.tree.setFocus()

    # -- showing -------------------------------------------------------------------------
    def _set_loaded(self, loaded: bool) -> None:
        self.content.setEnabled(loaded)
        self.save_button.setEnabled(loaded and bool(self.model.plan.nodes))

    def _show_meta(self, name: str) -> None:
        value = getattr(self.model.plan, name)
        if name == "year":
            self.year_box.blockSignals(True)
            self.year_box.setValue(value or NO_YEAR)
            self.year_box.blockSignals(False)
            return
        edit = {"title": self.title_edit, "issuer": self.issuer_edit, "doc_number": self.number_edit}[name]
        if (edit.text().strip() or None) != (value or None):
            edit.setText(value or "")
            edit.setCursorPosition(0)

    def _meta_edited(self, name: str, value) -> None:
        if value != getattr(self.model.plan, name):
            self.stack.push(SetMetaCommand(self.model, name, value if name != "title" else value or ""))

    def refresh_checks(self) -> None:
        """Re-run the checks on the plan as it now is."""
        self.warnings.show_warnings(check_plan(self.model.plan))
        self._update_summary()
        self.save_button.setEnabled(self.outcome is not None and bool(self.model.plan.nodes))

    def _update_summary(self) -> None:
        sections, tasks = self.model.plan.counts()
        self.summary.setText(self.tr("%1 sections, %2 tasks").replace("%1", str(sections)).replace("%2", str(tasks)))

    def _show_node(self, path) -> None:
        self.view.select(tuple(path))
        self.view.tree.setFocus()

    def _focus_field(self, name: str) -> None:
        widget = self.year_box if name == "year" else self.title_edit
        widget.setFocus()
        if name == "year":
            self.year_box.selectAll()

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.windowTitle(), question)
        return answer == QMessageBox.StandardButton.Yes

    # -- saving --------------------------------------------------------------------------
    def save(self) -> None:
        """Write the plan in one transaction (asking first if it looks already imported)."""
        if self.outcome is None or not self.model.plan.nodes:
            return
        plan, sha = self.model.plan, self.outcome.sha256
        source = self.outcome.source.name or self.tr("Clipboard")
        try:
            same = self.service.plans_like(sha, plan.title, plan.year)
            if same and not self._import_again(same[0].title):
                return
            change = self.service.import_plan(plan, source_name=source, sha256=sha, initiator=self)
        except TaizhangError as err:
            self.source.show_message(error_text(err))
            return
        self.saved_plan_id = change.plan_id
        self.saved.emit(change)
        self.accept()

    def _import_again(self, title: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Already imported"),
                          self.tr("“%1” has already been imported (the same file, or the same title and "
                                  "year).\n\nImport it again as a separate plan?").replace("%1", title),
                          parent=self)
        again = box.addButton(self.tr("Import as a new plan"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is again

    def reject(self) -> None:
        """Cancel: stop reading and write nothing."""
        self.source.cancel(quiet=True)
        super().reject()
