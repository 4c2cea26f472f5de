"""Undo commands on a bare QUndoStack: redo does the edit, undo puts everything back."""

from __future__ import annotations

import datetime as dt

from core.domain.status import Status
from gui.editing.commands import EditContext, SetCompletedOnCommand, SetNoteCommand, SetStatusCommand


def loaded(service, sample_plan):
    plan_id = service.import_plan(sample_plan, source_name="sample").plan_id
    tasks = [n for n in service.tree(plan_id) if n.is_task]
    return EditContext(service), tasks


def test_undoing_a_tick_restores_status_and_completion_date(qapp, service, sample_plan):
    ctx, tasks = loaded(service, sample_plan)
    task = tasks[0]
    service.set_status(task.id, Status.DONE)
    service.set_completed_on(task.id, dt.date(2026, 5, 4))
    task = service.node(task.id)
    changes = []
    ctx.changed.connect(changes.append)

    ctx.push(SetStatusCommand(ctx, [task], Status.TODO, "untick"))
    assert service.node(task.id).status is Status.TODO
    assert service.node(task.id).completed_on is None
    ctx.stack.undo()
    assert service.node(task.id).status is Status.DONE
    assert service.node(task.id).completed_on == dt.date(2026, 5, 4)
    assert all(task.id in c.nodes and task.parent_id in c.rollups for c in changes)


def test_undoing_a_mixed_group_gives_each_task_its_own_status_back(qapp, service, sample_plan):
    ctx, tasks = loaded(service, sample_plan)
    service.set_status(tasks[1].id, Status.DOING)
    service.set_status(tasks[2].id, Status.ONGOING)
    before = [service.node(t.id) for t in tasks[:3]]
    ctx.push(SetStatusCommand(ctx, before, Status.DONE, "tick section"))
    assert {service.node(t.id).status for t in tasks[:3]} == {Status.DONE}
    ctx.stack.undo()
    assert [service.node(t.id).status for t in tasks[:3]] == [Status.TODO, Status.DOING, Status.ONGOING]


def test_note_edits_merge_into_one_undo_step(qapp, service, sample_plan):
    ctx, tasks = loaded(service, sample_plan)
    node_id = tasks[0].id
    ctx.push(SetNoteCommand(ctx, node_id, "", "已发"))
    ctx.push(SetNoteCommand(ctx, node_id, "已发", "已发布"))
    assert ctx.stack.count() == 1
    assert service.node(node_id).note == "已发布"
    ctx.stack.undo()
    assert service.node(node_id).note == ""
    ctx.stack.redo()
    assert service.node(node_id).note == "已发布"


def test_completion_date_command_undoes(qapp, service, sample_plan):
    ctx, tasks = loaded(service, sample_plan)
    node_id = tasks[0].id
    ctx.push(SetCompletedOnCommand(ctx, node_id, None, dt.date(2026, 6, 1)))
    assert service.node(node_id).completed_on == dt.date(2026, 6, 1)
    ctx.stack.undo()
    assert service.node(node_id).completed_on is None


def test_a_failed_edit_is_reported_and_not_kept_on_the_stack(qapp, service, sample_plan):
    ctx, tasks = loaded(service, sample_plan)
    section = next(n for n in service.tree(tasks[0].plan_id) if not n.is_task)
    failures = []
    ctx.failed.connect(failures.append)
    ctx.push(SetNoteCommand(ctx, section.id, "", "分组没有完成情况"))
    assert [f.code for f in failures] == ["not_a_task"]
    assert ctx.stack.count() == 0
