"""一是/二是 inside a department 实施方案's task: children when each names its own unit or limit,
the task's text when none does, and a bracket closing the whole paragraph stays the task's."""

from __future__ import annotations

import pytest

from core.parse.source import parse_text
from core.parse.units import read_cell

HEAD = "某区城市管理局2024年政务公开工作实施方案"
PARAS = [
    "为深入贯彻落实上级部署，结合我局实际，制定本方案。",
    "一、重点任务",
    "（一）推进决策公开。一是公开重大行政决策事项目录，及时向社会发布（责任科室：规划科）；"
    "二是做好决策草案公开征求意见工作（责任科室：执法支队，6月底前）；三是开展决策执行情况评估（责任科室：法规科，10月底前）。",
    "（二）加强政策解读。一是坚持政策文件与解读方案同步起草；二是丰富解读形式，多用图表图解；三是做好回应关切工作。"
    "（责任科室：办公室牵头，法规科配合）",
    "（三）规范依申请公开。严格按照法定时限答复，提升答复质量。（责任科室：办公室，年底前）",
    "二、保障措施",
    "（一）加强组织领导。各科室要高度重视，明确责任人，确保任务落实。",
]


def _plan(one_line: bool):
    sep = " " if one_line else "\n"
    return parse_text(HEAD + sep + sep.join(PARAS))


def _units(node):
    return {role: names for role, names in node.units.items() if names}


@pytest.mark.parametrize("one_line", [False, True])
def test_sub_points_with_their_own_brackets_become_children_of_the_task(one_line):
    task = _plan(one_line).nodes[0].children[0]
    assert [c.label for c in task.children] == ["一是", "二是", "三是"]
    assert task.children[0].text.startswith("公开重大行政决策事项目录")
    assert [_units(c) for c in task.children] == [
        {"responsible": ["规划科"]}, {"responsible": ["执法支队"]}, {"responsible": ["法规科"]}]
    assert [[d.date.isoformat() for d in c.deadlines] for c in task.children] == [
        [], ["2024-06-30"], ["2024-10-31"]]
    assert not any(task.units.values())


@pytest.mark.parametrize("one_line", [False, True])
def test_bracket_closing_the_paragraph_belongs_to_the_task_not_its_last_sub_point(one_line):
    task = _plan(one_line).nodes[0].children[1]
    assert _units(task) == {"lead": ["办公室"], "cooperating": ["法规科"]}
    assert all(not any(c.units.values()) for c in task.children)


def test_sub_points_without_units_stay_the_task_text_in_a_multi_line_body():
    task = _plan(False).nodes[0].children[1]
    assert task.children == [] and "二是丰富解读形式" in task.text


def test_a_limit_in_a_unit_bracket_is_no_unit():
    assert read_cell("责任科室：执法支队，6月底前") == {
        "lead": [], "responsible": ["执法支队"], "cooperating": []}


def test_a_limit_in_a_keyed_unit_cell_is_a_deadline_of_the_task():
    plan = parse_text("某县2024年政务公开工作要点\n一、重点任务\n1.公开年度工作计划。\n牵头单位：县政府办公室，6月底前\n"
                      "2.做好政策解读。\n牵头单位：县司法局")
    task = plan.nodes[0].children[0]
    assert task.units["lead"] == ["县政府办公室"]
    assert [d.date.isoformat() for d in task.deadlines] == ["2024-06-30"]
