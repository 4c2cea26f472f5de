"""Text layouts other offices use: 一是 tasks, department lists, metadata blocks, keyed unit brackets.

Generated here (other numbering, unit vocabularies and separators), never taken from ../shared.
"""

from __future__ import annotations

import pytest

from core.parse.labels import split_label
from core.parse.notice import notice_lines
from core.parse.source import parse_text
from core.parse.unit_runs import plan_vocabulary, split_glued
from core.parse.units import inline_units

BODY = "按照统一部署抓好落实，确保取得实效。"


def leaves(plan):
    return [n for root in plan.nodes for n in root.walk() if not n.children]


def test_yishi_lines_under_a_heading_are_its_tasks():
    plan = parse_text("某县2021年政务公开工作要点\n一、推进决策公开\n一是做好预公开。" + BODY + "\n二是公开目录。" + BODY +
                      "\n四是公开结果。" + BODY + "\n二、加强平台建设\n一是办好网站。" + BODY)
    assert [(n.label, [c.label for c in n.children]) for n in plan.nodes] == [
        ("一、", ["一是", "二是", "四是"]), ("二、", ["一是"])]


def test_yishi_lines_inside_a_task_stay_its_text():
    plan = parse_text("某县2021年政务公开工作要点\n一、推进决策公开\n（一）做好预公开。围绕重点事项公开草案。\n"
                      "一是公开依据。\n二是公开说明。\n（二）公开结果。" + BODY)
    first = plan.nodes[0].children[0]
    assert first.label == "（一）" and not first.children
    assert "一是公开依据" in first.text


def test_a_department_list_without_title_takes_its_year_from_the_opening_line():
    plan = parse_text("首页 > 信息公开\n2023年，我局政务公开工作主要围绕以下几个方面开展：\n"
                      "1.加强培训。" + BODY + "（负责科室：办公室）\n2.规范办理。" + BODY + "（负责科室：法规科、各股室）")
    assert plan.title == "" and plan.to_dict()["title"] is None
    assert plan.year == 2023
    assert [u for t in leaves(plan) for u in t.units["responsible"]] == ["办公室", "法规科", "各股室"]


def test_a_metadata_block_gives_issuer_date_and_number():
    plan = parse_text("索引号：11350100/2020-00112　　主题分类：综合政务\n发布机构：某县人民政府办公室　　发文日期：2020-03-02\n"
                      "名称：某县人民政府办公室关于印发某县2020年政务公开工作要点的通知\n文号：某政办〔2020〕7号　　主题词：公开\n"
                      "某县2020年政务公开工作要点\n一、推进决策公开\n（一）做好预公开。" + BODY)
    assert (plan.issuer, str(plan.date), plan.doc_number) == ("某县人民政府办公室", "2020-03-02", "某政办〔2020〕7号")


def test_a_notice_that_carries_its_tasks_is_the_title_and_signs_off_after_them():
    plan = parse_text("某区审计局关于做好2019年政务公开工作的通知\n各股室：\n现将有关事项通知如下：\n"
                      "一、推进审计结果公开。" + BODY + "\n二、做好依申请公开。" + BODY + "\n某区审计局\n2019年3月8日")
    assert plan.title == "某区审计局关于做好2019年政务公开工作的通知"
    assert (plan.issuer, str(plan.date), plan.year) == ("某区审计局", "2019-03-08", 2019)


def test_a_label_before_a_month_is_a_label_and_a_decimal_is_not():
    assert split_label("1.5月底前完成自查。")[0] is not None
    assert split_label("2.2022年底前完成。")[1] == "2022年底前完成。"
    assert split_label("3.5亿元资金")[0] is None


@pytest.mark.parametrize(("text", "lead", "others"), [
    ("（主办：片区经济发展局；协办：各村（社区）、辖区各单位）", ["片区经济发展局"], ["各村（社区）", "辖区各单位"]),
    ("【责任单位：镇综治办、镇司法所】", [], ["镇综治办", "镇司法所"]),
    ("（责任处室：政策法规科牵头，各二级单位，各有关科室配合）", ["政策法规科"], ["各二级单位", "各有关科室"]),
    ("（责任处室：安全监管股，综合股牵头，各科室配合）", ["安全监管股", "综合股"], ["各科室"]),
    ("（县发展和改革局、县医保局牵头，各乡镇配合，完成时限：2018年7月前）", ["县发展和改革局", "县医保局"], ["各乡镇"]),
    ("（由县保密局、县档案馆牵头，县直有关部门协同）", ["县保密局", "县档案馆"], ["县直有关部门"]),
    ("（责任处（室）：法规股、局机关各股室）", [], ["法规股", "局机关各股室"]),
    ("（牵头单位：市民政局 市财政局；责任单位：各县（市、区）人民政府 市直有关单位）", ["市民政局", "市财政局"],
     ["各县（市、区）人民政府", "市直有关单位"]),
])
def test_keyed_units_in_any_bracket_with_roles_said_once_for_a_list(text, lead, others):
    units, _ = inline_units("做好相关工作" + text + "。")
    assert units["lead"] == lead
    assert units["responsible"] + units["cooperating"] == others


def test_names_run_together_are_split_only_into_names_that_stand_alone():
    vocab = plan_vocabulary(["县财政局", "县直各部门"])
    assert split_glued("县林业局县财政局", vocab) == ["县林业局", "县财政局"]
    assert split_glued("县政府各部门", vocab) == ["县政府各部门"]
    assert split_glued("各设区市人民政府", vocab) == ["各设区市人民政府"]
    assert split_glued("市人力资源和社会保障局", vocab) == ["市人力资源和社会保障局"]


@pytest.mark.parametrize(("joined", "lines"), [
    ("…请抓好落实。某市人民政府办公室二〇二一年三月五日（此件公开发布）附件某市2021年政务公开工作台账",
     ["…请抓好落实。", "某市人民政府办公室", "二〇二一年三月五日", "某市2021年政务公开工作台账"]),
    ("索引号：123/2019-1发布机构：某市人民政府办公室名称：关于印发某市2019年政务公开工作要点的通知发文日期：2019年02月13日",
     ["索引号：123/2019-1", "发布机构：某市人民政府办公室", "名称：关于印发某市2019年政务公开工作要点的通知",
      "发文日期：2019年02月13日"]),
    ("各乡镇，县直各单位：现将要点印发给你们。 某县人民政府办公室 2020年4月1日 某县2020年政务公开工作要点为做好今年工作，制定本要点。",
     ["各乡镇，县直各单位：", "现将要点印发给你们。", "某县人民政府办公室", "2020年4月1日", "某县2020年政务公开工作要点",
      "为做好今年工作，制定本要点。"]),
])
def test_a_notice_joined_into_one_line_is_cut_into_its_lines(joined, lines):
    assert notice_lines(joined) == lines


# ---- never refuse a plan: no numbering, flat tasks and a warning -------------------------------

def test_paragraphs_without_numbering_become_flat_tasks_with_a_warning():
    from core.messages import cli_line as warning_message
    from core.parse.checks import check_plan

    plan = parse_text("某局2022年政务公开工作安排\n发布机构：某局\n今年重点做好预算公开。按时公开部门预算。\n"
                      "责任单位：财务科、办公室。\n做好政策解读，及时回应社会关切。\n打印本页 关闭窗口")
    assert plan.title == "某局2022年政务公开工作安排" and plan.year == 2022
    assert [n.label for n in plan.nodes] == ["", ""] and not any(n.children for n in plan.nodes)
    assert plan.nodes[0].units["responsible"] == ["财务科", "办公室"]
    found = [w for w in check_plan(plan) if w.code == "no_structure"]
    assert found and "2 个段落" in warning_message(found[0])


def test_one_long_paragraph_without_numbering_is_read_sentence_by_sentence():
    sentence = "要围绕中心工作做好信息公开，及时回应社会关切。"
    plan = parse_text("某县政务公开工作要点\n" + sentence * 40)
    assert len(plan.nodes) == 40 and plan.nodes[0].text == sentence
    assert ("no_structure", {"count": 40}) in [(n.code, n.params) for n in plan.notes]


def test_numbered_plans_carry_no_structure_warning():
    plan = parse_text("某县2022年政务公开工作要点\n一、推进决策公开\n（一）做好预公开。" + BODY)
    assert all(n.code != "no_structure" for n in plan.notes)


# ---- the plan's whole title and its closing words ------------------------------------------------

def test_the_title_is_the_whole_title_the_notice_cites():
    plan = parse_text("各乡镇，县直各单位：\n现将《某县2021年政务公开工作要点》印发给你们，请认真贯彻执行。\n某县人民政府办公室\n"
                      "2021年4月2日\n2021年政务公开工作要点\n一、推进决策公开\n（一）做好预公开。" + BODY)
    assert plan.title == "某县2021年政务公开工作要点"


@pytest.mark.parametrize("closing", ["各乡镇、各部门要将落实情况纳入年度报告予以公开，接受社会监督。",
                                     "本方案自印发之日起施行。"])
def test_closing_words_after_the_last_task_are_not_part_of_it(closing):
    plan = parse_text("某县2021年政务公开工作要点\n一、推进决策公开\n（一）做好预公开。" + BODY + "\n（二）做好结果公开。" +
                      BODY + "\n" + closing)
    last = plan.nodes[0].children[-1]
    assert last.text == "做好结果公开。" + BODY
    assert closing in plan.skipped


@pytest.mark.parametrize(("joined", "lines"), [
    ("某县2023年政务公开工作要点根据2023年政务公开工作要点部署，制定本要点。",
     ["某县2023年政务公开工作要点", "根据2023年政务公开工作要点部署，制定本要点。"]),
    ("根据2023年政务公开工作要点部署，现就全县工作提出如下要点。", ["根据2023年政务公开工作要点部署，现就全县工作提出如下要点。"]),
    ("某县2023年政务公开工作要点分解表为做好今年工作制定本表。", ["某县2023年政务公开工作要点分解表", "为做好今年工作制定本表。"]),
])
def test_a_title_glued_to_the_first_sentence_is_cut_where_the_sentence_starts(joined, lines):
    assert notice_lines(joined) == lines


def test_a_markdown_link_line_gives_its_text():
    plan = parse_text("[某市人民政府办公室关于印发某市2022年政务公开工作要点的通知](http://www.example.gov.cn/a.html)\n"
                      "某市2022年政务公开工作要点\n一、推进决策公开\n（一）做好预公开。" + BODY)
    assert plan.issuer == "某市人民政府办公室"


@pytest.mark.parametrize("joined", [False, True])
def test_phases_of_an_implementation_plan_are_labels_with_their_date_span(joined):
    lines = ["某局2018年政务公开工作实施方案", "一、工作目标", "全面提升政务公开水平。", "二、实施步骤",
             "第一阶段：动员部署（2018年2月1日—4月30日）。制定方案（责任处室：办公室牵头，各相关处室配合）。",
             "第二阶段：组织实施（2018年5月1日—10月31日）。抓好落实（责任处室：各相关处室）。"]
    plan = parse_text(" ".join(lines) if joined else "\n".join(lines))
    phases = plan.nodes[1].children
    assert [p.label for p in phases] == ["第一阶段：", "第二阶段："]
    assert [str(d.date) for p in phases for d in p.deadlines] == ["2018-04-30", "2018-10-31"]
    assert (phases[0].units["lead"], phases[0].units["cooperating"]) == (["办公室"], ["各相关处室"])


def test_a_time_key_inside_the_unit_bracket_gives_dated_steps():
    plan = parse_text("某县2024年政务公开工作要点\n一、推进决策公开\n（一）做好采购公开。落实全流程公开要求（牵头单位：县财政局；"
                      "责任单位：县直有关单位；完成时限：7月启动，8月完成）。")
    task = plan.nodes[0].children[0]
    assert [str(d.date) for d in task.deadlines] == ["2024-07-31", "2024-08-31"]
    assert task.units["lead"] == ["县财政局"]


def test_a_repeated_yishi_number_is_still_a_task():
    plan = parse_text("某县2021年政务公开工作要点\n一、推进决策公开\n一是做好预公开。" + BODY + "\n二是公开目录。" + BODY +
                      "\n二是公开结果。" + BODY + "\n三是公开评估。" + BODY)
    assert [c.label for c in plan.nodes[0].children] == ["一是", "二是", "二是", "三是"]


def test_a_heading_with_one_paragraph_is_a_section_with_a_body():
    plan = parse_text("某局2021年政务公开工作实施方案\n一、指导思想\n以新时代思想为指导，全面落实政务公开部署。\n二、主要任务\n"
                      "（一）做好预算公开。" + BODY + "\n（二）做好政策解读。" + BODY)
    first = plan.nodes[0]
    assert first.label == "一、" and not first.children
    assert first.text == "指导思想\n以新时代思想为指导，全面落实政务公开部署。"
    assert [c.label for c in plan.nodes[1].children] == ["（一）", "（二）"]


def test_a_crawl_header_gives_number_and_issuer_of_a_one_line_body():
    plan = parse_text("标题: 某省人民政府办公厅关于印发某省2020年政务公开工作要点的通知\n发布时间: 2020-05-29 09:56\n"
                      "文号: 某政办〔2020〕5号\n发布机构: 某省人民政府办公厅\n==================== 正文 ====================\n"
                      "各设区市人民政府： 现将要点印发给你们。 某省2020年政务公开工作要点 一、推进决策公开 （一）做好预公开。" + BODY +
                      " 责任单位：省司法厅。 （二）做好结果公开。" + BODY + " 二、加强平台建设 （一）办好网站。" + BODY)
    assert (plan.title, plan.doc_number, plan.issuer) == ("某省2020年政务公开工作要点", "某政办〔2020〕5号", "某省人民政府办公厅")
    assert plan.date is None  # the page's 发布时间 is not the plan's date
    assert plan.nodes[0].children[0].units["responsible"] == ["省司法厅"]


@pytest.mark.parametrize(("key", "role"), [("主责单位", "lead"), ("牵头责任单位", "lead"), ("协同单位", "cooperating"),
                                           ("责任主体", "responsible"), ("落实单位", "responsible")])
def test_unit_keys_are_read_by_the_meaning_of_their_role_word(key, role):
    units, _ = inline_units(f"做好统计数据解读（{key}：县统计局、县发展改革局）。")
    assert units[role] == ["县统计局", "县发展改革局"]


def test_a_breadcrumb_is_no_title():
    plan = parse_text("网站首页 / 信息公开 / 年度计划\n2024年，我局政务公开工作要点如下：\n一是做好预算公开。" + BODY +
                      "\n二是做好政策解读。" + BODY)
    assert plan.title == "" and [n.label for n in plan.nodes] == ["一是", "二是"]


def test_a_lead_in_sentence_is_no_title():
    assert notice_lines("某市2023年政务公开工作要点 2023年全市政务公开工作的主要任务是：") == [
        "某市2023年政务公开工作要点", "2023年全市政务公开工作的主要任务是："]


def _wrapped(paragraphs: list[str], width: int = 28) -> str:
    """Paragraphs broken at a fixed page width, as text copied out of a PDF comes."""
    return "\n".join(p[i:i + width] for p in paragraphs for i in range(0, len(p), width))


def test_lines_broken_at_the_page_width_are_joined_back_into_paragraphs():
    tasks = [f"{n}、做好第{n}项公开工作，按照统一部署抓好落实，确保取得实效，并及时报送进展情况（责任单位：县教育体育局，"
             f"各乡（镇）人民政府、县直有关单位；完成时限：2020年{n + 5}月底前）。" for n in range(1, 6)]
    plan = parse_text(_wrapped(["某县2020年政务公开工作要点", "一、强化政策解读和回应关切。", *tasks]))
    got = plan.nodes[0].children
    assert [t.label for t in got] == ["1、", "2、", "3、", "4、", "5、"]
    assert got[0].units["responsible"] == ["县教育体育局", "各乡（镇）人民政府", "县直有关单位"]
    assert [str(d.date) for d in got[0].deadlines] == ["2020-06-30"]


def test_text_of_many_line_lengths_is_not_rejoined():
    from core.parse.wrapped import rejoin_wrapped
    from core.readers.document import Paragraph

    lines = [Paragraph("甲" * n) for n in (30, 45, 22, 61, 27, 38, 50, 33, 41, 25)]
    assert rejoin_wrapped(lines) == lines
