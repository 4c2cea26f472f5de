"""最近进展: the plan's newest 进展 entries in the overview, one line per task, newest first.

What the clerk reads on opening to see where the work stands without opening task by task; a
click shows the task in the tree. It reads the entries the tree already holds (NodeInfo.latest_entry).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from core.domain.entries import entry_line
from core.domain.records import NodeInfo
from gui.window.task_list import TaskList

SHOWN = 8


class RecentProgressList(TaskList):
    """Date, task and its latest entry; a click asks for the task to be shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_columns([self.tr("Date"), self.tr("Task"), self.tr("Latest progress")], stretch=2, width=220)

    def fill(self, tasks: list[NodeInfo]) -> int:
        """Show the newest entries of `tasks` (at most SHOWN); returns how many tasks have one."""
        self.clear()
        with_entry = sorted((t for t in tasks if t.latest_entry is not None),
                            key=lambda t: (t.latest_entry.day, t.latest_entry.id), reverse=True)
        for info in with_entry[:SHOWN]:
            entry = info.latest_entry
            row = self.task_row(info, entry.day.isoformat(), " ".join(entry.text.split()))
            row.setToolTip(2, entry_line(entry, with_year=True))
            self.addTopLevelItem(row)
        return len(with_entry)
