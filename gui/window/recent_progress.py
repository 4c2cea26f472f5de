"""最近进展: the plan's newest 进展 entries in the overview, one line per task, newest first.

What the clerk reads on opening to see where the work stands without opening task by task; a
click shows the task in the tree. It reads the entries the tree already holds (NodeInfo.latest_entry).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from core.domain.entries import entry_line
from core.domain.records import NodeInfo

ID_ROLE = Qt.ItemDataRole.UserRole
SHOWN = 8


class RecentProgressList(QTreeWidget):
    """Date, task and its latest entry; a click asks for the task to be shown."""

    task_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Date"), self.tr("Task"), self.tr("Latest progress")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 220)
        self.itemClicked.connect(lambda item, _col: self.task_clicked.emit(item.data(0, ID_ROLE)))
        self.itemActivated.connect(lambda item, _col: self.task_clicked.emit(item.data(0, ID_ROLE)))

    def fill(self, tasks: list[NodeInfo]) -> int:
        """Show the newest entries of `tasks` (at most SHOWN); returns how many tasks have one."""
        self.clear()
        with_entry = sorted((t for t in tasks if t.latest_entry is not None),
                            key=lambda t: (t.latest_entry.day, t.latest_entry.id), reverse=True)
        for info in with_entry[:SHOWN]:
            entry = info.latest_entry
            title = f"{info.label} {info.title}".strip()
            row = QTreeWidgetItem([entry.day.isoformat(), title, " ".join(entry.text.split())])
            row.setData(0, ID_ROLE, info.id)
            row.setToolTip(1, info.text or title)
            row.setToolTip(2, entry_line(entry, with_year=True))
            self.addTopLevelItem(row)
        return len(with_entry)
