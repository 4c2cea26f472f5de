"""The plan rows: listing, finding, renaming and deleting whole plans, as PlanSummary records.

Roll-ups are left at their empty default: the service fills them from plan_io.plan_rollups or
the tree, so a listing that shows names only costs one query.
"""

from __future__ import annotations

from core.domain.records import PlanSummary
from core.errors import NotFoundError
from core.store.tables import Plan
from core.store.tree_read import read_plans


def _summary(p: Plan) -> PlanSummary:
    return PlanSummary(id=p.id, title=p.title, year=p.year, issuer=p.issuer, doc_number=p.doc_number,
                       issue_date=p.issue_date, source_name=p.source_name, source_sha256=p.source_sha256,
                       imported_at=p.imported_at)


def _row(plan_id: int) -> Plan:
    row = Plan.get_or_none(Plan.id == plan_id)
    if row is None:
        raise NotFoundError("plan_not_found", plan_id=plan_id)
    return row


def all_plans() -> list[PlanSummary]:
    """Every plan, newest year first (plans without a year last), newest import first within a year."""
    return read_plans(Plan._meta.database.execute_sql)


def get_plan(plan_id: int) -> PlanSummary:
    """One plan; NotFoundError when there is none with that id."""
    return _summary(_row(plan_id))


def any_plan() -> bool:
    """Whether the database holds a plan at all (an empty one needs no backup)."""
    return Plan.select().exists()


def plans_like(sha256: str | None, title: str, year: int | None) -> list[PlanSummary]:
    """Plans imported from the same bytes, or with the same title (and year, when one is given)."""
    cond = (Plan.title == title) & (Plan.year == year) if year is not None else (Plan.title == title)
    if sha256:
        cond = cond | (Plan.source_sha256 == sha256)
    return [_summary(p) for p in Plan.select().where(cond)]


def rename_plan(plan_id: int, title: str, year: int | None) -> tuple[str, int | None]:
    """New title and year; returns the old (title, year). The caller holds the transaction."""
    row = _row(plan_id)
    old = (row.title, row.year)
    row.title, row.year = title, year
    row.save()
    return old


def delete_plan(plan_id: int) -> None:
    """Delete a plan; its nodes, progress and history go with it (ON DELETE CASCADE)."""
    Plan.delete().where(Plan.id == plan_id).execute()


def carried_from(plan_id: int) -> int | None:
    """The plan this one was carried over from (结转), if any."""
    return _row(plan_id).carried_from_id
