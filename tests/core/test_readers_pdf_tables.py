"""Ruled tables in PDFs: borders give the grid, a missing border a merge; rows cut by a page break rejoin."""

from __future__ import annotations

from pathlib import Path

from table_builders import shape

from core.parse.pipeline import parse_document
from core.parse.table_shapes import join_continued
from core.readers import read_document
from core.readers.document import Cell, Table
from core.readers.pdf_tables import Char, find_grid, rules_from_boxes, table_from

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "pdf" / "table-merged.pdf"


def hline(y, x0, x1):
    return (x0, y - 0.5, x1, y + 0.5)


def vline(x, y0, y1):
    return (x - 0.5, y0, x + 0.5, y1)


def glyphs(text, left, middle, size=10.0):
    return [Char(ch, left + i * size, middle - size / 2, left + (i + 1) * size, middle + size / 2)
            for i, ch in enumerate(text)]


def test_borders_make_the_grid_and_a_missing_border_is_a_merge():
    # three rows × two columns; no border between rows 2 and 3 in the left column
    boxes = [hline(300, 0, 200), hline(280, 0, 200), hline(260, 0, 200), hline(240, 100, 200),
             vline(0, 220, 300), vline(100, 220, 300), vline(200, 220, 300), hline(220, 0, 200)]
    grid = find_grid(rules_from_boxes(boxes))
    chars = glyphs("任务", 10, 290) + glyphs("单位", 110, 290) + glyphs("做好解读", 10, 250) + \
        glyphs("办公室", 110, 270) + glyphs("财政局", 110, 230) + glyphs("回应关切", 10, 270)
    table = table_from(grid, chars)
    assert [[c.text for c in row] for row in table.rows] == [
        ["任务", "单位"], ["回应关切", "办公室"], ["做好解读", ""], ["做好解读", "财政局"]]
    assert table.rows[3][0].merged_up and not table.rows[2][0].merged_up


def test_a_cells_wrapped_lines_join_and_a_numbered_line_starts_anew():
    boxes = [hline(300, 0, 100), hline(200, 0, 100), hline(100, 0, 100), vline(0, 100, 300), vline(100, 100, 300),
             vline(50, 100, 300)]
    low_digit = [Char("9", 10, 240, 16, 248)]  # a digit's box sits lower than a CJK glyph's
    chars = glyphs("主动公开", 2, 280, 12) + glyphs("规划纲要", 2, 262, 12) + glyphs("2.公开", 2, 244, 12)[1:] + low_digit
    table = table_from(find_grid(rules_from_boxes(boxes)), chars)
    assert table.rows[0][0].text.startswith("主动公开规划纲要")


def test_thick_or_short_strokes_are_no_borders():
    assert rules_from_boxes([(0, 0, 200, 8), (0, 0, 3, 0.5)]) == []


def test_a_row_cut_by_a_page_break_is_joined_back():
    head = Table(rows=[[Cell("序号"), Cell("工作任务"), Cell("责任单位")],
                       [Cell("1"), Cell("编制年度报告，"), Cell("办公室、")]])
    rest = Table(rows=[[Cell(""), Cell("按时发布。"), Cell("各科室")], [Cell("2"), Cell("加强培训。"), Cell("人事科")]])
    joined = join_continued([head, rest])
    assert len(joined) == 1
    assert [[c.text for c in row] for row in joined[0].rows[1:]] == [
        ["1", "编制年度报告，按时发布。", "办公室、各科室"], ["2", "加强培训。", "人事科"]]


def test_a_pdf_printed_from_word_gives_the_tables_tree_units_and_deadlines():
    plan = parse_document(read_document(FIXTURE))
    assert shape(plan.nodes) == [
        "一、做好规划公开", "  1主动公开“十四五”规划纲要", "  2归集整理历史规划", "  3做好规划数据互联互通",
        "二、做好财政信息公开", "  4扩大预决算公开范围", "  5深化政府债务信息公开",
        "三、加强平台建设", "  6推进政府网站集约化", "  7规范政务新媒体", "  8办好政府公报"]
    tasks = [n for root in plan.nodes for n in root.children]
    assert tasks[1].units["responsible"] == ["区发展改革局"] and tasks[1].units["cooperating"] == ["各镇人民政府"]
    assert [d.date.isoformat() for d in tasks[2].deadlines] == ["2021-06-30", "2021-10-31"]


def test_the_one_row_a_page_holds_of_a_table_is_a_table():
    boxes = [hline(300, 0, 200), hline(280, 0, 200), vline(0, 280, 300), vline(100, 280, 300), vline(200, 280, 300)]
    table = table_from(find_grid(rules_from_boxes(boxes)), glyphs("财政厅", 110, 290))
    assert [[c.text for c in row] for row in table.rows] == [["", "财政厅"]]


def test_a_page_of_hundreds_of_strokes_is_no_table():
    boxes = [vline(x * 10, 0, 500) for x in range(60)] + [hline(y * 10, 0, 590) for y in range(50)]
    assert find_grid(rules_from_boxes(boxes)) is None
