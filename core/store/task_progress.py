"""A task's progress row (status, 完成情况, completion date) and the history each change writes.

The caller holds the transaction. Every change of a status or a completion date leaves a
history line, so an export as of a past day can read what was true then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from core.domain.records import HistoryEntry
from core.domain.status import Status
from core.errors import NotFoundError, UsageError
from core.store import history
from core.store.db import database
from core.store.tables import History, Node, now
from core.store.tree_read import stored_date, stored_time


@dataclass(frozen=True)
class TaskState:
    """What a task's progress row holds now (status as stored: a foreign word stays as it is)."""

    node_id: int
    status: str
    note: str
    completed_on: dt.date | None


class _Row:
    """One task's progress row as stored, changed in place and written back by _save."""

    __slots__ = ("node_id", "status", "note", "completed")

    def __init__(self, node_id: int, status: str, note: str, completed: object) -> None:
        self.node_id, self.status, self.note, self.completed = node_id, status, note, completed

    @property
    def completed_on(self) -> dt.date | None:
        return stored_date(self.completed)

    def same_day(self, day: dt.date | None) -> bool:
        """Whether the stored completion date is `day` (a value that is not a date never is)."""
        if self.completed is None:
            return day is None
        return self.completed_on is not None and self.completed_on == day


# Plain SQL on the status key's path (issue 16: a toggle's budget is 3 ms with its commit and
# repaint); one query finds the rows and tells tasks from sections and missing ids.
_ROWS = ("SELECT n.id, p.status, p.note, p.completed_on, EXISTS (SELECT 1 FROM node c WHERE c.parent_id = n.id) "
         "FROM node n LEFT JOIN progress p ON p.node_id = n.id WHERE n.id IN ({})")
_SAVE = "UPDATE progress SET status = ?, note = ?, completed_on = ?, updated_at = ? WHERE node_id = ?"


def _rows(node_ids: Iterable[int]) -> dict[int, _Row]:
    """The progress rows of these tasks, in the order asked; NotFoundError / not_a_task for an id
    that is neither."""
    ids = list(dict.fromkeys(node_ids))
    found = {row[0]: row for row in database.execute_sql(_ROWS.format(",".join("?" * len(ids))), ids)} if ids else {}
    rows = {}
    for node_id in ids:
        row = found.get(node_id)
        if row is None:
            raise NotFoundError("node_not_found", node_id=node_id)
        _, status, note, completed, has_children = row
        if status is None or has_children:
            raise UsageError("not_a_task", node_id=node_id)
        rows[node_id] = _Row(node_id, status, note, completed)
    return rows


def _save(p: _Row, at: dt.datetime) -> None:
    database.execute_sql(_SAVE, (p.status, p.note, p.completed, at.isoformat(" "), p.node_id))


def task_states(node_ids: Iterable[int]) -> dict[int, TaskState]:
    """The progress of these tasks; a section or a missing id raises (not_a_task, node_not_found)."""
    return {i: TaskState(i, p.status, p.note, p.completed_on) for i, p in _rows(node_ids).items()}


def _record_completed_on(p: _Row, day: dt.date | None, after_own_line: bool = False) -> None:
    """Set a task's completion date, with a history entry, so an export as of a past day finds it.

    `after_own_line`: this edit has just written the task's status line, so the date's line
    continues no earlier one (stepping the date with the arrow keys is one line: core.domain.coalesce).
    """
    if p.same_day(day):
        return
    old = p.completed_on.isoformat() if p.completed_on else p.completed
    new = day.isoformat() if day else None
    (history.append if after_own_line else history.record)(p.node_id, "completed_on", old, new)
    p.completed = new


def set_statuses(node_ids: Iterable[int], status: Status, today: dt.date) -> list[int]:
    """Give tasks one status; a task done keeps its completion date (else today), an open one
    loses it. Returns the tasks whose status changed."""
    at, changed = now(), []
    for p in _rows(node_ids).values():
        if p.status == status.value:
            continue
        history.append(p.node_id, "status", p.status, status.value, at=at)
        p.status = status.value
        _record_completed_on(p, (p.completed_on or today) if status is Status.DONE else None, after_own_line=True)
        _save(p, at)
        changed.append(p.node_id)
    return changed


def restore_progress(snaps: list[tuple[int, Status, dt.date | None]]) -> list[int]:
    """Put tasks back to earlier (status, completion date) pairs; returns those that moved."""
    rows = _rows(node_id for node_id, _, _ in snaps)
    at, changed = now(), []
    for node_id, status, completed_on in snaps:
        p = rows[node_id]
        status = Status(status)
        moved = p.status != status.value
        if not moved and p.same_day(completed_on):
            continue
        if moved:
            history.append(node_id, "status", p.status, status.value, at=at)
        _record_completed_on(p, completed_on, after_own_line=moved)
        p.status = status.value
        _save(p, at)
        changed.append(node_id)
    return changed


def set_note(node_id: int, note: str) -> bool:
    """Save the 完成情况 (typing in one sitting is one history line, core.domain.coalesce); False when
    the note was already so."""
    p = _rows([node_id])[node_id]
    if p.note == note:
        return False
    history.record(node_id, "note", p.note, note)
    p.note = note
    _save(p, now())
    return True


def set_completed_on(node_id: int, day: dt.date | None) -> bool:
    """Set (or clear) a task's completion date; False when it was already so."""
    p = _rows([node_id])[node_id]
    if p.same_day(day):
        return False
    _record_completed_on(p, day)
    _save(p, now())
    return True


def _entry(h: History, at: dt.datetime | None) -> HistoryEntry:
    return HistoryEntry(at=at, field=h.field, old=h.old, new=h.new, source=h.source)


def node_history(node_id: int) -> list[HistoryEntry]:
    """A task's history, oldest first."""
    rows = History.select().where(History.node == node_id).order_by(History.id)
    return [_entry(h, stored_time(h.at)) for h in rows]


def plan_history(plan_id: int) -> dict[int, list[HistoryEntry]]:
    """Every task's history in one query, oldest first, by task id."""
    rows = History.select(History, Node.id).join(Node).where(Node.plan == plan_id).order_by(History.id)
    out: dict[int, list[HistoryEntry]] = {}
    for h in rows:
        out.setdefault(h.node_id, []).append(_entry(h, h.at))
    return out
