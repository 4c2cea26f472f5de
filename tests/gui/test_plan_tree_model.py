"""The tree model alone: Qt's model checks, what each column shows, and overdue in red."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from core.domain.status import Status
from core.service.facade import PlanService
from gui.editing.commands import EditContext
from gui.tree.labels import OVERDUE_COLOR
from gui.tree.plan_tree_model import DEADLINE, PROGRESS, STATUS, TITLE, UNITS, PlanTreeModel


def make_model(service, sample_plan) -> PlanTreeModel:
    plan_id = service.import_plan(sample_plan, source_name="sample").plan_id
    model = PlanTreeModel(EditContext(service))
    model.load(plan_id)
    return model


def test_model_passes_qtmodeltester(qtmodeltester, service, sample_plan):
    model = make_model(service, sample_plan)
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    model.setData(model.index_of(model.task_ids()[0]), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    qtmodeltester.check(model, force_py=True)


def test_columns_show_title_units_deadline_status_and_progress(qapp, service, sample_plan):
    model = make_model(service, sample_plan)
    task = next(i for i in model.task_ids() if model.item(model.index_of(i)).info.label == "2.")
    row = {col: model.data(model.index_of(task, col)) for col in (TITLE, UNITS, DEADLINE, STATUS, PROGRESS)}
    assert row[TITLE] == "2. 集中公开惠企利民政策清单"
    assert row[UNITS] == "县发展改革局、县财政局、县市场监管局"
    assert row[DEADLINE] == "6月底前"
    assert row[STATUS]  # the status name, in whatever language is installed
    assert row[PROGRESS] == ""
    section = model.index(0, PROGRESS)
    assert model.data(section) == "0/4"
    assert "县财政局" in model.data(model.index_of(task, UNITS), Qt.ItemDataRole.ToolTipRole)
    assert "编制政策清单并动态更新" in model.data(model.index_of(task, TITLE), Qt.ItemDataRole.ToolTipRole)


def test_overdue_tasks_are_red_until_done(qapp, db_path, sample_plan):
    service = PlanService(db_path, today=lambda: dt.date(2026, 7, 15))
    try:
        model = make_model(service, sample_plan)
        task = next(i for i in model.task_ids() if model.item(model.index_of(i)).info.label == "2.")
        index = model.index_of(task, UNITS)
        assert model.data(index, Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOR
        assert model.total_rollup().overdue >= 1
        model.setData(model.index_of(task), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
        assert service.node(task).status is Status.DONE
        assert model.data(index, Qt.ItemDataRole.ForegroundRole) != OVERDUE_COLOR
    finally:
        service.close()


def test_a_status_change_signals_only_the_rows_it_touched(qapp, service, sample_plan):
    model = make_model(service, sample_plan)
    task = model.task_ids()[0]
    changed = []
    model.dataChanged.connect(lambda top, bottom, roles: changed.append(model.item(top).info.id))
    model.setData(model.index_of(task), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    ancestors = set()
    parent = service.node(task).parent_id
    while parent is not None:
        ancestors.add(parent)
        parent = service.node(parent).parent_id
    assert set(changed) == {task} | ancestors


def test_model_rollups_match_the_service_after_edits(qapp, service, sample_plan):
    model = make_model(service, sample_plan)
    tasks = model.task_ids()
    for node_id, checked in ((tasks[0], True), (tasks[1], True), (tasks[5], True), (tasks[1], False)):
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        model.setData(model.index_of(node_id), state, Qt.ItemDataRole.CheckStateRole)
    model.ctx.stack.undo()
    expected = service.rollups(model.plan_id)
    for node_id in model.node_ids():
        got = model.item(model.index_of(node_id)).rollup
        assert (got.done, got.applicable, got.overdue) == \
            (expected[node_id].done, expected[node_id].applicable, expected[node_id].overdue)


def test_a_deferral_and_the_latest_progress_show_in_the_row(qapp, db_path, sample_plan):
    service = PlanService(db_path, today=lambda: dt.date(2026, 9, 10))
    try:
        model = make_model(service, sample_plan)
        task = next(i for i in model.task_ids() if model.item(model.index_of(i)).info.label == "9.")
        assert model.data(model.index_of(task, UNITS), Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOR
        model.ctx.announce(service.defer(task, dt.date(2026, 10, 31), "需与省级平台对接"))
        model.ctx.announce(service.add_entry(task, "已完成目录梳理", dt.date(2026, 9, 1)))
        assert model.data(model.index_of(task, DEADLINE)) == "8月底前 → 10月底前"
        tip = model.data(model.index_of(task, DEADLINE), Qt.ItemDataRole.ToolTipRole)
        assert "原定8月底前，经批准延期至10月底前（原因：需与省级平台对接）" in tip
        assert "9月1日：已完成目录梳理" in model.data(model.index_of(task, STATUS), Qt.ItemDataRole.ToolTipRole)
        assert model.data(model.index_of(task, UNITS), Qt.ItemDataRole.ForegroundRole) != OVERDUE_COLOR
    finally:
        service.close()


ROLES_PAINTED = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.CheckStateRole,
                 Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole,
                 Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole)


def painted(model: PlanTreeModel, node_id: int, col: int) -> list:
    """What a delegate reads of one cell, through multiData as Qt asks it."""
    from PySide6.QtCore import QModelRoleData

    asked = [QModelRoleData(int(role)) for role in ROLES_PAINTED]
    model.multiData(model.index_of(node_id, col), asked)
    return [a.data() for a in asked]


def every_cell(model: PlanTreeModel) -> dict:
    return {(n, c): painted(model, n, c) for n in model.node_ids() for c in (TITLE, UNITS, DEADLINE, STATUS, PROGRESS)}


def test_cells_painted_from_the_cache_are_what_a_fresh_model_shows_after_edits(qapp, db_path, sample_plan):
    service = PlanService(db_path, today=lambda: dt.date(2026, 7, 15))
    try:
        model = make_model(service, sample_plan)
        every_cell(model)  # painted once: every cell cached
        tasks = model.task_ids()
        check = Qt.ItemDataRole.CheckStateRole
        model.setData(model.index_of(tasks[0]), Qt.CheckState.Checked, check)
        model.setData(model.index_of(tasks[1]), Qt.CheckState.Checked, check)
        model.setData(model.index_of(tasks[1]), Qt.CheckState.Unchecked, check)
        section = model.item(model.index_of(tasks[2])).parent
        model.setData(model.index_of(section.info.id), Qt.CheckState.Checked, check)  # the whole section
        model.ctx.announce(service.defer(tasks[-1], dt.date(2026, 12, 31), "等待上级文件"))
        model.ctx.announce(service.set_note(tasks[3], "已发布"))
        fresh = PlanTreeModel(EditContext(service))
        fresh.load(model.plan_id)
        assert every_cell(model) == every_cell(fresh)
    finally:
        service.close()


def test_cells_painted_from_the_cache_turn_red_when_the_day_turns(qapp, db_path, sample_plan):
    today = [dt.date(2026, 6, 30)]
    service = PlanService(db_path, today=lambda: today[0])
    try:
        model = make_model(service, sample_plan)
        task = next(i for i in model.task_ids() if model.item(model.index_of(i)).info.label == "2.")  # 6月底前
        foreground = ROLES_PAINTED.index(Qt.ItemDataRole.ForegroundRole)
        assert painted(model, task, UNITS)[foreground] != OVERDUE_COLOR
        today[0] = dt.date(2026, 7, 1)
        assert painted(model, task, UNITS)[foreground] == OVERDUE_COLOR
    finally:
        service.close()


def test_a_tick_announces_an_ancestor_only_in_its_rollup_cells(qapp, service, sample_plan):
    model = make_model(service, sample_plan)
    section = next(item for item in model.items() if len(item.children) > 1 and item.children[0].is_task)
    first, second = (child.info.id for child in section.children[:2])
    signals = []
    model.dataChanged.connect(lambda top, bottom, roles: signals.append(
        (model.item(top).info.id, top.column(), bottom.column(), sorted(int(r) for r in roles))))
    model.setData(model.index_of(first), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    shown = sorted(int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole))
    check = [int(Qt.ItemDataRole.CheckStateRole)]
    mine = [s for s in signals if s[0] == section.info.id]
    assert (first, TITLE, PROGRESS) == signals[0][:3]  # the task's whole row
    assert mine == [(section.info.id, TITLE, TITLE, check), (section.info.id, STATUS, PROGRESS, shown)]  # ☐ → ◪
    signals.clear()
    model.setData(model.index_of(second), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    if len(section.children) > 2:  # still partly done: the tick box is as it was
        assert [s for s in signals if s[0] == section.info.id] == [(section.info.id, STATUS, PROGRESS, shown)]


def test_a_status_change_reads_one_row_back_and_a_rename_the_whole_record(qapp, service, sample_plan):
    model = make_model(service, sample_plan)
    task = model.task_ids()[0]
    change = service.set_statuses([task], Status.DOING)
    seen: list[str] = []
    con = service.db.connection()
    con.set_trace_callback(seen.append)
    try:
        model.apply_change(change)
        assert len(seen) == 1 and "progress" in seen[0]
        assert model.item(model.index_of(task)).info.status is Status.DOING
        seen.clear()
        model.apply_change(service.rename_node(task, "1.", "新的名称"))
        assert len(seen) > 1
        assert model.data(model.index_of(task, TITLE)) == "1. 新的名称"
    finally:
        con.set_trace_callback(None)


def test_cells_painted_from_the_cache_are_what_a_fresh_model_shows_after_structure_edits(qapp, db_path,
                                                                                        sample_plan):
    """A section moved to the top is bold, a task given a child is a section with a figure: every
    row a structure edit touches is painted from its new state, not its cached cells."""
    service = PlanService(db_path, today=lambda: dt.date(2026, 7, 15))
    try:
        model = make_model(service, sample_plan)
        every_cell(model)
        tasks = model.task_ids()
        sub = model.item(model.index_of(tasks[0])).parent.info.id  # （一）, under 一、
        for change in (service.add_node(model.plan_id, tasks[2], None, "(1)", "子任务"),  # a task becomes a section
                       service.move_node(sub, None, 0),  # a subsection moved to the top
                       service.indent_node(tasks[5]),
                       service.delete_node(tasks[7])):
            model.apply_change(change)
            every_cell(model)  # painted in between, as the window does
        fresh = PlanTreeModel(EditContext(service))
        fresh.load(model.plan_id)
        assert model.node_ids() == fresh.node_ids()
        assert every_cell(model) == every_cell(fresh)
    finally:
        service.close()
