"""The Excel 台账: the same rows on a sheet set up to filter and print, and a summary sheet."""

from __future__ import annotations

import openpyxl
import pytest
from export_helpers import AS_OF, dated_service, tasks_of, worked_plan

from core.domain.status import Status
from core.export import ExportOptions, export_plan
from core.export.data import zh_date
from core.export.xlsx_ledger import HEADER_ROW, SHEET_LEDGER, SHEET_SUMMARY, cell_width


@pytest.fixture
def service(db_path):
    svc = dated_service(db_path)
    yield svc
    svc.close()


@pytest.fixture
def plan_id(service, sample_plan):
    return worked_plan(service, sample_plan)


@pytest.fixture
def book(service, plan_id, tmp_path):
    path = export_plan(service, plan_id, ExportOptions(format="xlsx", as_of=AS_OF), tmp_path / "台账.xlsx")
    return openpyxl.load_workbook(path)


def test_every_task_is_one_row_in_plan_order(service, plan_id, book):
    ws = book[SHEET_LEDGER]
    header = [c.value for c in ws[HEADER_ROW]]
    assert header == ["序号", "工作任务", "责任单位", "完成时限", "完成情况", "完成日期", "状态"]
    rows = [r for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if isinstance(r[0], int)]
    tasks = tasks_of(service, plan_id)
    assert [r[0] for r in rows] == list(range(1, len(tasks) + 1))
    for row, task in zip(rows, tasks, strict=True):
        assert row[1].startswith(task.title)
        assert all(u in row[2] for u in task.all_units)
        assert (row[3] or "") == "\n".join(d.text for d in task.deadlines)
        assert (row[4] or "") == task.note.strip()
        assert (row[5] or "") == (zh_date(task.completed_on) if task.completed_on else "")
        assert row[6].startswith(task.status.zh)


def test_sheet_is_ready_to_filter_and_print(book):
    ws = book[SHEET_LEDGER]
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert ws.auto_filter.ref.startswith(f"A{HEADER_ROW}:G")
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert 80 <= int(ws.page_setup.scale) <= 90  # a fixed scale: the page breaks are laid out for it
    assert ws.print_title_rows.replace("$", "") == f"{HEADER_ROW}:{HEADER_ROW}"
    assert ws.cell(row=HEADER_ROW + 3, column=2).alignment.wrap_text  # a task row (sections are merged)
    assert ws.column_dimensions["B"].width > ws.column_dimensions["A"].width


def test_the_columns_fill_the_printable_width_at_the_print_scale(book):
    from core.export.xlsx_pages import Page, printed_pt

    ws = book[SHEET_LEDGER]
    m = ws.page_margins
    page = Page.a4(True, m.left, m.right, m.top, m.bottom)
    widths = {c: ws.column_dimensions[c].width for c in "ABCDEFG"}
    printed = sum(printed_pt(w) for w in widths.values()) * int(ws.page_setup.scale) / 100
    assert page.width_pt * 0.98 <= printed <= page.width_pt  # fills the width, never spills a column over
    text, units = widths["B"] + widths["E"], widths["C"]
    assert text > 0.5 * sum(widths.values()) and units < widths["B"]  # 工作任务 and 完成情况 get most
    assert max(widths["A"], widths["D"], widths["F"], widths["G"]) <= 12


def test_wrapped_lines_are_counted_as_libreoffice_sets_them():
    from core.export.xlsx_pages import column_pt, text_lines

    per_line = int((column_pt(30) - 4) / 11)  # 11 pt CJK characters across a 30-wide column
    assert text_lines("政" * per_line, 30, 11) == 1
    assert text_lines("政" * per_line + "。", 30, 11) == 2  # a lone 。 takes a line of its own
    assert text_lines("政" * (per_line - 1) + ",", 30, 11) == 1  # ASCII punctuation sets a full em
    assert text_lines("政" * (per_line - 1) + ",,", 30, 11) == 2
    assert text_lines("牵头：甲\n责任：乙", 30, 11) == 2
    url = "http://www.example.gov.cn/zwgk/zdly/2020/index_12345.html"
    assert text_lines("见" + url, 30, 11) >= 2  # the word goes to a line of its own, then is cut


def test_summary_sheet_agrees_with_the_store(service, plan_id, book):
    values = {r[0]: r[1] for r in book[SHEET_SUMMARY].iter_rows(values_only=True) if r[0]}
    rollup = service.plan_rollup(plan_id)
    assert values["任务总数"] == rollup.total
    for status in Status:
        assert values[status.zh] == rollup.counts[status]
    assert values["截至日期"] == "2026年7月10日"
    assert values["填报单位"] == "县政府办公室"
    assert values["缺少完成情况"] == sum(1 for t in tasks_of(service, plan_id) if not t.note)


def test_summary_sheet_prints_as_a_titled_table(book):
    ws = book[SHEET_SUMMARY]
    assert ws["A1"].value == "示例县2026年政务公开工作要点落实情况汇总"
    assert "A1:B1" in {str(r) for r in ws.merged_cells.ranges}
    assert [ws["A2"].value, ws["B2"].value] == ["项目", "内容"]
    assert ws["A3"].border.left.style == "thin" and ws["B3"].border.right.style == "thin"
    assert ws.print_area and ws.page_setup.paperSize is not None and ws.sheet_properties.pageSetUpPr.fitToPage


def test_section_rows_are_merged_across_the_table(book, sample_plan):
    ws = book[SHEET_LEDGER]
    merged = {str(r) for r in ws.merged_cells.ranges}
    for row in ws.iter_rows(min_row=HEADER_ROW + 1):
        if row[0].value and not isinstance(row[0].value, int):
            assert f"A{row[0].row}:G{row[0].row}" in merged
    top = [f"{n.label}{n.title}" for n in sample_plan.nodes]
    assert [c.value for c in ws["A"] if c.value in top] == top


def test_the_unit_column_fits_the_longest_unit_name(service, sample_plan, tmp_path):
    long_name = "县人力资源和社会保障局"  # with "牵头：" within the cap
    sample_plan.nodes[0].children[0].children[0].units["lead"] = [long_name]
    plan_id = service.import_plan(sample_plan).plan_id
    service.set_my_units(["县政府办公室"])
    path = export_plan(service, plan_id, ExportOptions(format="xlsx", as_of=AS_OF), tmp_path / "长.xlsx")
    width = openpyxl.load_workbook(path)[SHEET_LEDGER].column_dimensions["C"].width
    assert width >= cell_width(f"牵头：{long_name}")


def test_the_unit_column_stops_at_its_cap_and_the_row_grows_for_the_wrapped_line(service, sample_plan,
                                                                                 tmp_path):
    from core.export.xlsx_ledger import UNIT_WIDTH_LIMITS

    task = sample_plan.nodes[0].children[0].children[0]
    task.units["lead"] = [f"县人力资源和社会保障局农民工工资支付监察{n}大队" for n in "一二三"]
    plan_id = service.import_plan(sample_plan).plan_id
    service.set_my_units(["县政府办公室"])
    path = export_plan(service, plan_id, ExportOptions(format="xlsx", as_of=AS_OF), tmp_path / "长.xlsx")
    ws = openpyxl.load_workbook(path)[SHEET_LEDGER]
    assert ws.column_dimensions["C"].width == UNIT_WIDTH_LIMITS[1]
    row = next(c.row for c in ws["C"] if isinstance(c.value, str) and "农民工" in c.value)
    assert ws.row_dimensions[row].height > 5 * 11  # three names wrapped across several lines


def test_pages_break_before_a_section_row_never_after_it():
    from core.export.xlsx_pages import FILL, Page, row_breaks

    page = Page(width_pt=800, height_pt=100 / FILL)  # 100 pt of rows a page at 100%
    heights = {4: 20, 5: 30, 6: 30, 7: 10, 8: 30, 9: 30, 10: 40}
    breaks = row_breaks(heights, sections={7}, first_row=4, header_pt=10, top_pt=10, page=page, factor=1.0)
    assert breaks == [6, 9]  # 7 (a section) would fit, but not with 8 beside it: both go over
    # three pages either way; 7 | 9 leaves page 2 at 70 pt, 6 | 9 fills both to 90 and 80
    assert row_breaks(heights, set(), 4, 10, 10, page, 1.0) == [6, 9]
    assert row_breaks({4: 50, 5: 50, 6: 50}, set(), 4, 0, 0, page, 2.0) == [4, 5]  # at 200% a row a page


def test_the_sheet_never_ends_a_page_on_a_section(service, sample_plan, tmp_path):
    for node in sample_plan.nodes:  # long tasks, so the plan takes several pages
        for child in node.children:
            child.text = (child.text or child.title) * 6
    plan_id = service.import_plan(sample_plan).plan_id
    service.set_my_units(["县政府办公室"])
    path = export_plan(service, plan_id, ExportOptions(format="xlsx", as_of=AS_OF), tmp_path / "长.xlsx")
    ws = openpyxl.load_workbook(path)[SHEET_LEDGER]
    breaks = [b.id for b in ws.row_breaks.brk]
    assert len(breaks) >= 2
    sections = {c.row for c in ws["A"][HEADER_ROW:] if isinstance(c.value, str)}
    assert not sections & set(breaks)  # the row before each break is a task
