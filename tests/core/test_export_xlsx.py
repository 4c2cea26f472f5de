"""The Excel 台账: the same rows on a sheet set up to filter and print, and a summary sheet."""

from __future__ import annotations

import openpyxl
import pytest
from export_helpers import AS_OF, tasks_of, worked_plan

from core.export import ExportOptions, export_plan
from core.export.xlsx_ledger import HEADER_ROW, SHEET_LEDGER, SHEET_SUMMARY
from core.status import Status


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
    assert header == ["序号", "工作任务", "责任单位", "完成时限", "完成情况", "状态"]
    rows = [r for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if r[0] is not None]
    tasks = tasks_of(service, plan_id)
    assert [r[0] for r in rows] == list(range(1, len(tasks) + 1))
    for row, task in zip(rows, tasks, strict=True):
        assert row[1].startswith(task.title)
        assert all(u in row[2] for u in task.all_units)
        assert (row[3] or "") == "、".join(d.text for d in task.deadlines)
        assert (row[4] or "") == task.note.strip()
        assert row[5].startswith(task.status.zh)


def test_sheet_is_ready_to_filter_and_print(book):
    ws = book[SHEET_LEDGER]
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert ws.auto_filter.ref.startswith(f"A{HEADER_ROW}:F")
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows.replace("$", "") == f"{HEADER_ROW}:{HEADER_ROW}"
    assert ws.cell(row=HEADER_ROW + 2, column=2).alignment.wrap_text
    assert ws.column_dimensions["B"].width > ws.column_dimensions["A"].width


def test_summary_sheet_agrees_with_the_store(service, plan_id, book):
    values = {r[0]: r[1] for r in book[SHEET_SUMMARY].iter_rows(values_only=True) if r[0]}
    rollup = service.plan_rollup(plan_id)
    assert values["任务总数"] == rollup.total
    for status in Status:
        assert values[status.zh] == rollup.counts[status]
    assert values["截至日期"] == "2026年7月10日"
