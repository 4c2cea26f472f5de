"""Page footers that a page break put inside a sentence or a unit name."""

from __future__ import annotations

import pytest

from core.parse.wrapped import drop_page_footers, rejoin_wrapped
from core.readers.document import Paragraph, Table
from core.readers.pdf_lines import strip_inline_footers


@pytest.mark.parametrize("text, clean", [
    ("责任单位：县政府办公—2—室", "责任单位：县政府办公室"),
    ("责任单位：县政府办公 — 12 — 室", "责任单位：县政府办公室"),
    ("推进政务公开-3-标准化建设", "推进政务公开标准化建设"),
    ("推进政务公开 第 2 页 共 9 页 标准化建设", "推进政务公开标准化建设"),
    ("推进政务公开 第 2 页 标准化建设", "推进政务公开标准化建设"),
])
def test_a_footer_glued_inside_the_words_goes(text, clean):
    assert strip_inline_footers(text) == clean


@pytest.mark.parametrize("text", [
    "第一阶段（2018年2月1日—4月30日）", "GB/T 9704-2012", "详见第2页", "2019—2021年", "1-2-3项",
])
def test_ranges_and_references_are_no_footer(text):
    assert strip_inline_footers(text) == text


def test_footer_lines_in_a_pasted_pdf_text_go_and_the_sentence_is_joined():
    body = "加强政务公开平台建设，持续推进政府网站集约化，完善政策文件库，做好解读回应（责任单位：县政府办公"
    filler = "按照国务院办公厅和省政府办公厅的统一部署，全面推进基层政务公开标准化规范化工作，提升"
    lines = [filler[:40]] * 10 + [body[:40], "— 2 —", "室，各乡镇人民政府）。"]
    out = rejoin_wrapped([Paragraph(t) for t in lines])
    texts = [b.text for b in out]
    assert "— 2 —" not in texts
    assert texts[-1].endswith(body[:40] + "室，各乡镇人民政府）。")


def test_footer_lines_inside_one_block_and_alone_go_tables_stay():
    table = Table(rows=[])
    out = drop_page_footers([Paragraph("一、总体要求\n-3-\n坚持问题导向"), Paragraph("第 4 页"), table])
    assert [getattr(b, "text", None) for b in out[:1]] == ["一、总体要求\n坚持问题导向"]
    assert out[1:] == [table]


def test_a_footer_in_mid_sentence_joins_the_lines_either_side():
    head = "（一）加强政策解读。做好政策文件解读回应工作（责任单位：县政府办公"
    for blocks in ([Paragraph(head + "\n— 2 —\n室、县司法局）")],
                   [Paragraph(head), Paragraph("第 2 页"), Paragraph("室、县司法局）")]):
        assert [b.text for b in drop_page_footers(blocks)] == [head + "室、县司法局）"]


def test_a_footer_after_a_finished_sentence_or_a_heading_joins_nothing():
    done = "做好政策文件解读回应工作，及时回应社会关切，增强政策透明度。"
    out = drop_page_footers([Paragraph(done), Paragraph("-2-"), Paragraph("二、保障措施"), Paragraph("— 3 —"),
                             Paragraph("加强组织领导")])
    assert [b.text for b in out] == [done, "二、保障措施", "加强组织领导"]
