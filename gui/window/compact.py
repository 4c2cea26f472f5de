"""A preferred height in text lines for the lists and editors of the detail panel.

Qt's scrolling widgets ask for about 190 px each; stacked in the detail panel (note, 进展,
佐证材料, history) that pushes the buttons below the fold at 1280×800. Asking for a few lines
instead lets the panel fit, and the space left over still goes to them.
"""

from __future__ import annotations

from PySide6.QtCore import QSize


class CompactHeight:
    """Mixed in before a QAbstractScrollArea subclass: its sizeHint is ROWS lines tall."""

    ROWS = 5

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        frame = 2 * self.frameWidth() + 8
        header = self.header().sizeHint().height() if hasattr(self, "header") else 0
        return QSize(hint.width(), self.fontMetrics().lineSpacing() * self.ROWS + frame + header)
