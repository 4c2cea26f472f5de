"""A portal's metadata block (索引号/发布机构/名称/成文日期/文号) is where a page's metadata comes from:
as a table of field and value cells, a line per field on an untitled department page, or one line."""

from __future__ import annotations

import datetime as dt

import pytest

from core.parse.meta import extract
from core.parse.pipeline import parse_document
from core.readers import read_document

TASKS = "".join(f"<p>{i}.{t}（责任科室：办公室）</p>" for i, t in enumerate(
    ["公开年度工作计划并及时更新。", "做好政策文件解读工作。", "规范依申请公开办理流程。"], 1))
TABLE_PAGE = """<html><head><title>某市交通运输局门户网站</title></head><body>
<table><tr><td>索引号：</td><td>11350100MB0000000X/2023-00012</td><td>主题分类：</td><td>政务公开</td></tr>
<tr><td>发布机构：</td><td>某市交通运输局</td><td>成文日期：</td><td>2023-03-15</td></tr>
<tr><td>名称：</td><td colspan="3">某市交通运输局2023年政务公开工作要点</td></tr>
<tr><td>文号：</td><td>某交〔2023〕8号</td><td>发布日期：</td><td>2023-03-20</td></tr></table>
<p>2023年，我局政务公开工作主要围绕以下几个方面开展：</p>""" + TASKS + "</body></html>"
UNTITLED_PAGE = """<html><body><div>索引号：0001/2022-00031</div><div>发布机构：某县自然资源局</div>
<div>成文日期：2022年04月08日</div><div>文号：某自然资〔2022〕5号</div><div>标题：某县自然资源局2022年政务公开工作要点</div>
<p>一、重点任务</p>""" + TASKS + "</body></html>"
ONE_LINE_PAGE = ("<html><body><p>索引号：0001/2021-00009 发布机构：某区卫生健康局 名称：某区卫生健康局2021年政务公开工作实施方案"
                 " 成文日期：2021年5月6日 文号：某卫发〔2021〕12号</p><p>为做好今年政务公开工作，制定本方案。</p>"
                 + TASKS + "</body></html>")


@pytest.mark.parametrize("page, title, issuer, number, date", [
    (TABLE_PAGE, "某市交通运输局2023年政务公开工作要点", "某市交通运输局", "某交〔2023〕8号", dt.date(2023, 3, 15)),
    (UNTITLED_PAGE, "某县自然资源局2022年政务公开工作要点", "某县自然资源局", "某自然资〔2022〕5号", dt.date(2022, 4, 8)),
    (ONE_LINE_PAGE, "某区卫生健康局2021年政务公开工作实施方案", "某区卫生健康局", "某卫发〔2021〕12号", dt.date(2021, 5, 6)),
])
def test_metadata_block_gives_title_issuer_number_and_date(tmp_path, page, title, issuer, number, date):
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    plan = parse_document(read_document(path))
    assert (plan.title, plan.issuer, plan.doc_number, plan.date, plan.year) == (title, issuer, number, date, date.year)


def test_metadata_table_is_not_read_as_plan_rows(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(TABLE_PAGE, encoding="utf-8")
    plan = parse_document(read_document(path))
    assert [n.label for n in plan.nodes] == ["1.", "2.", "3."]
    assert not any("索引号" in n.text for n in plan.nodes)


def test_issuer_field_run_into_the_next_field_stops_at_it():
    meta = extract(["发布机构：某区卫生健康局名称：某区卫生健康局2021年政务公开工作实施方案"], None, [])
    assert meta.issuer == "某区卫生健康局"
