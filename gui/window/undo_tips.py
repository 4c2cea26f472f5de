"""The toolbar's Undo and Redo buttons name the edit they would take back when the mouse asks.

Setting the action's tooltip on every edit made each status key lay the toolbar out again and
repaint the window around it (issue 16: a toggle has 3 ms with its commit and repaint); the
stack knows the text anyway, so the tooltip is worded at the moment it is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QToolTip, QWidget


class AskedTip(QObject):
    """Shows `word()` as the tooltip of the widgets it watches, worded when the tooltip is asked."""

    def __init__(self, word: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.word = word

    def watch(self, widget: QWidget | None) -> None:
        if widget is not None:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ToolTip and isinstance(watched, QWidget):
            QToolTip.showText(event.globalPos(), self.word(), watched)
            return True
        return super().eventFilter(watched, event)
