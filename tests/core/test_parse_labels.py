"""The label grammar: every numbering style of the genre, its kind and its value."""

from __future__ import annotations

import pytest

from core.domain.numerals import cn_numeral, cn_value
from core.parse.labels import Label, bare_label, repair, split_label


@pytest.mark.parametrize("line, printed, kind, value, rest", [
    ("一、加强政策解读", "一、", "cn、", 1, "加强政策解读"),
    ("十二、加强配套制度建设", "十二、", "cn、", 12, "加强配套制度建设"),
    ("(一)深入解读重要政策措施。", "(一)", "(cn)", 1, "深入解读重要政策措施。"),
    ("（十四）加强业务能力建设。", "（十四）", "(cn)", 14, "加强业务能力建设。"),
    ("1、建设完成政府信息公开平台。", "1、", "n、", 1, "建设完成政府信息公开平台。"),
    ("24、规范考核评估。", "24、", "n、", 24, "规范考核评估。"),
    ("1.积极推进单位预算公开。", "1.", "n.", 1, "积极推进单位预算公开。"),
    ("3．加强机构建设", "3．", "n.", 3, "加强机构建设"),
    ("(1)开展在线访谈", "(1)", "(n)", 1, "开展在线访谈"),
    ("（2）制作图解", "（2）", "(n)", 2, "制作图解"),
    ("②做好热点回应", "②", "①", 2, "做好热点回应"),
])
def test_label_is_read_with_kind_and_value(line, printed, kind, value, rest):
    label, text = split_label(line)
    assert label == Label(kind, value, printed)
    assert text == rest


@pytest.mark.parametrize("line", [
    "2019年政务公开工作要点",
    "3.5亿元资金",
    "一是加强领导",
    "一、二季度完成",
    "各縣(市)區政府",
    "12345热线",
    "一、",
])
def test_text_that_only_looks_numbered_has_no_label(line):
    assert split_label(line)[0] is None


def test_damaged_label_is_recognised_as_damaged():
    label, rest = split_label("()公共企事業單位辦事公開。")
    assert label is not None and label.kind == "()"
    assert rest == "公共企事業單位辦事公開。"


def test_damaged_label_is_repaired_from_its_sibling():
    fixed = repair(Label("()", 0, "()"), Label("(cn)", 4, "(四)"))
    assert fixed == Label("(cn)", 5, "(五)")


def test_damaged_label_after_arabic_sibling_gets_arabic_number():
    assert repair(Label("()", 0, "（）"), Label("(n)", 9, "（9）")).printed == "（10）"


@pytest.mark.parametrize("numeral, value", [("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23),
                                            ("一百零五", 105)])
def test_chinese_numerals_have_their_value(numeral, value):
    assert cn_value(numeral) == value


@pytest.mark.parametrize("value", [1, 9, 10, 11, 20, 35, 99])
def test_chinese_numeral_round_trips(value):
    assert cn_value(cn_numeral(value)) == value


@pytest.mark.parametrize("cell, kind, value", [("一", "cn", 1), ("12", "n", 12), ("(三)", "(cn)", 3), ("4.", "n.", 4)])
def test_table_number_cell_is_a_label(cell, kind, value):
    label = bare_label(cell)
    assert label is not None and (label.kind, label.value) == (kind, value)


def test_table_number_cell_with_words_is_not_a_label():
    assert bare_label("合计") is None
