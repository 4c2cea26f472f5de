"""延期 and 进展 rows: adding, removing and reading them back. The caller holds the transaction."""

from __future__ import annotations

import datetime as dt

from core.domain.records import DeferralInfo, EntryInfo
from core.domain.status import Status
from core.errors import NotFoundError
from core.messages import words
from core.store.plan_io import deferral_info, entry_info
from core.store.tables import Deferral, Entry, History, Node, Progress, now


def add_deferral(node_id: int, due: dt.date, reason: str, approval: str, old_due: dt.date | None,
                 deferral_id: int | None = None, at: dt.datetime | None = None) -> int:
    """Record a 延期 and its history line; returns the row's id (`deferral_id` and `at` put a
    removed one back as it was)."""
    extra = {"id": deferral_id} if deferral_id is not None else {}
    if at is not None:
        extra["at"] = at
    row = Deferral.create(node=node_id, due=due, reason=reason, approval=approval, **extra)
    History.create(node=node_id, field="deferral", old=old_due.isoformat() if old_due else None,
                   new=_deferral_words(due, reason, approval))
    return row.id


def _deferral_words(due: dt.date, reason: str, approval: str) -> str:
    extra = "；".join(x for x in (words("history_deferral_reason", {"reason": reason}) if reason else "",
                                  words("history_deferral_approval", {"approval": approval}) if approval else "") if x)
    return f"{due.isoformat()}（{extra}）" if extra else due.isoformat()


def deferral_node(deferral_id: int) -> int:
    """The task a 延期 belongs to."""
    row = Deferral.get_or_none(Deferral.id == deferral_id)
    if row is None:
        raise NotFoundError("deferral_not_found", deferral_id=deferral_id)
    return row.node_id


def remove_deferral(deferral_id: int, now_due: dt.date | None) -> int:
    """Take a 延期 back (undo); the history says so. Returns its task's id."""
    row = Deferral.get_by_id(deferral_id)
    node_id = row.node_id
    History.create(node=node_id, field="deferral", old=_deferral_words(row.due, row.reason, row.approval),
                   new=now_due.isoformat() if now_due else None)
    row.delete_instance()
    return node_id


def deferrals(node_id: int) -> list[DeferralInfo]:
    rows = Deferral.select().where(Deferral.node == node_id).order_by(Deferral.id)
    return [d for d in (deferral_info(r) for r in rows) if d is not None]


def add_entry(node_id: int, day: dt.date, text: str, status: str | None, source: str | None = None,
              entry_id: int | None = None) -> int:
    """Record a 进展 entry and its history line; `entry_id` puts a removed one back under its id."""
    extra = {"id": entry_id} if entry_id is not None else {}
    row = Entry.create(node=node_id, day=day, text=text, status=status, **extra)
    History.create(node=node_id, field="entry", old=None, new=f"{day.isoformat()} {text}", source=source)
    return row.id


def remove_entry(entry_id: int) -> EntryInfo:
    """Delete a 进展 entry (undo, or the clerk's correction); the history says so."""
    row = Entry.get_or_none(Entry.id == entry_id)
    if row is None:
        raise NotFoundError("entry_not_found", entry_id=entry_id)
    info = entry_info(row)
    History.create(node=row.node_id, field="entry", old=f"{row.day} {row.text}", new=None)
    row.delete_instance()
    return info or EntryInfo(id=entry_id, node_id=row.node_id, day=dt.date.min, text=row.text)


def entries(node_ids: list[int], start: dt.date | None = None, end: dt.date | None = None) -> list[EntryInfo]:
    """The entries of these tasks (all when `node_ids` is empty is never meant: pass ids), oldest first."""
    out: list[EntryInfo] = []
    for at in range(0, len(node_ids), 500):
        query = Entry.select().where(Entry.node.in_(node_ids[at:at + 500]))
        if start is not None:
            query = query.where(Entry.day >= start)
        if end is not None:
            query = query.where(Entry.day <= end)
        out += [e for e in (entry_info(r) for r in query) if e is not None]
    return sorted(out, key=lambda e: (e.day, e.id))


def plan_entries(plan_id: int, start: dt.date | None, end: dt.date | None) -> dict[int, list[EntryInfo]]:
    """Every task's entries in [start, end], by task id, for an export."""
    query = Entry.select().join(Node).where(Node.plan == plan_id)
    if start is not None:
        query = query.where(Entry.day >= start)
    if end is not None:
        query = query.where(Entry.day <= end)
    out: dict[int, list[EntryInfo]] = {}
    for row in query.order_by(Entry.day, Entry.id):
        info = entry_info(row)
        if info is not None:
            out.setdefault(info.node_id, []).append(info)
    return out


def write_filled(node_id: int, values: dict[str, object], sources: dict[str, str], today: dt.date) -> None:
    """Write a unit's reported status / note / completion date, each with its history and source.

    A task reported done without a date is done today (as ticking it is); reported open, it
    loses its completion date unless the unit gave one.
    """
    p = Progress.get_by_id(node_id)
    old = {"status": p.status, "note": p.note, "completed_on": p.completed_on}
    if "status" in values:
        status = values["status"]
        p.status = status.value
        if status is Status.DONE and p.completed_on is None and "completed_on" not in values:
            p.completed_on = today
        elif status is not Status.DONE and "completed_on" not in values:
            p.completed_on = None
    if "note" in values:
        p.note = str(values["note"])
    if "completed_on" in values:
        p.completed_on = values["completed_on"]
    for name in ("status", "note", "completed_on"):
        new = getattr(p, name)
        if new != old[name]:
            History.create(node=node_id, field=name, old=_text(old[name]), new=_text(new),
                           source=sources.get(name) or next(iter(sources.values()), None))
    p.updated_at = now()
    p.save()


def _text(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def put_back(node_id: int, status: str, note: str, completed_on: dt.date | None) -> None:
    """Undo of write_filled: the task's values as they were, with history lines for what moves."""
    p = Progress.get_by_id(node_id)
    for name, value in (("status", status), ("note", note), ("completed_on", completed_on)):
        if getattr(p, name) != value:
            History.create(node=node_id, field=name, old=_text(getattr(p, name)), new=_text(value))
    p.status, p.note, p.completed_on, p.updated_at = status, note, completed_on, now()
    p.save()
