"""Two plans compared, as an Excel sheet: one row per task of either plan, what became of it, and
the reworded text with removed characters struck through in red and added ones in blue."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from core.domain.plan_diff import PlanDiff, TaskDiff, task_text
from core.export import gbt9704 as G
from core.export.xlsx_ledger import LINE_HEIGHT_PT, wrapped_lines
from core.parse.parsed_plan import ROLE_ZH

KIND_ZH = {"new": "新增", "dropped": "删除", "reworded": "改写", "same": "相同"}
COLUMNS = [("序号", 6), ("变化", 10), ("原计划任务", 46), ("新计划任务", 46), ("单位变化", 30), ("时限变化", 22),
           ("结转", 6)]
REMOVED = InlineFont(rFont=G.BODY_FONT, sz=11, color="C00000", strike=True)
ADDED = InlineFont(rFont=G.BODY_FONT, sz=11, color="0050B3", u="single")
PLAIN = InlineFont(rFont=G.BODY_FONT, sz=11)


def _marked(d: TaskDiff) -> CellRichText | str:
    """The new text with the old one's removed words struck through and the added ones underlined."""
    if d.kind != "reworded" or not d.words:
        return task_text(d.new) if d.new else ""
    font = {"=": PLAIN, "-": REMOVED, "+": ADDED}
    return CellRichText(*[TextBlock(font[op], text) for op, text in d.words])


def units_text(d: TaskDiff) -> str:
    """Each role whose units changed: "牵头：A → A、B"."""
    return "\n".join(f"{ROLE_ZH[r]}：{'、'.join(a) or '（无）'} → {'、'.join(b) or '（无）'}" for r, (a, b) in d.units.items())


def summary_line(diff: PlanDiff) -> str:
    """The counts, and how the marks read."""
    counts = {k: len(diff.of_kind(k)) for k in KIND_ZH}
    return ("；".join(f"{KIND_ZH[k]} {n} 项" for k, n in counts.items())
            + f"；单位变化 {len(diff.units_changed)} 项；时限变化 {len(diff.deadlines_changed)} 项；"
              f"结转 {len(diff.carried)} 项（改写处：删去的字标红划线，新增的字标蓝下划线）")


def shown_tasks(diff: PlanDiff) -> list[TaskDiff]:
    """New, dropped, reworded, then unchanged tasks whose units or deadlines moved (or carried over)."""
    order = {"new": 0, "dropped": 1, "reworded": 2, "same": 3}
    return sorted((d for d in diff.tasks if d.kind != "same" or d.units or d.deadlines or d.carried),
                  key=lambda d: order[d.kind])


def write_diff_xlsx(diff: PlanDiff, old_title: str, new_title: str, out) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "计划对照"
    last = get_column_letter(len(COLUMNS))
    ws["A1"] = f"{new_title}与{old_title}对照"
    ws["A1"].font = Font(name=G.HEADING1_FONT, size=15)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 30
    ws["A2"] = summary_line(diff)
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="center")
    ws.merge_cells(f"A2:{last}2")
    ws.row_dimensions[2].height = LINE_HEIGHT_PT * wrapped_lines(summary_line(diff), sum(w for _, w in COLUMNS)) + 4
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, (name, width) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=3, column=col, value=name)
        cell.font = Font(name=G.TABLE_HEADER_FONT, size=11, bold=True)
        cell.fill, cell.border = PatternFill("solid", fgColor="D9D9D9"), border
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    shown = shown_tasks(diff)
    for i, d in enumerate(shown, start=1):
        values = [i, KIND_ZH[d.kind], task_text(d.old) if d.old else "", _marked(d), units_text(d),
                  " → ".join("、".join(side) or "（无）" for side in d.deadlines) if d.deadlines else "",
                  "是" if d.carried else ""]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=3 + i, column=col, value=value)
            cell.border = border
            short = col in (1, 2, len(COLUMNS))  # 序号, 变化, 结转: centred, so "5" and "新增" do not run together
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center" if short else None)
            if not isinstance(value, CellRichText):
                cell.font = Font(name=G.BODY_FONT, size=11)
        # Excel and LibreOffice do not grow rows written by openpyxl: give each the lines it wraps to
        lines = max(wrapped_lines(str(v or ""), w) for v, (_, w) in zip(values, COLUMNS, strict=True))
        ws.row_dimensions[3 + i].height = LINE_HEIGHT_PT * lines + 4
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:{last}{3 + len(shown)}"
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "3:3"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0  # one page wide, as long as it takes
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    wb.save(str(out))
