"""近期到期: open tasks that are overdue or whose next milestone falls within the coming weeks, by date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from core.domain.due import HORIZON_DAYS, due_list, due_state
from core.domain.records import NodeInfo
from gui.tree.labels import DUE_SOON_COLOR, OVERDUE_COLOR, role_names
from gui.window.task_list import TaskList


class DueSoonList(TaskList):
    """Date, task and lead unit; a click asks for the task to be shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_columns([self.tr("Due"), self.tr("Task"), role_names()["lead"]], stretch=1, width=140)

    def fill(self, tasks: list[NodeInfo], today: dt.date) -> int:
        """Show the tasks due soon; returns how many."""
        self.clear()
        rows = []
        for due, info in due_list(tasks, today, HORIZON_DAYS):
            overdue = due < today
            when = due.strftime("%m-%d") if due.year == today.year else due.isoformat()
            units = info.units.get("lead") or info.units.get("responsible") or info.all_units
            row = self.task_row(info, when, "、".join(units))
            row.setToolTip(0, self.tr("Overdue since %1").replace("%1", due.isoformat()) if overdue
                           else self.tr("Due %1").replace("%1", due.isoformat()))
            color = {"overdue": OVERDUE_COLOR, "soon": DUE_SOON_COLOR}.get(due_state(info, today))
            if color is not None:
                for col in range(3):
                    row.setForeground(col, color)
            rows.append(row)
        self.addTopLevelItems(rows)
        return len(rows)
