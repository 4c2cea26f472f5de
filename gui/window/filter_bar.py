"""The bar above the tree: search (either script), 我的任务, status, role, deadline and unit.

It only builds a core TaskFilter; the proxy applies it. Every change applies at once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.domain.due import DUE_SOON_DAYS
from core.domain.records import TaskFilter
from core.domain.status import OPEN_STATUSES, Status
from gui.tree.collation import sorted_for_display
from gui.tree.labels import role_names, status_names

ROLES = ("lead", "responsible", "cooperating")
# 我的任务 is a toggle the clerk leaves on for days: pressed, it is filled with the selection colour
MINE_STYLE = ("#mine_button { padding: 3px 10px; border: 1px solid palette(mid); border-radius: 3px;"
              " background: palette(button); }"
              "#mine_button:hover { border-color: palette(highlight); }"
              "#mine_button:focus { border: 1px dashed palette(highlight); }"
              "#mine_button:checked { background: palette(highlight); color: palette(highlighted-text);"
              " border-color: palette(highlight); }")
OPEN = "open"
NO_NOTE = "no_note"  # the status box's entry for tasks without a 完成情况


class FilterBar(QWidget):
    """Emits `changed` with the TaskFilter the controls describe."""

    changed = Signal(object)  # core.domain.records.TaskFilter
    my_units_wanted = Signal()  # 我的任务 was asked for before any unit was set
    leave = Signal()  # Esc or Down in the search box: back to the tree

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self.has_my_units = False
        self._counts_shown: tuple[int, int, bool] | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search tasks, units, notes (simplified or traditional)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.search.textChanged.connect(self._emit)
        self.search.installEventFilter(self)

        self.mine = QToolButton()
        self.mine.setText(self.tr("My tasks"))
        self.mine.setCheckable(True)
        self.mine.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.mine.setObjectName("mine_button")
        self.mine.setStyleSheet(MINE_STYLE)  # pressed must read as "on" at a glance, in any style
        self.mine.toggled.connect(self._mine_toggled)

        self.status = QComboBox()
        self.status.addItem(self.tr("Any status"), None)
        self.status.addItem(self.tr("Unfinished"), OPEN)
        for status, name in status_names().items():
            self.status.addItem(name, status)
        self.status.addItem(self.tr("No completion note"), NO_NOTE)
        self.status.setCurrentIndex(0)
        self.role = QComboBox()
        self.role.addItem(self.tr("Any role"), None)
        for role in ROLES:
            self.role.addItem(role_names()[role], role)
        self.due = QComboBox()
        self.due.addItem(self.tr("Any deadline"), None)
        self.due.addItem(self.tr("Overdue"), "overdue")
        for days in (7, DUE_SOON_DAYS, 30):
            self.due.addItem(self.tr("Due within %1 days").replace("%1", str(days)), days)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.lineEdit().setPlaceholderText(self.tr("Any unit"))
        self.unit.setToolTip(self.tr("Tasks that name this unit itself"))
        for combo in (self.status, self.role, self.due):
            combo.currentIndexChanged.connect(self._emit)
        self.unit.currentTextChanged.connect(self._emit)

        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.setVisible(False)
        self.count = QLabel()  # normal text colour: the clerk reads it to know a filter hides tasks
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        for combo in (self.status, self.role, self.due, self.unit):  # narrow windows squeeze them
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(5)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.mine)
        top.addWidget(self.count)
        top.addSpacing(4)
        filters = QHBoxLayout()
        for widget in (self.status, self.role, self.due):
            filters.addWidget(widget, 1)
        filters.addWidget(self.unit, 2)
        filters.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 2)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addLayout(filters)

    # -- reading and setting -------------------------------------------------------------
    def task_filter(self) -> TaskFilter:
        status = self.status.currentData()
        statuses = (set(OPEN_STATUSES) if status == OPEN
                    else {Status(status)} if status and status != NO_NOTE else None)
        due = self.due.currentData()
        unit = self.unit.currentText().strip() or None
        return TaskFilter(unit=unit, statuses=statuses, overdue=due == "overdue",
                          text=self.search.text().strip() or None, role=self.role.currentData(),
                          due_within=due if isinstance(due, int) else None,
                          mine=self.mine.isChecked() and self.has_my_units, missing_note=status == NO_NOTE)

    def set_filter(self, flt: TaskFilter) -> None:
        """Show `flt` in the controls (a figure clicked on the dashboard) and apply it."""
        self._quiet = True
        try:
            self.search.setText(flt.text or "")
            self.mine.setChecked(flt.mine)
            if flt.missing_note:
                self.status.setCurrentIndex(self.status.findData(NO_NOTE))
            elif flt.statuses == set(OPEN_STATUSES):
                self.status.setCurrentIndex(self.status.findData(OPEN))
            elif flt.statuses and len(flt.statuses) == 1:
                self.status.setCurrentIndex(self.status.findData(next(iter(flt.statuses))))
            else:
                self.status.setCurrentIndex(0)
            self.role.setCurrentIndex(max(0, self.role.findData(flt.role)) if flt.role else 0)
            due = "overdue" if flt.overdue else flt.due_within
            self.due.setCurrentIndex(max(0, self.due.findData(due)) if due is not None else 0)
            self.unit.setEditText(flt.unit or "")
        finally:
            self._quiet = False
        self._emit()

    def clear(self) -> None:
        self.set_filter(TaskFilter())

    def set_units(self, units: list[str]) -> None:
        """The units the plans name, for the unit box's list and completion."""
        text = self.unit.currentText()
        self._quiet = True
        self.unit.clear()
        self.unit.addItems(sorted_for_display(units))  # pinyin order in the Chinese UI
        self.unit.setEditText(text)
        completer = QCompleter(units, self.unit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.unit.setCompleter(completer)
        self._quiet = False

    def set_my_units(self, units: list[str]) -> None:
        self.has_my_units = bool(units)
        tip = "、".join(units) if units else self.tr("Set your unit first")
        self.mine.setToolTip(self.tr("Tasks assigned to my unit: %1").replace("%1", tip))
        if not units and self.mine.isChecked():
            self.mine.setChecked(False)
        else:
            self._emit()

    def show_counts(self, shown: int, total: int) -> None:
        active = self.task_filter() != TaskFilter()
        if (shown, total, active) == self._counts_shown:
            return  # an edit that moved no count (measuring the widest text costs more than it shows)
        self._counts_shown = (shown, total, active)
        self.count.setText(self._count_text(shown, total, active))
        # room for the longest this plan can say, so the label never clips nor makes the bar jump;
        # of a fixed size, a new count repaints the label without laying out the window again
        fm = self.count.fontMetrics()
        widest = max(fm.horizontalAdvance(self._count_text(total, total, True)),
                     fm.horizontalAdvance(self._count_text(total, total, False)))
        self.count.setFixedSize(widest + 2, self.count.sizeHint().height())

    def _count_text(self, shown: int, total: int, active: bool) -> str:
        if active:
            return self.tr("%1 of %2 tasks").replace("%1", str(shown)).replace("%2", str(total))
        return self.tr("%1 tasks").replace("%1", str(total))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- reacting ------------------------------------------------------------------------
    def _mine_toggled(self, checked: bool) -> None:
        if checked and not self.has_my_units:
            self.mine.setChecked(False)
            self.my_units_wanted.emit()
            return
        self._emit()

    def _emit(self, *_args) -> None:
        if self._quiet:
            return
        flt = self.task_filter()
        self.clear_button.setVisible(flt != TaskFilter())
        self.changed.emit(flt)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                if self.search.text():
                    self.search.clear()
                else:
                    self.leave.emit()
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.leave.emit()
                return True
        return super().eventFilter(watched, event)
