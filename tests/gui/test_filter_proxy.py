"""The filtered tree: the proxy over the plan model, with core's one predicate and cached keys."""

from __future__ import annotations

import datetime as dt

import pytest

from core.domain.records import TaskFilter
from core.domain.status import Status
from core.service.facade import PlanService
from gui.editing.commands import EditContext, SetStatusCommand
from gui.tree.delegate import hit_spans
from gui.tree.filter_proxy import TaskFilterProxy
from gui.tree.plan_tree_model import PlanTreeModel

TODAY = dt.date(2026, 7, 15)


@pytest.fixture
def dated(db_path, sample_plan, qapp):
    """The sample plan on 15 July 2026, in a model and a proxy."""
    service = PlanService(db_path, today=lambda: TODAY)
    plan_id = service.import_plan(sample_plan, source_name="sample").plan_id
    model = PlanTreeModel(EditContext(service))
    model.load(plan_id)
    yield service, model, TaskFilterProxy(model)
    service.close()


def shown_ids(proxy) -> list[int]:
    """Every node the proxy shows, in document order."""
    out = []

    def walk(parent):
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            out.append(proxy.item(index).info.id)
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return out


def titles(proxy) -> set[str]:
    return {proxy.source.item(proxy.source.index_of(i)).info.label for i in shown_ids(proxy)}


def test_proxy_passes_qtmodeltester_filtered_and_not(qtmodeltester, dated):
    _service, _model, proxy = dated
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_filter(TaskFilter(text="公开"))
    qtmodeltester.check(proxy, force_py=True)


def test_search_matches_either_script_and_keeps_ancestors(dated):
    service, model, proxy = dated
    task = next(i for i in model.task_ids() if model.item(model.index_of(i)).info.label == "9.")
    service.rename_node(task, "9.", "規範政府資訊公開指南", "規範政府資訊公開指南和目錄")  # traditional now
    model.load(model.plan_id)
    for needle in ("规范", "規範", "規范"):
        proxy.set_filter(TaskFilter(text=needle))
        assert titles(proxy) == {"三、", "9.", "10."}, needle  # 10. says 规范 in simplified
    assert proxy.shown == 2 and proxy.total == 15


def test_clearing_the_filter_shows_every_node_again(dated):
    _service, model, proxy = dated
    proxy.set_filter(TaskFilter(statuses={Status.DONE}))
    assert shown_ids(proxy) == []
    proxy.set_filter(TaskFilter())
    assert shown_ids(proxy) == model.node_ids()


def test_my_tasks_include_collective_names_and_roles(dated):
    _service, _model, proxy = dated
    proxy.set_my_units(["县教育局"])
    proxy.set_filter(TaskFilter(mine=True))
    # named (6.), and through 县直各单位 (1. 3. 9. 10. 12.); never through 各乡镇人民政府 alone
    assert titles(proxy) - {"一、", "二、", "三、", "（一）", "（二）"} == {"1.", "3.", "6.", "9.", "10.", "12."}
    proxy.set_filter(TaskFilter(mine=True, role="lead"))
    assert proxy.shown == 0
    proxy.set_my_units(["县政府办公室"])
    proxy.set_filter(TaskFilter(mine=True, role="lead"))
    assert titles(proxy) >= {"1.", "11.", "13.", "14.", "15."}


def test_my_role_is_the_strongest_one_named(dated):
    _service, model, proxy = dated
    proxy.set_my_units(["县政府办公室"])
    item = next(model.item(model.index_of(i)) for i in model.task_ids()
                if model.item(model.index_of(i)).info.label == "1.")
    assert proxy.my_role(item) == "lead"
    proxy.set_my_units(["县财政局"])
    assert proxy.my_role(item) == "responsible"  # through 县直各单位


def test_overdue_and_due_within_use_the_next_milestone(dated):
    service, model, proxy = dated
    proxy.set_filter(TaskFilter(overdue=True))
    assert titles(proxy) >= {"2.", "7.", "12.", "13."}
    task = next(i for i in model.task_ids() if model.item(model.index_of(i)).info.label == "14.")
    service.set_deadlines(task, [("7月20日前完成方案", dt.date(2026, 7, 20)), ("年底前", dt.date(2026, 12, 31))])
    model.load(model.plan_id)
    proxy.set_filter(TaskFilter(due_within=14))
    assert "14." in titles(proxy)
    assert model.data(model.index_of(task, 2)).startswith("7月20日前完成方案")  # the next milestone only
    assert "年底前" not in model.data(model.index_of(task, 2))


def test_an_edit_refilters_but_keeps_the_edited_task_on_screen(dated):
    _service, model, proxy = dated
    ctx = model.ctx
    proxy.set_filter(TaskFilter(statuses={Status.TODO}))
    first, second = [i for i in model.task_ids()][:2]
    proxy.pinned = first
    ctx.push(SetStatusCommand(ctx, [model.item(model.index_of(first)).info], Status.DONE, "tick"))
    assert first in shown_ids(proxy)  # the clerk still sees what they just ticked
    proxy.pinned = None
    ctx.push(SetStatusCommand(ctx, [model.item(model.index_of(second)).info], Status.DONE, "tick"))
    assert second not in shown_ids(proxy)
    assert proxy.shown == 13


def test_a_structure_change_refilters_the_rebuilt_tree(dated):
    service, model, proxy = dated
    proxy.set_filter(TaskFilter(text="培训"))
    assert proxy.shown == 1
    change = service.add_node(model.plan_id, None, None, "五、", "培训考核")
    node_id = change.result
    model.apply_change(change)
    assert node_id in shown_ids(proxy)
    assert proxy.shown == 2


def test_hits_are_found_in_the_original_characters():
    assert hit_spans("規範政府資訊公開", "规范") == [(0, 2)]
    assert hit_spans("公开规范，再规范", "规范") == [(2, 4), (6, 8)]
    assert hit_spans("anything", "") == []


def test_a_task_renamed_during_a_search_is_found_by_its_new_words(dated):
    """Keys are folded once per plan; an edit folds the edited task's key again."""
    service, model, proxy = dated
    proxy.set_filter(TaskFilter(text="档案"))
    assert proxy.shown == 0
    task = model.task_ids()[3]
    info = model.item(model.index_of(task)).info
    model.ctx.announce(service.rename_node(task, info.label, "電子檔案規範", "推進電子檔案單軌制"))
    proxy.set_filter(TaskFilter(text="档案"))
    assert task in shown_ids(proxy) and proxy.shown == 1
    proxy.set_filter(TaskFilter(text="档案单轨"))  # typing on narrows the last answer
    assert proxy.shown == 1


def test_a_filter_thinning_the_plan_is_one_layout_change(dated):
    """Row by row, Qt would announce each run of hidden rows and the tree re-lay out for each."""
    _service, _model, proxy = dated
    signals = []
    proxy.rowsRemoved.connect(lambda *_: signals.append("removed"))
    proxy.rowsInserted.connect(lambda *_: signals.append("inserted"))
    proxy.layoutChanged.connect(lambda *_: signals.append("layout"))
    proxy.set_filter(TaskFilter(overdue=True))
    proxy.set_filter(TaskFilter())
    assert signals == ["layout", "layout"]



def test_keys_are_folded_while_idle_after_a_plan_opens(dated, qtbot, monkeypatch):
    """The first keystroke folds nothing: the idle moments after the plan opened did it."""
    from core.domain import filters

    _service, model, proxy = dated
    with qtbot.waitSignal(proxy.warmed, timeout=5000):
        model.load(model.plan_id)

    def no_folding(_info):
        raise AssertionError("a keystroke folded a key")

    monkeypatch.setattr(filters, "search_key", no_folding)
    proxy.set_filter(TaskFilter(text="规范"))
    assert proxy.shown == 2  # 9. and 10.


def _all_indexes(model, parent=None):
    from PySide6.QtCore import QModelIndex

    parent = parent if parent is not None else QModelIndex()
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            yield model.index(row, column, parent)
        yield from _all_indexes(model, model.index(row, 0, parent))


def test_a_cells_roles_in_one_call_are_what_data_gives(dated):
    """multiData (one call per painted cell) answers each role as data() does, through the proxy too."""
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan, Qt

    service, model, proxy = dated
    model.ctx.announce(service.set_status(model.task_ids()[0], Status.DONE))
    proxy.set_filter(TaskFilter(text="公开"))
    roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
             Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DecorationRole,
             Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole]
    checked = 0
    for where in (model, proxy):
        for index in _all_indexes(where):
            for role in roles:
                asked = QModelRoleData(int(role.value))
                where.multiData(index, QModelRoleDataSpan(asked))
                assert asked.data() == index.data(role), (where, index.row(), index.column(), role)
                checked += 1
    assert checked > 8 * 5 * 20


def test_the_delegate_reads_a_cell_through_one_call(dated, monkeypatch):
    """What the painter is given (text, check, colour, bold) comes whole from one multiData call."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    _service, model, proxy = dated
    calls = []
    real = model.multiData
    monkeypatch.setattr(model, "multiData", lambda index, span: (calls.append(index), real(index, span)))
    overdue = next(i for i in model.task_ids() if model.item(model.index_of(i)).info.is_overdue(TODAY))
    index = proxy.index_of(overdue)
    option = QStyleOptionViewItem()
    QStyledItemDelegate().initStyleOption(option, index)
    assert len(calls) == 1
    assert option.text == index.data(Qt.ItemDataRole.DisplayRole)
    assert option.checkState == Qt.CheckState.Unchecked
    assert option.palette.color(QPalette.ColorRole.Text) == index.data(Qt.ItemDataRole.ForegroundRole)
    section = proxy.index(0, 0)
    QStyledItemDelegate().initStyleOption(option, section)
    assert option.font.bold() and option.text == section.data(Qt.ItemDataRole.DisplayRole)


def test_a_tick_under_a_filter_repaints_its_row_and_lays_nothing_out(dated):
    """A tick that leaves what is shown as it was is one row's dataChanged here, at the row the
    filtered tree shows it in, and no layout change (each costs the tree a layout of every row)."""
    from PySide6.QtCore import Qt

    _service, model, proxy = dated
    task = next(i for i in reversed(model.task_ids()) if model.index_of(i).row() > 0)
    proxy.set_filter(TaskFilter(text=model.item(model.index_of(task)).info.title))
    assert proxy.index_of(task).row() < model.index_of(task).row()  # rows of the filtered tree
    layouts, cells = [], []
    proxy.layoutChanged.connect(lambda *_: layouts.append(1))
    proxy.dataChanged.connect(lambda top, bottom, roles: cells.append((top, bottom)))
    ctx = model.ctx
    ctx.push(SetStatusCommand(ctx, [model.item(model.index_of(task)).info], Status.DONE, "tick"))
    assert layouts == []
    top, bottom = next((t, b) for t, b in cells if proxy.item(t).info.id == task)
    assert (top.row(), top.column(), bottom.column()) == (proxy.index_of(task).row(), 0, 4)
    assert top.model() is proxy and top.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def _fresh_view(model, flt):
    """What a proxy made now over `model` shows for `flt`: the rows an edited proxy must show."""
    from shiboken6 import Shiboken

    fresh = TaskFilterProxy(model)
    try:
        fresh.set_my_units(model.ctx.service.my_units())
        fresh.set_filter(flt)
        return shown_ids(fresh)
    finally:
        Shiboken.delete(fresh)  # now, in Qt's order, not whenever the collector gets to it


@pytest.mark.parametrize("flt", [TaskFilter(), TaskFilter(text="公开"), TaskFilter(statuses={Status.TODO})],
                         ids=["unfiltered", "search", "status"])
def test_structure_edits_through_the_filter_keep_qts_model_checks(qtlog, dated, flt):
    """Added, moved, indented and deleted rows, and every undo, filtered or not: Qt's model tester
    watching the filtered tree finds nothing wrong, and it shows what a new one would."""
    from PySide6.QtTest import QAbstractItemModelTester

    from gui.editing.structure_commands import (
        AddNodeCommand,
        DeleteNodeCommand,
        IndentCommand,
        MoveNodeCommand,
    )

    service, model, proxy = dated
    ctx, plan_id = model.ctx, model.plan_id
    proxy.set_filter(flt)
    tester = QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Warning)  # noqa: F841
    section, task = model.root().children[0].info.id, model.task_ids()[0]
    steps = [lambda: AddNodeCommand(ctx, plan_id, section, 0, "0.", "新增公开任务"),
             lambda: AddNodeCommand(ctx, plan_id, section, 1, "0a.", "新增任务"),
             lambda: MoveNodeCommand(ctx, model.task_ids()[-1], section, 0, "move"),
             lambda: IndentCommand(ctx, model.root().children[1].info.id, False, "indent"),
             lambda: DeleteNodeCommand(ctx, task, "t", None),
             lambda: DeleteNodeCommand(ctx, section, "s", None)]
    for step in steps:
        ctx.push(step())
        assert shown_ids(proxy) == _fresh_view(model, flt)
    while ctx.stack.canUndo():
        ctx.stack.undo()
        assert shown_ids(proxy) == _fresh_view(model, flt)
    assert [r.message for r in qtlog.records if "FAIL" in r.message or "Tester" in r.message] == []


def test_unfiltered_a_structure_edit_is_passed_on_row_for_row(dated):
    """No filter: the plan model's rows are the tree's, and its insert and remove are the tree's
    too (the view keeps its layout and only places the new row), not a layout change."""
    from gui.editing.structure_commands import AddNodeCommand

    _service, model, proxy = dated
    signals = []
    proxy.rowsInserted.connect(lambda parent, first, last: signals.append(("inserted", proxy.item(parent).info.id, first)))
    proxy.rowsRemoved.connect(lambda *_: signals.append("removed"))
    proxy.layoutChanged.connect(lambda *_: signals.append("layout"))
    section = model.root().children[0].info.id
    model.ctx.push(AddNodeCommand(model.ctx, model.plan_id, section, 1, "0.", "新增任务"))
    assert signals == [("inserted", section, 1)]
    model.ctx.stack.undo()
    assert signals[1:] == ["removed"]


def test_a_shown_task_deleted_under_a_filter_leaves_no_index_behind(dated):
    """Filtered, the tree's rows are its own lists: a deleted task goes from them, and an index
    kept to it (a selection, an open editor) is let go, not left pointing at a row that is gone."""
    from PySide6.QtCore import QPersistentModelIndex

    from gui.editing.structure_commands import DeleteNodeCommand

    _service, model, proxy = dated
    proxy.set_filter(TaskFilter(text="公开"))
    task = next(i for i in shown_ids(proxy) if model.item(model.index_of(i)).is_task)
    kept = QPersistentModelIndex(proxy.index_of(task))
    model.ctx.push(DeleteNodeCommand(model.ctx, task, "t", None))
    assert not kept.isValid() and task not in shown_ids(proxy)
    model.ctx.stack.undo()
    assert task in shown_ids(proxy)


_FILTERS = [TaskFilter(), TaskFilter(text="公开"), TaskFilter(text="新"), TaskFilter(statuses={Status.TODO}),
            TaskFilter(statuses={Status.DONE}), TaskFilter(overdue=True), TaskFilter(mine=True),
            TaskFilter(text="政务", statuses={Status.TODO})]


def _edit(ctx, model, op, a, b):
    """One of the edits the clerk makes to a plan's rows, aimed by two numbers at its nodes."""
    from gui.editing.structure_commands import (
        AddNodeCommand,
        DeleteNodeCommand,
        IndentCommand,
        MoveNodeCommand,
    )

    nodes, tasks = model.node_ids(), model.task_ids()
    if op == "add":
        parent = model.item(model.index_of(nodes[a % len(nodes)]))
        parent = parent if not parent.is_task else parent.parent
        parent_id = parent.info.id if parent.info is not None else None
        return AddNodeCommand(ctx, model.plan_id, parent_id, b % (len(parent.children) + 1), f"新{a}.", "新增政务公开任务")
    if op == "delete" and len(tasks) > 2:
        return DeleteNodeCommand(ctx, tasks[a % len(tasks)], "t", None)
    if op == "move" and tasks:
        sections = [i for i in nodes if not model.item(model.index_of(i)).is_task]
        target = model.item(model.index_of(sections[b % len(sections)])) if sections else model.root()
        return MoveNodeCommand(ctx, tasks[a % len(tasks)], target.info.id if target.info else None,
                               b % (len(target.children) + 1), "move")
    if op in ("indent", "outdent"):
        return IndentCommand(ctx, nodes[a % len(nodes)], op == "outdent", "n")
    if op == "tick" and tasks:
        info = model.item(model.index_of(tasks[a % len(tasks)])).info
        status = Status.TODO if info.status is Status.DONE else Status.DONE
        return SetStatusCommand(ctx, [info], status, "tick")
    return None


def test_any_run_of_filters_edits_and_undos_shows_what_a_new_filtered_tree_would(db_path, sample_plan, qapp, qtlog):
    """The filtered tree keeps its own rows; after any sequence of filter changes, structure edits,
    ticks, undos and redos, with a tree view and Qt's model tester watching, it shows exactly what a
    filtered tree made afresh over the same plan shows, and every row it shows has its right parent."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from PySide6.QtTest import QAbstractItemModelTester
    from PySide6.QtWidgets import QTreeView
    from shiboken6 import Shiboken

    service = PlanService(db_path, today=lambda: TODAY)
    service.set_my_units(["县教育局"])
    ops = st.sampled_from(["filter", "add", "delete", "move", "indent", "outdent", "tick", "undo", "redo"])

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.tuples(ops, st.integers(0, 60), st.integers(0, 60)), min_size=1, max_size=12))
    def run(steps):
        plan = service.import_plan(sample_plan).plan_id  # each example on a plan of its own
        model = PlanTreeModel(EditContext(service))
        model.load(plan)
        proxy = TaskFilterProxy(model)
        proxy.set_my_units(service.my_units())
        view = QTreeView()
        view.setModel(proxy)
        tester = QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Warning)
        ctx, flt = model.ctx, TaskFilter()
        try:
            for op, a, b in steps:
                if op == "filter":
                    flt = _FILTERS[a % len(_FILTERS)]
                    proxy.set_filter(flt)
                    view.expandAll()
                elif op == "undo" and ctx.stack.canUndo():
                    ctx.stack.undo()
                elif op == "redo" and ctx.stack.canRedo():
                    ctx.stack.redo()
                elif (command := _edit(ctx, model, op, a, b)) is not None:
                    ctx.push(command)
                proxy.pinned = None
                assert shown_ids(proxy) == _fresh_view(model, flt), (op, a, b)
                assert [r.message for r in qtlog.records if "FAIL" in r.message] == [], (op, a, b)
                for node_id in shown_ids(proxy):
                    index = proxy.index_of(node_id)
                    assert proxy.index(index.row(), 0, index.parent()) == index
        finally:
            # the Qt objects of this example deleted now, views before models, the edit context
            # (with its undo stack and commands) last: nothing of them is left for the collector
            for made in (tester, view, proxy, model, ctx):
                Shiboken.delete(made)

    try:
        run()
    finally:
        service.close()


@pytest.mark.parametrize("flt", [TaskFilter(statuses={Status.TODO}), TaskFilter()], ids=["filtered", "unfiltered"])
def test_a_section_whose_last_task_goes_is_a_task_the_filter_judges(dated, flt):
    """Deleting the last task of a section leaves the section a task of its own (what is_task says);
    the filter judges it once the model has its new record, not with the record of before."""
    from gui.editing.structure_commands import DeleteNodeCommand

    service, model, proxy = dated
    ctx = model.ctx
    ctx.announce(service.set_status(model.task_ids()[-1], Status.DONE))  # 未开始 then hides a task
    proxy.set_filter(flt)
    section = next(item for item in model.items() if item.children and all(c.is_task for c in item.children))
    for child in list(section.children):
        ctx.push(DeleteNodeCommand(ctx, child.info.id, "t", None))
    assert model.item(model.index_of(section.info.id)).is_task
    assert section.info.id in shown_ids(proxy)
    assert shown_ids(proxy) == _fresh_view(model, flt)
    assert proxy.total == len(model.task_ids())
