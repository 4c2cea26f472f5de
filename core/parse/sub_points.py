"""Stage: "一是…二是…" inside a task — children when each names its own units, text when none does.

Department 实施方案 and county 分工方案 alike write a task as "（一）推进决策公开。一是…（责任科室：
规划科）；二是…（责任科室：执法支队，6月底前）": each 一是 is a duty the clerk ticks on its own,
with its own unit and limit. Where the items name nothing of their own and one bracket closes the
whole paragraph ("…三是…。（责任科室：办公室牵头，法规科配合）"), that bracket is the task's.
"""

from __future__ import annotations

import re

from core.parse.deadlines import find_deadlines
from core.parse.draft import Draft
from core.parse.inline import candidates
from core.parse.units import inline_units

_SUB = "cn是"
# a unit bracket standing after the last item's full stop: "…三是…。（责任科室：A牵头，B配合）"
_CLOSING = re.compile(r"(?<=[。；;.!！?？])\s*([(（][^()（）]{2,120}[)）])[。；;]?\s*$")


def _has_units(text: str) -> bool:
    return any(inline_units(text)[0].values())


def _items(text: str) -> list[tuple[int, int, str]]:
    """(start, label end, printed label) of a run 一是, 二是, … that starts at one and counts on."""
    found = [f for f in candidates(text) if f.label.kind == _SUB]
    run: list[tuple[int, int, str]] = []
    for f in found:
        if f.label.value == len(run) + 1 and f.strong:
            run.append((f.start, f.end, f.label.printed))
    return run if len(run) >= 2 else []


def _own(piece: str, year: int | None) -> bool:
    """Does an item name its own units or limit?"""
    return _has_units(piece) or bool(find_deadlines(piece, year))


def split_sub_points(draft: Draft, year: int | None) -> None:
    """A leaf task whose 一是 items each carry their own units or limit gets them as children."""
    if draft.children or draft.from_table:
        return
    run = _items(draft.text)
    if not run:
        return
    pieces = [draft.text[end:(run[k + 1][0] if k + 1 < len(run) else len(draft.text))]
              for k, (_s, end, _l) in enumerate(run)]
    closing = _CLOSING.search(pieces[-1])
    if closing and _has_units(closing.group(1)):
        tail, pieces[-1] = closing.group(1), pieces[-1][:closing.start()]
    else:
        tail = ""
    if not all(_own(p, year) for p in pieces) or not any(_has_units(p) for p in pieces):
        return  # 一是 items that only explain the task stay its text
    head = draft.text[:run[0][0]].rstrip()
    draft.text = head + tail
    draft.children = [Draft(label=label, kind=_SUB, value=k + 1, text=piece.strip().rstrip("；;").strip())
                      for k, ((_s, _e, label), piece) in enumerate(zip(run, pieces, strict=True))]


def lift_closing_bracket(draft: Draft) -> None:
    """Where a task's 一是 children name no units and the last one ends in a unit bracket after its
    full stop, the bracket closes the whole paragraph: it moves to the task."""
    kids = draft.children
    if len(kids) < 2 or any(k.kind != _SUB or k.children or k.unit_cells for k in kids):
        return
    if any(_has_units(k.text) for k in kids[:-1]):
        return  # the items name their own units: the last bracket is the last item's
    closing = _CLOSING.search(kids[-1].text)
    if closing and _has_units(closing.group(1)):
        kids[-1].text = kids[-1].text[:closing.start()].rstrip()
        draft.text = f"{draft.text.rstrip()}{closing.group(1)}"


def sub_point_stage(drafts: list[Draft], year: int | None) -> None:
    """Stage: both rules above over the whole tree, before units and deadlines are read."""
    for root in drafts:
        for draft in list(root.walk()):
            lift_closing_bracket(draft)
            split_sub_points(draft, year)
