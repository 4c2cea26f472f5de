"""A status key's write: the lines it leaves, the rows it finds, and how few statements it costs
(issue 16: the toggle in the window has 3 ms for its commit and repaint together)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.domain.status import Status
from core.errors import NotFoundError, UsageError
from core.store.structure import ancestors
from core.store.tables import database


def _tree(service, sample_plan):
    plan_id = service.import_plan(sample_plan).plan_id
    return plan_id, service.tree(plan_id)


def _statements(service, call) -> list[str]:
    """The SQL statements `call` runs, as SQLite saw them."""
    seen: list[str] = []
    con = service.db.connection()
    con.set_trace_callback(seen.append)
    try:
        call()
    finally:
        con.set_trace_callback(None)
    return seen


def test_a_status_key_costs_a_handful_of_statements(service, sample_plan):
    _, nodes = _tree(service, sample_plan)
    task = next(n for n in nodes if n.is_task)
    seen = _statements(service, lambda: service.set_statuses([task.id], Status.DONE))
    # BEGIN; the row; the status line and the date line; the row written; the plan; the ancestors; COMMIT
    assert len(seen) <= 8, seen
    assert seen[0].startswith("BEGIN IMMEDIATE") and seen[-1] == "COMMIT"


def test_ancestors_are_found_at_every_depth_with_the_plan_of_the_last(service, sample_plan):
    plan_id, nodes = _tree(service, sample_plan)
    by_id = {n.id: n for n in nodes}
    task = next(n for n in nodes if n.is_task and by_id[n.parent_id].parent_id is not None)
    up, parent = set(), task.parent_id
    while parent is not None:
        up.add(parent)
        parent = by_id[parent].parent_id
    with database.atomic():
        assert ancestors([task.id]) == (plan_id, up)
        assert ancestors([task.id, task.parent_id, task.id]) == (plan_id, up)
        assert ancestors([]) == (0, set())
        with pytest.raises(NotFoundError):
            ancestors([task.id, 999_999])


def test_a_section_or_a_missing_id_is_refused_and_nothing_is_written(service, sample_plan):
    _, nodes = _tree(service, sample_plan)
    task = next(n for n in nodes if n.is_task)
    section = next(n for n in nodes if not n.is_task)
    with pytest.raises(UsageError):
        service.set_statuses([task.id, section.id], Status.DONE)
    with pytest.raises(NotFoundError):
        service.set_statuses([task.id, 999_999], Status.DONE)
    assert service.node(task.id).status is Status.TODO and service.history(task.id) == []


def test_ticking_and_unticking_at_once_leave_a_line_each(service, sample_plan):
    _, nodes = _tree(service, sample_plan)
    task = next(n for n in nodes if n.is_task)
    today = service.today().isoformat()
    service.set_statuses([task.id], Status.DONE)
    service.restore_progress([(task.id, Status.TODO, None)])
    assert [(h.field, h.old, h.new) for h in service.history(task.id)] == [
        ("status", "todo", "done"), ("completed_on", None, today),
        ("status", "done", "todo"), ("completed_on", today, None)]
    node = service.node(task.id)
    assert (node.status, node.completed_on) == (Status.TODO, None)


def test_a_completion_date_another_tool_wrote_as_text_is_replaced_with_a_line(service, sample_plan):
    _, nodes = _tree(service, sample_plan)
    task = next(n for n in nodes if n.is_task)
    database.execute_sql("UPDATE progress SET completed_on = 'soon' WHERE node_id = ?", (task.id,))
    assert service.set_completed_on(task.id, dt.date(2026, 8, 1)).nodes == {task.id}
    assert [(h.field, h.old, h.new) for h in service.history(task.id)] == [("completed_on", "soon", "2026-08-01")]
    assert service.node(task.id).completed_on == dt.date(2026, 8, 1)


def test_several_tasks_at_once_each_get_their_line(service, sample_plan):
    _, nodes = _tree(service, sample_plan)
    tasks = [n.id for n in nodes if n.is_task][:4]
    change = service.set_statuses(list(reversed(tasks)), Status.DOING)
    assert change.nodes == set(tasks)
    assert [h.new for t in tasks for h in service.history(t)] == ["doing"] * 4


def test_with_progress_reads_the_row_again_into_copies(service, sample_plan):
    _, nodes = _tree(service, sample_plan)
    task = next(n for n in nodes if n.is_task)
    service.set_statuses([task.id], Status.DONE)
    service.set_note(task.id, "已发布")
    fresh = service.with_progress([task])[task.id]
    assert (fresh.status, fresh.note, fresh.completed_on) == (Status.DONE, "已发布", service.today())
    assert fresh.updated_at is not None and fresh is not task and task.status is Status.TODO
    assert fresh == service.node(task.id)  # everything else as a full read has it
    seen = _statements(service, lambda: service.with_progress([task]))
    assert len(seen) == 1
