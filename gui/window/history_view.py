"""One task's history: every status change, note edit, completion date, 延期 and 进展, newest first,
with times and, for what came from a unit's returned 台账, where it came from."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from core.domain.status import Status
from gui.tree.labels import status_names
from gui.window.compact import CompactHeight

MAX_SHOWN = 300


def _short(text: str | None, limit: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit] + "…"


class HistoryView(CompactHeight, QTreeWidget):
    """Time and what changed, one row per recorded change."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.node_id: int | None = None
        self.stale = False  # changed while out of sight: read again when the tab is shown
        self.setHeaderLabels([self.tr("When"), self.tr("Change")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(True)
        self._names = status_names()

    def show_node(self, node_id: int | None) -> None:
        self.node_id = node_id
        self.refresh()

    def refresh(self) -> None:
        """Read the task's history now if the tab is in sight, else when it comes into sight: every
        status key changes it, and reading a hidden tab would only make the clerk wait."""
        self.stale = not self.isVisible()
        if not self.stale:
            self._fill()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.stale:
            self.stale = False
            self._fill()
        super().showEvent(event)

    def _fill(self) -> None:
        self.clear()
        svc = self.ctx.service
        entries = svc.history(self.node_id) if self.node_id is not None and svc is not None else []
        rows = []
        for entry in reversed(entries[-MAX_SHOWN:]):
            row = QTreeWidgetItem([entry.at.strftime("%Y-%m-%d %H:%M") if entry.at else "", self.describe(entry)])
            if entry.field in ("note", "deferral", "entry") and entry.new:
                row.setToolTip(1, entry.new)
            rows.append(row)
        self.addTopLevelItems(rows)

    def describe(self, entry) -> str:
        text = self._change(entry)
        return f"{text}（{entry.source}）" if entry.source else text

    def _change(self, entry) -> str:
        if entry.field == "deferral":
            return self.tr("Deadline moved: %1 → %2").replace("%1", _short(entry.old) or "—").replace(
                "%2", _short(entry.new) or self.tr("(deferral taken back)"))
        if entry.field == "entry":
            if entry.new:
                return self.tr("Progress: %1").replace("%1", _short(entry.new))
            return self.tr("Progress removed: %1").replace("%1", _short(entry.old))
        if entry.field == "status":
            return self.tr("Status: %1 → %2").replace("%1", self._status(entry.old)).replace("%2", self._status(entry.new))
        if entry.field == "note":
            return self.tr("Note: %1").replace("%1", _short(entry.new) or self.tr("(cleared)"))
        if entry.field == "completed_on":
            return self.tr("Completion date: %1").replace("%1", entry.new or self.tr("(cleared)"))
        return f"{entry.field}: {_short(entry.new)}"

    def _status(self, code: str | None) -> str:
        try:
            return self._names[Status(code)]
        except ValueError:
            return code or "—"
