"""Deadlines: the genre's ways of writing a time limit, and the date each means."""

from __future__ import annotations

import datetime as dt

import pytest

from core.parse.deadlines import find_deadlines


def dates(text: str, year: int | None = 2020) -> list[dt.date | None]:
    return [d.date for d in find_deadlines(text, year)]


@pytest.mark.parametrize("text, date", [
    ("8月底前完成实施方案", dt.date(2020, 8, 31)),
    ("2月底前完成", dt.date(2020, 2, 29)),
    ("9月15日前，各部门上传文件", dt.date(2020, 9, 15)),
    ("年底前要全部公开到位", dt.date(2020, 12, 31)),
    ("配合区司法局于2021年底前集中公开", dt.date(2021, 12, 31)),
    ("2021年12月10日前完成", dt.date(2021, 12, 10)),
    ("上半年完成", dt.date(2020, 6, 30)),
    ("下半年开展", dt.date(2020, 12, 31)),
    ("第三季度前完成", dt.date(2020, 9, 30)),
    ("6月中旬至7月中旬集中组织开展", dt.date(2020, 7, 20)),
    ("有关基层部门需于20211210日前完成", dt.date(2021, 12, 10)),
    ("11月30日之前报送", dt.date(2020, 11, 30)),
    ("9月前报送总结", dt.date(2020, 8, 31)),
    ("6月上旬前完成", dt.date(2020, 6, 10)),
])
def test_deadline_has_its_date(text, date):
    assert dates(text) == [date]


def test_traditional_script_deadline():
    assert dates("8月底前完成基層政務公開實施方案;11月底前編制完成") == [dt.date(2020, 8, 31), dt.date(2020, 11, 30)]


@pytest.mark.parametrize("text, shown", [
    ("须于5个工作日内上传", "5个工作日内"),
    ("每季度至少发布一次", "每季度"),
    ("长期坚持", "长期坚持"),
])
def test_relative_limit_is_kept_without_date(text, shown):
    found = find_deadlines(text, 2020)
    assert [(d.text, d.date) for d in found] == [(shown, None)]


@pytest.mark.parametrize("text", [
    "按照《2010年全省政务公开工作要点(12月31日前修订)》要求",
    "根据《规划纲要(2008—2020年)》执行",
    "按照(粤府办〔2010〕12号)要求",
    "(蓬江府辦函2019835)相關要求",
    "公布2009年政府信息公开工作年度报告",
    "2019年6月24日召开会议",
])
def test_no_deadline_from_titles_numbers_or_event_dates(text):
    assert dates(text) == []


def test_month_deadline_without_plan_year_has_no_date():
    assert dates("8月底前完成", None) == [None]


def test_range_end_keeps_range_text():
    found = find_deadlines("6月中旬至7月中旬集中开展", 2024)
    assert found[0].text == "6月中旬至7月中旬"


@pytest.mark.parametrize("text, date", [
    ("于2023年12月31日完成", dt.date(2023, 12, 31)),
    ("截至6月30日", dt.date(2020, 6, 30)),
    ("三季度前完成", dt.date(2020, 9, 30)),
])
def test_dates_worded_as_limits(text, date):
    assert dates(text) == [date]


def test_time_cell_with_several_steps_names_each_step():
    found = find_deadlines("6月公布计划,10月公布结果", 2021, cell=True)
    assert [(d.text, d.date) for d in found] == [("6月公布计划", dt.date(2021, 6, 30)),
                                                 ("10月公布结果", dt.date(2021, 10, 31))]


def test_time_cell_range_stays_one_deadline_as_printed():
    found = find_deadlines("6月中旬至7月中旬", 2021, cell=True)
    assert [(d.text, d.date) for d in found] == [("6月中旬至7月中旬", dt.date(2021, 7, 20))]


def test_time_cell_year_in_the_cell_wins_over_the_plans():
    assert [d.date for d in find_deadlines("2021年8月前", 2022, cell=True)] == [dt.date(2021, 7, 31)]


@pytest.mark.parametrize("text, cell, date", [
    ("四月底前", True, dt.date(2021, 4, 30)), ("十二月底前", True, dt.date(2021, 12, 31)),
    ("十月前完成", False, dt.date(2021, 9, 30)), ("2021年十一月份", True, dt.date(2021, 11, 30)),
])
def test_months_in_chinese_numerals(text, cell, date):
    assert [d.date for d in find_deadlines(text, 2021, cell=cell)] == [date]


@pytest.mark.parametrize("text", ["一月一次", "三个月内", "二十一月"])
def test_chinese_numerals_that_are_no_month_limit(text):
    assert [d.date for d in find_deadlines(text, 2021, cell=True) if d.date] == []


def test_what_follows_a_time_key_in_prose_is_read_as_a_time_cell():
    text = "推动基层公开事项同步更新（责任单位：市水利局，完成时限：3月公布计划，7月公布结果）。"
    assert [(d.text, d.date) for d in find_deadlines(text, 2020)] == [
        ("3月公布计划", dt.date(2020, 3, 31)), ("7月公布结果", dt.date(2020, 7, 31))]


def test_a_bare_month_in_prose_without_a_time_key_is_no_deadline():
    assert find_deadlines("3月公布计划，7月公布结果。", 2020) == []


@pytest.mark.parametrize("text, date", [
    ("２０２１年６月底前完成", dt.date(2021, 6, 30)),
    ("１２月底前报送", dt.date(2020, 12, 31)),
    ("第３季度前", dt.date(2020, 9, 30)),
    ("９月１５日前", dt.date(2020, 9, 15)),
])
def test_full_width_digits_are_read_and_printed_as_written(text, date):
    found = find_deadlines(text, 2020)
    assert [d.date for d in found] == [date]
    assert found[0].text in text and not found[0].text.isascii()


def test_full_width_time_cell():
    from core.parse.deadlines import is_time_cell
    assert is_time_cell("２０２２年６月底前")
    assert [d.date for d in find_deadlines("２０２２．６．３０", None, cell=True)] == [dt.date(2022, 6, 30)]


@pytest.mark.parametrize("text", ["2021年7月起持续推进", "自7月起", "7月份开始", "从2021年3月1日开始实施", "9月以来"])
@pytest.mark.parametrize("cell", [False, True])
def test_a_start_date_is_no_deadline(text, cell):
    assert find_deadlines(text, 2021, cell=cell) == []


def test_a_start_then_a_limit_keeps_the_limit():
    assert dates("7月起开展自查，10月底前完成整改", 2021) == [dt.date(2021, 10, 31)]


@pytest.mark.parametrize("text, expected", [
    ("7月底前公开上半年进展情况", [dt.date(2021, 7, 31)]),
    ("10月底前报送第三季度工作情况", [dt.date(2021, 10, 31)]),
    ("发布2021年上半年统计数据", []),
    ("上半年完成平台整合", [dt.date(2021, 6, 30)]),
    ("第三季度前完成", [dt.date(2021, 9, 30)]),
    ("公开上半年前完成的事项", [dt.date(2021, 6, 30)]),
    ("力争上半年上线", [dt.date(2021, 6, 30)]),
])
def test_a_period_named_as_what_is_published_is_no_deadline(text, expected):
    assert dates(text, 2021) == expected


def test_a_period_in_a_time_cell_is_still_a_deadline():
    assert [d.date for d in find_deadlines("公开上半年", 2021, cell=True)] == [dt.date(2021, 6, 30)]
