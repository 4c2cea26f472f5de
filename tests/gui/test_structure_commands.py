"""Structure edits on a bare QUndoStack: each redo is one service call, each undo puts the plan back."""

from __future__ import annotations

import datetime as dt

from core.domain.status import Status
from gui.editing.commands import EditContext
from gui.editing.structure_commands import (
    AddNodeCommand,
    DeleteNodeCommand,
    IndentCommand,
    MoveNodeCommand,
    RenameNodeCommand,
    SetDeadlinesCommand,
    SetUnitsCommand,
)


def loaded(service, sample_plan):
    plan_id = service.import_plan(sample_plan, source_name="sample").plan_id
    return EditContext(service), plan_id


def shape(service, plan_id) -> list[tuple[int | None, int, str]]:
    """(parent, position, label) of every node: the plan's structure."""
    return [(n.parent_id, n.position, n.label) for n in service.tree(plan_id)]


def by_label(service, plan_id, label: str):
    return next(n for n in service.tree(plan_id) if n.label == label)


def test_undoing_an_add_removes_it_and_redo_brings_back_the_same_item(qapp, service, sample_plan):
    ctx, plan_id = loaded(service, sample_plan)
    before = shape(service, plan_id)
    section = by_label(service, plan_id, "（一）")
    focused = []
    add = AddNodeCommand(ctx, plan_id, section.id, 1, "1a.", "补充任务", focus=focused.append)
    ctx.push(add)
    new_id = add.node_id
    assert service.node(new_id).parent_id == section.id and focused[-1] == new_id
    ctx.push(RenameNodeCommand(ctx, new_id, ("1a.", "补充任务（改）", "补充任务（改）")))
    ctx.stack.undo()
    ctx.stack.undo()
    assert shape(service, plan_id) == before
    ctx.stack.redo()
    ctx.stack.redo()  # the rename finds the item again: it came back with the same id
    assert service.node(new_id).title == "补充任务（改）"


def test_undoing_a_delete_restores_the_subtree_with_its_progress(qapp, service, sample_plan):
    ctx, plan_id = loaded(service, sample_plan)
    section = by_label(service, plan_id, "（一）")
    task = by_label(service, plan_id, "2.")
    service.set_status(task.id, Status.DONE)
    service.set_note(task.id, "已发布清单")
    before = shape(service, plan_id)
    ctx.push(DeleteNodeCommand(ctx, section.id, "（一）", neighbour=None))
    assert all(n.label != "2." for n in service.tree(plan_id))
    ctx.stack.undo()
    assert shape(service, plan_id) == before
    restored = service.node(task.id)
    assert restored.status is Status.DONE and restored.note == "已发布清单"
    assert [h.field for h in service.history(task.id)] == ["status", "completed_on", "note"]


def test_moving_down_and_undo(qapp, service, sample_plan):
    ctx, plan_id = loaded(service, sample_plan)
    first = by_label(service, plan_id, "5.")
    before = shape(service, plan_id)
    ctx.push(MoveNodeCommand(ctx, first.id, first.parent_id, 1, "down"))
    labels = [n.label for n in service.tree(plan_id) if n.parent_id == first.parent_id]
    assert labels[:2] == ["6.", "5."]
    ctx.stack.undo()
    assert shape(service, plan_id) == before
    ctx.stack.redo()
    assert [n.label for n in service.tree(plan_id) if n.parent_id == first.parent_id][:2] == ["6.", "5."]


def test_indent_and_outdent_undo(qapp, service, sample_plan):
    ctx, plan_id = loaded(service, sample_plan)
    before = shape(service, plan_id)
    second = by_label(service, plan_id, "6.")
    first = by_label(service, plan_id, "5.")
    ctx.push(IndentCommand(ctx, second.id, outdent=False, name="6."))
    assert service.node(second.id).parent_id == first.id
    assert not service.node(first.id).is_task  # 5. is now a section holding 6.
    ctx.push(IndentCommand(ctx, second.id, outdent=True, name="6."))
    assert service.node(second.id).parent_id == first.parent_id
    ctx.stack.undo()
    ctx.stack.undo()
    assert shape(service, plan_id) == before
    assert service.node(first.id).is_task


def test_units_and_deadlines_edits_undo(qapp, service, sample_plan):
    ctx, plan_id = loaded(service, sample_plan)
    task = by_label(service, plan_id, "5.")
    ctx.push(SetUnitsCommand(ctx, task.id, {"lead": ["县教育局"], "responsible": [], "cooperating": ["县财政局"]}))
    ctx.push(SetDeadlinesCommand(ctx, task.id, [("8月底前", dt.date(2026, 8, 31))]))
    changed = service.node(task.id)
    assert changed.units["lead"] == ["县教育局"] and changed.deadlines[0].date == dt.date(2026, 8, 31)
    ctx.stack.undo()
    ctx.stack.undo()
    back = service.node(task.id)
    assert back.units == task.units
    assert [(d.text, d.date) for d in back.deadlines] == [(d.text, d.date) for d in task.deadlines]


def test_a_refused_move_is_reported_and_not_kept(qapp, service, sample_plan):
    ctx, plan_id = loaded(service, sample_plan)
    section = by_label(service, plan_id, "一、")
    failures = []
    ctx.failed.connect(failures.append)
    ctx.push(IndentCommand(ctx, section.id, outdent=True, name="一、"))  # already at the top
    assert [f.code for f in failures] == ["bad_move"]
    assert ctx.stack.count() == 0
