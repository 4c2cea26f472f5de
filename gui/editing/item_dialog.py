"""The dialog to add or edit one item of a plan: number, title, text, units by role, deadlines.

Deadlines are typed as the plan words them ("6月底前"), one a line; the date each means is read
the same way the importer reads them and shown beside, so the clerk sees what will count.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.domain.deadline_dates import deadline_lines
from core.domain.records import NodeInfo
from core.domain.unit_lists import join_unit_list, split_unit_list
from core.parse.parsed_plan import ROLES
from gui.tree.labels import role_names


class ItemDialog(QDialog):
    """Add (info None) or edit one item; `values()` gives what the clerk entered."""

    def __init__(self, parent: QWidget | None, info: NodeInfo | None, year: int | None,
                 label: str = "", title: str = "") -> None:
        super().__init__(parent)
        self.year = year
        self._kept = {d.text: d.date for d in info.deadlines} if info else {}  # dates no wording gives
        self.setWindowTitle(self.tr("Edit item") if info is not None else self.tr("Add item"))
        self.label = QLineEdit(info.label if info else label)
        self.label.setMaximumWidth(120)
        self.title_edit = QLineEdit(info.title if info else title)
        self.title_edit.setPlaceholderText(self.tr("What is to be done, in a few words"))
        self.text = QPlainTextEdit(info.text if info and info.text != info.title else "")
        self.text.setPlaceholderText(self.tr("The full wording from the plan (optional)"))
        self.text.setMaximumHeight(110)
        self.units = {}
        form = QFormLayout()
        form.addRow(self.tr("Number:"), self.label)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Text:"), self.text)
        for role in ROLES:
            edit = QLineEdit(join_unit_list(info.units.get(role, [])) if info else "")
            edit.setPlaceholderText(self.tr("Separate units with 、"))
            self.units[role] = edit
            form.addRow(role_names()[role] + self.tr(":"), edit)
        self.deadlines = QPlainTextEdit("\n".join(d.text for d in info.deadlines) if info else "")
        self.deadlines.setPlaceholderText(self.tr("One per line, as the plan words it, e.g. 6月底前"))
        self.deadlines.setMaximumHeight(80)
        self.deadlines.textChanged.connect(self._show_dates)
        self.dates = QLabel()
        self.dates.setEnabled(False)
        form.addRow(self.tr("Deadlines:"), self.deadlines)
        form.addRow("", self.dates)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.title_edit.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.ok.setEnabled(bool(self.title_edit.text().strip()))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
        self._show_dates()
        self.title_edit.setFocus()

    def _show_dates(self) -> None:
        parsed = deadline_lines(self.deadlines.toPlainText(), self.year, self._kept)
        shown = [f"{text} → {day.isoformat() if day else self.tr('no date')}" for text, day in parsed]
        self.dates.setText("\n".join(shown))
        self.dates.setVisible(bool(shown))

    def values(self) -> dict:
        """label, title, text, units (by role) and deadlines (text, date) as entered."""
        title = self.title_edit.text().strip()
        text = self.text.toPlainText().strip() or title
        return {"label": self.label.text().strip(), "title": title, "text": text,
                "units": {role: split_unit_list(edit.text()) for role, edit in self.units.items()},
                "deadlines": deadline_lines(self.deadlines.toPlainText(), self.year, self._kept)}
