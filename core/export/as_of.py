"""A task as it stood at the end of a past day, rebuilt from its history.

A report "截至6月30日" written in July must not count what was done in July. The store keeps
every change of status, 完成情况 and completion date (old and new value, with a time); undoing,
newest first, the changes made after the day gives the task as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from core.domain.records import HistoryEntry, NodeInfo
from core.domain.status import Status


def as_of(info: NodeInfo, history: list[HistoryEntry], day: dt.date) -> NodeInfo:
    """`info` with status, note and completion date as they were when `day` ended."""
    later = [h for h in history if h.at.date() > day]
    if not later:
        return info
    status, note, completed_on = info.status, info.note, info.completed_on
    dated = rolled = False
    for entry in reversed(later):
        if entry.field == "status":
            status = Status(entry.old) if entry.old else Status.TODO
            rolled = True
        elif entry.field == "note":
            note = entry.old or ""
        elif entry.field == "completed_on":
            completed_on = dt.date.fromisoformat(entry.old) if entry.old else None
            dated = True
    if rolled and status is not Status.DONE and not dated:
        # databases from before completion dates had history: an undone tick had no date yet
        completed_on = None
    return dataclasses.replace(info, status=status, note=note, completed_on=completed_on)
