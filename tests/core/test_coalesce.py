"""Edits of one field in one go are one history line: the rule, and the history that follows it."""

from __future__ import annotations

import datetime as dt

from core.domain.coalesce import COALESCE_SECONDS, coalesces
from core.store.tables import History

T0 = dt.datetime(2026, 9, 1, 10, 0, 0)


def test_a_date_stepped_within_seconds_continues_the_edit():
    assert coalesces("completed_on", T0, T0 + dt.timedelta(seconds=2))
    assert not coalesces("completed_on", T0, T0 + dt.timedelta(seconds=COALESCE_SECONDS["completed_on"] + 1))


def test_a_note_typed_in_one_sitting_continues_but_a_status_never_does():
    assert coalesces("note", T0, T0 + dt.timedelta(minutes=4))
    assert not coalesces("status", T0, T0)


def test_another_source_or_an_unreadable_time_starts_a_new_edit():
    assert not coalesces("completed_on", T0, T0, same_source=False)
    assert not coalesces("completed_on", "soon", T0)  # a time another tool wrote as text
    assert not coalesces("completed_on", T0 + dt.timedelta(seconds=5), T0)  # the clock went back


def _task(service, sample_plan) -> int:
    plan_id = service.import_plan(sample_plan).plan_id
    return next(n.id for n in service.tree(plan_id) if n.is_task)


def _earlier() -> None:
    """As if every line so far was written long before."""
    History.update(at=T0).execute()


def _dates(service, task):
    return [(h.old, h.new) for h in service.history(task) if h.field == "completed_on"]


def test_seventeen_steps_of_the_completion_date_make_one_history_line(service, sample_plan):
    task = _task(service, sample_plan)
    service.set_completed_on(task, dt.date(2026, 8, 1))
    start = dt.date(2026, 8, 1)
    _earlier()
    for step in range(1, 18):
        service.set_completed_on(task, start + dt.timedelta(days=step))
    assert _dates(service, task) == [(None, "2026-08-01"), ("2026-08-01", "2026-08-18")]


def test_stepping_back_to_where_it_began_leaves_no_line(service, sample_plan):
    task = _task(service, sample_plan)
    service.set_completed_on(task, dt.date(2026, 8, 1))
    _earlier()
    service.set_completed_on(task, dt.date(2026, 8, 2))
    service.set_completed_on(task, dt.date(2026, 8, 1))
    assert _dates(service, task) == [(None, "2026-08-01")]


def test_a_later_step_is_a_new_line(service, sample_plan):
    task = _task(service, sample_plan)
    service.set_completed_on(task, dt.date(2026, 8, 1))
    _earlier()
    service.set_completed_on(task, dt.date(2026, 8, 2))
    assert len(_dates(service, task)) == 2


def test_a_units_report_never_continues_the_clerks_edit(service, sample_plan):
    task = _task(service, sample_plan)
    service.set_completed_on(task, dt.date(2026, 8, 1))
    History.update(source="来自县政府办公室填报（办公室.xlsx）").execute()
    service.set_completed_on(task, dt.date(2026, 8, 2))
    assert len(_dates(service, task)) == 2
