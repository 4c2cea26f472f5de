"""The 台账 in Excel: one sheet of rows ready to filter and print, and a sheet with the summary."""

from __future__ import annotations

import math

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from core.export import gbt9704 as G
from core.export.data import SUMMARY_ORDER, ExportData, header_lines, percent_text, zh_date

SHEET_LEDGER, SHEET_SUMMARY = "落实情况台账", "汇总"
# (header, width in characters); Excel counts a Chinese character as about two.
COLUMNS = [("序号", 6), ("工作任务", 50), ("责任单位", 26), ("完成时限", 14), ("完成情况", 40), ("状态", 12)]
EVIDENCE_COLUMN = ("佐证材料", 24)
HEADER_ROW = 3  # title, 填报单位/截至 line, then the header
LINE_HEIGHT_PT = 14.5  # one line of 11 pt text


def _lines(text: str, width: float) -> int:
    """Lines a wrapped cell needs (Excel and LibreOffice do not grow rows written by openpyxl)."""
    per_line = max(width - 1.5, 1)
    return sum(max(1, math.ceil(sum(2.0 if ord(ch) > 127 else 1.1 for ch in part) / per_line))
               for part in text.split("\n"))


def write_xlsx(data: ExportData, out) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_LEDGER
    columns = COLUMNS + ([EVIDENCE_COLUMN] if data.options.evidence else [])
    last = get_column_letter(len(columns))
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body_font = Font(name=G.BODY_FONT, size=11)
    wrap = Alignment(wrap_text=True, vertical="center")
    centre = Alignment(wrap_text=True, vertical="center", horizontal="center")

    ws["A1"] = f"{data.plan.title}落实情况台账"
    ws["A1"].font = Font(name=G.HEADING1_FONT, size=16)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 30
    ws["A2"] = f"填报单位：{data.reporter or '—'}    截至日期：{zh_date(data.as_of)}"
    ws["A2"].font = body_font
    ws.merge_cells(f"A2:{last}2")
    for col, (name, width) in enumerate(columns, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=name)
        cell.font = Font(name=G.TABLE_HEADER_FONT, size=11, bold=True)
        cell.alignment, cell.border = centre, border
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        ws.column_dimensions[get_column_letter(col)].width = width

    group_fill = PatternFill("solid", fgColor="F2F2F2")
    group_font = Font(name=G.HEADING1_FONT, size=11)
    centred = {1, 4, 6}
    row_no = HEADER_ROW
    for row in data.rows:
        row_no += 1
        if not row.is_task:
            ws.cell(row=row_no, column=1)
            ws.cell(row=row_no, column=2, value=row.heading)
            for col in range(1, len(columns) + 1):
                cell = ws.cell(row=row_no, column=col)
                cell.fill, cell.font, cell.border, cell.alignment = group_fill, group_font, border, wrap
            continue
        values = [row.seq, row.task_text, row.units_text, row.deadline_text, row.node.note.strip(),
                  row.status_text]
        if data.options.evidence:
            values.append("\n".join(row.evidence))
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row_no, column=col, value=value)
            cell.font, cell.border = body_font, border
            cell.alignment = centre if col in centred else wrap
        lines = max(_lines(str(v), w) for v, (_, w) in zip(values, columns, strict=True))
        ws.row_dimensions[row_no].height = LINE_HEIGHT_PT * lines + 4

    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{row_no}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_options.horizontalCentered = True
    setup = ws.page_setup
    setup.paperSize = ws.PAPERSIZE_A4
    setup.orientation = ws.ORIENTATION_LANDSCAPE
    setup.fitToWidth, setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.oddFooter.center.text = "— &P —"
    _summary_sheet(wb, data)
    wb.save(str(out))


def _summary_sheet(wb: Workbook, data: ExportData) -> None:
    ws = wb.create_sheet(SHEET_SUMMARY)
    r = data.summary
    rows = [("计划", data.plan.title), ("文号", data.plan.doc_number or ""), ("填报单位", data.reporter),
            ("截至日期", zh_date(data.as_of)), ("任务总数", r.total)]
    rows += [(s.zh, r.counts[s]) for s in SUMMARY_ORDER]
    rows += [("逾期", r.overdue), ("完成率", f"{percent_text(r)}%"), ("本表列出", len(data.tasks))]
    bold = Font(name=G.HEADING1_FONT, size=11)
    plain = Font(name=G.BODY_FONT, size=11)
    for i, (label, value) in enumerate(rows, start=1):
        ws.cell(row=i, column=1, value=label).font = bold
        cell = ws.cell(row=i, column=2, value=value)
        cell.font, cell.alignment = plain, Alignment(horizontal="left")
    ws.cell(row=len(rows) + 2, column=1, value="说明").font = bold
    for j, line in enumerate(header_lines(data)[1:], start=len(rows) + 2):
        ws.cell(row=j, column=2, value=line).font = plain
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 70
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
