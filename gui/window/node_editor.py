"""The import preview's editor for the selected node: number, title, text, units by role, deadlines.

Every keystroke pushes an undo command (typing in one field merges into one step). A field is
reloaded from the model only when it no longer says what the node holds, so reloading after the
clerk's own edit never moves the cursor or eats a trailing separator.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.domain.unit_lists import join_unit_list, split_unit_list
from core.parse.checks import NodePath
from core.parse.corrections import set_title
from core.parse.parsed_plan import ROLES, ParsedDeadline, ParsedNode
from gui.importing.preview_commands import EditNodeCommand
from gui.importing.preview_model import PreviewModel
from gui.tree.labels import role_names

NO_DATE = QDate(2000, 1, 1)  # the date edit's minimum stands for "no date"
class DeadlineRow(QWidget):
    """One deadline: its printed text, the date it means (a picker), and a remove button."""

    def __init__(self, editor: NodeEditor, deadline: ParsedDeadline) -> None:
        super().__init__()
        self.text = QLineEdit(deadline.text)
        self.text.setPlaceholderText(self.tr("As printed, e.g. 6月底前"))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText(self.tr("No date"))
        self.set_date(deadline.date)
        self.remove = QToolButton()
        self.remove.setText("×")
        self.remove.setToolTip(self.tr("Remove this deadline"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 3)
        layout.addWidget(self.date, 2)
        layout.addWidget(self.remove)
        self.text.textEdited.connect(lambda _t: editor.deadlines_edited())
        self.date.dateChanged.connect(lambda _d: editor.deadlines_edited(self))
        self.remove.clicked.connect(lambda: editor.remove_deadline(self))

    def set_date(self, day: dt.date | None) -> None:
        self.date.blockSignals(True)
        if day is None:
            self.date.setDate(NO_DATE)
        else:
            self.date.setDate(QDate(day.year, day.month, day.day))
        self.date.blockSignals(False)

    def value(self) -> ParsedDeadline:
        q = self.date.date()
        day = None if q == NO_DATE else dt.date(q.year(), q.month(), q.day())
        return ParsedDeadline(self.text.text().strip(), day)


class NodeEditor(QWidget):
    """Edits the node at `path` through undo commands on the preview model's stack."""

    def __init__(self, model: PreviewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.path: NodePath | None = None
        self.rows: list[DeadlineRow] = []
        self.label = QLineEdit()
        self.title = QLineEdit()
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.units = {role: QLineEdit() for role in ROLES}
        for edit in self.units.values():
            edit.setPlaceholderText(self.tr("Separate several units with 、"))
        self.deadline_box = QVBoxLayout()
        self.deadline_box.setContentsMargins(0, 0, 0, 0)
        self.add_deadline = QPushButton(self.tr("Add deadline"))
        self.empty = QLabel(self.tr("Select an item in the plan to edit it."))
        self.empty.setEnabled(False)
        self.empty.setWordWrap(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Number:"), self.label)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Text:"), self.text)
        for role, name in role_names().items():
            form.addRow(name + self.tr(":"), self.units[role])
        deadlines = QVBoxLayout()
        deadlines.addLayout(self.deadline_box)
        deadlines.addWidget(self.add_deadline, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.tr("Deadlines:"), deadlines)
        self.fields = QWidget()
        self.fields.setLayout(form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.fields)
        layout.addStretch()

        self.label.textEdited.connect(lambda t: self._push({"label": t.strip()}, self.tr("Edit number")))
        self.title.textEdited.connect(self._title_edited)
        self.text.textChanged.connect(self._text_edited)
        for role, edit in self.units.items():
            edit.textEdited.connect(lambda _t, r=role: self._units_edited(r))
        self.add_deadline.clicked.connect(self._add_deadline)
        model.dataChanged.connect(lambda *_: self.reload())
        model.modelReset.connect(lambda: self.show_node(None))
        self.show_node(None)

    def node(self) -> ParsedNode | None:
        if self.path is None:
            return None
        try:
            return self.model.item_at(self.path).node
        except IndexError:
            return None

    def show_node(self, path: NodePath | None) -> None:
        """Edit the node at `path` (None: nothing)."""
        self.path = path
        node = self.node()
        self.fields.setVisible(node is not None)
        self.empty.setVisible(node is None)
        self.reload()

    def reload(self) -> None:
        """Bring every field in line with the node, leaving alone those that already agree."""
        node = self.node()
        if node is None:
            return
        for edit, value in ((self.label, node.label), (self.title, node.title)):
            if edit.text() != value:
                edit.setText(value)
                if not edit.hasFocus():
                    edit.setCursorPosition(0)  # show a long title's start, not its end
        if self.text.toPlainText() != node.text:
            self.text.blockSignals(True)
            self.text.setPlainText(node.text)
            self.text.blockSignals(False)
        for role, edit in self.units.items():
            if split_unit_list(edit.text()) != node.units.get(role, []):
                edit.setText(join_unit_list(node.units.get(role, [])))
        if [r.value() for r in self.rows] != node.deadlines:
            self._rebuild_deadlines(node.deadlines)

    def _rebuild_deadlines(self, deadlines: list[ParsedDeadline]) -> None:
        for row in self.rows:
            self.deadline_box.removeWidget(row)
            row.deleteLater()
        self.rows = [DeadlineRow(self, d) for d in deadlines]
        for row in self.rows:
            self.deadline_box.addWidget(row)

    # -- edits -> commands ---------------------------------------------------------------
    def _push(self, changes: dict, text: str, merge: bool = True) -> None:
        if self.path is not None and self.node() is not None:
            self.model.stack.push(EditNodeCommand(self.model, self.path, changes, text, merge))

    def _title_edited(self, text: str) -> None:
        node = self.node()
        if node is not None:
            self._push(set_title(node, text), self.tr("Edit title"))

    def _text_edited(self) -> None:
        self._push({"text": self.text.toPlainText()}, self.tr("Edit text"))

    def _units_edited(self, role: str) -> None:
        node = self.node()
        if node is None:
            return
        units = {r: list(node.units.get(r, [])) for r in ROLES}
        units[role] = split_unit_list(self.units[role].text())
        if units != node.units:
            self._push({"units": units}, self.tr("Edit units"))

    def deadlines_edited(self, dated: DeadlineRow | None = None) -> None:
        """A deadline's text or date changed; a new row's text is filled from its date."""
        if dated is not None and not dated.text.text().strip() and dated.value().date:
            day = dated.value().date
            dated.text.setText(self.tr("%1/%2 or before").replace("%1", str(day.month)).replace("%2", str(day.day)))
        self._push({"deadlines": [r.value() for r in self.rows]}, self.tr("Edit deadlines"))

    def remove_deadline(self, row: DeadlineRow) -> None:
        kept = [r.value() for r in self.rows if r is not row]
        self._push({"deadlines": kept}, self.tr("Remove deadline"), merge=False)

    def _add_deadline(self) -> None:
        node = self.node()
        if node is not None:
            self._push({"deadlines": [*node.deadlines, ParsedDeadline("", None)]}, self.tr("Add deadline"),
                       merge=False)
            if self.rows:
                self.rows[-1].text.setFocus()
