"""The 台账 in Excel: one sheet of rows ready to filter and print, and a summary sheet that prints
as a titled table. Every string goes through the export's one script."""

from __future__ import annotations

import math

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties

from core.export import gbt9704 as G
from core.export.data import SUMMARY_ORDER, ExportData, Row, header_lines, percent_text, zh_date
from core.export.xlsx_pages import Page, row_breaks, scale

SHEET_LEDGER, SHEET_SUMMARY = "落实情况台账", "汇总"
# (header, width in characters); Excel counts a Chinese character as about two.
COLUMNS = [("序号", 6), ("工作任务", 50), ("责任单位", 26), ("完成时限", 14), ("完成情况", 40),
           ("完成日期", 16), ("状态", 10)]
EVIDENCE_COLUMN = ("佐证材料", 24)
PROGRESS_COLUMN = ("进展", 36)
UNIT_COLUMN = 2  # index of 责任单位 in COLUMNS
UNIT_WIDTH_LIMITS = (16, 56)  # the unit column grows to the longest unit line, within these
HEADER_ROW = 3  # title, 填报单位/截至 line, then the header
LINE_HEIGHT_PT = 17.0  # one line of 11 pt CJK text with the air a row needs (SimSun 14.3, Noto CJK 16+)
INFO_HEIGHT_PT, HEADER_HEIGHT_PT = 18.0, 20.0
CENTRED = {1, 4, 6, 7}
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def cell_width(text: str) -> float:
    """Excel's width of a line of text: two units for a Chinese character, about one for ASCII."""
    return sum(2.0 if ord(ch) > 127 else 1.1 for ch in text)


def wrapped_lines(text: str, width: float) -> int:
    """Lines a wrapped cell needs (Excel and LibreOffice do not grow rows written by openpyxl)."""
    per_line = max(width - 2.0, 1)  # the cell's padding; wrapping wastes part of a character too
    return sum(max(1, math.ceil(cell_width(part) * 1.05 / per_line)) for part in text.split("\n"))


def column_widths(data: ExportData) -> list[tuple[str, float]]:
    """The columns, the unit column as wide as its longest line (a role and one or two unit names)."""
    columns = [*COLUMNS, *([PROGRESS_COLUMN] if data.options.progress else []),
               *([EVIDENCE_COLUMN] if data.options.evidence else [])]
    longest = max((cell_width(name) for row in data.tasks for name in _unit_names(row)), default=0)
    low, high = UNIT_WIDTH_LIMITS
    name, _ = columns[UNIT_COLUMN]
    columns[UNIT_COLUMN] = (name, min(max(longest + cell_width("牵头：") + 2, low), high))
    return columns


def _unit_names(row: Row) -> list[str]:
    return [u for names in row.node.units.values() for u in names]


def _task_values(row: Row, data: ExportData) -> list:
    units = "\n".join(row.unit_lines + ([f"（本单位：{row.role_text}）"] if data.scope and row.role else []))
    values = [row.seq, row.task_text, units, "\n".join(row.deadline_lines), "\n".join(row.note_lines),
              zh_date(row.node.completed_on) if row.node.completed_on else "",
              row.node.status.zh + ("\n（逾期）" if row.overdue else "")]  # never a lone "）" in the cell
    if data.options.progress:
        values.append("\n".join(row.progress))
    if data.options.evidence:
        values.append("\n".join(row.evidence))
    return values


def write_xlsx(data: ExportData, out) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = data.convert(SHEET_LEDGER)
    t = data.convert
    columns = column_widths(data)
    last = get_column_letter(len(columns))
    body_font = Font(name=G.BODY_FONT, size=11)
    wrap = Alignment(wrap_text=True, vertical="center")
    centre = Alignment(wrap_text=True, vertical="center", horizontal="center")

    ws["A1"] = t(f"{data.plan.title}落实情况台账")
    ws["A1"].font = Font(name=G.TITLE_FONT, size=18)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 32
    ws["A2"] = t(f"填报单位：{data.reporter}    截至日期：{zh_date(data.as_of)}")
    ws["A2"].font = body_font
    ws.merge_cells(f"A2:{last}2")
    ws.row_dimensions[2].height = INFO_HEIGHT_PT
    ws.row_dimensions[HEADER_ROW].height = HEADER_HEIGHT_PT
    for col, (name, width) in enumerate(columns, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=t(name))
        cell.font = Font(name=G.TABLE_HEADER_FONT, size=11, bold=True)
        cell.alignment, cell.border = centre, BORDER
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        ws.column_dimensions[get_column_letter(col)].width = width

    group_fill = PatternFill("solid", fgColor="F2F2F2")
    fonts = (Font(name=G.HEADING1_FONT, size=11), Font(name=G.HEADING2_FONT, size=11))
    row_no = HEADER_ROW
    sections: set[int] = set()
    for row in data.rows:
        row_no += 1
        if not row.is_task:  # a section: one cell merged across the table
            sections.add(row_no)
            ws.cell(row=row_no, column=1, value=t(row.heading))
            for col in range(1, len(columns) + 1):
                cell = ws.cell(row=row_no, column=col)
                cell.fill, cell.border, cell.alignment = group_fill, BORDER, wrap
                cell.font = fonts[min(row.depth, 1)]
            ws.merge_cells(start_row=row_no, start_column=1, end_row=row_no, end_column=len(columns))
            total = sum(w for _, w in columns)
            ws.row_dimensions[row_no].height = LINE_HEIGHT_PT * wrapped_lines(row.heading, total) + 6
            continue
        values = _task_values(row, data)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row_no, column=col, value=t(value) if isinstance(value, str) else value)
            cell.font, cell.border = body_font, BORDER
            cell.alignment = centre if col in CENTRED else wrap
        lines = max(wrapped_lines(str(v), w) for v, (_, w) in zip(values, columns, strict=True))
        ws.row_dimensions[row_no].height = LINE_HEIGHT_PT * lines + 4

    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{row_no}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    _print_setup(ws, landscape=True)
    ws.page_margins.left = ws.page_margins.right = 0.6
    _keep_sections_with_their_tasks(ws, columns, sections, row_no)
    ws.oddFooter.center.text = "— &P —"
    _summary_sheet(wb, data)
    wb.save(str(out))


def _keep_sections_with_their_tasks(ws, columns, sections: set[int], last_row: int) -> None:
    """Manual page breaks laid out from the row heights, so no page ends on a section row."""
    m = ws.page_margins
    page = Page.a4(True, m.left, m.right, m.top, m.bottom)
    heights = {r: ws.row_dimensions[r].height for r in range(HEADER_ROW + 1, last_row + 1)}
    top = sum(ws.row_dimensions[r].height for r in range(1, HEADER_ROW + 1))
    factor = scale(page, [w for _, w in columns])
    for after in row_breaks(heights, sections, HEADER_ROW + 1, HEADER_HEIGHT_PT, top, page, factor):
        ws.row_breaks.append(Break(id=after))


def _print_setup(ws, landscape: bool) -> None:
    setup = ws.page_setup
    setup.paperSize = ws.PAPERSIZE_A4
    setup.orientation = ws.ORIENTATION_LANDSCAPE if landscape else ws.ORIENTATION_PORTRAIT
    setup.fitToWidth, setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True


def summary_rows(data: ExportData) -> list[tuple[str, object]]:
    r = data.summary
    rows = [("计划", data.plan.title), ("文号", data.plan.doc_number or "—"), ("填报单位", data.reporter),
            ("截至日期", zh_date(data.as_of)), ("任务总数", r.total)]
    rows += [(s.zh, r.counts[s]) for s in SUMMARY_ORDER]
    rows += [("逾期", r.overdue), ("完成率", f"{percent_text(r)}%"), ("本表列出", len(data.tasks)),
             ("缺少完成情况", len(data.pending))]
    return rows


def _summary_sheet(wb: Workbook, data: ExportData) -> None:
    """A titled two-column table with borders, printed on A4 portrait."""
    t = data.convert
    ws = wb.create_sheet(t(SHEET_SUMMARY))
    ws["A1"] = t(f"{data.plan.title}落实情况汇总")
    ws["A1"].font = Font(name=G.TITLE_FONT, size=16)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells("A1:B1")
    ws.row_dimensions[1].height = 44
    head = Font(name=G.TABLE_HEADER_FONT, size=11, bold=True)
    label_font = Font(name=G.HEADING1_FONT, size=11)
    plain = Font(name=G.BODY_FONT, size=11)
    for col, name in enumerate(("项目", "内容"), start=1):
        cell = ws.cell(row=2, column=col, value=t(name))
        cell.font, cell.border = head, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center")
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
    rows = summary_rows(data)
    for i, (label, value) in enumerate(rows, start=3):
        left = ws.cell(row=i, column=1, value=t(label))
        right = ws.cell(row=i, column=2, value=t(value) if isinstance(value, str) else value)
        left.font, right.font = label_font, plain
        left.border = right.border = BORDER
        left.alignment = Alignment(horizontal="center", vertical="center")
        right.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        ws.row_dimensions[i].height = LINE_HEIGHT_PT * wrapped_lines(str(value), 60) + 6
    note_row = len(rows) + 4
    for j, line in enumerate(header_lines(data)[1:], start=note_row):
        ws.cell(row=j, column=1, value=t(line)).font = plain
        ws.merge_cells(start_row=j, start_column=1, end_row=j, end_column=2)
        ws.cell(row=j, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[j].height = LINE_HEIGHT_PT * wrapped_lines(line, 76) + 4
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 60
    ws.print_area = f"A1:B{note_row + len(header_lines(data)) - 2}"
    _print_setup(ws, landscape=False)
