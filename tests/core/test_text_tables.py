"""Tables that arrive as text lines: tab-separated rows copied from Excel, one cell per line from a web page."""

from __future__ import annotations

from core.parse.pipeline import parse_document
from core.parse.text_tables import header_cells, tables_in_lines
from core.readers.document import Document, Paragraph, Table


def lines(*texts):
    return [Paragraph(t) for t in texts]


def parse(*texts):
    return parse_document(Document(blocks=lines(*texts), source_name="t.txt"))


def leaf_units(plan):
    return [{r: v for r, v in n.units.items() if v} for root in plan.nodes for n in root.walk() if not n.children]


def test_header_line_of_column_words_is_recognised_and_prose_is_not():
    assert header_cells("序号 工作事项 牵头科室 配合科室 完成时间") == ["序号", "工作事项", "牵头科室", "配合科室", "完成时间"]
    assert header_cells("序号\t工作任务\t责任单位\t完成时限") == ["序号", "工作任务", "责任单位", "完成时限"]
    assert header_cells("一、加强政策解读 做好政策文件解读工作") is None
    assert header_cells("工作任务") is None


def test_tab_separated_rows_copied_from_a_spreadsheet_become_a_table():
    blocks = tables_in_lines(lines("序号\t工作任务\t责任单位\t完成时限", "1\t做好解读。\t县政府办公室\t6月底前",
                                   "2\t回应关切。\t县直各单位\t"))
    assert isinstance(blocks[0], Table) and [c.text for c in blocks[0].rows[2]] == ["2", "回应关切。", "县直各单位", ""]


def test_one_cell_per_line_rows_with_an_empty_cell_left_out():
    plan = parse("某县2018年政务公开重点任务分解", "序号 工作事项 牵头科室 配合科室 完成时间",
                 "1", "加强政府网站建设管理", "县统计局", "各乡（镇）人民政府、县政府各部门", "常态化开展",
                 "2", "规范政务新媒体运维", "县交通运输局", "6月启动；8月完成",
                 "3", "做好规范性文件清理公开", "县档案馆", "县政府各部门")
    tasks = [n for root in plan.nodes for n in root.walk()]
    assert [(t.label, t.title) for t in tasks] == [("1", "加强政府网站建设管理"), ("2", "规范政务新媒体运维"),
                                                   ("3", "做好规范性文件清理公开")]
    assert leaf_units(plan) == [{"lead": ["县统计局"], "cooperating": ["各乡（镇）人民政府", "县政府各部门"]},
                                {"lead": ["县交通运输局"]}, {"lead": ["县档案馆"], "cooperating": ["县政府各部门"]}]
    assert [[d.text for d in t.deadlines] for t in tasks] == [["常态化开展"], ["6月启动", "8月完成"], []]


def test_two_part_text_plan_gets_units_from_its_copied_table():
    plan = parse("2018年某县政务公开工作要点", "一、加强公开平台建设",
                 "1、加强政府网站建设管理。优化政府信息公开专栏设置。", "2、规范政务新媒体运维。严格执行信息发布审核制度。",
                 "3、建设政务公开专区。推动专区向乡镇延伸。", "附件：", "2018年政务公开重点任务分解",
                 "序号 工作事项 牵头科室 完成时间", "1", "加强政府网站建设管理", "县统计局", "常态化开展",
                 "2", "规范政务新媒体运维", "县交通运输局", "8月底前", "3", "建设政务公开专区", "县司法局", "年底前")
    assert [n.label + n.title for n in plan.nodes[0].walk()] == [
        "一、加强公开平台建设", "1、加强政府网站建设管理", "2、规范政务新媒体运维", "3、建设政务公开专区"]
    assert leaf_units(plan) == [{"lead": ["县统计局"]}, {"lead": ["县交通运输局"]}, {"lead": ["县司法局"]}]
    assert [d.date.isoformat() for d in plan.nodes[0].children[2].deadlines] == ["2018-12-31"]


def test_header_and_cells_one_per_line_with_section_lines_between_rows():
    plan = parse("某市2023年政务公开工作要点", "序号", "牵头单位", "协办单位", "任务内容", "进度安排",
                 "一、推进乡村振兴领域信息公开", "1", "市档案馆、市水利局", "各有关单位", "对项目实施情况进行公示。",
                 "8月完成摸底,9月完成整改", "2", "市农业农村局", "公开强农惠农政策。", "6月底前",
                 "二", "围绕优化营商环境深化信息公开", "3", "市政府办公室", "各县（市、区）人民政府",
                 "加强监管执法信息公开。", "年底前")
    assert [n.label + n.title for n in plan.nodes] == ["一、推进乡村振兴领域信息公开", "二围绕优化营商环境深化信息公开"]
    assert [(t.label, t.title) for t in plan.nodes[0].children] == [("1", "对项目实施情况进行公示"),
                                                                   ("2", "公开强农惠农政策")]
    assert leaf_units(plan) == [{"lead": ["市档案馆", "市水利局"], "cooperating": ["各有关单位"]},
                                {"lead": ["市农业农村局"]},
                                {"lead": ["市政府办公室"], "cooperating": ["各县（市、区）人民政府"]}]
    assert [d.date.isoformat() for d in plan.nodes[0].children[0].deadlines] == ["2023-08-31", "2023-09-30"]
