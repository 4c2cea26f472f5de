"""The detail panel's 完成时限 row: the plan's deadlines and, for a deferred task, the approved date.

The printed deadline stays, struck through, beside the date the task is now judged by, with why
it moved and who approved it under them; 延期… asks the window's action for a new one and 撤销延期
takes the latest back as one undo step.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.domain.deferral import due_words
from core.domain.records import NodeInfo
from gui.editing.tracking_commands import RemoveDeferralCommand
from gui.tree.labels import OVERDUE_COLOR


class DeadlineBox(QWidget):
    """The deadlines of the item shown, with the 延期 buttons for a task."""

    defer_requested = Signal()  # the 延期… button: the window's action asks for the new date

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info: NodeInfo | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.defer_button = QPushButton(self.tr("Defer…"))
        self.defer_button.setToolTip(self.tr("Move the deadline with a reason and the approval"))
        self.defer_button.clicked.connect(self.defer_requested)
        self.undefer_button = QPushButton(self.tr("Take deferral back"))
        self.undefer_button.setToolTip(self.tr("The task is judged by the deadline before this deferral again"))
        self.undefer_button.clicked.connect(self.remove_deferral)
        # The overdue mark has a label of its own, of a fixed size: a status key puts it or takes it
        # away without laying out the deadlines' rich text again (issue 16: a toggle's 3 ms).
        self.overdue = QLabel(self.tr("(overdue)"))
        self.overdue.setStyleSheet(f"color: {OVERDUE_COLOR.name()};")
        self.overdue.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.overdue.setFixedSize(self.overdue.sizeHint())
        self.overdue.setText("")
        line = QHBoxLayout()
        line.addWidget(self.label, 1)
        line.addWidget(self.overdue, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.defer_button)
        buttons.addWidget(self.undefer_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(line)
        layout.addLayout(buttons)

    def show_info(self, info: NodeInfo) -> None:
        self.info = info
        self.label.setText(self._html(info))
        self.overdue.setText(self.tr("(overdue)") if info.is_overdue(self.ctx.service.today()) else "")
        self.defer_button.setVisible(info.is_task)
        self.undefer_button.setVisible(info.is_task and info.deferral is not None)

    def _html(self, info: NodeInfo) -> str:
        lines = [html.escape(d.text + (f"（{d.date.isoformat()}）" if d.date else "")) for d in info.deadlines]
        text = "<br>".join(lines) or "—"
        d = info.deferral
        if d is not None:  # the original struck through, the approved date beside it
            moved = self.tr("deferred to %1").replace("%1", f"{due_words(d.due)}（{d.due.isoformat()}）")
            why = "；".join(x for x in (self.tr("Reason: %1").replace("%1", d.reason) if d.reason else "",
                                        self.tr("Approved: %1").replace("%1", d.approval) if d.approval else "") if x)
            text = f"<s>{text}</s> {html.escape(moved)}"
            if why:  # why it moved and who approved it, under the dates
                text += f"<br><span style='color:gray'>{html.escape(why)}</span>"
        return text

    def remove_deferral(self) -> None:
        """Take the latest 延期 back (one undo step): the deadline before it counts again."""
        info = self.info
        if info is not None and info.is_task and info.deferral is not None:
            self.ctx.push(RemoveDeferralCommand(self.ctx, info.id, info.deferral))
