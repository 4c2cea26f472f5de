"""The import preview's model and its undo commands, on a bare QUndoStack."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from core.parse.checks import node_at
from core.parse.parsed_plan import ParsedDeadline, ParsedNode, ParsedPlan
from gui.importing.preview_commands import (
    AddCommand,
    DeleteCommand,
    EditNodeCommand,
    MergeCommand,
    MoveCommand,
    SetMetaCommand,
    SplitCommand,
)
from gui.importing.preview_model import DEADLINE, LABEL, TITLE, UNITS, PreviewModel


def task(label: str, title: str, *units: str) -> ParsedNode:
    node = ParsedNode(label=label, title=title, text=title + "。")
    node.units["responsible"] = list(units)
    return node


@pytest.fixture
def plan() -> ParsedPlan:
    one = ParsedNode(label="一、", title="主动公开", text="主动公开",
                     children=[task("（一）", "公开财政预算", "县财政局"), task("（二）", "公开重大项目", "县发改局")])
    two = ParsedNode(label="二、", title="平台建设", text="平台建设",
                     children=[task("（三）", "网站改版", "县政府办"), task("（四）", "政务新媒体")])
    return ParsedPlan(title="2024年政务公开工作要点", year=2024, nodes=[one, two])


@pytest.fixture
def model(qapp, plan):
    m = PreviewModel(QUndoStack())
    m.load(plan)
    return m


def snapshot(plan: ParsedPlan) -> str:
    return plan.to_json()


def test_preview_model_passes_the_model_tester(qtmodeltester, model):
    qtmodeltester.check(model, force_py=True)
    stack = model.stack
    stack.push(MoveCommand.indent(model, (0, 1)))
    stack.push(MergeCommand(model, (1, 1)))
    stack.push(DeleteCommand(model, (0,)))
    qtmodeltester.check(model, force_py=True)


def test_preview_shows_label_title_units_and_deadlines(model, plan):
    node_at(plan, (1, 0)).deadlines = [ParsedDeadline("6月底前", dt.date(2024, 6, 30))]
    index = model.index_at((1, 0))
    assert model.data(index.siblingAtColumn(LABEL)) == "（三）"
    assert model.data(index.siblingAtColumn(TITLE)) == "网站改版"
    assert "县政府办" in model.data(index.siblingAtColumn(UNITS))
    assert model.data(index.siblingAtColumn(DEADLINE)) == "6月底前"
    assert "2024-06-30" in model.data(index.siblingAtColumn(DEADLINE), Qt.ItemDataRole.ToolTipRole)


def test_editing_a_title_in_the_tree_is_one_undo_step(model, plan):
    before = snapshot(plan)
    index = model.index_at((0, 0), TITLE)
    assert model.setData(index, "公开财政预决算")
    node = node_at(plan, (0, 0))
    assert node.title == "公开财政预决算" and node.text == "公开财政预决算。"
    model.stack.undo()
    assert snapshot(plan) == before


@pytest.mark.parametrize("make", [
    lambda m: MoveCommand.up_down(m, (0, 1), -1),
    lambda m: MoveCommand.up_down(m, (0,), 1),
    lambda m: MoveCommand.indent(m, (0, 1)),
    lambda m: MoveCommand.outdent(m, (1, 1)),
    lambda m: DeleteCommand(m, (1,)),
    lambda m: AddCommand(m, (0, 2), ParsedNode(label="（三）", title="新任务")),
    lambda m: MergeCommand(m, (0, 1)),
    lambda m: MergeCommand(m, (1, 0)),
    lambda m: MergeCommand(m, (1,)),
    lambda m: SplitCommand(m, (0, 0), 4),
    lambda m: EditNodeCommand(m, (1, 1), {"units": {"lead": ["县政府办"]}}, "units"),
    lambda m: SetMetaCommand(m, "year", 2025),
], ids=["up", "down", "indent", "outdent", "delete", "add", "merge", "merge-into-parent", "merge-sections",
        "split", "units", "year"])
def test_every_command_undoes_exactly_and_redoes_again(model, plan, make):
    before = snapshot(plan)
    model.stack.push(make(model))
    after = snapshot(plan)
    assert after != before or plan.year != 2024
    model.stack.undo()
    assert snapshot(plan) == before and plan.year == 2024
    model.stack.redo()
    assert snapshot(plan) == after


def test_merge_joins_text_units_and_children(model, plan):
    model.stack.push(MergeCommand(model, (1,)))
    merged = plan.nodes[0]
    assert [c.label for c in merged.children] == ["（一）", "（二）", "（三）", "（四）"]
    assert merged.text == "主动公开\n平台建设"
    assert model.rowCount(model.index_at((0,))) == 4


def test_split_makes_the_second_half_a_sibling_with_its_own_label(model, plan):
    node = node_at(plan, (0, 0))
    node.text = "公开财政预算。2.公开部门决算（牵头单位：县审计局）。"
    node.units = {"lead": [], "responsible": ["县财政局"], "cooperating": []}
    model.stack.push(SplitCommand(model, (0, 0), node.text.index("2.")))
    first, second = plan.nodes[0].children[:2]
    assert first.text == "公开财政预算。" and second.label == "2."
    assert second.title == "公开部门决算（牵头单位：县审计局）"
    assert second.units["lead"] == ["县审计局"]


def test_typing_in_one_field_merges_into_one_undo_step(model, plan):
    for text in ("网", "网站", "网站群"):
        model.stack.push(EditNodeCommand(model, (1, 0), {"text": text}, "edit", merge=True))
    assert model.stack.count() == 1
    model.stack.undo()
    assert node_at(plan, (1, 0)).text == "网站改版。"


def test_setting_the_year_dates_deadlines_printed_without_one(model, plan):
    plan.year = None
    node_at(plan, (0, 0)).deadlines = [ParsedDeadline("6月底前", None), ParsedDeadline("长期坚持", None)]
    for year in (2023, 2025):  # spinning the year box is one undo step
        model.stack.push(SetMetaCommand(model, "year", year))
    assert model.stack.count() == 1
    assert node_at(plan, (0, 0)).deadlines[0].date == dt.date(2025, 6, 30)
    assert node_at(plan, (0, 0)).deadlines[1].date is None
    model.stack.undo()
    assert plan.year is None and node_at(plan, (0, 0)).deadlines[0].date is None
