"""Two plans compared, as a Word table (A4 landscape): what became of each task, the reworded
text with removed characters struck through in red and added ones underlined in blue."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_UNDERLINE
from docx.shared import Mm, Pt, RGBColor

from core.domain.plan_diff import PlanDiff, TaskDiff, task_text
from core.export import gbt9704 as G
from core.export.diff_xlsx import KIND_ZH, shown_tasks, summary_line, units_text
from core.export.docx_page import add_page_numbers, new_document, set_page

HEADERS = [("序号", 12), ("变化", 16), ("原计划任务", 80), ("新计划任务", 80), ("单位、时限变化", 57), ("结转", 12)]
RED, BLUE = RGBColor(0xC0, 0x00, 0x00), RGBColor(0x00, 0x50, 0xB3)


def _marked(paragraph, d: TaskDiff) -> None:
    if d.kind != "reworded":
        paragraph.add_run(task_text(d.new) if d.new else "")
        return
    for op, text in d.words:
        run = paragraph.add_run(text)
        if op == "-":
            run.font.strike, run.font.color.rgb = True, RED
        elif op == "+":
            run.font.underline, run.font.color.rgb = WD_UNDERLINE.SINGLE, BLUE


def write_diff_docx(diff: PlanDiff, old_title: str, new_title: str, out) -> None:
    document = new_document(G.TABLE_FONT, G.TABLE_SIZE_PT)
    section = document.sections[0]
    set_page(section, True, G.LEDGER_MARGIN_TOP_MM, G.LEDGER_MARGIN_BOTTOM_MM,
             G.LEDGER_MARGIN_LEFT_MM, G.LEDGER_MARGIN_RIGHT_MM, G.LEDGER_FOOTER_DISTANCE_MM)
    add_page_numbers(document, section, odd_even=False)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(f"{new_title}与{old_title}对照")
    run.font.size, run.font.name = Pt(G.TITLE_SIZE_PT - 4), G.TITLE_FONT
    document.add_paragraph(summary_line(diff))
    rows = shown_tasks(diff)
    table = document.add_table(rows=1 + len(rows), cols=len(HEADERS))
    table.style = "Table Grid"
    table.autofit = False  # fixed widths: Word and WPS/LibreOffice both keep them (grid and cells)
    for col, (_, width) in enumerate(HEADERS):
        table.columns[col].width = Mm(width)
    for col, (name, width) in enumerate(HEADERS):
        cell = table.rows[0].cells[col]
        cell.width = Mm(width)
        cell.paragraphs[0].add_run(name).bold = True
    for i, d in enumerate(rows, start=1):
        cells = table.rows[i].cells
        cells[0].text, cells[1].text = str(i), KIND_ZH[d.kind]
        cells[2].text = task_text(d.old) if d.old else ""
        _marked(cells[3].paragraphs[0], d)
        changes = [units_text(d)] if d.units else []
        if d.deadlines:
            changes.append("时限：" + " → ".join("、".join(side) or "（无）" for side in d.deadlines))
        cells[4].text = "\n".join(changes)
        cells[5].text = "是" if d.carried else ""
        for col, (_, width) in enumerate(HEADERS):
            cells[col].width = Mm(width)
    document.core_properties.title = f"{new_title}与{old_title}对照"
    document.save(str(out))
