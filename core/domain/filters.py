"""Task filters, shared by the CLI's `list` and the GUI's filter bar so both agree exactly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from core.domain.collective_units import covers, same_unit
from core.domain.due import due_within
from core.domain.records import NodeInfo, TaskFilter
from core.domain.status import Status
from core.domain.textfold import fold


def filter_to_text(flt: TaskFilter) -> str:
    """A filter as JSON text, to keep it in a setting; only the criteria that are set."""
    data = {"unit": flt.unit, "statuses": sorted(s.value for s in flt.statuses) if flt.statuses else None,
            "overdue": flt.overdue or None, "text": flt.text, "role": flt.role, "due_within": flt.due_within,
            "mine": flt.mine or None, "missing_note": flt.missing_note or None}
    import json  # a setting written or read: never on the way to the window's first paint

    return json.dumps({k: v for k, v in data.items() if v is not None}, ensure_ascii=False, sort_keys=True)


def filter_from_text(text: str | None) -> TaskFilter:
    """The filter filter_to_text wrote; no filter for text it did not write (or an older version's)."""
    import json

    try:
        data = json.loads(text or "{}")
        if not isinstance(data, dict):
            return TaskFilter()
        statuses = {Status(v) for v in data["statuses"]} if data.get("statuses") else None
        due = data.get("due_within")
        return TaskFilter(unit=_text_or_none(data.get("unit")), statuses=statuses,
                          overdue=data.get("overdue") is True, text=_text_or_none(data.get("text")),
                          role=data.get("role") if data.get("role") in ("lead", "responsible", "cooperating") else None,
                          due_within=due if isinstance(due, int) and not isinstance(due, bool) and due > 0 else None,
                          mine=data.get("mine") is True, missing_note=data.get("missing_note") is True)
    except (ValueError, TypeError, KeyError):
        return TaskFilter()


def _text_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


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
    return tester(flt, ctx)(info)


def tester(flt: TaskFilter, ctx: FilterContext) -> Callable[[NodeInfo], bool]:
    """passes() for one filter, its criteria looked at once: the filter bar runs it over every task
    of a plan at each filter change (5,000 on a big one), and most filters set one criterion."""
    today, checks = ctx.today, []
    if flt.statuses:
        statuses = flt.statuses
        checks.append(lambda info: info.status in statuses)
    if flt.overdue:
        checks.append(lambda info: info.is_overdue(today))
    if flt.missing_note:
        checks.append(lambda info: not info.note.strip())
    if flt.due_within is not None:
        days = flt.due_within
        checks.append(lambda info: due_within(info, today, days))
    if flt.unit or flt.mine or flt.role:
        checks.append(_role_check(flt, ctx))
    if not checks:
        return lambda info: info.is_task
    if len(checks) == 1:
        only = checks[0]
        return lambda info: info.is_task and only(info)
    return lambda info: info.is_task and all(check(info) for check in checks)


def _role_check(flt: TaskFilter, ctx: FilterContext) -> Callable[[NodeInfo], bool]:
    """A task named under the unit asked for, under the clerk's units (我的任务), and in the role asked
    for under either (or, with no unit asked for, with anyone named in that role)."""
    unit = flt.unit.strip() if flt.unit else None
    mine = flt.mine
    mine_role = ctx.mine_role or (lambda info: role_of(info, ctx.my_units, exact=False))
    role = flt.role

    def check(info: NodeInfo) -> bool:
        roles = []
        if unit:
            roles.append(role_of(info, [unit], exact=True))
        if mine:
            roles.append(mine_role(info))
        if None in roles:
            return False
        return not role or (role in roles if roles else bool(info.units.get(role)))

    return check


def matches(info: NodeInfo, flt: TaskFilter, ctx: FilterContext, key: str | None = None) -> bool:
    """Whether a task passes every criterion of `flt` (sections never do: callers keep ancestors)."""
    if not passes(info, flt, ctx):
        return False
    needle = fold_query(flt.text)
    return not needle or needle in (key if key is not None else search_key(info))
