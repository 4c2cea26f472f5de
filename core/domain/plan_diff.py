"""This year's plan read against last year's (or a 市 plan against the 省 plan): which tasks are
new, dropped, reworded, or given other units or deadlines — matched by what they say.

Tasks carried over (结转) pair with the task they came from; the rest pair by the similarity of
their folded text (core.domain.similarity), never by position, because a new plan reorders,
merges and renumbers its sections freely.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.domain.collective_units import same_unit
from core.domain.records import NodeInfo
from core.domain.similarity import changed_words, marked, pair_up, similarity, text_key
from core.parse.parsed_plan import ROLES

REWORDED_AT = 0.6  # two tasks this alike (over the folded text) are one task reworded


@dataclass
class TaskDiff:
    """One task of either plan, and what became of it."""

    kind: str  # "same", "reworded", "new" (only in the new plan) or "dropped" (only in the old)
    old: NodeInfo | None = None
    new: NodeInfo | None = None
    score: float = 0.0
    carried: bool = False  # the new task was carried over from the old one
    words: list[tuple[str, str]] = field(default_factory=list)  # the text's runs (= - +) when reworded
    units: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)  # role → (old, new) if changed
    deadlines: tuple[list[str], list[str]] | None = None  # (old, new) wordings if changed

    @property
    def marked_text(self) -> str:
        return marked(self.words)


@dataclass
class PlanDiff:
    old_plan: int
    new_plan: int
    tasks: list[TaskDiff]

    def of_kind(self, kind: str) -> list[TaskDiff]:
        return [t for t in self.tasks if t.kind == kind]

    @property
    def units_changed(self) -> list[TaskDiff]:
        return [t for t in self.tasks if t.units]

    @property
    def deadlines_changed(self) -> list[TaskDiff]:
        return [t for t in self.tasks if t.deadlines]

    @property
    def carried(self) -> list[TaskDiff]:
        return [t for t in self.tasks if t.carried]


def task_text(info: NodeInfo) -> str:
    """What a task says, as the diff compares and shows it (without its number)."""
    return info.text or info.title


def _same_names(a: list[str], b: list[str]) -> bool:
    return len(a) == len(b) and all(any(same_unit(x, y) for y in b) for x in a)


def _compare(kind: str, old: NodeInfo, new: NodeInfo, score: float, carried: bool) -> TaskDiff:
    diff = TaskDiff(kind=kind, old=old, new=new, score=score, carried=carried)
    if kind == "reworded":
        diff.words = changed_words(task_text(old), task_text(new))
    for role in ROLES:
        before, after = old.units.get(role, []), new.units.get(role, [])
        if not _same_names(before, after):
            diff.units[role] = (before, after)
    before_d = [d.text for d in old.deadlines]
    after_d = [d.text for d in new.deadlines]
    if [text_key(t, strip_label=False) for t in before_d] != [text_key(t, strip_label=False) for t in after_d]:
        diff.deadlines = (before_d, after_d)
    return diff


def diff_plans(old_plan: int, old: list[NodeInfo], new_plan: int, new: list[NodeInfo],
               origins: dict[int, int] | None = None) -> PlanDiff:
    """Compare two plans' tasks (each in document order); `origins` maps a new task's id to the
    old task it was carried over from."""
    origins = origins or {}
    old_tasks = [t for t in old if t.is_task]
    new_tasks = [t for t in new if t.is_task]
    by_id = {t.id: t for t in old_tasks}
    pairs: dict[int, tuple[NodeInfo, float, bool]] = {}  # new id → (old, score, carried)
    for t in new_tasks:
        source = by_id.get(origins.get(t.id, -1))
        if source is not None:
            pairs[t.id] = (source, similarity(text_key(task_text(source)), text_key(task_text(t))), True)
    used = {o.id for o, _, _ in pairs.values()}
    rest_old = [t for t in old_tasks if t.id not in used]
    rest_new = [t for t in new_tasks if t.id not in pairs]
    for i, j, score in pair_up([text_key(task_text(t)) for t in rest_old],
                               [text_key(task_text(t)) for t in rest_new], REWORDED_AT):
        pairs[rest_new[j].id] = (rest_old[i], score, False)
    out: list[TaskDiff] = []
    matched_old = set()
    for t in new_tasks:
        if t.id in pairs:
            source, score, carried = pairs[t.id]
            matched_old.add(source.id)
            same = text_key(task_text(source)) == text_key(task_text(t))
            out.append(_compare("same" if same else "reworded", source, t, 1.0 if same else score, carried))
        else:
            out.append(TaskDiff(kind="new", new=t))
    out += [TaskDiff(kind="dropped", old=t) for t in old_tasks if t.id not in matched_old]
    return PlanDiff(old_plan=old_plan, new_plan=new_plan, tasks=out)
