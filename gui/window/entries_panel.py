"""进展 of one task: its dated entries, newest first, and the quick way to add the next one.

The clerk types what happened and presses Ctrl+Enter: the entry is saved with the date shown
(today unless changed) and, if one is chosen, the status it brings; the field empties for the
next, and Esc goes back to the tree. Adding and removing are undo commands (gui/editing/tracking_commands.py).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.domain.records import Change
from core.domain.status import Status
from gui.editing.tracking_commands import AddEntryCommand, RemoveEntryCommand
from gui.tree.labels import STATUS_ORDER, status_names
from gui.window.compact import CompactHeight

ID_ROLE = Qt.ItemDataRole.UserRole
ADD_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _EntryList(CompactHeight, QTreeWidget):
    """Date, text and status of each entry."""


class EntriesPanel(QWidget):
    """The entry list of the task shown in the detail panel, with add and remove."""

    count_changed = Signal(int)
    leave = Signal()  # Esc in the entry field: back to the tree

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.node_id: int | None = None
        self.entries = {}
        names = status_names()
        self.list = _EntryList()
        self.list.setHeaderLabels([self.tr("Date"), self.tr("Progress"), self.tr("Status")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_current)

        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("What was done, e.g. “implementation plan issued” — Ctrl+Enter adds it"))
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.text.installEventFilter(self)
        self.text.textChanged.connect(self._update_buttons)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setToolTip(self.tr("The day it happened (today unless changed)"))
        self.status = QComboBox()
        self.status.addItem(self.tr("Status unchanged"))
        for status in STATUS_ORDER:
            self.status.addItem(self.tr("Now %1").replace("%1", names[status]))
        self.status.setToolTip(self.tr("A status chosen here becomes the task's status too"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add this progress entry (Ctrl+Enter)"))
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the chosen entry (Delete); Undo brings it back"))
        self.remove_button.clicked.connect(self.remove_current)

        row = QHBoxLayout()
        row.addWidget(self.day)
        row.addWidget(self.status)
        row.addStretch()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        ctx.changed.connect(self._changed)
        self.show_node(None)

    # -- showing -------------------------------------------------------------------------
    def show_node(self, node_id: int | None) -> None:
        if node_id != self.node_id:
            self.text.clear()
            self._reset_inputs()
        self.node_id = node_id
        self.refresh()

    def _reset_inputs(self) -> None:
        today = self.ctx.service.today() if self.ctx.service is not None else dt.date.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.status.setCurrentIndex(0)

    def refresh(self) -> None:
        self.list.clear()
        self.entries = {}
        svc = self.ctx.service
        found = svc.entries(self.node_id) if self.node_id is not None and svc is not None else []
        names = status_names()
        for entry in reversed(found):  # newest first
            self.entries[entry.id] = entry
            item = QTreeWidgetItem([entry.day.isoformat(), " ".join(entry.text.split()),
                                    names[entry.status] if entry.status is not None else ""])
            item.setToolTip(1, entry.text)
            item.setData(0, ID_ROLE, entry.id)
            self.list.addTopLevelItem(item)
        self._update_buttons()
        self.count_changed.emit(len(found))

    def _update_buttons(self, *_args) -> None:
        has_task = self.node_id is not None
        for widget in (self.text, self.day, self.status):
            widget.setEnabled(has_task)
        self.add_button.setEnabled(has_task and bool(self.text.toPlainText().strip()))
        self.remove_button.setEnabled(self.list.currentItem() is not None)

    def _changed(self, change: Change) -> None:
        if self.node_id in change.nodes and "entries" in change.fields:
            self.refresh()

    # -- editing -------------------------------------------------------------------------
    def start_entry(self) -> None:
        """Put the cursor in the text field, ready for the next entry (the context menu's 添加进展)."""
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def add_entry(self) -> None:
        text = self.text.toPlainText().strip()
        if self.node_id is None or not text:
            return
        command = AddEntryCommand(self.ctx, self.node_id, text, self.day.date().toPython(), self.chosen_status())
        self.ctx.push(command)
        if command.error is None:  # saved, or held until the disk takes it: empty the field for the next
            self.text.clear()
            self._reset_inputs()

    def chosen_status(self) -> Status | None:
        """The status the entry brings (None: 状态不变); the combo's rows follow STATUS_ORDER."""
        row = self.status.currentIndex()
        return STATUS_ORDER[row - 1] if row > 0 else None

    def remove_current(self) -> None:
        item = self.list.currentItem()
        entry = self.entries.get(item.data(0, ID_ROLE)) if item is not None else None
        if entry is not None:
            self.ctx.push(RemoveEntryCommand(self.ctx, entry))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text and event.type() == QEvent.Type.KeyPress:
            if event.key() in ADD_KEYS and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.add_entry()
                return True
            if event.key() == Qt.Key.Key_Escape:  # what is typed stays, for when the clerk comes back
                self.leave.emit()
                return True
        return super().eventFilter(watched, event)
