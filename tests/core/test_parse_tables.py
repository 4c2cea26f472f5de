"""台账 tables: columns found by header, section rows, merged groups, units shared down the column."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from table_builders import shape

from core.errors import InputError
from core.parse.pipeline import parse_document
from core.parse.tables import find_header
from core.readers.document import Cell, Document, Paragraph, Table


def row(*texts, spans=False):
    """A row; with spans=True the first text spans all columns (merged to the right)."""
    if spans:
        return [Cell(texts[0])] + [Cell(texts[0], merged_left=True) for _ in texts[1:]]
    return [Cell(t) for t in texts]


def up(text):
    return Cell(text, merged_up=True)


def parse(*blocks):
    return parse_document(Document(blocks=list(blocks), source_name="t.xlsx"))


def zhuhai_like():
    return Table(rows=[
        row("珠海市2019年政务公开工作要点分工方案", "", "", "", "", spans=True),
        row("序号", "工作任务", "具体内容", "责任单位", "时间要求"),
        row("一", "着眼稳定预期", "", "", "", spans=False)[:1] + row("着眼稳定预期", "", "", "", spans=True),
        row("1", "(一)深入解读重要政策措施。", "认真落实解读细则。", "市直各单位、各区政府(管委会)", ""),
        row("2", "(二)积极回应社会关切。", "对重要改革措施做好评估。", "市直各单位", "8月底前"),
        [Cell("3"), up("(二)积极回应社会关切。"), Cell("对热点加强监测。"), up("市直各单位"), Cell("")],
        row("二", "强化权力监督", "", "", "", spans=False)[:1] + row("强化权力监督", "", "", "", spans=True),
        row("4", "(一)推进决策公开。", "推进重大决策预公开。", "市扶贫办牵头,市财政局", "长期坚持"),
    ])


def test_header_row_names_the_columns():
    at, cols = find_header(zhuhai_like())
    assert at == 1
    assert (cols.seq, cols.groups, cols.task, cols.units, cols.time) == (0, [1], 2, [(3, "responsible")], [4])


def test_section_rows_groups_and_tasks_nest():
    plan = parse(zhuhai_like())
    assert shape(plan.nodes) == [
        "一着眼稳定预期",
        "  (一)深入解读重要政策措施", "    1认真落实解读细则",
        "  (二)积极回应社会关切", "    2对重要改革措施做好评估", "    3对热点加强监测",
        "二强化权力监督",
        "  (一)推进决策公开", "    4推进重大决策预公开",
    ]


def test_title_row_above_the_header_is_the_plan_title():
    plan = parse(zhuhai_like())
    assert (plan.title, plan.year) == ("珠海市2019年政务公开工作要点分工方案", 2019)


def test_merged_unit_cell_and_time_column():
    tasks = [n for n in parse(zhuhai_like()).walk() if not n.children]
    assert tasks[2].units["responsible"] == ["市直各单位"]
    assert [d.date.isoformat() for d in tasks[1].deadlines] == ["2019-08-31"]
    assert tasks[3].units["lead"] == ["市扶贫办"] and tasks[3].units["responsible"] == ["市财政局"]
    assert [(d.text, d.date) for d in tasks[3].deadlines] == [("长期坚持", None)]


def test_task_row_without_unit_cell_shares_the_one_above():
    table = Table(rows=[
        row("工作任务", "具体要求", "责任股室"),
        row("一、做好财政信息公开。", "积极推进预算公开。", "办公室、各股室"),
        [up("一、做好财政信息公开。"), Cell("持续深化债务信息公开。", label="2."), Cell("")],
    ])
    tasks = [n for n in parse(Paragraph("某局2021年政务公开工作要点分工方案"), table).walk() if not n.children]
    assert tasks[1].units["responsible"] == ["办公室", "各股室"]
    assert tasks[1].label == "2."


def test_group_column_change_opens_a_section_with_word_numbering_labels():
    table = Table(rows=[
        row("工作任务", "具体要求", "责任股室"),
        row("一、做好各类规划公开。", "做好规划的归集整理。", "办公室"),
        [Cell("三、做好财政信息公开。"), Cell("积极推进预算公开。", label="1."), Cell("办公室")],
        [up("三、做好财政信息公开。"), Cell("持续深化债务公开。", label="2."), up("办公室")],
    ])
    plan = parse(Paragraph("某局2021年政务公开工作要点分工方案"), table)
    assert shape(plan.nodes) == ["一、做好各类规划公开", "  做好规划的归集整理",
                                 "三、做好财政信息公开", "  1.积极推进预算公开", "  2.持续深化债务公开"]


def test_lead_and_cooperating_columns_give_roles():
    table = Table(rows=[
        row("序号", "重点任务", "牵头单位", "配合单位", "完成时限"),
        row("1", "完成网站集约化改造。", "县政务服务数据管理局", "各乡镇人民政府", "2022年11月30日"),
    ])
    task = parse(Paragraph("XX县2022年政务公开工作要点任务分解表"), table).nodes[0]
    assert task.units == {"lead": ["县政务服务数据管理局"], "responsible": [],
                          "cooperating": ["各乡镇人民政府"]}
    assert [d.date.isoformat() for d in task.deadlines] == ["2022-11-30"]


def test_table_under_a_paragraph_heading_goes_below_it():
    table = Table(rows=[row("序号", "工作任务", "责任单位"), row("1", "做好解读。", "县政府办公室")])
    plan = parse(Paragraph("XX县2022年政务公开工作要点"), Paragraph("一、加强政策解读"), table)
    assert shape(plan.nodes) == ["一、加强政策解读", "  1做好解读"]


def test_layout_table_without_header_is_read_as_lines():
    table = Table(rows=[row("一、加强政策解读", ""), row("1.做好解读。", "县政府办公室")])
    plan = parse(Paragraph("XX县2022年政务公开工作要点"), table)
    assert shape(plan.nodes) == ["一、加强政策解读", "  1.做好解读"]


def test_two_row_header_splits_the_unit_column():
    table = Table(rows=[
        [Cell("序号"), Cell("工作任务"), Cell("责任单位"), Cell("责任单位", merged_left=True), Cell("完成时限")],
        [up("序号"), up("工作任务"), Cell("牵头单位"), Cell("配合单位"), up("完成时限")],
        row("1", "完成网站集约化改造。", "县政务服务数据管理局", "各乡镇人民政府", "2022年11月底前"),
    ])
    task = parse(Paragraph("XX县2022年政务公开工作要点任务分解表"), table).nodes[0]
    assert task.units == {"lead": ["县政务服务数据管理局"], "responsible": [],
                          "cooperating": ["各乡镇人民政府"]}


_cells = st.builds(Cell, st.sampled_from(["", "序号", "工作任务", "责任单位", "完成时限", "一", "1", "(一)做好解读。",
                                          "一、加强解读", "市直各单位", "8月底前", "做好公开工作。"]),
                   st.booleans(), st.booleans(), st.sampled_from(["", "1.", "一、"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_cells, min_size=1, max_size=5), max_size=8))
def test_any_table_parses_or_says_no_plan(rows):
    width = max((len(r) for r in rows), default=0)
    table = Table(rows=[r + [Cell("")] * (width - len(r)) for r in rows])
    try:
        parse(Paragraph("XX县2022年政务公开工作要点"), table)
    except InputError as err:
        assert err.code == "no_plan"
