"""Metadata: the plan's own title, year, issuer, 文号 and date, apart from the notice's."""

from __future__ import annotations

import datetime as dt

import pytest

from core.parse.meta import extract, is_title_line, parse_date


@pytest.mark.parametrize("text, date", [
    ("2019年6月24日", dt.date(2019, 6, 24)),
    ("二○一○年四月十九日", dt.date(2010, 4, 19)),
    ("二〇二一年十二月三十一日", dt.date(2021, 12, 31)),
    ("二〇二〇年十月十日", dt.date(2020, 10, 10)),
    ("二OO九年三月二十日", dt.date(2009, 3, 20)),  # typed with the letter O for 〇
    ("二ＯＯ九年十一月一日", dt.date(2009, 11, 1)),
    ("成文日期: 2024-07-01", dt.date(2024, 7, 1)),
    ("肇慶市人民政府辦公室 2010422日印發", dt.date(2010, 4, 22)),
])
def test_dates_in_arabic_and_chinese_numerals(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize("line", ["2010年全市政務公開工作要點", "珠海市2019年政务公开工作要点分工方案",
                                  "江門市蓬江區民政局2021年政務公開工作要點分工方案"])
def test_plan_title_lines(line):
    assert is_title_line(line)


@pytest.mark.parametrize("line", ["印發2010年全市政務公開工作要點的通知",
                                  "现将《2024年烟台市芝罘区政务公开工作要点》印发给你们",
                                  "为认真贯彻落实，制定本要点"])
def test_notice_and_prose_are_not_plan_titles(line):
    assert not is_title_line(line)


def test_notice_gives_issuer_number_and_date_but_not_title():
    before = [
        "珠海市人民政府办公室关于印发2019年政务公开工作要点分工方案的通知珠府办函〔2019〕116号",
        "Admin - admin 于2022年04月22日发表",
        "根据《广东省人民政府办公厅关于转发的通知》(粤府办〔2019〕9号)要求",
        "珠海市人民政府办公室",
        "2019年6月24日",
    ]
    meta = extract(before, "珠海市2019年政务公开工作要点分工方案", [])
    assert meta.title == "珠海市2019年政务公开工作要点分工方案"
    assert (meta.year, meta.issuer, meta.doc_number, meta.date) == (
        2019, "珠海市人民政府办公室", "珠府办函〔2019〕116号", dt.date(2019, 6, 24))


def test_cited_number_in_brackets_is_not_the_document_number():
    meta = extract(["根据(粤府办〔2019〕9号)要求"], "2019年政务公开工作要点", [])
    assert meta.doc_number is None


def test_chinese_numeral_signature_date_and_damaged_number():
    before = ["肇府辦〔201031", "各縣(市、區)人民政府:", "肇慶市人民政府辦公室", "二○一○年四月十九日"]
    meta = extract(before, "2010年全市政務公開工作要點", [])
    assert meta.date == dt.date(2010, 4, 19)
    assert meta.issuer == "肇慶市人民政府辦公室"
    assert meta.doc_number == "肇府辦〔2010〕31號"
    assert meta.year == 2010


def test_fields_of_a_government_site_header():
    before = ["发文机关: 烟台市芝罘区人民政府办公室 成文日期: 2024-07-01", "烟芝政办发〔2024〕2号"]
    meta = extract(before, "2024年烟台市芝罘区政务公开工作要点", [])
    assert meta.issuer == "烟台市芝罘区人民政府办公室"
    assert meta.date == dt.date(2024, 7, 1)
    assert meta.doc_number == "烟芝政办发〔2024〕2号"


def test_issuer_from_title_when_nothing_else_names_it():
    meta = extract([], "江門市蓬江區民政局2021年政務公開工作要點分工方案", [])
    assert meta.issuer == "江門市蓬江區民政局"
    assert (meta.doc_number, meta.date) == (None, None)


def test_place_name_before_year_is_not_an_issuer():
    assert extract([], "珠海市2019年政务公开工作要点分工方案", []).issuer is None


def test_title_from_the_notice_when_the_plan_has_no_title_line():
    meta = extract(["XX县人民政府办公室关于印发XX县2022年政务公开工作要点的通知"], None, [])
    assert meta.title == "XX县2022年政务公开工作要点"
    assert meta.year == 2022


def test_printing_date_in_footer_when_notice_has_none():
    assert extract([], "2010年要点", ["肇慶市人民政府辦公室 2010年4月22日印發"]).date == dt.date(2010, 4, 22)


def test_year_written_in_chinese_numerals_in_the_title():
    assert extract([], "二〇二三年XX县政务公开工作要点", []).year == 2023
