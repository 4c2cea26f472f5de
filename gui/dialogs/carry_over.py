"""从本计划结转: a new plan for next year holding this plan's unfinished tasks (for the 回头看).

Each carried task keeps a link to the task it came from (core's carry_over); the new plan's
overview names the plan it was carried from.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.domain.status import Status
from core.errors import TaizhangError
from gui.errors import show_error

UNFINISHED = (Status.TODO, Status.DOING, Status.ONGOING)


class CarryOverDialog(QDialog):
    """Title and year of the new plan, and how many tasks go into it."""

    def __init__(self, parent: QWidget | None, title: str, year: int | None, unfinished: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Carry over unfinished tasks"))
        new_year = (year + 1) if year else None
        intro = QLabel(self.tr("A new plan is made with the %1 unfinished tasks (not started, in progress or "
                               "ongoing) of “%2”, with their sections, units, deadlines and notes. The old plan "
                               "stays as it is.").replace("%1", str(unfinished)).replace("%2", title))
        intro.setWordWrap(True)
        self.title = QLineEdit(self.tr("%1 (carried over)").replace("%1", title))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(new_year or 2026)
        form = QFormLayout()
        form.addRow(self.tr("New plan title:"), self.title)
        form.addRow(self.tr("Year:"), self.year)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Carry over"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(unfinished > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())


def carry_over(window) -> int | None:
    """Ask, make the new plan, show it; returns its id (None when cancelled or failed)."""
    model = window.model
    if model.plan_id is None:
        return None
    window.panel.flush_note()
    plan = window.service.plan(model.plan_id)
    unfinished = sum(1 for item in model.items() if item.is_task and item.info.status in UNFINISHED)
    dialog = CarryOverDialog(window, plan.title, plan.year, unfinished)
    if not dialog.exec():
        return None
    try:
        change = window.service.carry_over(model.plan_id, dialog.title.text().strip() or None,
                                           dialog.year.value(), initiator=dialog)
    except TaizhangError as err:
        show_error(window, err)
        return None
    window.ctx.announce(change)  # the window re-lists the plans and shows the new one
    window.statusBar().showMessage(
        QCoreApplication.translate("CarryOverDialog", "Carried over %1 tasks into “%2”.")
        .replace("%1", str(change.result.tasks)).replace("%2", window.service.plan(change.plan_id).title), 8000)
    return change.plan_id
