"""Stepping the completion date with the arrow keys is one edit: one undo step, one history line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateTimeEdit

from core.domain.status import Status
from core.store.tables import History
from gui.editing.commands import EditContext, SetCompletedOnCommand


def _done_task(window) -> int:
    task = window.model.task_ids()[0]
    window.service.set_status(task, Status.DONE)
    window.service.set_completed_on(task, dt.date(2026, 6, 1))
    History.update(at=dt.datetime(2026, 6, 1, 9, 0)).execute()  # recorded long before the clerk steps it
    window.refresh_plans()
    window.select_node(task)
    return task


def _date_lines(window, task) -> list:
    return [(h.old, h.new) for h in window.service.history(task) if h.field == "completed_on"]


def test_seventeen_arrow_presses_make_one_undo_step_and_one_history_line(sample_window, qtbot):
    window = sample_window
    task = _done_task(window)
    lines_before = _date_lines(window, task)
    edit = window.panel.date_edit
    edit.setFocus()
    edit.setCurrentSection(QDateTimeEdit.Section.DaySection)
    steps_before = window.ctx.stack.count()
    for _ in range(17):
        qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert window.service.node(task).completed_on == dt.date(2026, 6, 18)
    assert window.ctx.stack.count() == steps_before + 1
    lines = _date_lines(window, task)
    assert lines[:len(lines_before)] == lines_before and lines[len(lines_before):] == [("2026-06-01", "2026-06-18")]
    window.undo_action.trigger()
    assert window.service.node(task).completed_on == dt.date(2026, 6, 1)
    assert edit.date() == QDate(2026, 6, 1)


def test_an_edit_after_the_window_is_its_own_undo_step(qapp, service, sample_plan):
    ctx = EditContext(service)
    task = next(n.id for n in service.tree(service.import_plan(sample_plan).plan_id) if n.is_task)
    first = SetCompletedOnCommand(ctx, task, None, dt.date(2026, 6, 1))
    ctx.push(first)
    first.last_at -= dt.timedelta(minutes=1)  # the clerk came back to it a minute later
    ctx.push(SetCompletedOnCommand(ctx, task, dt.date(2026, 6, 1), dt.date(2026, 6, 2)))
    assert ctx.stack.count() == 2
    ctx.push(SetCompletedOnCommand(ctx, task, dt.date(2026, 6, 2), dt.date(2026, 6, 3)))
    assert ctx.stack.count() == 2  # within seconds of the one before: the same step



def test_an_edit_context_goes_when_its_last_reference_does(qapp, service, sample_plan):
    """Its undo stack owns the commands, so they hold the context weakly (as does its PendingWrites):
    with no cycle back, the context and its stack are deleted the moment the last reference goes, in
    Qt's order, never later by Python's collector tearing the cycle in an order Qt cannot take (the
    stack deleting commands already half collected: a crash at a random later moment)."""
    import gc
    import weakref

    task = next(n.id for n in service.tree(service.import_plan(sample_plan).plan_id) if n.is_task)
    ctx = EditContext(service)
    ctx.push(SetCompletedOnCommand(ctx, task, None, dt.date(2026, 6, 1)))
    ctx.push(SetCompletedOnCommand(ctx, task, dt.date(2026, 6, 1), dt.date(2026, 6, 2)))
    gone = weakref.ref(ctx)
    gc.disable()
    try:
        del ctx
        assert gone() is None
    finally:
        gc.enable()


def test_an_edit_context_deletes_its_commands_in_its_finalizer(qapp, service, sample_plan):
    """Python runs a finalizer before it tears a cycle down (PEP 442), while everything around it is
    whole: the context empties its undo stack there, so Qt's destructor, run later inside the
    collector's teardown, has no half-collected command left to delete."""
    import gc

    task = next(n.id for n in service.tree(service.import_plan(sample_plan).plan_id) if n.is_task)
    ctx = EditContext(service)
    ctx.push(SetCompletedOnCommand(ctx, task, None, dt.date(2026, 6, 1)))
    stack = ctx.stack
    seen = []
    stack.indexChanged.connect(lambda index: seen.append((index, stack.count())))
    ctx.cycle = ctx  # only the collector can free it now
    del ctx
    gc.collect()
    assert seen and seen[-1] == (0, 0)  # the stack was emptied while it could still tell
