"""The 台账 in Excel: one sheet of rows ready to filter and print, and a summary sheet that prints
as a titled table. Every string goes through the export's one script."""

from __future__ import annotations

import math
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties

from core.export import gbt9704 as G
from core.export import xlsx_pages as P
from core.export.data import SUMMARY_ORDER, ExportData, Row, header_lines, percent_text, zh_date
from core.export.xlsx_pages import Page, page_fills, row_breaks, row_height, text_lines, width_chars

SHEET_LEDGER, SHEET_SUMMARY = "落实情况台账", "汇总"
# (header, width in characters) of the narrow columns; Excel counts a Chinese character as about two.
# The 工作任务 and 完成情况 columns (and 进展, 佐证材料 when shown) share what the page has left, by weight.
COLUMNS = [("序号", 5), ("工作任务", 0), ("责任单位", 0), ("完成时限", 12), ("完成情况", 0),
           ("完成日期", 12), ("状态", 10)]
EVIDENCE_COLUMN = ("佐证材料", 0)
PROGRESS_COLUMN = ("进展", 0)
SHARES = {"工作任务": 5.0, "完成情况": 4.0, "进展": 3.0, "佐证材料": 2.0}
TASK_SHARES = (4.0, 5.0, 6.0, 7.0)  # the 工作任务 weights tried: the split that makes the rows lowest wins
UNIT_COLUMN = 2  # index of 责任单位 in COLUMNS
UNIT_WIDTH_LIMITS = (14, 34)  # the unit column grows to its longest line, within these; longer lines wrap
HEADER_ROW = 3  # title, 填报单位/截至 line, then the header
BODY_PT = 11
LINE_HEIGHT_PT = 17.0  # one line of 11 pt CJK text with air, for sheets laid out by `wrapped_lines`
TITLE_HEIGHT_PT, INFO_HEIGHT_PT, HEADER_HEIGHT_PT = 32.0, 18.0, 20.0
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


def column_widths(data: ExportData, page: Page, factor: float,
                  task_share: float = SHARES["工作任务"]) -> list[tuple[str, float]]:
    """The columns filling the page's width at the print scale: 责任单位 as wide as its longest
    line needs (within limits), the narrow ones fixed, the text columns sharing the rest."""
    columns = [*COLUMNS, *([PROGRESS_COLUMN] if data.options.progress else []),
               *([EVIDENCE_COLUMN] if data.options.evidence else [])]
    lines = [line for row in data.tasks for line in _unit_lines(row, data)]
    longest = max((cell_width(data.convert(line)) for line in lines), default=0)
    low, high = UNIT_WIDTH_LIMITS
    name, _ = columns[UNIT_COLUMN]
    columns[UNIT_COLUMN] = (name, min(max(longest + 2, low), high))
    rest = width_chars(page, factor, len(columns)) - sum(w for _, w in columns)
    shares = {**SHARES, "工作任务": task_share}
    weight = sum(shares[n] for n, w in columns if not w)
    return [(n, w or rest * shares[n] / weight) for n, w in columns]


def _cells(row: Row, data: ExportData) -> list:
    """A row's cell values in the export's script: the heading alone for a section."""
    t = data.convert
    if not row.is_task:
        return [t(row.heading)]
    return [t(v) if isinstance(v, str) else v for v in _task_values(row, data)]


def _heights(rows: list[tuple[Row, list]], columns: list[tuple[str, float]]) -> list[float]:
    """Each table row's height for its wrapped lines at these column widths."""
    total = sum(w for _, w in columns)
    out = []
    for row, values in rows:
        widths = [w for _, w in columns] if row.is_task else [total]
        lines = max(text_lines(str(v), w, BODY_PT) for v, w in zip(values, widths, strict=False))
        out.append(row_height(lines, BODY_PT))
    return out


@dataclass
class Layout:
    """The ledger sheet laid out for one print scale."""

    factor: float
    columns: list[tuple[str, float]]
    heights: dict[int, float]  # sheet row → points
    breaks: list[int]
    fills: list[float]


def layout(data: ExportData, page: Page) -> Layout:
    """The print scale (of SCALES) and the 工作任务 column's share that print the table on pages
    all full but the last, with at most one page more than the fewest; else on the fewest pages,
    the emptiest of them as full as it gets. A row never breaks across pages in a sheet, so the
    scale and the columns are what fit the rows to the pages."""
    rows = [(row, _cells(row, data)) for row in data.rows]
    sections = {HEADER_ROW + 1 + i for i, (row, _) in enumerate(rows) if not row.is_task}
    top = TITLE_HEIGHT_PT + INFO_HEIGHT_PT + HEADER_HEIGHT_PT
    tried = []
    for factor, share in ((f, s) for f in P.SCALES for s in TASK_SHARES):
        columns = column_widths(data, page, factor, share)
        heights = dict(enumerate(_heights(rows, columns), start=HEADER_ROW + 1))
        breaks = row_breaks(heights, sections, HEADER_ROW + 1, HEADER_HEIGHT_PT, top, page, factor)
        fills = page_fills(breaks, heights, HEADER_HEIGHT_PT, top, page, factor)
        tried.append(Layout(factor, columns, heights, breaks, fills))
    fewest = min(len(t.fills) for t in tried)

    def rank(t: Layout) -> tuple:
        emptiest = min(t.fills[:-1], default=1.0)
        full = emptiest >= P.TARGET_FILL and len(t.fills) <= fewest + 1  # a page more, if all are full
        return (not full, len(t.fills), -emptiest, -t.factor)

    return min(tried, key=rank)


def _ledger_page(ws) -> Page:
    m = ws.page_margins
    return Page.a4(True, m.left, m.right, m.top, m.bottom)


def _unit_names(row: Row) -> list[str]:
    return [u for names in row.node.units.values() for u in names]


def _unit_lines(row: Row, data: ExportData) -> list[str]:
    return row.unit_lines + ([f"（本单位：{row.role_text}）"] if data.scope and row.role else [])


def _task_values(row: Row, data: ExportData) -> list:
    units = "\n".join(_unit_lines(row, data))
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
    ws.page_margins.left = ws.page_margins.right = 0.6
    plan = layout(data, _ledger_page(ws))
    columns = plan.columns
    last = get_column_letter(len(columns))
    body_font = Font(name=G.BODY_FONT, size=BODY_PT)
    wrap = Alignment(wrap_text=True, vertical="center")
    centre = Alignment(wrap_text=True, vertical="center", horizontal="center")

    ws["A1"] = t(f"{data.plan.title}落实情况台账")
    ws["A1"].font = Font(name=G.TITLE_FONT, size=18)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = TITLE_HEIGHT_PT
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
            ws.row_dimensions[row_no].height = plan.heights[row_no]
            continue
        values = _task_values(row, data)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row_no, column=col, value=t(value) if isinstance(value, str) else value)
            cell.font, cell.border = body_font, BORDER
            cell.alignment = centre if col in CENTRED else wrap
        ws.row_dimensions[row_no].height = plan.heights[row_no]

    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{row_no}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    _print_setup(ws, landscape=True, scale=plan.factor)
    for after in plan.breaks:  # laid out from the row heights, so no page ends on a section row
        ws.row_breaks.append(Break(id=after))
    ws.oddFooter.center.text = "— &P —"
    _summary_sheet(wb, data)
    wb.save(str(out))


def _print_setup(ws, landscape: bool, scale: float | None = None) -> None:
    """A4, centred; at a fixed `scale` (the page breaks are laid out for it), else one page wide."""
    setup = ws.page_setup
    setup.paperSize = ws.PAPERSIZE_A4
    setup.orientation = ws.ORIENTATION_LANDSCAPE if landscape else ws.ORIENTATION_PORTRAIT
    if scale is None:
        setup.fitToWidth, setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    else:
        setup.scale = round(scale * 100)
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
