"""Lines → tree: nesting learnt from label kinds, plain paragraphs, unit lines, page noise."""

from __future__ import annotations

import pytest
from table_builders import shape

from core.errors import InputError
from core.parse.source import parse_text


def test_labels_nest_in_the_order_the_document_uses():
    plan = parse_text("2022年政务公开工作要点\n一、甲\n1.乙任务。\n(1)丙细项。\n(2)丁细项。\n2.戊任务。\n二、己\n1.庚任务。")
    assert shape(plan.nodes) == ["一、甲", "  1.乙任务", "    (1)丙细项", "    (2)丁细项", "  2.戊任务",
                                 "二、己", "  1.庚任务"]


def test_numbering_that_runs_on_across_sections_stays_under_each_section():
    plan = parse_text("一、甲\n1、任务一。\n2、任务二。\n二、乙\n3、任务三。")
    assert [c.label for c in plan.nodes[1].children] == ["3、"]


def test_full_width_labels_and_circled_numbers():
    plan = parse_text("一、甲\n（一）乙\n①丙任务。\n②丁任务。\n（二）戊")
    assert shape(plan.nodes) == ["一、甲", "  （一）乙", "    ①丙任务", "    ②丁任务", "  （二）戊"]


def test_unnumbered_paragraphs_are_tasks_under_their_heading():
    plan = parse_text("一、加强政策解读\n(一)深入解读重要政策。\n认真落实解读制度。按照原则做好解读。\n对群众关切要主动回应。")
    section = plan.nodes[0].children[0]
    assert [c.title for c in section.children] == ["认真落实解读制度", "对群众关切要主动回应"]
    assert all(c.label == "" for c in section.children)


def test_paragraph_after_a_task_continues_its_text():
    plan = parse_text("一、甲\n1、建设平台。市政府办公室做好建设。\n各单位要做好专栏建设。\n2、更新清单。")
    first = plan.nodes[0].children[0]
    assert "各单位要做好专栏建设" in first.text
    assert len(plan.nodes[0].children) == 2


def test_heading_that_carries_a_task_gets_first_sentence_as_title():
    plan = parse_text("一、甲\n(一)以公开助推招商引资。围绕招商做好发布工作,2024年底前完成。")
    node = plan.nodes[0].children[0]
    assert node.title == "以公开助推招商引资"
    assert node.text.startswith("以公开助推招商引资。围绕")


def test_damaged_label_is_inferred_from_siblings():
    plan = parse_text("一、甲\n(四)政府信息公开。\n1、任务一。\n()公共企事业单位办事公开。按照要求做好。\n(六)企业信用。")
    assert [c.label for c in plan.nodes[0].children] == ["(四)", "(五)", "(六)"]


def test_pinyin_ruby_is_removed_from_the_text():
    plan = parse_text("一、完成政務(wù)公開(kāi)平臺建設\n1、建設完成。")
    assert plan.nodes[0].title == "完成政務公開平臺建設"


def test_copied_table_unit_lines_belong_to_the_task_above():
    text = ("工作事项\n具体任务\n牵头及责任单位\n一、甲\n(一)乙。\n任务一内容。\n市直各单位、各区政府(管委会)\n"
            "任务二内容。\n市金融工作局牵头,各区政府(管委会)\n(二)丙。\n任务三内容。\n市司法局")
    plan = parse_text(text)
    tasks = [n for n in plan.walk() if not n.children]
    assert [t.title for t in tasks] == ["任务一内容", "任务二内容", "任务三内容"]
    assert tasks[1].units["lead"] == ["市金融工作局"]
    assert tasks[2].units["responsible"] == ["市司法局"]


def test_task_without_unit_line_shares_the_one_above():
    text = "一、甲\n1.任务一。\n办公室、各股室\n2.任务二。\n3.任务三。\n二、乙\n1.任务四。\n办公室"
    tasks = [n for n in parse_text(text).walk() if not n.children]
    assert [t.units["responsible"] for t in tasks] == [["办公室", "各股室"]] * 3 + [["办公室"]]


def test_plain_text_plan_gets_no_units_from_sharing():
    tasks = [n for n in parse_text("一、甲\n1.任务一。\n2.任务二。").walk() if not n.children]
    assert all(not any(t.units.values()) for t in tasks)


def test_time_line_after_a_task_is_its_deadline():
    plan = parse_text("2022年要点\n一、甲\n1.任务一。\n县政府办公室\n2022年6月底前\n2.任务二。\n县司法局\n长期坚持")
    tasks = plan.nodes[0].children
    assert [d.date.isoformat() for d in tasks[0].deadlines] == ["2022-06-30"]
    assert [(d.text, d.date) for d in tasks[1].deadlines] == [("长期坚持", None)]


def test_lone_number_lines_label_the_line_after():
    plan = parse_text("一\n着眼稳定预期\n1\n认真落实解读细则。\n2\n积极回应关切。")
    assert shape(plan.nodes) == ["一着眼稳定预期", "  1认真落实解读细则", "  2积极回应关切"]


def test_notice_before_the_plan_is_not_a_task():
    text = ("XX市人民政府办公室关于印发2022年政务公开工作要点的通知\n各区政府:\n现将要点印发给你们。\n"
            "XX市人民政府办公室\n2022年3月1日\n2022年政务公开工作要点\n为做好工作,制定本要点。\n一、甲\n1.任务。")
    plan = parse_text(text)
    assert shape(plan.nodes) == ["一、甲", "  1.任务"]
    assert plan.title == "2022年政务公开工作要点"


def test_page_footer_and_headline_list_are_not_tasks():
    headlines = "\n".join(f"{i}. 某街道开展第{i}次活动" for i in range(1, 12))
    text = f"一、甲\n1、任务一。\n2、任务二。\n字体:[大] [中] [小]\n3、任务三。\n相关链接\n{headlines}"
    plan = parse_text(text)
    assert shape(plan.nodes) == ["一、甲", "  1、任务一", "  2、任务二", "  3、任务三"]


def test_headline_list_without_footer_marker_is_cut():
    headlines = "\n".join(f"{i}. 某街道开展第{i}次活动" for i in range(1, 12))
    plan = parse_text(f"一、甲\n(一)任务一。做好工作。\n{headlines}")
    assert shape(plan.nodes) == ["一、甲", "  (一)任务一"]


def test_sign_off_after_the_plan_is_not_a_task():
    plan = parse_text("一、甲\n1.任务一。\n2.任务二。\nXX县人民政府办公室\n2022年3月1日")
    assert shape(plan.nodes) == ["一、甲", "  1.任务一", "  2.任务二"]


@pytest.mark.parametrize("text", ["", "   \n\n", "Hello world", "1\n2\n3", "【打印】\n【关闭】"])
def test_a_document_without_any_text_is_no_plan(text):
    with pytest.raises(InputError) as err:
        parse_text(text)
    assert err.value.code == "no_plan"


def test_keyed_unit_and_time_lines_belong_to_the_task_above():
    plan = parse_text("2023年要点\n一、甲乙\n1.做好回应。\n责任单位：县司法局\n完成时限：2023年9月底前\n2.做好公开。")
    first = plan.nodes[0].children[0]
    assert first.units["responsible"] == ["县司法局"]
    assert [d.date.isoformat() for d in first.deadlines] == ["2023-09-30"]
    assert len(plan.nodes[0].children) == 2


def test_numbered_menu_before_the_plan_is_not_the_plan():
    menu = "\n".join(f"{i}. 栏目{i}新闻" for i in range(1, 8))
    plan = parse_text(f"{menu}\nXX县2023年政务公开工作要点\n一、加强政策解读\n1.做好解读。")
    assert shape(plan.nodes) == ["一、加强政策解读", "  1.做好解读"]


def test_copied_table_number_before_a_group_cell_labels_the_task():
    text = ("序号\n工作任务\n具体内容\n责任单位\n一\n着眼稳定预期\n1\n(一)深入解读政策。\n认真落实解读细则。\n"
            "市直各单位\n2\n做好社会关切回应。\n市直各单位")
    plan = parse_text(text)
    assert shape(plan.nodes) == ["一着眼稳定预期", "  (一)深入解读政策", "    1认真落实解读细则",
                                 "    2做好社会关切回应"]


def test_date_line_inside_a_copied_table_is_a_deadline_not_a_sign_off():
    text = "2022年要点\n一、甲乙\n1.任务一。\n县政府办公室\n2022年6月30日\n2.任务二。\n县司法局\n2022年9月30日"
    tasks = parse_text(text).nodes[0].children
    assert [[d.date.isoformat() for d in t.deadlines] for t in tasks] == [["2022-06-30"], ["2022-09-30"]]
