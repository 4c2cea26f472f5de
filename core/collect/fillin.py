"""The fill-in workbook a unit receives: its tasks, the structure columns locked, the four
columns it reports in open (状态 from a drop-down of the status words).

Each sheet carries a hidden 编号 column (the task's id), and a very hidden sheet `_taizhang`
records the plan, the export time and, for every row, the status / 完成情况 / 完成日期 it went
out with. Merging compares against that base, so an edit the clerk made after sending the
workbook is told apart from one the unit made. Sheet protection has no password: it keeps a
unit from breaking the layout by accident, it is not a security measure (Excel ▸ 审阅 ▸
撤销工作表保护 lifts it), and a password the clerk must remember would only get lost.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties

from core.domain.records import NodeInfo
from core.domain.status import Status
from core.export import gbt9704 as G
from core.export.xlsx_ledger import LINE_HEIGHT_PT, wrapped_lines

FORMAT = "taizhang-fillin-1"
META_SHEET = "_taizhang"
# (header, width, open for the unit); the reader finds columns by these header words
COLUMNS = [("序号", 6, False), ("工作任务", 48, False), ("责任单位", 22, False), ("完成时限", 14, False),
           ("状态", 11, True), ("完成情况", 40, True), ("完成日期", 13, True), ("进展", 30, True),
           ("编号", 8, False)]
KEY_HEADER = "编号"
HEADER_ROW = 3
OPEN_FILL = PatternFill("solid", fgColor="FFF9DB")  # pale yellow: "write here"
LOCKED_FILL = PatternFill("solid", fgColor="F2F2F2")
STATUS_WORDS = [s.zh for s in (Status.TODO, Status.DOING, Status.DONE, Status.ONGOING, Status.NA)]


@dataclass
class FillSheet:
    """One unit's sheet: the unit's name and its tasks (with their task text and units)."""

    unit: str
    tasks: list[NodeInfo]


def sheet_title(unit: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), distinct from those taken."""
    base = re.sub(r"[\[\]:*?/\\]", "", unit).strip("'") or "填报"
    base = base[:28]
    name, n = base, 2
    while name in taken or name == META_SHEET:
        name, n = f"{base[:26]}({n})", n + 1
    taken.add(name)
    return name


def write_fillin(plan_title: str, plan_id: int, sheets: list[FillSheet], exported_at: dt.datetime, out) -> None:
    """Write the workbook: one protected sheet per unit, and the hidden base."""
    wb = Workbook()
    wb.remove(wb.active)
    meta = wb.create_sheet(META_SHEET)
    meta.append(["format", FORMAT])
    meta.append(["plan_id", plan_id])
    meta.append(["exported_at", exported_at.isoformat(timespec="seconds")])
    meta.append(["sheet", "unit", "node_id", "status", "note", "completed_on"])
    taken: set[str] = set()
    for sheet in sheets:
        title = sheet_title(sheet.unit, taken)
        _write_sheet(wb.create_sheet(title), plan_title, sheet)
        for t in sheet.tasks:
            meta.append([title, sheet.unit, t.id, t.status.value, t.note,
                         t.completed_on.isoformat() if t.completed_on else ""])
    meta.sheet_state = "veryHidden"
    wb.move_sheet(META_SHEET, offset=len(sheets))
    wb.active = 0
    wb.security.lockStructure = True  # sheets cannot be removed or renamed (no password)
    wb.save(str(out))


def _write_sheet(ws, plan_title: str, sheet: FillSheet) -> None:
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body = Font(name=G.BODY_FONT, size=11)
    wrap = Alignment(wrap_text=True, vertical="center")
    centred = Alignment(wrap_text=True, vertical="center", horizontal="center")
    last = get_column_letter(len(COLUMNS))
    ws["A1"] = f"{plan_title}落实情况填报表"
    ws["A1"].font = Font(name=G.HEADING1_FONT, size=15)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 28
    ws["A2"] = (f"填报单位：{sheet.unit}　　请在浅黄色的列中填写；状态从下拉列表选择，完成日期写成 2026-07-01，"
                "进展写本期新的进展。灰色列和隐藏的编号列请勿改动。")
    ws["A2"].font = body
    ws["A2"].alignment = wrap
    ws.merge_cells(f"A2:{last}2")
    ws.row_dimensions[2].height = 32
    for col, (name, width, _) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=name)
        cell.font = Font(name=G.TABLE_HEADER_FONT, size=11, bold=True)
        cell.alignment, cell.border = Alignment(horizontal="center", vertical="center", wrap_text=True), border
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.column_dimensions[get_column_letter(len(COLUMNS))].hidden = True
    status_list = DataValidation(type="list", formula1='"' + ",".join(STATUS_WORDS) + '"', allow_blank=True,
                                 showErrorMessage=True, errorTitle="状态", error="请从下拉列表中选择状态")
    dates = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True,
                           showErrorMessage=True, errorTitle="完成日期", error="请填写日期，如 2026-07-01")
    ws.add_data_validation(status_list)
    ws.add_data_validation(dates)
    row_no = HEADER_ROW
    for seq, t in enumerate(sheet.tasks, start=1):
        row_no += 1
        values = [seq, f"{t.label}{t.text or t.title}".strip(), "、".join(t.all_units),
                  "、".join(d.text for d in t.deadlines), t.status.zh, t.note, t.completed_on, "", t.id]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row_no, column=col, value=value)
            cell.font, cell.border = body, border
            cell.alignment = centred if col in (1, 5) else wrap  # 序号 and 状态: "1" and the task text apart
            is_open = COLUMNS[col - 1][2]
            cell.protection = Protection(locked=not is_open)
            cell.fill = OPEN_FILL if is_open else LOCKED_FILL
        ws.cell(row=row_no, column=7).number_format = "yyyy-mm-dd"
        lines = max(wrapped_lines(str(v or ""), w) for v, (_, w, _) in zip(values, COLUMNS, strict=True))
        ws.row_dimensions[row_no].height = LINE_HEIGHT_PT * max(lines, 2) + 4  # room to write in
    if row_no > HEADER_ROW:
        status_list.add(f"E{HEADER_ROW + 1}:E{row_no}")
        dates.add(f"G{HEADER_ROW + 1}:G{row_no}")
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.protection.sheet = True  # no password: see the module's docstring
    ws.protection.formatColumns = ws.protection.formatRows = False  # widening a column stays allowed
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0  # one page wide, as long as it takes
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
