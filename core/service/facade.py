"""The one door to the data: the GUI and the CLI both do everything through PlanService.

Every user action is one call and one transaction, and returns a Change naming what moved.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from peewee import PeeweeException

from core.domain import filters as queries
from core.domain import settings
from core.domain.progress import tree_rollups
from core.domain.records import Change, HistoryEntry, ImportResult, NodeInfo, PlanSummary, Rollup, TaskFilter
from core.domain.status import Status
from core.domain.textclean import clean_text
from core.errors import NotFoundError, StoreError, UsageError
from core.parse.parsed_plan import ParsedPlan
from core.service.backups import PlanBackups
from core.service.collect import PlanCollecting
from core.service.edits import PlanEditing
from core.service.opening import OpeningChecks, daily_backup
from core.service.tracking import PlanTracking
from core.store import history, migrations
from core.store.db import (
    close_database,
    open_database,
    open_empty_view,
    sidecars,
    store_error,
    tidy_after_readonly,
)
from core.store.plan_io import insert_plan, load_nodes, load_tree, plan_rollups
from core.store.tables import History, Node, Plan, Progress, Setting, Unit, now
from core.store.tree_read import preorder, stored_time


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
        close_database()
        if self.readonly and self._tidy:  # leave the folder as a read-only command found it
            tidy_after_readonly(self.db_path)

    def reopen(self) -> None:
        """Connect afresh to the same file (a USB stick put back); never creates a new, empty one."""
        if not self.db_path.is_file():
            raise StoreError("db_missing", path=str(self.db_path))
        old, self.db = self.db, open_database(self.db_path, empty_is_new=False)  # binds the new one once it opened
        if old is not self.db:
            old.close()

    def _atomic(self):
        return _Atomic(self)

    # -- plans ---------------------------------------------------------------------------
    def list_plans(self, with_rollups: bool = True) -> list[PlanSummary]:
        """Every plan, newest year first; without roll-ups (empty) when only names are needed."""
        plans = Plan.select().order_by(Plan.year.desc(nulls="last"), Plan.id.desc())
        rollups = plan_rollups(self.db, self.today()) if with_rollups else {}
        return [self._summary(p, rollups.get(p.id, Rollup())) for p in plans]

    def plan(self, plan_id: int) -> PlanSummary:
        return self._summary(self._plan_row(plan_id))

    def _plan_row(self, plan_id: int) -> Plan:
        row = Plan.get_or_none(Plan.id == plan_id)
        if row is None:
            raise NotFoundError("plan_not_found", plan_id=plan_id)
        return row

    def _summary(self, p: Plan, rollup: Rollup | None = None) -> PlanSummary:
        return PlanSummary(id=p.id, title=p.title, year=p.year, issuer=p.issuer, doc_number=p.doc_number,
                           issue_date=p.issue_date, source_name=p.source_name,
                           source_sha256=p.source_sha256, imported_at=p.imported_at,
                           rollup=rollup if rollup is not None else self.plan_rollup(p.id))

    def import_plan(self, parsed: ParsedPlan, source_name: str | None = None,
                    sha256: str | None = None) -> ImportResult:
        """Store a parsed plan whole, or not at all; text is cleaned of what no export could hold."""
        parsed, source_name = parsed.cleaned(), clean_text(source_name) or None
        if self._has_data():
            self.backup_now("import")
        with self._atomic():
            return insert_plan(parsed, source_name, sha256)

    def plans_like(self, sha256: str | None, title: str, year: int | None) -> list[PlanSummary]:
        """Plans already imported from the same file, or with the same title and year."""
        cond = (Plan.title == title) & (Plan.year == year) if year is not None else (Plan.title == title)
        if sha256:
            cond = cond | (Plan.source_sha256 == sha256)
        return [self._summary(p) for p in Plan.select().where(cond)]

    def delete_plan(self, plan_id: int) -> Path:
        """Delete a plan whole, in one transaction, after a backup; returns that backup."""
        self._plan_row(plan_id)
        kept = self.backup_now("delete")
        with self._atomic():
            Plan.delete().where(Plan.id == plan_id).execute()
        return kept

    # -- trees and nodes -----------------------------------------------------------------
    def tree(self, plan_id: int) -> list[NodeInfo]:
        """A plan's nodes in document order (parents before children)."""
        self._plan_row(plan_id)
        return preorder(load_tree(plan_id))

    def node(self, node_id: int) -> NodeInfo:
        found = load_nodes([node_id])
        if node_id not in found:
            raise NotFoundError("node_not_found", node_id=node_id)
        return found[node_id]

    def nodes(self, node_ids: Iterable[int]) -> dict[int, NodeInfo]:
        """Fresh records of just these nodes, for updating views after a Change."""
        return load_nodes(list(dict.fromkeys(node_ids)))

    def rollups(self, plan_id: int) -> dict[int, Rollup]:
        """Roll-up of every node of a plan (a task's is its own one-task roll-up)."""
        return tree_rollups(preorder(load_tree(plan_id)), self.today())

    def rollup(self, node_id: int) -> Rollup:
        return self.rollups(self.node(node_id).plan_id)[node_id]

    def plan_rollup(self, plan_id: int) -> Rollup:
        return plan_rollups(self.db, self.today(), plan_id).get(plan_id, Rollup())

    def _task_rows(self, node_ids: Iterable[int]) -> dict[int, Progress]:
        ids = list(dict.fromkeys(node_ids))
        rows = {p.node_id: p for p in Progress.select().where(Progress.node.in_(ids))}
        sections = {n.parent_id for n in Node.select(Node.parent).where(Node.parent.in_(ids))}
        for node_id in ids:
            if node_id not in rows or node_id in sections:
                if Node.get_or_none(Node.id == node_id) is None:
                    raise NotFoundError("node_not_found", node_id=node_id)
                raise UsageError("not_a_task", node_id=node_id)
        return rows

    def _ancestors(self, node_ids: Iterable[int]) -> tuple[int, set[int]]:
        plan_id, found = 0, set()
        for node_id in node_ids:
            row = Node.get_by_id(node_id)
            plan_id = row.plan_id
            parent = row.parent_id
            while parent is not None and parent not in found:
                found.add(parent)
                parent = Node.get_by_id(parent).parent_id
        return plan_id, found

    # -- the clerk's edits ---------------------------------------------------------------
    def set_status(self, node_id: int, status: Status | str, initiator: object = None) -> Change:
        return self.set_statuses([node_id], status, initiator)

    def set_statuses(self, node_ids: Iterable[int], status: Status | str, initiator: object = None) -> Change:
        """Give several tasks one status in one transaction (ticking a whole section)."""
        status = status if isinstance(status, Status) else Status.parse(status)
        with self._atomic():
            rows = self._task_rows(node_ids)
            changed = [p for p in rows.values() if p.status != status.value]
            for p in changed:
                History.create(node=p.node_id, field="status", old=p.status, new=status.value)
                p.status = status.value
                day = (p.completed_on or self.today()) if status is Status.DONE else None
                _record_completed_on(p, day)
                p.updated_at = now()
                p.save()
            plan_id, ancestors = self._ancestors([p.node_id for p in changed])
        return Change(plan_id=plan_id, nodes={p.node_id for p in changed}, rollups=ancestors,
                      fields={"status", "completed_on"}, initiator=initiator)

    def mark(self, node_id: int, status: Status | str | None, note: str | None = None,
             completed_on: dt.date | None = None, initiator: object = None) -> Change:
        """Set what is given of a task's status, note and completion date in one transaction (the
        CLI's `mark`); the date is set last, so `--status 已完成 --date D` records D, not today."""
        with self._atomic():
            change = (self.set_status(node_id, status, initiator) if status is not None
                      else Change(plan_id=Node.get_by_id(node_id).plan_id, initiator=initiator))
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
        snaps = list(snaps)
        with self._atomic():
            rows = self._task_rows(node_id for node_id, _, _ in snaps)
            changed = []
            for node_id, status, completed_on in snaps:
                p = rows[node_id]
                status = Status(status)
                if p.status == status.value and p.completed_on == completed_on:
                    continue
                if p.status != status.value:
                    History.create(node=node_id, field="status", old=p.status, new=status.value)
                _record_completed_on(p, completed_on)
                p.status, p.updated_at = status.value, now()
                p.save()
                changed.append(node_id)
            plan_id, ancestors = self._ancestors(changed)
        return Change(plan_id=plan_id, nodes=set(changed), rollups=ancestors, fields={"status", "completed_on"},
                      initiator=initiator)

    def set_note(self, node_id: int, note: str, initiator: object = None) -> Change:
        """Save the 完成情况 note; edits in one sitting make one history entry."""
        note = clean_text(note)
        with self._atomic():
            p = self._task_rows([node_id])[node_id]
            if p.note == note:
                return Change(plan_id=Node.get_by_id(node_id).plan_id, initiator=initiator)
            history.record(node_id, "note", p.note, note)  # typing in one sitting is one line
            p.note, p.updated_at = note, now()
            p.save()
        return Change(plan_id=Node.get_by_id(node_id).plan_id, nodes={node_id}, fields={"note"}, initiator=initiator)

    def set_completed_on(self, node_id: int, day: dt.date | None, initiator: object = None) -> Change:
        with self._atomic():
            p = self._task_rows([node_id])[node_id]
            if p.completed_on != day:
                _record_completed_on(p, day)
                p.updated_at = now()
                p.save()
        return Change(plan_id=Node.get_by_id(node_id).plan_id, nodes={node_id}, fields={"completed_on"},
                      initiator=initiator)

    def history(self, node_id: int) -> list[HistoryEntry]:
        rows = History.select().where(History.node == node_id).order_by(History.id)
        return [HistoryEntry(at=stored_time(h.at), field=h.field, old=h.old, new=h.new, source=h.source) for h in rows]

    def plan_history(self, plan_id: int) -> dict[int, list[HistoryEntry]]:
        """Every task's history in one query, oldest first (an export as of a past date reads it)."""
        self._plan_row(plan_id)
        rows = (History.select(History, Node.id).join(Node).where(Node.plan == plan_id)
                .order_by(History.id))
        out: dict[int, list[HistoryEntry]] = {}
        for h in rows:
            out.setdefault(h.node_id, []).append(HistoryEntry(at=h.at, field=h.field, old=h.old, new=h.new,
                                                                   source=h.source))
        return out

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
        return [u.name for u in Unit.select(Unit.name).order_by(Unit.name)]

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
        with self._atomic():
            self._put(spec, value)
        return Change(plan_id=None, fields={spec.key}, initiator=initiator)

    def _put(self, spec: settings.SettingSpec, value) -> None:
        if not isinstance(value, spec.kind):
            raise TypeError(f"{spec.key} takes {spec.kind.__name__}")
        Setting.insert(key=spec.key, value=spec.encode(value)).on_conflict_replace().execute()

    def setting(self, key: str, default: str | None = None) -> str | None:
        """The raw text under `key` (core.domain.settings declares the keys; prefer get())."""
        row = Setting.get_or_none(Setting.key == key)
        return row.value if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self._atomic():
            Setting.insert(key=key, value=value).on_conflict_replace().execute()


def _record_completed_on(p: Progress, day: dt.date | None) -> None:
    """Set a task's completion date, with a history entry, so an export as of a past day finds it."""
    if p.completed_on == day:
        return
    history.record(p.node_id, "completed_on", p.completed_on.isoformat() if p.completed_on else None,
                   day.isoformat() if day else None)  # stepping the date with the arrow keys is one line
    p.completed_on = day


class _Atomic:
    """db.atomic() (BEGIN IMMEDIATE) that turns low-level write failures into a StoreError the user
    can read, and tells the service a write landed (for the idle checkpoint)."""

    def __init__(self, service: PlanService) -> None:
        self.service = service
        self.ctx = service.db.atomic()
        self.path = str(service.db_path)

    def __enter__(self):
        self.service.opening.before_write()  # never on a file whose opening check has not passed
        if not Path(self.path).exists():  # a deleted file would take writes into its orphaned WAL
            raise StoreError("db_missing", path=self.path)
        return self.ctx.__enter__()

    def __exit__(self, exc_type, exc, tb):
        try:
            result = self.ctx.__exit__(exc_type, exc, tb)
        except (PeeweeException, sqlite3.Error) as failed:  # COMMIT itself failed: disk full, USB gone
            raise store_error(failed, self.path) from failed
        if isinstance(exc, (PeeweeException, sqlite3.Error)):
            raise store_error(exc, self.path) from exc
        if exc_type is None:
            self.service._wrote()
        return result
