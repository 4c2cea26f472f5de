"""PlanService's 收集填报: fill-in workbooks for units, and merging the ones they send back.

A mixin only to keep service.py short. Writing a workbook reads the store only; applying a
merge is one transaction whose Change carries, in `before`, what undo_merge puts back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from core.domain import filters as queries
from core.domain.collective_units import is_collective
from core.domain.records import Change, NodeInfo, TaskFilter
from core.domain.textclean import clean_text
from core.errors import TaizhangError, UsageError
from core.store import tracking
from core.store.structure import ancestors

if TYPE_CHECKING:  # the workbook side (openpyxl) is imported when a workbook is written or read
    from core.collect.merge import MergePreview, Pick
    from core.collect.returns import Returned


class PlanCollecting:
    """Mixed into PlanService; relies on its tree(), plan(), _atomic() and today()."""

    def unit_tasks(self, plan_id: int, unit: str) -> list[NodeInfo]:
        """The tasks a unit must report on: those naming it, or a collective name that takes it in
        (the rule 我的任务 applies, core.domain.filters.matches with `mine`)."""
        ctx = queries.FilterContext(today=self.today(), my_units=[unit])
        return [t for t in self.tree(plan_id) if queries.matches(t, TaskFilter(mine=True), ctx)]

    def collect_units(self, plan_id: int) -> list[str]:
        """The units a plan names by name (collective names like 县直各单位 are no one to send to)."""
        names: dict[str, None] = {}
        for t in self.tree(plan_id):
            for name in t.all_units:
                if not is_collective(name):
                    names.setdefault(name)
        return list(names)

    def collect(self, plan_id: int, out: Path, units: list[str] | None = None) -> tuple[Path, list[str]]:
        """Write a fill-in workbook for `units` (every unit the plan names when None): one sheet per
        unit that has tasks. Returns the file and the units it holds."""
        from core.collect.fillin import FillSheet, write_fillin
        from core.export.writer import write_atomically

        plan = self.plan(plan_id)
        wanted = [clean_text(u).strip() for u in units] if units else self.collect_units(plan_id)
        sheets = [FillSheet(u, tasks) for u in wanted if u and (tasks := self.unit_tasks(plan_id, u))]
        if not sheets:
            raise UsageError("collect_no_tasks", unit="、".join(wanted))
        made = dt.datetime.now().replace(microsecond=0)  # as the workbook's 生成时间 shows it
        path = write_atomically(Path(out), lambda tmp: write_fillin(plan.title, plan_id, sheets, made, tmp))
        return path, [s.unit for s in sheets]

    # -- merging ---------------------------------------------------------------------------
    def read_returns(self, paths: list[Path]) -> list[Returned]:
        """Read the returned workbooks (outside any transaction: reading a workbook is slow)."""
        from core.collect.returns import read_returned

        names = [Path(p).name for p in paths]
        if len(set(names)) != len(names):
            raise UsageError("merge_same_name", names="、".join(n for n in names if names.count(n) > 1))
        return [read_returned(Path(p)) for p in paths]

    def read_returns_apart(self, paths: list[Path]) -> tuple[list[Returned], list[tuple[Path, TaizhangError]]]:
        """Read the returned workbooks one by one, setting aside each that cannot be merged with
        its error (unreadable, or a second file of a name already taken), so the others still
        merge: the import dialog's way, where one bad attachment must not block thirty units."""
        from core.collect.returns import read_returned

        read: list[Returned] = []
        refused: list[tuple[Path, TaizhangError]] = []
        taken: set[str] = set()
        for path in map(Path, paths):
            if path.name in taken:
                refused.append((path, UsageError("merge_same_name", names=path.name)))
                continue
            try:
                read.append(read_returned(path))
            except TaizhangError as err:
                refused.append((path, err))
                continue
            taken.add(path.name)
        return read, refused

    def merge_preview(self, plan_id: int, returned: list[Returned], take: str | None = None) -> MergePreview:
        """What merging would do, without writing anything."""
        from core.collect.merge import preview

        tasks = {t.id: t for t in self.tree(plan_id) if t.is_task}
        entries = {node_id: [e.text for e in found] for node_id, found in self.plan_entries(plan_id).items()}
        return preview(plan_id, tasks, entries, returned, take)

    def apply_merge(self, plan_id: int, returned: list[Returned], take: str | None = None,
                    initiator: object = None, picks: set[Pick] | None = None) -> Change:
        """Apply every change that does not conflict (and the conflicts `take` settles) in one
        transaction, each history line saying which unit's file it came from; with `picks`, only
        the values the clerk ticked (core.collect.merge.settle). The preview is worked out again
        inside the transaction, so a change made meanwhile is not overwritten.
        `result` is that preview; `before` what undo_merge needs."""
        with self._atomic():
            plan = self.merge_preview(plan_id, returned, take)
            if picks is not None:
                from core.collect.merge import settle

                plan = settle(plan, picks)
            today = self.today()
            saved: list[tuple[int, str, str, dt.date | None]] = []
            added: list[int] = []
            touched: set[int] = set()
            for item in plan.items:
                if item.changes:
                    info = self.node(item.node_id)
                    saved.append((item.node_id, info.status.value, info.note, info.completed_on))
                    tracking.write_filled(item.node_id, {k: p.value for k, p in item.changes.items()},
                                          {k: p.source for k, p in item.changes.items()}, today)
                    touched.add(item.node_id)
                for p in item.entries:
                    added.append(tracking.add_entry(item.node_id, today, str(p.value), None, p.source))
                    touched.add(item.node_id)
            _, above = ancestors(touched)
        return Change(plan_id=plan_id, nodes=touched, rollups=above,
                      fields={"status", "note", "completed_on", "entries"}, initiator=initiator,
                      result=plan, before=(saved, added))

    def undo_merge(self, before: tuple[list, list[int]], initiator: object = None) -> Change:
        """Put back what apply_merge changed (its Change's `before`), in one transaction."""
        saved, added = before
        with self._atomic():
            touched = set()
            for entry_id in added:
                touched.add(tracking.remove_entry(entry_id).node_id)
            for node_id, status, note, completed_on in saved:
                tracking.put_back(node_id, status, note, completed_on)
                touched.add(node_id)
            plan_id, above = ancestors(touched)
        return Change(plan_id=plan_id or None, nodes=touched, rollups=above,
                      fields={"status", "note", "completed_on", "entries"}, initiator=initiator)
