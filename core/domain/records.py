"""Plain read-only records the service hands out; the GUI and CLI never see peewee rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from core.domain.status import OPEN_STATUSES, Status

#: the unit roles a task names (牵头, 责任, 配合), in the order every view lists them
ROLES: tuple[str, ...] = ("lead", "responsible", "cooperating")


@dataclass(frozen=True)
class DeadlineInfo:
    text: str
    date: dt.date | None = None


@dataclass(frozen=True)
class DeferralInfo:
    """延期: the date a task is now judged by, why, and who approved it (the printed deadlines stay)."""

    id: int
    due: dt.date
    reason: str
    approval: str = ""
    at: dt.datetime | None = None


@dataclass(frozen=True)
class EntryInfo:
    """进展: one dated entry of a task's progress, with the status it had then (if given)."""

    id: int
    node_id: int
    day: dt.date
    text: str
    status: Status | None = None


@dataclass
class NodeInfo:
    """A section or task with everything the tree and the detail panel show."""

    id: int
    plan_id: int
    parent_id: int | None
    position: int
    label: str
    title: str
    text: str
    units: dict[str, list[str]] = field(default_factory=dict)
    deadlines: list[DeadlineInfo] = field(default_factory=list)
    status: Status = Status.TODO
    note: str = ""
    completed_on: dt.date | None = None
    updated_at: dt.datetime | None = None
    child_ids: list[int] = field(default_factory=list)
    deferral: DeferralInfo | None = None  # the latest 延期, if any
    latest_entry: EntryInfo | None = None  # the newest 进展 entry, for tooltips and the overview

    @property
    def is_task(self) -> bool:
        return not self.child_ids

    @property
    def all_units(self) -> list[str]:
        seen: dict[str, None] = {}
        for names in self.units.values():
            for name in names:
                seen.setdefault(name)
        return list(seen)

    def due_dates(self) -> list[dt.date]:
        """The task's dated milestones, in order; a 延期 replaces the final one with its new date
        (milestones before the new date stay), so every due rule judges by the approved date."""
        dates = sorted({d.date for d in self.deadlines if d.date})
        if self.deferral is None:
            return dates
        due = self.deferral.due
        return sorted({d for d in dates[:-1] if d < due} | {due})

    def final_due(self) -> dt.date | None:
        """The last dated deadline (or the 延期 date): the task is late only once this has passed."""
        dates = self.due_dates()
        return dates[-1] if dates else None

    def next_due(self, today: dt.date) -> dt.date | None:
        """The next milestone not yet passed, else the final one."""
        dates = self.due_dates()
        upcoming = [d for d in dates if d >= today]
        return upcoming[0] if upcoming else (dates[-1] if dates else None)

    def is_overdue(self, today: dt.date) -> bool:
        due = self.final_due()
        return self.is_task and self.status in OPEN_STATUSES and due is not None and due < today


_STATUSES = tuple(Status)  # iterating the enum class itself costs more than the whole dict


@dataclass
class Rollup:
    """Progress of a subtree: tasks done out of the applicable ones (不适用 left out)."""

    total: int = 0
    counts: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(_STATUSES, 0))
    overdue: int = 0

    @property
    def done(self) -> int:
        return self.counts[Status.DONE]

    @property
    def applicable(self) -> int:
        return self.total - self.counts[Status.NA]

    @property
    def percent(self) -> float:
        return 100.0 * self.done / self.applicable if self.applicable else 0.0

    @property
    def check_state(self) -> str:
        """'checked' when every applicable task is done, 'unchecked' when none is."""
        if self.applicable and self.done == self.applicable:
            return "checked"
        return "partial" if self.done else "unchecked"

    def add(self, status: Status, overdue: bool) -> None:
        self.total += 1
        self.counts[status] += 1
        self.overdue += int(overdue)

    def merge(self, other: Rollup) -> None:
        self.total += other.total
        self.overdue += other.overdue
        for status, n in other.counts.items():
            self.counts[status] += n


@dataclass
class PlanSummary:
    id: int
    title: str
    year: int | None
    issuer: str | None
    doc_number: str | None
    issue_date: dt.date | None
    source_name: str | None
    source_sha256: str | None
    imported_at: dt.datetime | None
    rollup: Rollup = field(default_factory=Rollup)


@dataclass(frozen=True)
class NodePlace:
    """Where a node is (or was): its parent (None: top level) and its row among that parent's children."""

    id: int
    parent_id: int | None
    row: int


@dataclass(frozen=True)
class NodeMove:
    """A node taken from one place and put at another (rows as they are before / after the move)."""

    id: int
    old: NodePlace
    new: NodePlace


PLANS = "plans"  # a Change's field: the list of plans changed (one made or deleted, or all restored)


@dataclass
class Change:
    """What one user action changed, so views update exactly those rows (Anki's OpChanges).

    `initiator` is whatever the caller passed (the widget that made the change): that widget
    already shows the new state and does not redraw itself from the change. Undo and redo
    from the stack pass none, so then everyone redraws. `before` is what undoing needs;
    `result` what the call made (a new node's id, an evidence record).
    """

    plan_id: int | None
    nodes: set[int] = field(default_factory=set)  # rows whose own fields changed
    rollups: set[int] = field(default_factory=set)  # ancestors whose roll-up moved
    added: list[NodePlace] = field(default_factory=list)  # new rows (a restored subtree: its root)
    removed: list[NodePlace] = field(default_factory=list)  # rows taken away, with all under them
    moved: list[NodeMove] = field(default_factory=list)
    fields: set[str] = field(default_factory=set)  # what changed: "status", "note", "title", "my_units"…
    initiator: object = None
    before: object = None
    result: object = None

    @property
    def structure(self) -> bool:
        """The tree's shape changed (rows added, removed or moved)."""
        return bool(self.added or self.removed or self.moved)

    @property
    def plan_list(self) -> bool:
        """The list of plans changed: the window re-lists them, showing `plan_id` if it still exists."""
        return PLANS in self.fields


@dataclass
class ImportResult:
    plan_id: int
    sections: int
    tasks: int
    units: int
    deadlines: int


@dataclass
class HistoryEntry:
    at: dt.datetime
    field: str
    old: str | None
    new: str | None
    source: str | None = None  # "来自X单位填报（文件名）" when the change came from a returned 台账


@dataclass
class TaskFilter:
    """Which tasks to list; every criterion given must hold. The GUI's filters are these too."""

    unit: str | None = None  # tasks that name this unit itself
    statuses: set[Status] | None = None
    overdue: bool = False
    text: str | None = None  # matched in either script (规范 finds 規範)
    role: str | None = None  # "lead" / "responsible" / "cooperating": the role of unit / mine
    due_within: int | None = None  # open tasks whose next deadline is within this many days
    mine: bool = False  # tasks assigned to the clerk's units, collective names included
    missing_note: bool = False  # tasks without a 完成情况 (those a report lists as 待补充)
