"""Bodies that came as one line: labels found inside the text, flattened tables, units run together.

The plans here are generated the way other offices write them (other numbering families, header
words, column orders, unit vocabularies and separators), never taken from ../shared.
"""

from __future__ import annotations

import pytest
from table_builders import shape

from core.parse.flat_table import find_header
from core.parse.inline import inline_labels, paragraphs
from core.parse.source import parse_text
from core.parse.unit_runs import find_run, split_roles, vocabulary

FILLER = "按照统一部署，认真抓好落实，确保取得实效，并将工作情况及时报送。"


def leaves(plan):
    return [n for root in plan.nodes for n in root.walk() if not n.children]


def units_of(node):
    return [u for role in ("lead", "responsible", "cooperating") for u in node.units[role]]


# ---- labels inside a line ------------------------------------------------------------------------

def test_labels_inside_one_line_make_the_tree():
    text = ("某县2023年政务公开工作要点 为做好今年工作，制定本要点。 一、加强政策解读（一）做好解读。" + FILLER +
            "（二）回应关切。" + FILLER + "二、深化重点领域公开（一）财政公开。" + FILLER + "（二）项目公开。" + FILLER)
    plan = parse_text(text)
    assert shape(plan.nodes) == ["一、加强政策解读", "  （一）做好解读", "  （二）回应关切",
                                 "二、深化重点领域公开", "  （一）财政公开", "  （二）项目公开"]


@pytest.mark.parametrize("reference", ["国办发〔2021〕12号", "第1条", "3.5亿元", "2021年5月28日", "统一、规范",
                                       "不低于4%", "12345热线"])
def test_references_dates_and_numbers_inside_a_line_are_not_labels(reference):
    body = f"1.第一项任务，依据{reference}办理。" + FILLER + f"2.第二项任务，参照{reference}。" + FILLER + \
        f"3.第三项任务，落实{reference}。" + FILLER
    found = inline_labels(body * 2)
    assert [f.label.printed for f in found][:3] == ["1.", "2.", "3."]
    assert len(found) == 3  # the repeat restarts at 1 under nothing: not a continuation


def test_numbering_that_runs_on_or_skips_a_lost_row_is_kept():
    text = "一、甲（一）乙1.任务一。2.任务二。（二）丙3.任务三。5.任务五。二、丁（一）戊6.任务六。"
    kinds = [f.label.printed for f in inline_labels(text)]
    assert kinds == ["一、", "（一）", "1.", "2.", "（二）", "3.", "5.", "二、", "（一）", "6."]


def test_sub_points_count_only_where_nothing_else_numbers_the_text():
    duties = "".join(f"{n}是{FILLER}" for n in "一二三四五六")
    assert [f.label.printed for f in inline_labels(duties)][:2] == ["一是", "二是"]
    inside_a_task = "一、做好政策解读。围绕重点工作开展解读。" + "".join(f"{n}是{FILLER}" for n in "一二三") + \
        "二、回应关切。" + FILLER + "三、办好网站。" + FILLER
    assert [f.label.printed for f in inline_labels(inside_a_task)] == ["一、", "二、", "三、"]
    under_a_heading = "一、夯实工作基础" + "".join(f"{n}是{FILLER}" for n in "一二三") + "二、加强平台建设一是" + FILLER
    assert [f.label.printed for f in inline_labels(under_a_heading)] == ["一、", "一是", "二是", "三是", "二、", "一是"]


def test_a_blank_ends_a_paragraph_but_not_between_latin_words():
    assert paragraphs("甲单位 2021年5月28日 使用 Office Word 文档") == ["甲单位", "2021年5月28日", "使用", "Office Word",
                                                                   "文档"]


# ---- flattened headers ---------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "kinds"), [
    ("工作任务工作要求牵头单位配合/责任单位", ("content", "content", "lead", "cooperating")),
    ("工　作　任　务牵头单位责　任　单　位工　作　要　求", ("content", "lead", "responsible", "content")),
    ("序号重点任务具体措施责任处室完成时限", ("seq", "content", "content", "responsible", "time")),
    ("主要任务主办单位协办单位时间节点", ("content", "lead", "cooperating", "time")),
    ("任务内容　具体要求　牵头部门　协办", ("content", "content", "lead", "cooperating")),
])
def test_header_words_run_together_are_read_as_columns(words, kinds):
    header = find_header("某市2022年政务公开工作要点任务分解表" + words)
    assert header is not None and header.columns == kinds


def test_a_title_alone_is_not_a_header():
    assert find_header("某市2022年政务公开工作主要任务分解表") is None


# ---- units run together --------------------------------------------------------------------------

def test_units_run_together_split_by_ending_and_level():
    vocab = vocabulary(["甲，市直有关单位、各县（市、区）人民政府"])
    run = find_run("推进信息公开。市财政局市审计局市直有关单位、各县（市、区）人民政府", vocab, at_end=True)
    assert run is not None
    assert run.names == ("市财政局", "市审计局", "市直有关单位", "各县（市、区）人民政府")


def test_a_name_the_plan_shows_whole_elsewhere_ends_the_run():
    texts = ["任务，各镇（街道）、望江新城管委会 ", "任务。各镇（街道）、望江新城管委会。", "各镇（街道）、望江新城管委会组织实施"]
    vocab = vocabulary(texts)
    run = find_run("做好公开县民政局各镇（街道）、望江新城管委会组织实施", vocab, at_end=False)
    assert run is not None and run.names[-1] == "望江新城管委会"
    assert run.names[0] == "县民政局"


def test_one_long_name_is_not_cut_into_two():
    run = find_run("落实要求。各乡镇人民政府（街道办事处）", frozenset(), at_end=True)
    assert run is not None and run.names == ("各乡镇人民政府（街道办事处）",)
    run = find_run("落实要求。市人力资源和社会保障局", frozenset(), at_end=True)
    assert run is not None and run.names == ("市人力资源和社会保障局",)


@pytest.mark.parametrize(("row", "lead", "others"), [
    ("任务。市财政局市审计局市直各单位，各县区政府", ["市财政局", "市审计局"], ["市直各单位", "各县区政府"]),
    ("任务。 市直各单位，各县区政府", [], ["市直各单位", "各县区政府"]),
    ("任务。市财政局 ", ["市财政局"], []),
    ("任务。市财政局 市直各单位", ["市财政局"], ["市直各单位"]),
    ("任务。市财政局会同市民政局、市直各单位", [], ["市财政局", "市民政局", "市直各单位"]),
])
def test_units_are_shared_between_the_lead_and_the_other_column(row, lead, others):
    run = find_run(row, frozenset(), at_end=True)
    blank_after = row.endswith(" ")
    blank_before = row[run.start - 1] == " "
    roles = split_roles(run, ["lead", "cooperating"], blank_after, blank_before, units_last=True)
    assert roles["lead"] == lead
    assert roles["cooperating"] == others


# ---- whole one-line plans ------------------------------------------------------------------------

NOTICE = ("标题: 某市人民政府办公室关于印发某市2022年政务公开工作要点分解表的通知\n发布时间: 2022-04-02\n"
          "==================== 正文 ====================\n"
          "某政办函〔2022〕18号 各县（市、区）人民政府，市直各单位： 现将《某市2022年政务公开工作要点分解表》印发给你们，"
          "请认真贯彻执行。 某市人民政府办公室 2022年3月30日 某市2022年政务公开工作要点分解表")


def _rows(rows: list[tuple[str, str, str]], order: str) -> str:
    out = []
    for label, task, units in rows:
        if order == "units_last":
            out.append(f"{label}{task}。{FILLER}{units}")
        else:
            out.append(f"{label}{task}{units}{FILLER}")
    return "".join(out)


@pytest.mark.parametrize(("header", "order"), [
    ("工作任务工作要求牵头单位配合单位", "units_last"),
    ("工作任务牵头单位责任单位工作要求", "units_between"),
])
def test_a_flattened_table_on_one_line_reads_as_sections_and_tasks(header, order):
    rows = [("1.", "公开财政预决算", "市财政局市审计局市直各单位，各县（市、区）人民政府"),
            ("2.", "公开重大项目", "市发展改革委市直各单位，各县（市、区）人民政府"),
            ("3.", "公开公共资源交易", "")]
    body = "一、深化重点领域公开" + _rows(rows, order) + "二、加强解读回应" + _rows(
        [("4.", "做好政策解读", "市政府办公室市直各单位，各县（市、区）人民政府"),
         ("5.", "回应社会关切", "市委网信办市直各单位，各县（市、区）人民政府")], order)
    plan = parse_text(NOTICE + header + body)
    assert shape(plan.nodes)[0] == "一、深化重点领域公开"
    tasks = leaves(plan)
    assert [t.label for t in tasks] == ["1.", "2.", "3.", "4.", "5."]
    assert units_of(tasks[0]) == ["市财政局", "市审计局", "市直各单位", "各县（市、区）人民政府"]
    assert tasks[0].units["lead"] == ["市财政局", "市审计局"]
    assert units_of(tasks[2]) == units_of(tasks[1])  # no unit cell: the merged cell above
    assert tasks[4].units["lead"] == ["市委网信办"]
    assert (plan.title, plan.year, plan.doc_number) == ("某市2022年政务公开工作要点分解表", 2022, "某政办函〔2022〕18号")
    assert (plan.issuer, str(plan.date)) == ("某市人民政府办公室", "2022-03-30")


def test_a_one_line_prose_plan_reads_its_unit_sentences():
    body = ("某省2020年政务公开工作要点 （此件公开发布）某省2020年政务公开工作要点 " +
            "一、推进决策公开 （一）完善公众参与。" + FILLER + " 责任单位：省司法厅，各市人民政府。 " +
            "（二）推进结果公开。" + FILLER + " 牵头单位：省政府办公厅；配合单位：省直各部门。 " +
            "二、加强平台建设 （一）办好政府网站。" + FILLER + " 责任单位：省政府办公厅、省大数据局。")
    plan = parse_text(body)
    assert plan.title == "某省2020年政务公开工作要点"
    tasks = leaves(plan)
    assert [t.label for t in tasks] == ["（一）", "（二）", "（一）"]
    assert units_of(tasks[0]) == ["省司法厅", "各市人民政府"]
    assert tasks[1].units["lead"] == ["省政府办公厅"]
    assert units_of(tasks[2]) == ["省政府办公厅", "省大数据局"]


def test_a_flattened_table_numbered_by_a_serial_column_with_a_time_column():
    rows = ("一、深化基层公开（一）开展示范点建设1选取示范乡镇开展建设 镇综治办镇司法所镇直有关单位各村（社区）年内"
            "2总结推广经验做法镇党政办镇直有关单位各村（社区）2021年2月底前（二）推进标准化3完善事项清单。"
            "镇经发办镇直有关单位各村（社区）6月底前4同步更新公开事项镇农业服务中心镇直有关单位3月完成摸底，4月完成整改")
    plan = parse_text(NOTICE.replace("分解表", "台账") + "序号工作事项工作措施主办单位配合单位时间节点" + rows)
    tasks = leaves(plan)
    assert [t.label for t in tasks] == ["1", "2", "3", "4"]
    assert tasks[0].units["lead"] == ["镇综治办", "镇司法所"]  # the first collective name opens the other column
    assert tasks[0].units["cooperating"] == ["镇直有关单位", "各村（社区）"]
    assert [str(d.date) for d in tasks[1].deadlines] == ["2021-02-28"]
    assert [str(d.date) for d in tasks[3].deadlines] == ["2022-03-31", "2022-04-30"]


def test_slash_separated_unit_cells_glued_to_each_other():
    row = "1.做好公报数字化。省大数据中心/省司法厅各市（州）人民政府/省直各部门"
    body = "一、加强平台建设" + row + "2.办好政府网站。" + FILLER + "省政府办公厅省直各部门"
    plan = parse_text(NOTICE + "工作事项工作要求主办单位配合/责任单位" + body)
    first = leaves(plan)[0]
    assert first.units["lead"] == ["省大数据中心", "省司法厅"]
    assert first.units["cooperating"] == ["各市（州）人民政府", "省直各部门"]


def test_bare_section_numerals_of_a_serial_column_and_names_keeping_their_level():
    body = ("一、推进决策公开（一）公开目录1编制并公开决策事项目录县财政局县直各部门（二）公开结果2做好全过程记录公示县市场监督管理局县直各部门"
            "二加强平台建设（一）办好网站3严格落实网站安全防护信息县住房城乡建设厅县直各部门4统一规范办事指南县政务服务中心县直各部门")
    plan = parse_text(NOTICE + "编号主要任务牵头部门责任部门" + body)
    assert [n.label for n in plan.nodes] == ["一、", "二"]
    tasks = leaves(plan)
    assert [t.units["lead"] for t in tasks] == [["县财政局"], ["县市场监督管理局"], ["县住房城乡建设厅"], ["县政务服务中心"]]
    assert all(t.units["responsible"] == ["县直各部门"] for t in tasks)


def test_a_header_does_not_take_the_end_of_the_title_before_it():
    header = find_header("附件1 2020年某区政务公开工作要点 编号主要任务牵头部门责任部门工作要求")
    assert header is not None and header.columns == ("seq", "content", "lead", "responsible", "content")


def test_a_name_after_a_separator_that_reads_as_text_gives_way_to_the_name_it_ends_with():
    vocab = vocabulary([])
    run = find_run("同步公开办理依据、流程和时限区文化广电旅游局区直各部门，各街道办事处", vocab, at_end=True)
    assert run is not None and run.names[0] == "区文化广电旅游局"


def test_collective_names_open_the_other_column_also_when_they_end_in_ge_bumen():
    run = find_run("公开救灾物资情况 省发展改革委省应急管理厅省政府各部门省直有关单位", frozenset(), at_end=True)
    roles = split_roles(run, ["lead", "cooperating"], False, True, units_last=True)
    assert roles["lead"] == ["省发展改革委", "省应急管理厅"]
    assert roles["cooperating"] == ["省政府各部门", "省直有关单位"]


def test_units_first_rows_parted_by_blanks_with_the_first_section_a_bare_numeral():
    rows = ("一　推进乡村振兴领域公开（一）涉农资金公开1　县统计局、县直各部门　对项目实施情况进行公示。接受群众监督。　7月前"
            "2　县直各部门　公开资金使用情况。" + FILLER + "　（二）集体资产公开3　县水利局、县直各部门　推动集体资产定期公开。" + FILLER + "　长期推进"
            "（三）惠农政策公开4　县农业农村局　公开补贴对象和金额。" + FILLER + "　年底前"
            "二、加强平台建设（一）办好网站5　县政务服务中心　通过村务公开栏发布信息。　8月公布计划，11月公布结果")
    plan = parse_text(NOTICE + "序号　责任单位　工作事项　完成时限" + rows)
    assert [n.label for n in plan.nodes] == ["一", "二、"]
    tasks = leaves(plan)
    assert [t.label for t in tasks] == ["1", "2", "3", "4", "5"]
    assert units_of(tasks[0]) == ["县统计局", "县直各部门"]  # "对项目实施情况进行…" after the blank is text
    assert units_of(tasks[4]) == ["县政务服务中心"]
    assert [str(d.date) for d in tasks[0].deadlines] == ["2022-06-30"]
    assert [str(d.date) for d in tasks[4].deadlines] == ["2022-08-31", "2022-11-30"]


def test_a_flattened_table_numbered_only_by_its_serial_column():
    rows = ("一推进乡村振兴领域公开1县直有关单位、各乡镇公开涉农资金整合方案。" + FILLER + "常态化开展"
            "2县农业农村局公开集体资产使用情况。" + FILLER + "9月15日前"
            "二加强平台建设3县政务服务中心办好政府网站。" + FILLER + "长期推进"
            "4县大数据中心、各乡镇整合政务新媒体。" + FILLER + "6月底前")
    plan = parse_text(NOTICE + "序号责任部门重点任务完成时间" + rows)
    assert [n.label for n in plan.nodes] == ["一", "二"]
    tasks = leaves(plan)
    assert [t.label for t in tasks] == ["1", "2", "3", "4"]
    assert units_of(tasks[0]) == ["县直有关单位", "各乡镇"] and units_of(tasks[3]) == ["县大数据中心", "各乡镇"]
    assert [str(d.date) for d in tasks[1].deadlines] == ["2022-09-15"]


def test_header_cells_parted_by_blanks_are_read_by_meaning_whatever_their_words():
    header = find_header("附件：某省2019年政务公开工作任务分解表序　工作目标　办结时限　主责单位　配合部门（单位）")
    assert header is not None
    assert header.columns == ("seq", "content", "time", "lead", "cooperating")


def test_the_notices_addressees_are_names_the_rows_may_glue():
    from core.parse.joined import addressees
    from core.parse.structure import Entry

    line = "某省人民政府办公厅关于印发分解表的通知某政办发〔2019〕12号省直有关部门，中央驻省有关单位，各县（市、区）政府："
    # the first name, glued to the notice's number, is left out rather than guessed
    assert addressees([Entry(text=line)]) == ["中央驻省有关单位", "各县（市、区）政府"]
