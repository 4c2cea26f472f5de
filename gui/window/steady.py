"""Labels whose text changes with every edit but whose size should not.

A QLabel given new text asks its layout to run again, and the layout above it, up to the window;
a label of a fixed size does not. These labels keep a fixed size, grown when a text needs more room
and never shrunk, so a status key repaints just the label (issue 16: the toggle's 3 ms).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def steady_label() -> QLabel:
    """An empty label of no size yet: set_steady_text gives it the room its texts need."""
    label = QLabel()
    label.setFixedSize(0, 0)
    return label


def set_steady_text(label: QLabel, text: str) -> None:
    """Show `text`; the label grows to fit it if it must, and otherwise keeps its size."""
    label.setText(text)
    hint = label.sizeHint()
    if hint.width() > label.maximumWidth() or hint.height() > label.maximumHeight():
        label.setFixedSize(hint.expandedTo(label.maximumSize()))
