"""History lines of a task: each change is written here, coalesced by core.domain.coalesce.

The caller holds the transaction.
"""

from __future__ import annotations

from core.domain.coalesce import coalesces
from core.store.tables import History, now


def record(node_id: int, field: str, old: str | None, new: str | None, source: str | None = None) -> None:
    """Write one change of `field`; continue the task's last line instead when it is the same edit.

    A continued line keeps its `old` and takes the new value and time; an edit that ends where the
    line began (stepped there and back, or undone at once) leaves no line at all.
    """
    at = now()
    last = History.select().where(History.node == node_id).order_by(History.id.desc()).first()
    if last is not None and last.field == field and coalesces(field, last.at, at, last.source == source):
        if last.old == new:
            last.delete_instance()
        else:
            last.new, last.at = new, at
            last.save()
        return
    History.create(node=node_id, field=field, old=old, new=new, source=source, at=at)
