"""When two edits of one field are one edit: asked by the history and by the window's undo stack.

Stepping a completion date with the arrow keys, or typing a note in one sitting, is one thing the
clerk did; the history shows it as one line and Undo takes it back in one step. Only edits of the
same field of the same task from the same source coalesce, and only within that field's window.
"""

from __future__ import annotations

import datetime as dt

# seconds within which a later edit of the field continues the earlier one
COALESCE_SECONDS = {"note": 300, "completed_on": 10}


def coalesces(field: str, earlier_at: dt.datetime | None, later_at: dt.datetime,
              same_source: bool = True) -> bool:
    """True when an edit of `field` at `later_at` continues the one made at `earlier_at`.

    A field not listed never coalesces (every status change is its own line); an edit from another
    source (a unit's returned 台账) never continues the clerk's own, nor one whose time is unreadable.
    """
    seconds = COALESCE_SECONDS.get(field)
    if seconds is None or not same_source or not isinstance(earlier_at, dt.datetime):
        return False
    return dt.timedelta(0) <= later_at - earlier_at <= dt.timedelta(seconds=seconds)
