"""The merge preview as a tree the clerk ticks: conflicts first (choose a side), then changes
(ticked), then what is unchanged and the rows that matched no task (both collapsed).

Each tickable row carries the core's pick (core.collect.merge.pick_of) of the value it stands
for; a conflict's sides behave as radio buttons, with "keep what is recorded" the default.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from core.collect.merge import MergeItem, MergePreview, Pick, Proposal, pick_of
from core.domain.records import NodeInfo
from core.domain.status import Status
from core.messages import term
from gui.app.i18n import ui_language
from gui.tree.labels import status_names

PICK_ROLE = Qt.ItemDataRole.UserRole  # the pick a row stands for; KEEP for "keep what is recorded"
KEEP = "keep"
TASK, CURRENT, RETURNED, SOURCE = range(4)
CONFLICT_COLOR = QColor("#b26a00")
translate = QCoreApplication.translate


def field_names() -> dict[str, str]:
    return {"status": translate("MergeTree", "Status"), "note": translate("MergeTree", "Completion note"),
            "completed_on": translate("MergeTree", "Completion date"), "entry": translate("MergeTree", "Progress")}


def value_text(name: str, value: object) -> str:
    """A field's value as the tree shows it ("(empty)" for nothing)."""
    if value is None or value == "":
        return translate("MergeTree", "(empty)")
    if isinstance(value, Status):
        return status_names()[value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def source_text(p: Proposal) -> str:
    return translate("MergeTree", "%1 (%2)").replace("%1", p.unit).replace("%2", p.file)


class MergeTree(QTreeWidget):
    """What merging would change, task by task, with a tick for each value to take."""

    picks_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setColumnCount(4)
        self.setHeaderLabels([translate("MergeTree", "Task / field"), translate("MergeTree", "Recorded now"),
                              translate("MergeTree", "Returned"), translate("MergeTree", "From")])
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TASK, QHeaderView.ResizeMode.Stretch)
        for column, width in ((CURRENT, 160), (RETURNED, 220), (SOURCE, 300)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self._settling = False
        self._now: Callable[[int], NodeInfo] | None = None
        self.itemChanged.connect(self._item_changed)
        self.groups: dict[str, QTreeWidgetItem] = {}

    # -- filling -------------------------------------------------------------------------
    def show_preview(self, plan: MergePreview, now: Callable[[int], NodeInfo]) -> None:
        """Fill the tree from `plan`; `now` gives a task as recorded (for the old values)."""
        self._now = now
        self._settling = True
        self.clear()
        conflicting, changed = plan.of_kind("conflicting"), plan.of_kind("changed")
        unchanged = plan.of_kind("unchanged")
        self.groups = {
            "conflicting": self._group(translate("MergeTree", "Conflicts: choose which side to take (%1 tasks)"),
                                       len(conflicting), expanded=True),
            "changed": self._group(translate("MergeTree", "Changed (%1 tasks)"), len(changed), expanded=True),
            "unchanged": self._group(translate("MergeTree", "Unchanged (%1 tasks)"), len(unchanged)),
            "unmatched": self._group(translate("MergeTree", "Rows matching no task, not merged (%1)"),
                                     len(plan.unmatched)),
        }
        for kind, items in (("conflicting", conflicting), ("changed", changed)):
            for item in items:
                self._task(self.groups[kind], item)
        for item in unchanged:
            row = QTreeWidgetItem(self.groups["unchanged"], [item.title, "", "", "、".join(sorted(item.files))])
            row.setToolTip(TASK, item.title)
        for r in plan.unmatched:
            row = QTreeWidgetItem(self.groups["unmatched"],
                                  [r.text, "", "", translate("MergeTree", "%1, sheet %2, row %3")
                                   .replace("%1", r.file).replace("%2", r.sheet).replace("%3", str(r.row))])
            row.setToolTip(TASK, r.text)
        for group in self.groups.values():
            group.setHidden(group.childCount() == 0)
        self._settling = False
        self.picks_changed.emit()

    def _group(self, text: str, count: int, expanded: bool = False) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self, [text.replace("%1", str(count))])
        group.setFirstColumnSpanned(True)
        font = QFont(group.font(TASK))
        font.setBold(True)
        group.setFont(TASK, font)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        group.setExpanded(expanded)
        return group

    def _task(self, parent: QTreeWidgetItem, item: MergeItem) -> None:
        task = QTreeWidgetItem(parent, [item.title])
        task.setFirstColumnSpanned(True)
        task.setToolTip(TASK, item.title)
        task.setFlags(Qt.ItemFlag.ItemIsEnabled)
        names, info, lang = field_names(), self._now(item.node_id), ui_language()
        for name, p in item.changes.items():
            self._choice(task, names[name], name, getattr(info, name), p, pick_of(item.node_id, name, p), True)
        for p in item.entries:
            self._choice(task, names["entry"], "entry", translate("MergeTree", "(new entry)"), p,
                         pick_of(item.node_id, "entry", p), True)
        for c in item.conflicts:
            reason = term(f"conflict_{c.reason}", lang)
            head = QTreeWidgetItem(task, [f"{names[c.field]}（{reason}）", value_text(c.field, c.current)])
            head.setForeground(TASK, QBrush(CONFLICT_COLOR))
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self._choice(head, translate("MergeTree", "Keep what is recorded"), c.field, c.current, None,
                         (KEEP, item.node_id, c.field), True)
            for p in c.proposals:
                self._choice(head, translate("MergeTree", "Take this return"), c.field, c.current, p,
                             pick_of(item.node_id, c.field, p), False)
        task.setExpanded(True)
        for row in range(task.childCount()):
            task.child(row).setExpanded(True)

    def _choice(self, parent: QTreeWidgetItem, label: str, name: str, current: object, p: Proposal | None,
                pick: tuple, checked: bool) -> QTreeWidgetItem:
        """A tickable row: what is recorded now and what the return proposes (`p`), with its source."""
        row = QTreeWidgetItem(parent, [label, value_text(name, current), value_text(name, p.value) if p else "",
                                       source_text(p) if p else ""])
        for column in (CURRENT, RETURNED, SOURCE):
            row.setToolTip(column, row.text(column))
        row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
        row.setData(TASK, PICK_ROLE, list(pick))
        row.setCheckState(TASK, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return row

    # -- ticking -------------------------------------------------------------------------
    def _item_changed(self, row: QTreeWidgetItem, column: int) -> None:
        if self._settling or column != TASK or row.data(TASK, PICK_ROLE) is None:
            return
        head = row.parent()
        if head is not None and head.data(TASK, PICK_ROLE) is None and _is_conflict(head):
            self._settling = True  # a conflict's sides are radio buttons
            siblings = [head.child(i) for i in range(head.childCount())]
            if row.checkState(TASK) == Qt.CheckState.Checked:
                for other in siblings:
                    if other is not row:
                        other.setCheckState(TASK, Qt.CheckState.Unchecked)
            elif not any(s.checkState(TASK) == Qt.CheckState.Checked for s in siblings):
                siblings[0].setCheckState(TASK, Qt.CheckState.Checked)  # back to keeping what is recorded
            self._settling = False
        self.picks_changed.emit()

    def pick_rows(self) -> list[QTreeWidgetItem]:
        """Every row with a tick (changes, 进展, conflict sides), in order."""
        out: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            for i in range(item.childCount()):
                child = item.child(i)
                if child.data(TASK, PICK_ROLE) is not None:
                    out.append(child)
                walk(child)

        walk(self.invisibleRootItem())
        return out

    def picks(self) -> set[Pick]:
        """The values ticked (a conflict kept as recorded takes none)."""
        return {tuple(r.data(TASK, PICK_ROLE)) for r in self.pick_rows()
                if r.checkState(TASK) == Qt.CheckState.Checked and r.data(TASK, PICK_ROLE)[0] != KEEP}


def _is_conflict(head: QTreeWidgetItem) -> bool:
    return head.childCount() > 0 and head.child(0).data(TASK, PICK_ROLE) is not None and \
        head.child(0).data(TASK, PICK_ROLE)[0] == KEEP
