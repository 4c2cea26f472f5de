"""Plan tables of many shapes, each written as .html, .docx and .xlsx and read end to end.

The shapes are the ones offices use (not the ones in ../shared): unit columns before the task,
a category merged down, 工作任务 with its 工作要求, headers in two rows, a 序号 running across
sections, a time column holding several steps, two column pairs side by side, and a header
no keyword names.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from table_builders import FORMATS, shape, write

from core.errors import InputError
from core.parse.checks import check_plan
from core.parse.pipeline import parse_document
from core.readers import read_document
from core.readers.document import Cell, Document, Paragraph, Table

TITLE = "某区2021年政务公开工作要点任务分解表"


def read(tmp_path, fmt, rows, title=TITLE, before=(), after=()):
    return parse_document(read_document(write(tmp_path, fmt, title, rows, before, after)))


def tasks(plan):
    return [n for n in plan.walk() if not n.children] if hasattr(plan, "walk") else \
        [n for root in plan.nodes for n in root.walk() if not n.children]


def units(node):
    return {role: names for role, names in node.units.items() if names}


def dates(node):
    return [d.date.isoformat() if d.date else d.text for d in node.deadlines]


SIX_COLUMNS = [
    ["序号", "重点任务", "具体措施", "责任单位", "配合单位", "完成时限"],
    ["1", ("一、做好规划公开", 3, 1), "主动公开“十四五”规划纲要。", ("区发展改革局", 2, 1), "区直有关单位", "2021年8月前"],
    ["2", "归集整理历史规划。", "各镇人民政府", "长期推进"],
    ["3", "做好规划数据互联互通。", "区自然资源局", "区直有关单位", "6月公布计划,10月公布结果"],
    ["4", ("二、做好财政信息公开", 2, 1), "扩大预决算公开范围。", "区财政局", ("各镇人民政府", 5, 1), "2021年6月底前"],
    ["5", "深化政府债务信息公开。", "区财政局", "每季度"],
    ["6", ("三、加强平台建设", 3, 1), "推进政府网站集约化。", "区政府办公室", "第三季度"],
    ["7", "规范政务新媒体。", ("区委网信办", 2, 1), "持续推进"],
    ["8", "办好政府公报。", "年底前"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_six_column_table_with_merged_cells_gives_every_task_its_units_and_time(tmp_path, fmt):
    plan = read(tmp_path, fmt, SIX_COLUMNS)
    assert shape(plan.nodes) == [
        "一、做好规划公开", "  1主动公开“十四五”规划纲要", "  2归集整理历史规划", "  3做好规划数据互联互通",
        "二、做好财政信息公开", "  4扩大预决算公开范围", "  5深化政府债务信息公开",
        "三、加强平台建设", "  6推进政府网站集约化", "  7规范政务新媒体", "  8办好政府公报"]
    found = tasks(plan)
    assert units(found[1]) == {"responsible": ["区发展改革局"], "cooperating": ["各镇人民政府"]}
    assert units(found[4]) == {"responsible": ["区财政局"], "cooperating": ["各镇人民政府"]}
    assert units(found[7]) == {"responsible": ["区委网信办"], "cooperating": ["各镇人民政府"]}
    assert [dates(t) for t in found] == [
        ["2021-07-31"], ["长期推进"], ["2021-06-30", "2021-10-31"], ["2021-06-30"], ["每季度"],
        ["2021-09-30"], ["持续推进"], ["2021-12-31"]]


UNITS_FIRST = [
    ["责任科室", "序号", "任务分工", "细化分工", "完成时限", "备注"],
    [("办公室", 2, 1), "1", "做好规划公开", "主动公开规划纲要。", "2021年8月前", ""],
    ["2", "归集整理历史规划", "通过网站集中发布。", "长期推进", "无"],
    ["财务科", "3", "扩大预决算公开范围", "按规定公开预决算。", "6月底前", ""],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_unit_column_before_the_task_and_detail_column_joins_the_task_text(tmp_path, fmt):
    plan = read(tmp_path, fmt, UNITS_FIRST)
    found = tasks(plan)
    assert [(t.label, t.title) for t in found] == [("1", "做好规划公开"), ("2", "归集整理历史规划"),
                                                   ("3", "扩大预决算公开范围")]
    assert found[0].text == "做好规划公开\n主动公开规划纲要。"
    assert [units(t) for t in found] == [{"responsible": ["办公室"]}] * 2 + [{"responsible": ["财务科"]}]
    assert [dates(t) for t in found] == [["2021-07-31"], ["长期推进"], ["2021-06-30"]]
    assert all("无" not in t.text for t in found)  # the 备注 column is not the task's text


CATEGORY_MERGED = [
    ["类别", "工作任务", "工作要求", "牵头单位", "责任单位", "时间节点"],
    [("重点工作", 2, 1), "做好规划公开。", "主动公开规划纲要。", "县发展改革局", "县直有关单位", "2021年8月前"],
    ["做好财政公开。", "按规定公开预决算。", "县财政局", "各乡镇人民政府", "年底前"],
    [("基础工作", 2, 1), "规范政务新媒体。", "清理僵尸账号。", "县委网信办", "县直各单位", "每季度"],
    ["办好政府公报。", "按期出版公报。", "县政府办公室", "", "第三季度"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_category_merged_down_groups_tasks_and_lead_column_gives_lead(tmp_path, fmt):
    plan = read(tmp_path, fmt, CATEGORY_MERGED, title="某县2021年政务公开工作要点责任分工")
    assert shape(plan.nodes) == ["重点工作", "  做好规划公开", "  做好财政公开",
                                 "基础工作", "  规范政务新媒体", "  办好政府公报"]
    found = tasks(plan)
    assert found[0].text == "做好规划公开。\n主动公开规划纲要。"
    assert units(found[0]) == {"lead": ["县发展改革局"], "responsible": ["县直有关单位"]}
    assert units(found[3]) == {"lead": ["县政府办公室"]}  # an empty 责任单位 under a filled 牵头单位
    assert [dates(t) for t in found] == [["2021-07-31"], ["2021-12-31"], ["每季度"], ["2021-09-30"]]


TWO_ROW_HEADER = [
    [("序号", 2, 1), ("工作任务", 2, 1), ("责任单位", 1, 2), ("完成时限", 2, 1)],
    ["主办", "协办"],
    ["1", "完成网站集约化改造。", "县政务服务数据管理局", "各乡镇人民政府", "2021年11月30日"],
    ["2", "做好政府信息公开年报。", "县政府办公室", "县直各单位", "1月底前"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_row_header_with_host_and_helper_columns(tmp_path, fmt):
    found = tasks(read(tmp_path, fmt, TWO_ROW_HEADER))
    assert [units(t) for t in found] == [
        {"lead": ["县政务服务数据管理局"], "cooperating": ["各乡镇人民政府"]},
        {"lead": ["县政府办公室"], "cooperating": ["县直各单位"]}]
    assert [dates(t) for t in found] == [["2021-11-30"], ["2021-01-31"]]


SECTIONS_AND_SEQ = [
    ["序号", "工作任务", "责任处室", "完成时间"],
    [("一、深化重点领域信息公开", 1, 4)],
    ["1", "公开财政预决算。", "财务处", "6月底前"],
    ["2", "公开重大建设项目信息。", "办公室牵头，各相关处室配合", "持续推进"],
    [("二、加强平台建设", 1, 4)],
    ["3", "规范政务新媒体管理。", "办公室", "年底前"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_section_rows_and_a_seq_running_across_sections(tmp_path, fmt):
    plan = read(tmp_path, fmt, SECTIONS_AND_SEQ)
    assert shape(plan.nodes) == ["一、深化重点领域信息公开", "  1公开财政预决算", "  2公开重大建设项目信息",
                                 "二、加强平台建设", "  3规范政务新媒体管理"]
    # a responsible cell that says who leads and who helps in its own words
    assert units(tasks(plan)[1]) == {"lead": ["办公室"], "cooperating": ["各相关处室"]}


SIDE_BY_SIDE = [
    ["序号", "工作任务", "完成时限", "序号", "工作任务", "完成时限"],
    ["1", "制定年度工作计划。", "3月底前", "4", "编制信息公开年报。", "1月底前"],
    ["2", "更新公开目录。", "6月底前", "5", "开展政务公开培训。", "9月底前"],
    ["3", "开展专项检查。", "8月底前", "", "", ""],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_column_pairs_side_by_side_are_read_as_one_list(tmp_path, fmt):
    found = tasks(read(tmp_path, fmt, SIDE_BY_SIDE, title="某局2021年政务公开工作计划表"))
    assert [(t.label, t.title) for t in found] == [
        ("1", "制定年度工作计划"), ("2", "更新公开目录"), ("3", "开展专项检查"),
        ("4", "编制信息公开年报"), ("5", "开展政务公开培训")]
    assert [dates(t) for t in found] == [["2021-03-31"], ["2021-06-30"], ["2021-08-31"], ["2021-01-31"],
                                         ["2021-09-30"]]


UNKNOWN_HEADER = [
    ["甲栏", "乙栏", "丙栏"],
    ["制定年度工作计划并公开", "县政府办公室", "3月底前"],
    ["更新政府信息公开指南", "县直各单位", "6月底前"],
    ["开展专项检查", "县政务服务中心", "长期坚持"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_unrecognised_header_still_gives_rows_as_tasks_with_a_warning(tmp_path, fmt):
    plan = read(tmp_path, fmt, UNKNOWN_HEADER)
    found = tasks(plan)
    assert [t.title for t in found] == ["制定年度工作计划并公开", "更新政府信息公开指南", "开展专项检查"]
    assert [units(t) for t in found] == [{"responsible": ["县政府办公室"]}, {"responsible": ["县直各单位"]},
                                         {"responsible": ["县政务服务中心"]}]
    assert [dates(t) for t in found] == [["2021-03-31"], ["2021-06-30"], ["长期坚持"]]
    assert "table_guessed" in [w.code for w in check_plan(plan)]


PROSE = [
    "一、深化重点领域信息公开",
    "（一）做好财政信息公开。全面公开部门预算和决算，细化到功能分类项级科目。",
    "（二）做好重大项目信息公开。及时公开重大建设项目的批准、实施和招投标信息。",
    "二、加强政务公开平台建设",
    "（三）规范政务新媒体。清理整合功能相近、用户关注度低的政务新媒体。",
    "（四）办好政府公报。按期出版政府公报，做好电子版发布。",
    "附件：任务分解表",
]
SPLIT_TABLE = [
    ["序号", "工作任务", "负责科室", "完成时限"],
    ["1", "做好财政信息公开", "财务科", "6月底前"],
    ["2", "做好重大项目信息公开", "项目科", "持续推进"],
    ["3", "规范政务新媒体", "办公室牵头，信息科配合", "每季度"],
    ["4", "办好政府公报", "办公室", "年底前"],
]


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_two_part_plan_puts_the_tables_units_on_the_prose_tasks(tmp_path, fmt):
    plan = read(tmp_path, fmt, SPLIT_TABLE, title="某局2021年政务公开工作要点", before=PROSE)
    assert shape(plan.nodes) == ["一、深化重点领域信息公开", "  （一）做好财政信息公开", "  （二）做好重大项目信息公开",
                                 "二、加强政务公开平台建设", "  （三）规范政务新媒体", "  （四）办好政府公报"]
    found = tasks(plan)
    assert [units(t) for t in found] == [{"responsible": ["财务科"]}, {"responsible": ["项目科"]},
                                         {"lead": ["办公室"], "cooperating": ["信息科"]}, {"responsible": ["办公室"]}]
    assert [dates(t) for t in found] == [["2021-06-30"], ["持续推进"], ["每季度"], ["2021-12-31"]]


def test_table_of_other_tasks_after_prose_is_kept_as_its_own_tasks(tmp_path):
    other = [SPLIT_TABLE[0], ["1", "开展政务公开培训", "办公室", "9月底前"], ["2", "编制信息公开年报", "办公室", "1月底前"]]
    plan = read(tmp_path, "html", other, title="某局2021年政务公开工作要点", before=PROSE[:-1])
    assert [t.title for t in tasks(plan)][-2:] == ["开展政务公开培训", "编制信息公开年报"]


@pytest.mark.parametrize(("header", "role"), [
    ("序号", "seq"), ("工作任务", "task"), ("重点任务", "task"), ("任务分工", "task"),
    ("工作要求", "requirement"), ("具体措施", "requirement"), ("细化分工", "requirement"),
    ("牵头单位", "lead"), ("主办", "lead"), ("配合/责任单位", "cooperating"), ("协办", "cooperating"),
    ("责任处室", "responsible"), ("负责科室", "responsible"), ("责任科室", "responsible"),
    ("責任單位", "responsible"), ("单位", "unit"),
    ("完成时限", "deadline"), ("时间节点", "deadline"), ("时限要求", "deadline"), ("进度安排", "deadline"),
    ("备注", "note"), ("完成情况", "note"), ("责任领导", "note"), ("类别", "category"),
    ("责任单位（部门）", "responsible"), ("完成时限\n（年内）", "deadline"),
    ("一、加强政策解读", None), ("做好公开工作。", None), ("制定年度工作计划并公开", None), ("", None),
    ("各二级单位", None), ("县直单位", None), ("细化预决算公开", None),
])
def test_header_cell_words_give_the_column_role(header, role):
    from core.parse.columns import header_role

    assert header_role(header) == role


SECTIONS_IN_SEQ_COLUMN = [
    ["编号", "工作任务", "牵头及责任单位", "时限要求", "备注"],
    ["一", ("围绕优化营商环境深化信息公开", 1, 4)],
    [("（一）加强监管执法信息公开", 1, 5)],
    ["1", "全面推行行政执法公示制度。", "市直各部门", "上半年", ""],
    ["二", ("深化基层政务公开", 1, 4)],
    [("（一）推进村务居务公开", 1, 5)],
    ["2", "推动基层公开与村务公开衔接。", "各县区政府", "", "纳入年度考核"],
    [("三、规范政府信息公开办理", 1, 5)],
    [("（一）规范依申请公开办理", 1, 5)],
    ["3", "严格执行登记、审核、办理、答复。", "市政府各部门", "8月完成摸底,10月完成整改", ""],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_section_numbered_in_the_seq_column_and_printed_in_the_cell_are_one_level(tmp_path, fmt):
    plan = read(tmp_path, fmt, SECTIONS_IN_SEQ_COLUMN, title="某市2019年政务公开工作要点分工方案")
    assert shape(plan.nodes) == [
        "一围绕优化营商环境深化信息公开", "  （一）加强监管执法信息公开", "    1全面推行行政执法公示制度",
        "二深化基层政务公开", "  （一）推进村务居务公开", "    2推动基层公开与村务公开衔接",
        "三、规范政府信息公开办理", "  （一）规范依申请公开办理", "    3严格执行登记、审核、办理、答复"]
    found = tasks(plan)
    assert [units(t) for t in found] == [{"responsible": ["市直各部门"]}, {"responsible": ["各县区政府"]},
                                         {"responsible": ["市政府各部门"]}]
    assert [[d.text for d in t.deadlines] for t in found] == [["上半年"], [], ["8月完成摸底", "10月完成整改"]]


UNITS_STACKED = [
    ["序号", "工作任务", "责任单位", "完成时限"],
    ["1", "提升政策解读质量。", "市民政局/市财政局/各县区政府", "年底前"],
    ["2", "办好新闻发布会。", "市政府新闻办\n市直各单位", "每季度"],
    ["3", "做好依申请公开。", "市政府办公室牵头，\n市直各单位配合", "长期坚持"],
    ["4", "规范政务新媒体。", "市委网信办 各县区政府", "每季度"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_units_stacked_on_lines_or_parted_by_slashes_are_several_units(tmp_path, fmt):
    found = tasks(read(tmp_path, fmt, UNITS_STACKED))
    assert [units(t) for t in found] == [
        {"responsible": ["市民政局", "市财政局", "各县区政府"]}, {"responsible": ["市政府新闻办", "市直各单位"]},
        {"lead": ["市政府办公室"], "cooperating": ["市直各单位"]}, {"responsible": ["市委网信办", "各县区政府"]}]


_CELL_TEXTS = ["制定年度工作计划并公开", "更新公开指南", "县政府办公室", "县直各单位", "3月底前", "长期坚持", "1", "2",
               "开展专项检查，形成报告。", "各乡镇人民政府、县直各单位", ""]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_CELL_TEXTS), min_size=3, max_size=3), min_size=2, max_size=6))
def test_a_table_with_an_unknown_header_loses_none_of_its_cells(rows):
    tasks_in_it = {t for r in rows for t in r} & {_CELL_TEXTS[0], _CELL_TEXTS[1], _CELL_TEXTS[8]}
    table = Table(rows=[[Cell("甲栏"), Cell("乙栏"), Cell("丙栏")]] + [[Cell(t) for t in r] for r in rows])
    try:
        plan = parse_document(Document(blocks=[Paragraph(TITLE), table], source_name="t.html"))
    except InputError as err:
        # only a table with no text but unit names, time limits and numbers holds no task
        assert err.code == "no_plan" and not tasks_in_it
        return
    if not tasks_in_it:
        return  # names and numbers only: not a plan table, nothing to keep
    said = " ".join(n.label + " " + n.text + " " + " ".join(u for us in n.units.values() for u in us) + " " +
                    " ".join(d.text for d in n.deadlines) for root in plan.nodes for n in root.walk())
    for text in {t for r in rows for t in r if t and not t.isdigit()}:  # a bare 序号 may number nothing
        for name in text.replace("，", "、").rstrip("。").split("、"):
            assert name in said


SECTIONS_OVER_UNITS_FIRST = [
    ["编号", "责任单位", "工作任务", "时间节点", "完成情况"],
    [("一、夯实政务公开工作基础", 1, 4), ""],
    ["1", "省信访局，省政府各部门", "编制年度报告。对年度报告逐项审核。", "4月底前", ""],
    ["2", "省卫生健康委", "健全工作机制。", "三季度末前", ""],
    ["二", ("规范政府信息公开办理", 1, 3), ""],
    ["3", "省直有关单位", "做好规范性文件清理公开。", "每月更新", ""],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_section_row_merged_from_the_unit_column_is_a_section_not_a_unit(tmp_path, fmt):
    plan = read(tmp_path, fmt, SECTIONS_OVER_UNITS_FIRST, title="某省2021年政务公开工作要点任务分工")
    assert shape(plan.nodes) == ["一、夯实政务公开工作基础", "  1编制年度报告", "  2健全工作机制",
                                 "二规范政府信息公开办理", "  3做好规范性文件清理公开"]
    assert [units(t) for t in tasks(plan)] == [{"responsible": ["省信访局", "省政府各部门"]},
                                               {"responsible": ["省卫生健康委"]}, {"responsible": ["省直有关单位"]}]


SECTIONS_WITH_DETAIL = [
    ["序号", "工作事项", "牵头科室", "负责科室", "细化分工"],
    [("一、推进决策和执行公开", 1, 5)],
    ["1", "涉及群众切身利益的重大决策事项", "安全监管股", "各有关科室", "应向社会公开征求意见。"],
    ["2", "及时公布意见采纳情况", "政策法规科", "各有关科室", ""],
    [("二、推进审计结果公开", 1, 5)],
    ["3", "依法公开审计工作报告", "办公室", "各股室", "按规定时限公开。"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_rows_spanning_the_table_do_not_make_the_task_column_a_group(tmp_path, fmt):
    plan = read(tmp_path, fmt, SECTIONS_WITH_DETAIL, title="某局2021年政务公开工作要点任务分工")
    assert shape(plan.nodes) == ["一、推进决策和执行公开", "  1涉及群众切身利益的重大决策事项", "  2及时公布意见采纳情况",
                                 "二、推进审计结果公开", "  3依法公开审计工作报告"]
    assert tasks(plan)[0].text == "涉及群众切身利益的重大决策事项\n应向社会公开征求意见。"


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_a_tables_title_ending_in_fen_gong_biao_gives_the_plan_title_and_year(tmp_path, fmt):
    plan = read(tmp_path, fmt, SECTIONS_AND_SEQ, title="2018年全市政务公开重点任务分工表")
    assert (plan.title, plan.year) == ("2018年全市政务公开重点任务分工表", 2018)
    assert [d.date.isoformat() for d in tasks(plan)[0].deadlines] == ["2018-06-30"]


def test_a_table_broken_across_pages_is_read_as_one(tmp_path):
    from office_builders import docx_bytes, p, tbl, tc

    first = tbl([tc("序号"), tc("工作任务"), tc("责任单位"), tc("完成时限")],
                [tc("一、加强政策解读", span=4)],
                [tc("1"), tc("做好政策文件解读。"), tc("县政府办公室"), tc("6月底前")])
    rest = tbl([tc("2"), tc("回应社会关切。"), tc("县直各单位"), tc("年底前")],
               [tc("二、加强平台建设", span=4)],
               [tc("3"), tc("规范政务新媒体。"), tc("县委网信办"), tc("每季度")])
    path = tmp_path / "plan.docx"
    path.write_bytes(docx_bytes(p("某县2021年政务公开工作要点分工方案") + first + "<w:p/>" + rest))
    plan = parse_document(read_document(path))
    assert shape(plan.nodes) == ["一、加强政策解读", "  1做好政策文件解读", "  2回应社会关切",
                                 "二、加强平台建设", "  3规范政务新媒体"]
    assert [units(t) for t in tasks(plan)][1] == {"responsible": ["县直各单位"]}
    assert "table_guessed" not in [w.code for w in check_plan(plan)]


def test_excel_date_cells_in_the_time_column_are_deadlines(tmp_path):
    import datetime as dt

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["某县2021年政务公开工作要点任务分解表"])
    ws.append(["序号", "工作任务", "责任单位", "完成时间"])
    ws.append([1, "完成网站集约化改造。", "县政务服务数据管理局", dt.datetime(2021, 11, 30)])
    ws.append([2, "编制信息公开年报。", "县政府办公室", "2021.1.31前"])
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    found = tasks(parse_document(read_document(path)))
    assert [dates(t) for t in found] == [["2021-11-30"], ["2021-01-31"]]


UNMERGED_SECTIONS = [
    ["序号", "工作任务", "责任单位", "完成时限"],
    ["一", "加强政策解读", "", ""],
    ["1", "做好政策文件解读。", "县政府办公室", "6月底前"],
    ["2", "回应社会关切。", "县直各单位", "年底前"],
    ["二", "加强平台建设", "", ""],
    ["3", "规范政务新媒体。", "县委网信办", "每季度"],
    ["", "（一）办好政府公报", "", ""],
    ["4", "按期出版政府公报。", "县政府办公室", "每月"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_section_rows_typed_without_merging_are_sections(tmp_path, fmt):
    plan = read(tmp_path, fmt, UNMERGED_SECTIONS)
    assert shape(plan.nodes) == ["一加强政策解读", "  1做好政策文件解读", "  2回应社会关切",
                                 "二加强平台建设", "  3规范政务新媒体", "  （一）办好政府公报", "    4按期出版政府公报"]


FIRST_LEADS = [
    ["序号", "工作任务", "责任单位（排第一位的为牵头单位）", "完成时限（年内）"],
    ["1", "做好政策文件解读。", "县政府办公室、县司法局、县直各单位", "6月底前"],
    ["2", "回应社会关切。", "县委网信办", "年底前"],
    ["3", "规范政务新媒体。", "县政府办公室牵头，县直各单位配合", "每季度"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_unit_header_saying_the_first_unit_leads_gives_a_lead(tmp_path, fmt):
    found = tasks(read(tmp_path, fmt, FIRST_LEADS))
    assert [units(t) for t in found] == [
        {"lead": ["县政府办公室"], "responsible": ["县司法局", "县直各单位"]}, {"responsible": ["县委网信办"]},
        {"lead": ["县政府办公室"], "cooperating": ["县直各单位"]}]
    assert [dates(t) for t in found] == [["2021-06-30"], ["2021-12-31"], ["每季度"]]


MEASURES_IN_ONE_CELL = [
    ["序号", "重点任务", "具体措施", "责任单位", "完成时限"],
    ["1", "做好规划公开", "1.主动公开规划纲要。\n2.归集整理历史规划。\n通过网站集中发布。", "县发展改革局", "年底前"],
    ["2", "做好财政公开", "扩大预决算公开范围，细化到项。", "县财政局", "6月底前"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_cell_listing_numbered_measures_gives_a_task_for_each(tmp_path, fmt):
    plan = read(tmp_path, fmt, MEASURES_IN_ONE_CELL)
    assert shape(plan.nodes) == ["1做好规划公开", "  1.主动公开规划纲要", "  2.归集整理历史规划", "2做好财政公开"]
    found = tasks(plan)
    assert found[1].text == "归集整理历史规划。\n通过网站集中发布。"
    assert [units(t) for t in found][:2] == [{"responsible": ["县发展改革局"]}] * 2
    assert [dates(t) for t in found][:2] == [["2021-12-31"]] * 2


MEASURES_UNDER_A_MERGED_TASK = [
    ["工作任务", "具体措施", "责任股室"],
    [("一、做好财政信息公开", 2, 1), "1.推进预算公开。\n2.推进决算公开。", "财务股"],
    ["3.公开政府债务信息。", "办公室"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_numbered_measures_in_one_cell_under_a_merged_task_are_its_tasks(tmp_path, fmt):
    plan = read(tmp_path, fmt, MEASURES_UNDER_A_MERGED_TASK, title="某局2021年政务公开工作要点分工方案")
    assert shape(plan.nodes) == ["一、做好财政信息公开", "  1.推进预算公开", "  2.推进决算公开", "  3.公开政府债务信息"]
    assert [units(t) for t in tasks(plan)] == [{"responsible": ["财务股"]}] * 2 + [{"responsible": ["办公室"]}]


BLANK_HEADS = [
    ["", "工作任务", "承担", "完成时限"],
    ["1", "做好政策文件解读。", "县政府办公室", "6月底前"],
    ["2", "回应社会关切。", "县直各单位", "年底前"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_header_cells_left_blank_or_unknown_are_typed_by_their_cells(tmp_path, fmt):
    found = tasks(read(tmp_path, fmt, BLANK_HEADS))
    assert [(t.label, t.title) for t in found] == [("1", "做好政策文件解读"), ("2", "回应社会关切")]
    assert [units(t) for t in found] == [{"responsible": ["县政府办公室"]}, {"responsible": ["县直各单位"]}]


SECTIONS_IN_THE_SEQ_CELL = [
    ["序号", "工作任务", "责任单位", "完成时限"],
    ["一、加强政策解读", "", "", ""],
    ["1", "做好政策文件解读。", "县政府办公室", "6月底前"],
    ["二、加强平台建设", "", "", ""],
    ["2", "规范政务新媒体。", "县委网信办", "每季度"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_section_typed_into_the_seq_column_is_a_section(tmp_path, fmt):
    plan = read(tmp_path, fmt, SECTIONS_IN_THE_SEQ_CELL)
    assert shape(plan.nodes) == ["一、加强政策解读", "  1做好政策文件解读", "二、加强平台建设", "  2规范政务新媒体"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_title_rows_above_an_unknown_header_are_the_plans_title(tmp_path, fmt):
    rows = [[("某县2021年政务公开工作要点任务分解表", 1, 3)], *UNKNOWN_HEADER]
    plan = read(tmp_path, fmt, rows, title="附件")
    assert [t.title for t in tasks(plan)] == ["制定年度工作计划并公开", "更新政府信息公开指南", "开展专项检查"]
    assert (plan.title, plan.year) == ("某县2021年政务公开工作要点任务分解表", 2021)


@pytest.mark.parametrize("fmt", FORMATS)
def test_title_rows_above_headerless_rows_are_not_tasks(tmp_path, fmt):
    rows = [[("某县2021年政务公开工作要点任务分解表", 1, 3)], *UNKNOWN_HEADER[1:]]
    plan = read(tmp_path, fmt, rows, title="附件")
    assert [t.title for t in tasks(plan)] == ["制定年度工作计划并公开", "更新政府信息公开指南", "开展专项检查"]
    assert plan.year == 2021


def test_headerless_rows_are_read_once(tmp_path):
    rows = UNKNOWN_HEADER[1:] + [["核查整改落实情况并公开", "县直各单位", "年底前"]]
    plan = read(tmp_path, "html", rows)
    assert [t.title for t in tasks(plan)] == ["制定年度工作计划并公开", "更新政府信息公开指南", "开展专项检查",
                                              "核查整改落实情况并公开"]


def test_one_table_per_section_with_the_header_over_the_first_only(tmp_path):
    from office_builders import docx_bytes, p, tbl, tc

    first = tbl([tc("序号"), tc("工作任务"), tc("牵头单位"), tc("完成时限")],
                [tc("1"), tc("做好政策文件解读。"), tc("县政府办公室"), tc("6月底前")])
    second = tbl([tc("2"), tc("规范政务新媒体。"), tc("县委网信办"), tc("每季度")])
    body = p("某县2021年政务公开工作要点分工方案") + p("一、加强政策解读") + first + p("二、加强平台建设") + second
    path = tmp_path / "plan.docx"
    path.write_bytes(docx_bytes(body))
    plan = parse_document(read_document(path))
    assert shape(plan.nodes) == ["一、加强政策解读", "  1做好政策文件解读", "二、加强平台建设", "  2规范政务新媒体"]
    assert [units(t) for t in tasks(plan)] == [{"lead": ["县政府办公室"]}, {"lead": ["县委网信办"]}]
    assert "table_guessed" not in [w.code for w in check_plan(plan)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_note_row_saying_the_first_unit_leads_applies_to_the_table(tmp_path, fmt):
    rows = [FIRST_LEADS[0][:2] + ["责任单位", "完成时限"], *FIRST_LEADS[1:3],
            [("注：排第一位的为牵头单位。", 1, 4)]]
    plan = read(tmp_path, fmt, rows)
    assert [units(t) for t in tasks(plan)] == [
        {"lead": ["县政府办公室"], "responsible": ["县司法局", "县直各单位"]}, {"responsible": ["县委网信办"]}]
    assert len(tasks(plan)) == 2  # the note is no task


@pytest.mark.parametrize(("text", "says"), [
    ("注：排第一位的为牵头单位。", True), ("列第一位的单位为牵头单位", True), ("牵头单位列第一位", True),
    ("首先由办公室牵头", False), ("办公室牵头，第一季度完成", False), ("6月底前由办公室牵头", False),
])
def test_only_a_note_about_the_first_unit_makes_it_lead(text, says):
    from core.parse.columns import says_first_leads

    assert says_first_leads(text) is says


def test_a_task_row_is_never_taken_for_a_header():
    from core.parse.tables import find_header

    table = Table(rows=[[Cell(""), Cell(""), Cell("等情况。"), Cell("")],
                        [Cell("14"), Cell("细化预决算公开"), Cell("各二级单位"), Cell("2023年2月底前")]])
    assert find_header(table) is None


def test_a_compound_seq_numbers_its_task_as_printed(tmp_path):
    rows = [["序号", "工作任务", "责任单位"], ["1-1", "做好政策文件解读。", "县政府办公室"], ["1-2", "回应社会关切。", "县直各单位"]]
    assert [t.label for t in tasks(read(tmp_path, "html", rows))] == ["1-1", "1-2"]


HELD_OUT_WORDS = [
    ["编号", "牵头责任单位", "重点工作", "具体举措", "协同单位", "完成时间节点"],
    ["1", "县数据局", "推进统计信息公开。", "按时发布统计公报。", "各镇人民政府", "2024年7月底前"],
    ["2", "县委宣传部（主责）、县气象局", "用好新闻发布平台。", "健全新闻发布制度。", "县直各单位（协同）", "年底前"],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_lead_in_the_header_words_and_role_marks_in_the_cells(tmp_path, fmt):
    found = tasks(read(tmp_path, fmt, HELD_OUT_WORDS))
    assert [units(t) for t in found] == [
        {"lead": ["县数据局"], "cooperating": ["各镇人民政府"]},
        {"lead": ["县委宣传部", "县气象局"], "cooperating": ["县直各单位"]}]


def test_the_proses_roles_win_over_the_plan_tables_column(tmp_path):
    prose = ["一、主要任务", "（一）提升政策解读质量。开展多元化解读（责任单位：机关党委牵头，各处室配合）。",
             "（二）细化预决算公开。部门预决算公开到项（责任单位：规划财务处牵头，各处室配合）。",
             "（三）办好新闻发布会。定期召开新闻发布会（责任单位：办公室牵头，各处室配合）。", "附件：工作计划表"]
    table = [["工作任务", "责任科室", "工作任务", "责任科室"],
             ["提升政策解读质量", "机关党委、各处室", "细化预决算公开", "规划财务处、各处室"],
             ["办好新闻发布会", "办公室、各处室", "", ""]]
    plan = read(tmp_path, "docx", table, title="某厅2021年政务公开工作实施方案", before=prose)
    assert [units(t) for t in tasks(plan)] == [{"lead": ["机关党委"], "cooperating": ["各处室"]},
                                               {"lead": ["规划财务处"], "cooperating": ["各处室"]},
                                               {"lead": ["办公室"], "cooperating": ["各处室"]}]
