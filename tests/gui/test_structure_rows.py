"""Structure edits move rows, they do not rebuild the tree: open sections stay open, the
selection stays on its item, and Qt's model checks hold through every edit and its undo."""

from __future__ import annotations

import pytest

from gui.editing.commands import EditContext
from gui.editing.structure_commands import AddNodeCommand, DeleteNodeCommand, IndentCommand, MoveNodeCommand
from gui.tree.plan_tree_model import PlanTreeModel


def node(window, label: str) -> int:
    return next(i for i in window.model.node_ids() if window.model.item(window.model.index_of(i)).info.label == label)


def expanded(window) -> set[int]:
    return {item.info.id for item in window.model.items()
            if item.children and window.tree.isExpanded(window.proxy.index_of(item.info.id))}


def document_order(service, plan_id) -> list[int]:
    return [n.id for n in service.tree(plan_id)]


@pytest.fixture
def edits(sample_window):
    """The sample plan with one section collapsed and a task selected, and a reset counter."""
    window = sample_window
    window.tree.expandAll()
    window.tree.collapse(window.proxy.index_of(node(window, "（二）")))
    resets = []
    window.model.modelReset.connect(lambda: resets.append(1))
    return window, resets


@pytest.mark.parametrize("make", [
    lambda w: AddNodeCommand(w.ctx, w.model.plan_id, node(w, "（一）"), 1, "1a.", "新增任务"),
    lambda w: AddNodeCommand(w.ctx, w.model.plan_id, node(w, "2."), None, "(1)", "子任务"),  # a task gets a child
    lambda w: DeleteNodeCommand(w.ctx, node(w, "1."), "1.", None),
    lambda w: DeleteNodeCommand(w.ctx, node(w, "（二）"), "（二）", None),
    lambda w: MoveNodeCommand(w.ctx, node(w, "1."), node(w, "（一）"), 1, "down"),
    lambda w: MoveNodeCommand(w.ctx, node(w, "2."), node(w, "（一）"), 0, "up"),
    lambda w: IndentCommand(w.ctx, node(w, "2."), False, "2."),
    lambda w: IndentCommand(w.ctx, node(w, "2."), True, "2."),
], ids=["add", "add-under-task", "delete-task", "delete-section", "move-down", "move-up", "indent", "outdent"])
def test_a_structure_edit_keeps_expansion_and_selection_without_a_reset(edits, make):
    window, resets = edits
    keep = node(window, "（三）") if any(i.info.label == "（三）" for i in window.model.items()) else None
    selected = keep if keep is not None else window.model.node_ids()[-1]
    window.select_node(selected)
    open_before = expanded(window)
    window.ctx.push(make(window))
    assert resets == []
    assert window.proxy.item(window.tree.currentIndex()).info.id in {selected, *window.model.node_ids()}
    assert window.model.node_ids() == document_order(window.service, window.model.plan_id)
    assert open_before & set(window.model.node_ids()) <= expanded(window)
    window.select_node(selected)
    window.ctx.stack.undo()
    assert resets == []
    assert window.model.node_ids() == document_order(window.service, window.model.plan_id)
    assert expanded(window) == open_before
    window.ctx.stack.redo()
    assert resets == [] and window.model.node_ids() == document_order(window.service, window.model.plan_id)


def test_the_selected_item_stays_selected_when_an_item_above_it_goes(edits):
    window, resets = edits
    target = node(window, "2.")
    window.select_node(target)
    window.ctx.push(DeleteNodeCommand(window.ctx, node(window, "1."), "1.", None))
    assert window.proxy.item(window.tree.currentIndex()).info.id == target
    assert resets == []


def test_model_checks_hold_through_structure_edits(qtmodeltester, service, sample_plan):
    plan_id = service.import_plan(sample_plan).plan_id
    ctx = EditContext(service)
    model = PlanTreeModel(ctx)
    model.load(plan_id)
    qtmodeltester.check(model, force_py=True)  # stays connected: checks every row signal that follows
    section, task = model.root().children[0].info.id, model.task_ids()[0]
    ctx.push(AddNodeCommand(ctx, plan_id, section, 0, "0.", "新增"))
    ctx.push(AddNodeCommand(ctx, plan_id, task, None, "(1)", "子任务"))
    ctx.push(MoveNodeCommand(ctx, task, None, 0, "move"))
    ctx.push(IndentCommand(ctx, model.root().children[1].info.id, False, "indent"))
    ctx.push(DeleteNodeCommand(ctx, section, "s", None))
    assert model.node_ids() == [n.id for n in service.tree(plan_id)]
    while ctx.stack.canUndo():
        ctx.stack.undo()
    assert model.node_ids() == [n.id for n in service.tree(plan_id)]
    rollup = service.rollups(plan_id)
    assert all(item.rollup.counts == rollup[item.info.id].counts for item in model.items())


def test_qts_own_model_tester_finds_nothing_wrong_in_structure_edits(qtlog, service, sample_plan):
    from PySide6.QtTest import QAbstractItemModelTester

    plan_id = service.import_plan(sample_plan).plan_id
    ctx = EditContext(service)
    model = PlanTreeModel(ctx)
    model.load(plan_id)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)  # noqa: F841 (watches while alive)
    section, task = model.root().children[0].info.id, model.task_ids()[0]
    ctx.push(AddNodeCommand(ctx, plan_id, task, None, "(1)", "子任务"))
    ctx.push(MoveNodeCommand(ctx, model.task_ids()[-1], section, 0, "move"))
    ctx.push(IndentCommand(ctx, model.root().children[1].info.id, False, "indent"))
    ctx.push(DeleteNodeCommand(ctx, section, "s", None))
    while ctx.stack.canUndo():
        ctx.stack.undo()
    assert [r.message for r in qtlog.records if "FAIL" in r.message or "Tester" in r.message] == []
