"""On opening, say once a day which tasks are overdue or due within 7 days — without a dialog.

A slim bar above the tree, with a button per kind that filters the tree to those tasks; the
clerk can carry on working around it or close it. Nothing is computed until the tree has
painted its first rows (start-up stays as fast as without it); then one pass over the tasks
already loaded, through the one due rule (core.domain.due). The day it was shown is kept with
the data (core.domain.settings.DUE_NOTICE_DAY), so opening the program again that day stays quiet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from core.domain.due import due_state
from core.domain.records import TaskFilter
from core.domain.settings import DUE_NOTICE_DAY
from core.errors import TaizhangError

NOTICE_DAYS = 7  # the "due within 7 days": a week's warning


def due_states(items: Iterable, today: dt.date) -> dict[int, str | None]:
    """Each task's "overdue", "soon" (due within NOTICE_DAYS) or None, by core.domain.due's rule."""
    return {item.info.id: due_state(item.info, today, NOTICE_DAYS) for item in items if item.is_task}


def count_due(items: Iterable, today: dt.date) -> tuple[int, int]:
    """How many open tasks are overdue, and how many due within NOTICE_DAYS."""
    return _counts(due_states(items, today))


def _counts(states: dict[int, str | None]) -> tuple[int, int]:
    values = list(states.values())
    return values.count("overdue"), values.count("soon")


class DueNoticeBar(QFrame):
    """'2 项任务已逾期，1 项 7 天内到期' with a button for each, and a close button."""

    filter_requested = Signal(object)  # core.domain.records.TaskFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("due_notice")
        self.setStyleSheet("#due_notice { background: #fdecea; border: 1px solid #e6a6a1; border-radius: 3px; }"
                           "#due_notice QLabel { color: #7a1c16; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.show_overdue = QPushButton(self.tr("Show overdue"))
        self.show_overdue.clicked.connect(lambda: self.filter_requested.emit(TaskFilter(overdue=True)))
        self.show_soon = QPushButton(self.tr("Show due within %1 days").replace("%1", str(NOTICE_DAYS)))
        self.show_soon.clicked.connect(lambda: self.filter_requested.emit(TaskFilter(due_within=NOTICE_DAYS)))
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close this notice"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.show_overdue)
        layout.addWidget(self.show_soon)
        layout.addWidget(self.close_button)
        self.hide()

    def announce(self, overdue: int, soon: int) -> None:
        parts = []
        if overdue:
            parts.append(self.tr("%n task(s) overdue", "", overdue))
        if soon:
            parts.append(self.tr("%n task(s) due within %1 days", "", soon).replace("%1", str(NOTICE_DAYS)))
        self.label.setText(self.tr("; ").join(parts))
        self.show_overdue.setVisible(bool(overdue))
        self.show_soon.setVisible(bool(soon))
        self.setVisible(bool(parts))


class DueNotice(QObject):
    """Waits for the tree's first paint after a plan is shown, then announces once a day."""

    checked = Signal()  # the tasks were looked at (whether or not anything was announced)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.bar: DueNoticeBar | None = None  # built only when there is something to say
        self.checked_on: dt.date | None = None
        self._armed = False
        self._states: dict[int, str | None] = {}  # each task's due state when announced, kept up to date
        self._shown = (0, 0)  # the figures the bar shows
        window.plan_shown.connect(self._plan_shown)

    def _plan_shown(self, plan_id) -> None:
        if self.checked_on is not None or plan_id is None or self.window.service is None or self._armed:
            return
        self._armed = True
        self.window.tree.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() == QEvent.Type.Paint and watched is self.window.tree.viewport():
            self._armed = False
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.check)  # after this paint has reached the screen
        return super().eventFilter(watched, event)

    def check(self) -> None:
        """Count the open tasks overdue or due within a week; announce them unless done today."""
        w = self.window
        svc = w.service
        if svc is None or w.model.plan_id is None:
            return
        today = svc.today()
        self.checked_on = today
        try:
            if svc.get(DUE_NOTICE_DAY) == today.isoformat():
                self.checked.emit()
                return
            self._states = due_states(w.model.items(), today)
            overdue, soon = self._shown = _counts(self._states)
            if overdue or soon:
                self._bar().announce(overdue, soon)
                self._remember(today)
        except TaizhangError:
            pass  # the database is not writable now: the notice simply comes again next time
        self.checked.emit()

    def _remember(self, today: dt.date) -> None:
        """Keep the day it was said; while the opening check still runs (start-up), once it has
        passed — a write now would wait for it on the GUI thread."""
        svc, checks = self.window.service, getattr(self.window, "opening_checks", None)
        if checks is not None and checks.pending:
            checks.finished.connect(lambda err: self._put_day(svc, today) if err is None else None,
                                    Qt.ConnectionType.SingleShotConnection)
        else:
            self._put_day(svc, today)

    def _put_day(self, svc, today: dt.date) -> None:
        try:
            svc.put(DUE_NOTICE_DAY, today.isoformat())
        except TaizhangError:
            pass  # not kept: the notice comes again next time the window opens today

    def _bar(self) -> DueNoticeBar:
        if self.bar is None:
            w = self.window
            self.bar = DueNoticeBar()
            self.bar.filter_requested.connect(w.tracking.filtering.filter_from)
            left = w.filter_bar.parentWidget().layout()  # above the filter bar: the tree it filters
            left.insertWidget(0, self.bar)
            w.plan_shown.connect(lambda _plan: self.bar.hide())  # it spoke of the plan shown then
            w.ctx.changed.connect(self._changed)
        return self.bar

    def _changed(self, change) -> None:
        """A task ticked, deferred, added or removed while the bar is up: its figures follow (it goes
        when nothing is left). A status key or a deferral judges only the tasks it names again;
        rows added, removed or moved, the whole plan."""
        w = self.window
        if self.bar is None or not self.bar.isVisible() or change.plan_id != w.model.plan_id or w.service is None:
            return
        today = w.service.today()
        if change.structure:
            self._states = due_states(w.model.items(), today)
        for node_id in () if change.structure else change.nodes:
            index = w.model.index_of(node_id)
            item = w.model.item(index) if index.isValid() else None
            if item is None or not item.is_task:
                self._states.pop(node_id, None)
            else:
                self._states[node_id] = due_state(item.info, today, NOTICE_DAYS)
        counts = _counts(self._states)
        if counts != self._shown:  # the same figures: nothing to lay out or paint again
            self._shown = counts
            self.bar.announce(*counts)
