"""The overview's short lists of tasks (近期到期, 最近进展): three columns, a click shows the task.

One widget for both, so they look, select and answer the mouse and Enter alike.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from core.domain.records import NodeInfo

ID_ROLE = Qt.ItemDataRole.UserRole


class TaskList(QTreeWidget):
    """A date, the task and one more column; a click (or Enter) asks for the task to be shown."""

    task_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemClicked.connect(lambda item, _col: self.task_clicked.emit(item.data(0, ID_ROLE)))
        self.itemActivated.connect(lambda item, _col: self.task_clicked.emit(item.data(0, ID_ROLE)))

    def set_columns(self, headers: list[str], stretch: int, width: int) -> None:
        """Column 0 fits its dates; column `stretch` (1 or 2) takes the room left; the other one
        starts at `width` pixels and the clerk may drag it."""
        self.setHeaderLabels(headers)
        header = self.header()
        header.setStretchLastSection(stretch == 2)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        other = 2 if stretch == 1 else 1
        if stretch == 1:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(other, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(other, width)

    @staticmethod
    def task_row(info: NodeInfo, when: str, third: str) -> QTreeWidgetItem:
        """A row for `info`: `when`, its number and title, `third` (each whole in its tooltip)."""
        title = f"{info.label} {info.title}".strip()
        row = QTreeWidgetItem([when, title, third])
        row.setData(0, ID_ROLE, info.id)
        row.setToolTip(1, info.text or title)
        row.setToolTip(2, third)  # the column is narrow: the whole text on hover
        return row
