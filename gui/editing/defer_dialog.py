"""The 延期 dialog: a task's new deadline, why it moved, and who approved it (批准人/文号).

The printed deadline is shown, not edited: it stays in the plan, struck through beside the new
date. OK stays off until a reason is written and the date really moves, the two things the
service refuses otherwise.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.domain.deferral import due_words, original_words
from core.domain.records import NodeInfo


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DeferDialog(QDialog):
    """Ask for the new date, the reason and the approval; `values()` gives them."""

    def __init__(self, parent: QWidget | None, info: NodeInfo, today: dt.date) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Defer deadline"))
        self.current = info.final_due()
        task = QLabel(f"{info.label} {info.title}".strip())
        task.setWordWrap(True)
        printed = original_words(info)
        now = (self.tr("%1, now %2").replace("%1", printed).replace("%2", due_words(self.current))
               if info.deferral is not None and self.current is not None else printed)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        start = max(self.current or today, today)
        self.date.setDate(_qdate(start).addMonths(1))
        self.words = QLabel()
        self.words.setEnabled(False)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why the deadline moves (required)"))
        self.approval = QLineEdit()
        self.approval.setPlaceholderText(self.tr("Who approved it, or the document number (optional)"))
        form = QFormLayout()
        form.addRow(self.tr("Task:"), task)
        form.addRow(self.tr("Deadline now:"), QLabel(now))
        form.addRow(self.tr("New deadline:"), self.date)
        form.addRow("", self.words)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Approved by / document no.:"), self.approval)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Defer"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.date.dateChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self.setMinimumWidth(460)
        self._check()
        self.reason.setFocus()

    def _check(self, *_args) -> None:
        day = self.date.date().toPython()
        self.words.setText(self.tr("Reports will say: deferred to %1").replace("%1", due_words(day))
                           if day != self.current else self.tr("This is the deadline already"))
        ok = bool(self.reason.text().strip()) and day != self.current
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> tuple[dt.date, str, str]:
        """(new date, reason, approval) as entered."""
        return self.date.date().toPython(), self.reason.text().strip(), self.approval.text().strip()
