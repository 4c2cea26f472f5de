"""近期到期: open tasks that are overdue or whose next milestone falls within the coming weeks, by date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from core.domain.due import HORIZON_DAYS, due_list, due_state
from core.domain.records import NodeInfo
from gui.tree.labels import DUE_SOON_COLOR, OVERDUE_COLOR

ID_ROLE = Qt.ItemDataRole.UserRole


class DueSoonList(QTreeWidget):
    """Date, task and lead unit; a click asks for the task to be shown."""

    task_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Due"), self.tr("Task"), self.tr("Lead unit")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 140)
        self.itemClicked.connect(lambda item, _col: self.task_clicked.emit(item.data(0, ID_ROLE)))
        self.itemActivated.connect(lambda item, _col: self.task_clicked.emit(item.data(0, ID_ROLE)))

    def fill(self, tasks: list[NodeInfo], today: dt.date) -> int:
        """Show the tasks due soon; returns how many."""
        self.clear()
        rows = []
        for due, info in due_list(tasks, today, HORIZON_DAYS):
            overdue = due < today
            when = due.strftime("%m-%d") if due.year == today.year else due.isoformat()
            title = f"{info.label} {info.title}".strip()
            units = info.units.get("lead") or info.units.get("responsible") or info.all_units
            row = QTreeWidgetItem([when, title, "、".join(units)])
            row.setData(0, ID_ROLE, info.id)
            row.setToolTip(1, info.text or title)
            row.setToolTip(2, "、".join(units))  # the column is narrow: the whole list on hover
            row.setToolTip(0, self.tr("Overdue since %1").replace("%1", due.isoformat()) if overdue
                           else self.tr("Due %1").replace("%1", due.isoformat()))
            color = {"overdue": OVERDUE_COLOR, "soon": DUE_SOON_COLOR}.get(due_state(info, today))
            if color is not None:
                for col in range(3):
                    row.setForeground(col, color)
            rows.append(row)
        self.addTopLevelItems(rows)
        return len(rows)
