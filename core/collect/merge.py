"""What the returned workbooks would change: per task, changed / conflicting / unchanged.

A unit's value counts as its edit when it differs from what the row went out with (the
workbook's hidden base; for a retyped sheet, what the store holds now). Two files writing
different values for one field conflict, and so does a unit's edit of a field the clerk has
changed since the workbook was made. A blank cell is never an edit: a unit that leaves a
column empty must not wipe what the clerk recorded. Nothing here writes; the service applies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from core.collect.returns import Base, Returned, ReturnedRow
from core.domain.periods import parse_day
from core.domain.records import NodeInfo
from core.domain.similarity import pair_up, similarity, text_key
from core.domain.status import Status
from core.errors import UsageError

FIELDS = ("status", "note", "completed_on")
TEXT_MATCH = 0.8  # a retyped task text must be this alike (over the folded text) to count as the task
KEY_CHECK = 0.5  # a key on a sheet that is not ours is trusted only when its text is at least this alike


@dataclass(frozen=True)
class Proposal:
    """A value one file proposes for one field of one task."""

    file: str
    unit: str
    value: object

    @property
    def source(self) -> str:
        return source_text(self.unit, self.file)


def source_text(unit: str, file: str) -> str:
    """The history's note of where a change came from."""
    return f"来自{unit}填报（{file}）"


@dataclass
class Conflict:
    field: str
    current: object
    proposals: list[Proposal]
    reason: str  # "units_differ" (files disagree) or "changed_since" (the clerk changed it after export); conflict_* in core/messages


@dataclass
class MergeItem:
    node_id: int
    title: str
    changes: dict[str, Proposal] = field(default_factory=dict)  # field → what will be written
    entries: list[Proposal] = field(default_factory=list)  # new 进展 texts
    conflicts: list[Conflict] = field(default_factory=list)
    files: set[str] = field(default_factory=set)

    @property
    def kind(self) -> str:
        if self.conflicts:
            return "conflicting"
        return "changed" if self.changes or self.entries else "unchanged"


@dataclass
class Problem:
    file: str
    row: int | None
    code: str
    detail: str = ""


@dataclass
class MergePreview:
    plan_id: int
    items: list[MergeItem]
    unmatched: list[ReturnedRow]
    problems: list[Problem]

    def of_kind(self, kind: str) -> list[MergeItem]:
        return [i for i in self.items if i.kind == kind]


def _status(value: object) -> Status | None:
    if value is None or not str(value).strip():
        return None
    return Status.parse(str(value))


def _day(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None or not str(value).strip():
        return None
    return parse_day(str(value).split(" ")[0])


def _current(info: NodeInfo) -> dict[str, object]:
    return {"status": info.status, "note": info.note, "completed_on": info.completed_on}


def _base(row: ReturnedRow, info: NodeInfo) -> dict[str, object]:
    b: Base | None = row.base
    if b is None:
        return _current(info)
    try:
        status = Status(b.status)
    except ValueError:
        status = Status.TODO
    return {"status": status, "note": b.note, "completed_on": b.completed_on}


Pick = tuple[int, str, str, str]  # (task id, field or "entry", file, unit): one value the clerk takes


def pick_of(node_id: int, name: str, proposal: Proposal) -> Pick:
    """How the merge preview names one proposed value, so the clerk's ticks survive a re-reading."""
    return (node_id, name, proposal.file, proposal.unit)


def settle(plan: MergePreview, picks: set[Pick]) -> MergePreview:
    """The preview cut down to what the clerk ticked: changes and 进展 whose pick is in `picks`, and
    for a conflict the side picked (a side equal to today's value changes nothing). A conflict
    with no side picked stays a conflict and is not applied."""
    items = []
    for item in plan.items:
        kept = MergeItem(node_id=item.node_id, title=item.title, files=set(item.files),
                         changes={k: p for k, p in item.changes.items() if pick_of(item.node_id, k, p) in picks},
                         entries=[p for p in item.entries if pick_of(item.node_id, "entry", p) in picks])
        for c in item.conflicts:
            chosen = next((p for p in c.proposals if pick_of(item.node_id, c.field, p) in picks), None)
            if chosen is None:
                kept.conflicts.append(c)
            elif chosen.value != c.current:
                kept.changes[c.field] = chosen
        items.append(kept)
    return MergePreview(plan_id=plan.plan_id, items=items, unmatched=plan.unmatched, problems=plan.problems)


def match_rows(tasks: dict[int, NodeInfo], returned: Returned) -> tuple[list[tuple[ReturnedRow, int]], list[ReturnedRow]]:
    """(row, task id) pairs by key, then by the text for rows a unit retyped; and the rows left over."""
    keyed: list[tuple[ReturnedRow, int]] = []
    loose: list[ReturnedRow] = []
    for row in returned.rows:
        info = tasks.get(row.key) if row.key is not None else None
        if info is not None and (row.base is not None or
                                 similarity(text_key(row.text), text_key(f"{info.label}{info.text or info.title}"))
                                 >= KEY_CHECK):
            keyed.append((row, info.id))
        else:
            loose.append(row)
    # a retyped row holds the whole task text, or just its title: try the one, then the other
    for key_of in (lambda t: f"{t.label}{t.text or t.title}", lambda t: t.title):
        taken = {node_id for _, node_id in keyed}
        free = [t for t in tasks.values() if t.id not in taken]
        pairs = pair_up([text_key(r.text) for r in loose], [text_key(key_of(t)) for t in free], TEXT_MATCH)
        matched = {i for i, _, _ in pairs}
        keyed += [(loose[i], free[j].id) for i, j, _ in pairs]
        loose = [r for i, r in enumerate(loose) if i not in matched]
    return keyed, loose

def preview(plan_id: int, tasks: dict[int, NodeInfo], entries: dict[int, list[str]], files: list[Returned],
            take: str | None = None) -> MergePreview:
    """The merge of `files` into the plan's `tasks` (current state); `take` names the file whose
    values win the conflicts it is part of."""
    problems: list[Problem] = []
    unmatched: list[ReturnedRow] = []
    proposals: dict[int, dict[str, list[tuple[Proposal, object]]]] = {}
    new_entries: dict[int, list[Proposal]] = {}
    seen_files: dict[int, set[str]] = {}
    if take is not None and take not in {f.file for f in files}:
        raise UsageError("merge_take_unknown", file=take)
    for returned in files:
        if returned.plan_id is not None and returned.plan_id != plan_id:
            problems.append(Problem(returned.file, None, "fill_other_plan", str(returned.plan_id)))
            continue
        if not returned.rows:
            problems.append(Problem(returned.file, None, "fill_no_rows"))
            continue
        pairs, left = match_rows(tasks, returned)
        unmatched += left
        for row, node_id in pairs:
            info = tasks[node_id]
            seen_files.setdefault(node_id, set()).add(row.file)
            base = _base(row, info)
            values: dict[str, object] = {}
            try:
                values["status"] = _status(row.status)
            except UsageError:
                problems.append(Problem(row.file, row.row, "fill_bad_status", str(row.status)))
            try:
                values["completed_on"] = _day(row.completed_on)
            except UsageError:
                problems.append(Problem(row.file, row.row, "fill_bad_date", str(row.completed_on)))
            values["note"] = row.note or None
            for name, value in values.items():
                if value is not None and value != base[name]:
                    proposals.setdefault(node_id, {}).setdefault(name, []).append(
                        (Proposal(row.file, row.unit, value), base[name]))
            if row.entry:
                known = {text_key(t) for t in entries.get(node_id, [])}
                known |= {text_key(str(p.value)) for p in new_entries.get(node_id, [])}
                if text_key(row.entry) not in known:
                    new_entries.setdefault(node_id, []).append(Proposal(row.file, row.unit, row.entry))
    items = []
    for node_id in [n for n in tasks if n in seen_files]:  # document order
        info = tasks[node_id]
        item = MergeItem(node_id=node_id, title=f"{info.label}{info.title}", files=seen_files[node_id],
                         entries=new_entries.get(node_id, []))
        current = _current(info)
        for name in FIELDS:
            offered = proposals.get(node_id, {}).get(name, [])
            if not offered:
                continue
            values = list(dict.fromkeys(p.value for p, _ in offered))
            bases = {b for _, b in offered}
            if len(values) > 1:
                reason = "units_differ"
            elif values[0] == current[name]:
                continue  # already so
            elif any(b != current[name] for b in bases):
                reason = "changed_since"
            else:
                item.changes[name] = offered[0][0]
                continue
            chosen = next((p for p, _ in offered if p.file == take), None)
            if chosen is not None:
                if chosen.value != current[name]:
                    item.changes[name] = chosen
            else:
                item.conflicts.append(Conflict(name, current[name], [p for p, _ in offered], reason))
        items.append(item)
    return MergePreview(plan_id=plan_id, items=items, unmatched=unmatched, problems=problems)

