"""The filter bar's choices survive closing the window.

A clerk who works through "我的任务, 未完成" every morning expects to find it set when the
program opens again, and the bar shows at once that a filter is on (the count "显示 3/15 项
任务" and 清除筛选). Kept: status, role, deadline, unit and 我的任务. Not kept: the search text
— a search is a question of the moment, and one left over would hide tasks for no reason the
clerk remembers.

Stored in the database (core.domain.settings.TREE_FILTER), not in QSettings: the unit and
"my" units it names are this database's, so it travels with the data to another PC and
never applies one database's units to another. Saved when the window closes, as the item
selected is (core.domain.settings.CURRENT_NODE).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject

from core.domain.filters import filter_from_text, filter_to_text
from core.domain.records import TaskFilter
from core.domain.settings import TREE_FILTER
from core.errors import TaizhangError


class FilterMemory(QObject):
    """Puts the saved filter back when the first plan is shown; saves it when the window closes."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.restored = False
        window.installEventFilter(self)

    def remembered(self, flt: TaskFilter) -> TaskFilter:
        """What of `flt` is kept: everything but the search text."""
        return replace(flt, text=None)

    def restore(self) -> None:
        """Once, after the bar knows the clerk's units and the plan's units (a unit gone is dropped)."""
        w = self.window
        if self.restored or w.service is None:
            return
        self.restored = True
        try:
            saved = filter_from_text(w.service.get(TREE_FILTER))
        except TaizhangError:
            return  # the database is being recovered; the bar simply starts empty
        if saved.unit is not None and saved.unit not in w.service.all_units():
            saved = replace(saved, unit=None)
        if saved != TaskFilter():
            w.filter_bar.set_filter(saved)

    def save(self) -> None:
        w = self.window
        if w.service is None or not self.restored:
            return  # never overwrite the saved filter with the empty bar of a window that showed none
        text = filter_to_text(self.remembered(w.filter_bar.task_filter()))
        try:
            if w.service.get(TREE_FILTER) != text:
                w.service.put(TREE_FILTER, text)
        except TaizhangError:
            pass  # a view setting not kept is not worth a message while the window closes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.save()
        return super().eventFilter(watched, event)
