"""Roll-up progress: a node's tally is its own task (if it is one) plus its children's tallies.

The service (whole-plan roll-ups) and the tree model (one branch after a tick) both build
roll-ups with `node_rollup`, so a section's 3/5 is the same on screen, in the CLI and in exports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from core.domain.records import NodeInfo, Rollup


def node_rollup(info: NodeInfo | None, children: Iterable[Rollup], today: dt.date) -> Rollup:
    """A node's roll-up from its children's: a task counts itself (and whether it is overdue)."""
    rollup = Rollup()
    if info is not None and info.is_task:
        rollup.add(info.status, info.is_overdue(today))
    for child in children:
        rollup.merge(child)
    return rollup


def tree_rollups(infos: Iterable[NodeInfo], today: dt.date) -> dict[int, Rollup]:
    """The roll-up of every node of a tree given in document order (parents before children)."""
    out: dict[int, Rollup] = {}
    for info in reversed(list(infos)):
        out[info.id] = node_rollup(info, (out[c] for c in info.child_ids), today)
    return out
