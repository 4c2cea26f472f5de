"""History lines of a task: each change is written here, coalesced by core.domain.coalesce.

The caller holds the transaction. Plain SQL: a status key writes two lines, and the window waits
for them (issue 16: the toggle's budget is 3 ms with its commit and repaint).
"""

from __future__ import annotations

import datetime as dt

from core.domain.coalesce import coalesces
from core.store.db import database
from core.store.tables import now
from core.store.tree_read import stored_time

_LAST = "SELECT id, field, old, at, source FROM history WHERE node_id = ? ORDER BY id DESC LIMIT 1"
_ADD = "INSERT INTO history (node_id, at, field, old, new, source) VALUES (?, ?, ?, ?, ?, ?)"


def append(node_id: int, field: str, old: str | None, new: str | None, source: str | None = None,
           at: dt.datetime | None = None) -> None:
    """Write one line that continues nothing: the caller knows the task's last line is of another
    field or another edit (a status change writes its own line, then its completion date's)."""
    database.execute_sql(_ADD, (node_id, (at or now()).isoformat(" "), field, old, new, source))


def record(node_id: int, field: str, old: str | None, new: str | None, source: str | None = None) -> None:
    """Write one change of `field`; continue the task's last line instead when it is the same edit.

    A continued line keeps its `old` and takes the new value and time; an edit that ends where the
    line began (stepped there and back, or undone at once) leaves no line at all.
    """
    at = now()
    last = database.execute_sql(_LAST, (node_id,)).fetchone()
    if last is not None:
        line_id, last_field, last_old, last_at, last_source = last
        if last_field == field and coalesces(field, stored_time(last_at), at, last_source == source):
            if last_old == new:
                database.execute_sql("DELETE FROM history WHERE id = ?", (line_id,))
            else:
                database.execute_sql("UPDATE history SET new = ?, at = ? WHERE id = ?",
                                     (new, at.isoformat(" "), line_id))
            return
    append(node_id, field, old, new, source, at)
