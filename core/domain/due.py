"""When a task is due: overdue, due soon, or neither — the one rule the tree's colours, the
overview's 近期到期 list and the filters' "due within N days" all apply.

A task is overdue once its last dated deadline has passed while it is still open; it is due
soon when its next milestone not yet passed falls within the coming days.
"""

from __future__ import annotations

import datetime as dt

from core.domain.records import NodeInfo
from core.domain.status import OPEN_STATUSES

DUE_SOON_DAYS = 14  # the tree colours a deadline this close, and the overview counts it
HORIZON_DAYS = 30  # the overview's 近期到期 list looks this far ahead


def due_within(info: NodeInfo, today: dt.date, days: int) -> bool:
    """An open task whose next milestone falls between today and `days` from now."""
    if not info.is_task or info.status not in OPEN_STATUSES:
        return False
    due = info.next_due(today)
    return due is not None and today <= due <= today + dt.timedelta(days=days)


def due_state(info: NodeInfo, today: dt.date, days: int = DUE_SOON_DAYS) -> str | None:
    """'overdue', 'soon' (next open milestone within `days`) or None; sections are neither."""
    if not info.is_task:
        return None
    if info.is_overdue(today):
        return "overdue"
    return "soon" if due_within(info, today, days) else None


def due_list(tasks: list[NodeInfo], today: dt.date, days: int = HORIZON_DAYS) -> list[tuple[dt.date, NodeInfo]]:
    """(date, task) for open tasks overdue or due within `days`, soonest first (overdue at the top)."""
    out = []
    for info in tasks:
        state = due_state(info, today, days)
        if state == "overdue":
            out.append((info.final_due(), info))
        elif state == "soon":
            out.append((info.next_due(today), info))
    out.sort(key=lambda pair: (pair[0], pair[1].plan_id, pair[1].id))
    return out
