"""The one door to the data: the GUI and the CLI both do everything through PlanService.

Every user action is one call and one transaction, and returns a Change naming what moved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from core.domain import filters as queries
from core.domain import settings
from core.domain.progress import tree_rollups
from core.domain.records import PLANS, Change, HistoryEntry, NodeInfo, PlanSummary, Rollup, TaskFilter
from core.domain.status import Status
from core.domain.textclean import clean_text
from core.errors import NotFoundError, StoreError
from core.parse.parsed_plan import ParsedPlan
from core.service.backups import PlanBackups
from core.service.collect import PlanCollecting
from core.service.edits import PlanEditing
from core.service.opening import OpeningChecks, daily_backup
from core.service.tracking import PlanTracking
from core.store import migrations, plans, task_progress
from core.store.db import (
    WriteTransaction,
    close_database,
    open_database,
    open_empty_view,
    sidecars,
    tidy_after_readonly,
)
from core.store.plan_io import insert_plan, load_nodes, load_progress, load_tree, plan_rollups, unit_names
from core.store.saved_settings import read_setting, write_setting
from core.store.structure import ancestors, plan_of
from core.store.tree_read import preorder


class PlanService(PlanBackups, PlanEditing, PlanTracking, PlanCollecting):
    """Plans, their trees and the clerk's progress, in one SQLite file."""

    def __init__(self, db_path: Path, today: Callable[[], dt.date] | None = None, readonly: bool = False,
                 check_later: bool = False) -> None:
        """Open `db_path`; `readonly` (status, list, export) never creates, changes or backs it up.

        A daily backup that cannot be written (disk full, read-only medium) does not stop the
        opening: it is kept in `warnings` for the window's status bar or the CLI's stderr.
        `check_later` (the window) leaves the full integrity check and the daily backup to
        `finish_opening`, run after the first paint; every write waits for that check
        (core/service/opening.py). A schema to upgrade is a write, so it is checked at once.
        """
        self.db_path = Path(db_path)
        self.today = today or dt.date.today
        self.readonly = readonly
        self.warnings: list[StoreError] = []
        self.closed = False  # close() is final: the process's one database is never bound to this file again
        self._unflushed, self._last_write = False, 0.0
        self.opening = OpeningChecks(self.db_path, pending=check_later and not readonly)
        if readonly:
            self._tidy = self.db_path.is_file() and not sidecars(self.db_path)
            self.db = self._open_readonly()
            return
        self.db = open_database(self.db_path, empty_is_new=not self._emptied(), integrity=not check_later)
        try:
            if migrations.schema_version(self.db) != migrations.LATEST:
                self.opening.before_write()  # an upgrade writes: never on a file the check has not passed
            migrations.migrate(self.db, self.db_path)
            if not check_later:
                self.warnings += daily_backup(self.db_path, self.db.connection())
        except Exception:
            self.db.close()
            raise
        self._wrote()  # a new or upgraded schema is in the -wal too: the first idle tick moves it

    def _emptied(self) -> bool:
        """A zero-byte file beside backups of it: what is left of a database, not a new one."""
        try:
            empty = self.db_path.is_file() and self.db_path.stat().st_size == 0
        except OSError:
            empty = False  # opening says what is wrong with the path
        return empty and bool(self.backups_of(self.db_path, with_counts=False))

    def finish_opening(self) -> StoreError | None:
        """The integrity check and daily backup a `check_later` opening owes; safe on a worker thread.

        Returns the StoreError that makes the file unsafe to write (writes then raise it too);
        a backup that failed is added to `warnings`.
        """
        error, warnings = self.opening.finish()
        self.warnings += warnings
        return error

    def _open_readonly(self):
        if not self.db_path.exists() and self.db_path.parent.is_dir():
            db = open_empty_view()  # nothing there yet: an empty view, and no file is made
        else:
            db = open_database(self.db_path, readonly=True)
            version = migrations.schema_version(db)
            if version > migrations.LATEST:
                db.close()
                raise StoreError("db_too_new", found=version, supported=migrations.LATEST)
            if version >= migrations.READABLE_FROM:
                return db
            db.close()
            if version > 0:  # an old schema the queries cannot read, and no right to upgrade it
                raise StoreError("db_needs_upgrade", path=str(self.db_path))
            db = open_empty_view()  # an SQLite file with no tables yet
        migrations.migrate(db)
        return db

    def close(self) -> None:
        """Close the connection, first copying this session's writes into the main file."""
        self.opening.wait()  # a backup under way on a worker thread finishes first
        if self._unflushed:
            self.checkpoint_if_idle(0)
        self.closed = True
        close_database()
        if self.readonly and self._tidy:  # leave the folder as a read-only command found it
            tidy_after_readonly(self.db_path)

    def reopen(self) -> None:
        """Connect afresh to the same file (a USB stick put back); never creates a new, empty one, and
        never once closed: binding the process's one database to this file again would take it from
        whatever service is open by then."""
        if self.closed or not self.db_path.is_file():
            raise StoreError("db_missing", path=str(self.db_path))
        old, self.db = self.db, open_database(self.db_path, empty_is_new=False)  # binds the new one once it opened
        if old is not self.db:
            old.close()

    def _atomic(self) -> WriteTransaction:
        """One BEGIN IMMEDIATE transaction, never on a file whose opening check has not passed; a
        write that lands is noted for the idle checkpoint."""
        return WriteTransaction(self.db, self.db_path, self._wrote, before=self.opening.before_write)

    # -- plans ---------------------------------------------------------------------------
    def list_plans(self, with_rollups: bool = True) -> list[PlanSummary]:
        """Every plan, newest year first; without roll-ups (empty) when only names are needed."""
        rollups = plan_rollups(self.db, self.today()) if with_rollups else {}
        return [self._with_rollup(p, rollups.get(p.id, Rollup())) for p in plans.all_plans()]

    def plan(self, plan_id: int) -> PlanSummary:
        return self._with_rollup(plans.get_plan(plan_id))

    def _with_rollup(self, summary: PlanSummary, rollup: Rollup | None = None) -> PlanSummary:
        summary.rollup = rollup if rollup is not None else self.plan_rollup(summary.id)
        return summary

    def import_plan(self, parsed: ParsedPlan, source_name: str | None = None,
                    sha256: str | None = None, initiator: object = None) -> Change:
        """Store a parsed plan whole, or not at all; text is cleaned of what no export could hold.

        The Change names the new plan (`plan_id`) and says the plan list changed; `result` is the
        ImportResult with its counts."""
        parsed, source_name = parsed.cleaned(), clean_text(source_name) or None
        if self._has_data():
            self.backup_now("import")
        with self._atomic():
            result = insert_plan(parsed, source_name, sha256)
        return _plans_changed(result.plan_id, initiator, result=result)

    def plans_like(self, sha256: str | None, title: str, year: int | None) -> list[PlanSummary]:
        """Plans already imported from the same file, or with the same title and year."""
        return [self._with_rollup(p) for p in plans.plans_like(sha256, title, year)]

    def delete_plan(self, plan_id: int, initiator: object = None) -> Change:
        """Delete a plan whole, in one transaction, after a backup; `result` is that backup's path
        and `before` the plan as it was (its summary)."""
        gone = plans.get_plan(plan_id)
        kept = self.backup_now("delete")
        with self._atomic():
            plans.delete_plan(plan_id)
        return _plans_changed(plan_id, initiator, result=kept, before=gone)

    # -- trees and nodes -----------------------------------------------------------------
    def tree(self, plan_id: int) -> list[NodeInfo]:
        """A plan's nodes in document order (parents before children)."""
        plans.get_plan(plan_id)
        return preorder(load_tree(plan_id))

    def node(self, node_id: int) -> NodeInfo:
        found = load_nodes([node_id])
        if node_id not in found:
            raise NotFoundError("node_not_found", node_id=node_id)
        return found[node_id]

    def nodes(self, node_ids: Iterable[int]) -> dict[int, NodeInfo]:
        """Fresh records of just these nodes, for updating views after a Change."""
        return load_nodes(list(dict.fromkeys(node_ids)))

    def with_progress(self, infos: Iterable[NodeInfo]) -> dict[int, NodeInfo]:
        """Copies of these records with their status, note and dates as stored now: what a view
        needs after a Change whose fields are only those (records.PROGRESS_FIELDS), in one query."""
        return load_progress(infos)

    def rollups(self, plan_id: int) -> dict[int, Rollup]:
        """Roll-up of every node of a plan (a task's is its own one-task roll-up)."""
        return tree_rollups(preorder(load_tree(plan_id)), self.today())

    def rollup(self, node_id: int) -> Rollup:
        return self.rollups(self.node(node_id).plan_id)[node_id]

    def plan_rollup(self, plan_id: int) -> Rollup:
        return plan_rollups(self.db, self.today(), plan_id).get(plan_id, Rollup())

    # -- the clerk's edits ---------------------------------------------------------------
    def set_status(self, node_id: int, status: Status | str, initiator: object = None) -> Change:
        return self.set_statuses([node_id], status, initiator)

    def set_statuses(self, node_ids: Iterable[int], status: Status | str, initiator: object = None) -> Change:
        """Give several tasks one status in one transaction (ticking a whole section)."""
        status = status if isinstance(status, Status) else Status.parse(status)
        with self._atomic():
            changed = task_progress.set_statuses(node_ids, status, self.today())
            plan_id, above = ancestors(changed)
        return Change(plan_id=plan_id, nodes=set(changed), rollups=above,
                      fields={"status", "completed_on"}, initiator=initiator)

    def mark(self, node_id: int, status: Status | str | None, note: str | None = None,
             completed_on: dt.date | None = None, initiator: object = None) -> Change:
        """Set what is given of a task's status, note and completion date in one transaction (the
        CLI's `mark`); the date is set last, so `--status 已完成 --date D` records D, not today."""
        with self._atomic():
            change = (self.set_status(node_id, status, initiator) if status is not None
                      else Change(plan_id=plan_of(node_id), initiator=initiator))
            parts = [self.set_note(node_id, note)] if note is not None else []
            if completed_on is not None:
                parts.append(self.set_completed_on(node_id, completed_on))
            for part in parts:
                change.nodes |= part.nodes
                change.fields |= part.fields
        return change

    def restore_progress(self, snaps: Iterable[tuple[int, Status, dt.date | None]],
                         initiator: object = None) -> Change:
        """Put tasks back to earlier (status, completion date) pairs in one transaction (undo)."""
        with self._atomic():
            changed = task_progress.restore_progress(list(snaps))
            plan_id, above = ancestors(changed)
        return Change(plan_id=plan_id, nodes=set(changed), rollups=above, fields={"status", "completed_on"},
                      initiator=initiator)

    def set_note(self, node_id: int, note: str, initiator: object = None) -> Change:
        """Save the 完成情况 note; edits in one sitting make one history entry."""
        note = clean_text(note)
        with self._atomic():
            changed = task_progress.set_note(node_id, note)
        return Change(plan_id=plan_of(node_id), nodes={node_id} if changed else set(),
                      fields={"note"} if changed else set(), initiator=initiator)

    def set_completed_on(self, node_id: int, day: dt.date | None, initiator: object = None) -> Change:
        with self._atomic():
            task_progress.set_completed_on(node_id, day)
        return Change(plan_id=plan_of(node_id), nodes={node_id}, fields={"completed_on"}, initiator=initiator)

    def history(self, node_id: int) -> list[HistoryEntry]:
        return task_progress.node_history(node_id)

    def plan_history(self, plan_id: int) -> dict[int, list[HistoryEntry]]:
        """Every task's history in one query, oldest first (an export as of a past date reads it)."""
        plans.get_plan(plan_id)
        return task_progress.plan_history(plan_id)

    # -- queries -------------------------------------------------------------------------
    def find_tasks(self, plan_id: int, flt: TaskFilter | None = None) -> list[NodeInfo]:
        """Tasks of a plan in document order that pass every criterion of `flt`."""
        flt = flt or TaskFilter()
        ctx = self.filter_context()
        return [info for info in self.tree(plan_id) if queries.matches(info, flt, ctx)]

    def filter_context(self) -> queries.FilterContext:
        return queries.FilterContext(today=self.today(), my_units=self.my_units())

    def all_units(self) -> list[str]:
        """Every unit some plan names, for pickers."""
        return unit_names()

    def my_units(self) -> list[str]:
        return self.get(settings.MY_UNITS)

    def set_my_units(self, units: list[str], initiator: object = None) -> Change:
        """The clerk's own units (for 我的任务; the first is the exports' 填报单位); `before` is the old ones."""
        old = self.my_units()
        names = (clean_text(u).replace("\n", " ").strip() for u in units)
        change = self.put(settings.MY_UNITS, list(dict.fromkeys(u for u in names if u)), initiator)
        change.before = old
        return change

    # -- settings ------------------------------------------------------------------------
    def get(self, spec: settings.SettingSpec):
        """A declared setting's value (its default when unset)."""
        return spec.decode(self.setting(spec.key))

    def put(self, spec: settings.SettingSpec, value, initiator: object = None) -> Change:
        """Store a declared setting in one transaction."""
        if not isinstance(value, spec.kind):
            raise TypeError(f"{spec.key} takes {spec.kind.__name__}")
        with self._atomic():
            write_setting(spec.key, spec.encode(value))
        return Change(plan_id=None, fields={spec.key}, initiator=initiator)

    def setting(self, key: str, default: str | None = None) -> str | None:
        """The raw text under `key` (core.domain.settings declares the keys; prefer get())."""
        value = read_setting(key)
        return default if value is None else value

    def set_setting(self, key: str, value: str, initiator: object = None) -> Change:
        """Store raw text under `key` (prefer put() with a declared setting)."""
        with self._atomic():
            write_setting(key, value)
        return Change(plan_id=None, fields={key}, initiator=initiator)


def _plans_changed(plan_id: int, initiator: object, **extra) -> Change:
    """A Change to the list of plans (one imported, carried over or deleted): the views re-list the
    plans; `plan_id` is the plan made (to show it) or the one gone."""
    return Change(plan_id=plan_id, fields={PLANS}, initiator=initiator, **extra)
