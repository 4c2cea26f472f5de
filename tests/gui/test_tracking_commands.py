"""延期, 进展 and merging returned 台账 on a bare QUndoStack: redo one service call, undo its inverse."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from core.domain.status import Status
from gui.editing.commands import EditContext
from gui.editing.tracking_commands import (
    AddEntryCommand,
    DeferCommand,
    MergeReturnsCommand,
    RemoveDeferralCommand,
    RemoveEntryCommand,
)


def _setup(service, sample_plan):
    plan_id = service.import_plan(sample_plan).plan_id
    task = next(n for n in service.tree(plan_id) if n.is_task and n.deadlines and n.deadlines[0].text == "8月底前")
    return EditContext(service), plan_id, task.id


def test_a_deferral_undoes_and_redoes(qapp, service, sample_plan):
    ctx, _, task = _setup(service, sample_plan)
    seen = []
    ctx.changed.connect(seen.append)
    ctx.push(DeferCommand(ctx, task, dt.date(2026, 10, 31), "原因", initiator="panel"))
    assert service.node(task).final_due() == dt.date(2026, 10, 31) and seen[-1].initiator == "panel"
    ctx.stack.undo()
    assert service.node(task).deferral is None and seen[-1].initiator is None
    ctx.stack.redo()
    assert service.node(task).final_due() == dt.date(2026, 10, 31)
    ctx.stack.undo()
    assert service.deferrals(task) == []


def test_a_progress_entry_with_a_status_undoes_both(qapp, service, sample_plan):
    ctx, _, task = _setup(service, sample_plan)
    ctx.push(AddEntryCommand(ctx, task, "印发实施", dt.date(2026, 8, 20), Status.DONE))
    assert service.node(task).status is Status.DONE and len(service.entries(task)) == 1
    ctx.stack.undo()
    assert service.node(task).status is Status.TODO and service.entries(task) == []
    ctx.stack.redo()
    assert service.node(task).latest_entry.text == "印发实施"


def test_a_failed_deferral_leaves_nothing_on_the_stack(qapp, service, sample_plan):
    ctx, _, task = _setup(service, sample_plan)
    failures = []
    ctx.failed.connect(failures.append)
    ctx.push(DeferCommand(ctx, task, dt.date(2026, 10, 31), "   "))
    assert [f.code for f in failures] == ["deferral_needs_reason"] and ctx.stack.count() == 0


def test_a_merge_is_one_undo_step(qapp, service, sample_plan, tmp_path):
    ctx, plan_id, task = _setup(service, sample_plan)
    path, _ = service.collect(plan_id, tmp_path / "办公室.xlsx", ["县政府办公室"])
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    for row in range(4, ws.max_row + 1):
        if ws.cell(row=row, column=9).value == task:
            ws.cell(row=row, column=5, value="已完成")
            ws.cell(row=row, column=8, value="已全面更新")
    wb.save(path)
    ctx.push(MergeReturnsCommand(ctx, plan_id, service.read_returns([path])))
    assert service.node(task).status is Status.DONE and [e.text for e in service.entries(task)] == ["已全面更新"]
    ctx.stack.undo()
    assert service.node(task).status is Status.TODO and service.entries(task) == []
    ctx.stack.redo()
    assert service.node(task).status is Status.DONE


def test_taking_a_deferral_back_undoes_to_the_same_deferral(qapp, service, sample_plan):
    ctx, _, task = _setup(service, sample_plan)
    service.defer(task, dt.date(2026, 10, 31), "原因", "王主任")
    kept = service.node(task).deferral
    ctx.push(RemoveDeferralCommand(ctx, task, kept))
    assert service.node(task).deferral is None
    ctx.stack.undo()
    assert service.node(task).deferral == kept
    ctx.stack.redo()
    assert service.deferrals(task) == []


def test_removing_an_entry_undoes_and_redoes(qapp, service, sample_plan):
    ctx, _, task = _setup(service, sample_plan)
    entry = service.add_entry(task, "完成初稿", dt.date(2026, 7, 1)).result
    ctx.push(RemoveEntryCommand(ctx, entry))
    assert service.entries(task) == []
    ctx.stack.undo()
    assert service.entries(task) == [entry]
    ctx.stack.redo()
    assert service.entries(task) == []
