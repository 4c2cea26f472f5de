"""Task filters, shared by the CLI's `list` and the GUI's filter bar so both agree exactly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from core.domain.collective_units import covers, same_unit
from core.domain.due import due_within
from core.domain.records import NodeInfo, TaskFilter
from core.domain.textfold import fold


def search_key(info: NodeInfo) -> str:
    """What a search matches against, folded to one script and one case; cache it per node."""
    units = " ".join(info.all_units)
    return fold(f"{info.label}{info.title}\n{info.text}\n{info.note}\n{units}").lower()


def fold_query(text: str | None) -> str:
    return fold((text or "").strip()).lower()


@dataclass
class FilterContext:
    today: dt.date
    my_units: list[str]
    # the clerk's role on a task, where the caller keeps it cached (the filter bar does);
    # it must answer what role_of(info, my_units, exact=False) would
    mine_role: Callable[[NodeInfo], str | None] | None = None


def role_of(info: NodeInfo, units: list[str], exact: bool) -> str | None:
    """The strongest role under which any of `units` is named for this task (in either script).

    `exact` asks for the unit itself; otherwise collective names that take it in count too.
    """
    for role in ("lead", "responsible", "cooperating"):
        for name in info.units.get(role, []):
            if any(same_unit(name, u) if exact else covers(name, u) for u in units):
                return role
    return None


def passes(info: NodeInfo, flt: TaskFilter, ctx: FilterContext) -> bool:
    """Whether a task passes every criterion of `flt` but the search text (sections never do).

    The filter bar caches this half while the clerk types, so a keystroke tests only the text.
    """
    if not info.is_task:
        return False
    if flt.statuses and info.status not in flt.statuses:
        return False
    if flt.overdue and not info.is_overdue(ctx.today):
        return False
    if flt.missing_note and info.note.strip():
        return False
    if flt.due_within is not None and not due_within(info, ctx.today, flt.due_within):
        return False
    roles = []
    if flt.unit:
        roles.append(role_of(info, [flt.unit.strip()], exact=True))
    if flt.mine:
        roles.append(ctx.mine_role(info) if ctx.mine_role else role_of(info, ctx.my_units, exact=False))
    if None in roles:
        return False
    return not flt.role or (flt.role in roles if roles else bool(info.units.get(flt.role)))


def matches(info: NodeInfo, flt: TaskFilter, ctx: FilterContext, key: str | None = None) -> bool:
    """Whether a task passes every criterion of `flt` (sections never do: callers keep ancestors)."""
    if not passes(info, flt, ctx):
        return False
    needle = fold_query(flt.text)
    return not needle or needle in (key if key is not None else search_key(info))
