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
from core.store.tables import History, Node, Progress, now
from core.store.tree_read import stored_time


@dataclass(frozen=True)
class TaskState:
    """What a task's progress row holds now (status as stored: a foreign word stays as it is)."""

    node_id: int
    status: str
    note: str
    completed_on: dt.date | None


def _rows(node_ids: Iterable[int]) -> dict[int, Progress]:
    """The progress rows of these tasks; NotFoundError / not_a_task for an id that is neither."""
    ids = list(dict.fromkeys(node_ids))
    rows = {p.node_id: p for p in Progress.select().where(Progress.node.in_(ids))}
    sections = {n.parent_id for n in Node.select(Node.parent).where(Node.parent.in_(ids))}
    for node_id in ids:
        if node_id not in rows or node_id in sections:
            if Node.get_or_none(Node.id == node_id) is None:
                raise NotFoundError("node_not_found", node_id=node_id)
            raise UsageError("not_a_task", node_id=node_id)
    return rows


def task_states(node_ids: Iterable[int]) -> dict[int, TaskState]:
    """The progress of these tasks; a section or a missing id raises (not_a_task, node_not_found)."""
    return {i: TaskState(i, p.status, p.note, p.completed_on) for i, p in _rows(node_ids).items()}


def _record_completed_on(p: Progress, day: dt.date | None) -> None:
    """Set a task's completion date, with a history entry, so an export as of a past day finds it."""
    if p.completed_on == day:
        return
    history.record(p.node_id, "completed_on", p.completed_on.isoformat() if p.completed_on else None,
                   day.isoformat() if day else None)  # stepping the date with the arrow keys is one line
    p.completed_on = day


def set_statuses(node_ids: Iterable[int], status: Status, today: dt.date) -> list[int]:
    """Give tasks one status; a task done keeps its completion date (else today), an open one
    loses it. Returns the tasks whose status changed."""
    changed = [p for p in _rows(node_ids).values() if p.status != status.value]
    for p in changed:
        History.create(node=p.node_id, field="status", old=p.status, new=status.value)
        p.status = status.value
        _record_completed_on(p, (p.completed_on or today) if status is Status.DONE else None)
        p.updated_at = now()
        p.save()
    return [p.node_id for p in changed]


def restore_progress(snaps: list[tuple[int, Status, dt.date | None]]) -> list[int]:
    """Put tasks back to earlier (status, completion date) pairs; returns those that moved."""
    rows = _rows(node_id for node_id, _, _ in snaps)
    changed = []
    for node_id, status, completed_on in snaps:
        p = rows[node_id]
        status = Status(status)
        if p.status == status.value and p.completed_on == completed_on:
            continue
        if p.status != status.value:
            History.create(node=node_id, field="status", old=p.status, new=status.value)
        _record_completed_on(p, completed_on)
        p.status, p.updated_at = status.value, now()
        p.save()
        changed.append(node_id)
    return changed


def set_note(node_id: int, note: str) -> bool:
    """Save the 完成情况 (typing in one sitting is one history line, core.domain.coalesce); False when
    the note was already so."""
    p = _rows([node_id])[node_id]
    if p.note == note:
        return False
    history.record(node_id, "note", p.note, note)
    p.note, p.updated_at = note, now()
    p.save()
    return True


def set_completed_on(node_id: int, day: dt.date | None) -> bool:
    """Set (or clear) a task's completion date; False when it was already so."""
    p = _rows([node_id])[node_id]
    if p.completed_on == day:
        return False
    _record_completed_on(p, day)
    p.updated_at = now()
    p.save()
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
