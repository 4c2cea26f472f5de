"""Translated names of statuses and unit roles, and the colours statuses are shown in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from core.domain.records import ROLES, Rollup
from core.domain.status import Status
from core.messages import term
from gui.app.i18n import ui_language

STATUS_ORDER: tuple[Status, ...] = (Status.TODO, Status.DOING, Status.DONE, Status.ONGOING, Status.NA)

STATUS_COLORS: dict[Status, QColor] = {
    Status.DOING: QColor("#1565c0"),
    Status.DONE: QColor("#2e7d32"),
    Status.ONGOING: QColor("#00838f"),
    Status.NA: QColor("#757575"),
}
OVERDUE_COLOR = QColor("#c62828")
DUE_SOON_COLOR = QColor("#b26a00")  # amber dark enough to read on white
translate = QCoreApplication.translate


def status_names() -> dict[Status, str]:
    """Status → its name in core's catalogue, in the interface's language (build once per model,
    not per paint)."""
    lang = ui_language()
    return {status: status.shown(lang) for status in STATUS_ORDER}


def role_names() -> dict[str, str]:
    """Unit role code → the label shown before its units (牵头单位), in the interface's language."""
    lang = ui_language()
    return {role: term(f"role_units_{role}", lang) for role in ROLES}


def role_badges() -> dict[str, str]:
    """Unit role code → its short name (牵头, 责任, 配合), in the interface's language."""
    lang = ui_language()
    return {role: term(f"role_{role}", lang) for role in ROLES}


def rollup_text(r: Rollup) -> str:
    """'Done 12/40 (30%)  Overdue 3' in the current language."""
    text = translate("Labels", "Done %1/%2 (%3%)").replace("%1", str(r.done)).replace("%2", str(r.applicable))
    text = text.replace("%3", f"{r.percent:.0f}")
    if r.overdue:
        text += "  " + translate("Labels", "Overdue %1").replace("%1", str(r.overdue))
    return text


def status_parts_text(r: Rollup) -> str:
    """'已完成 3 项、进行中 1 项' — the statuses a subtree holds, in the usual order; a status
    no task has is left out (a breakdown never says 持续推进 0 项)."""
    names = status_names()
    parts = [translate("Labels", "%1 %2").replace("%1", names[status]).replace("%2", str(r.counts[status]))
             for status in STATUS_ORDER if r.counts[status]]
    return translate("Labels", ", ").join(parts)
