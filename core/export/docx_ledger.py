"""The 台账 in Word: A4 landscape, a header block, then one continuous table for the plan.

As offices circulate them: 五号 text, the header row repeated on every page (w:tblHeader), each
section a full-width row kept with its first task (w:keepNext, w:cantSplit), task rows free to
break across pages so no page ends half empty, fixed column widths so text wraps where a reader
expects it. The table is written as XML in one piece (a thousand rows through python-docx's
cell API would take seconds).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt

from core.export import gbt9704 as G
from core.export.data import ExportData, Row, header_lines, zh_date
from core.export.docx_fonts import add_paragraph_style, style_font
from core.export.docx_page import add_page_numbers, convert_text, new_document, set_page
from core.export.title_break import break_title

TITLE, INFO, CELL, HEAD, GROUP, SUBGROUP, SPACER = (
    "台账标题", "台账说明", "表格文字", "表头文字", "表格分组", "表格分组二", "表后间隔")
STYLE_IDS = {TITLE: "TZLedgerTitle", INFO: "TZLedgerInfo", CELL: "TZTableText", HEAD: "TZTableHeader",
             GROUP: "TZTableGroup", SUBGROUP: "TZTableSubgroup", SPACER: "TZSpacer"}

# (header, width in mm, centred) — widths add up to the 257 mm landscape text width.
COLUMNS = [("序号", 10, True), ("工作任务", 95, False), ("责任单位", 42, False), ("完成时限", 22, True),
           ("完成情况", 51, False), ("完成日期", 20, True), ("状态", 17, True)]
COLUMNS_WITH_EVIDENCE = [("序号", 10, True), ("工作任务", 77, False), ("责任单位", 38, False),
                         ("完成时限", 20, True), ("完成情况", 44, False), ("完成日期", 20, True),
                         ("状态", 17, True), ("佐证材料", 31, False)]
# With 进展 a column of PROGRESS_MM is added after 完成情况, its width taken from 工作任务 and 完成情况.
PROGRESS_MM, PROGRESS_FROM = 34, {"工作任务": 20, "完成情况": 14}
TABLE_LINE_PT = 14.0  # exact line height of table text: 五号 at about 1.33 lines, as Word prints single spacing
CELL_MARGIN_TWIPS = 57  # 1 mm left and right inside each cell
TITLE_PER_LINE = (G.A4_HEIGHT_MM - G.LEDGER_MARGIN_LEFT_MM - G.LEDGER_MARGIN_RIGHT_MM) / G.PT_TO_MM / G.TITLE_SIZE_PT - 1


def write_ledger(data: ExportData, out) -> None:
    document = new_document(G.TABLE_FONT, G.TABLE_SIZE_PT)
    section = document.sections[0]
    set_page(section, True, G.LEDGER_MARGIN_TOP_MM, G.LEDGER_MARGIN_BOTTOM_MM,
             G.LEDGER_MARGIN_LEFT_MM, G.LEDGER_MARGIN_RIGHT_MM, G.LEDGER_FOOTER_DISTANCE_MM)
    _add_styles(document)
    add_page_numbers(document, section, odd_even=False)
    title = document.add_paragraph(style=TITLE)
    for i, line in enumerate(break_title(data.convert(ledger_title(data)), TITLE_PER_LINE)):
        if i:
            title.add_run().add_break()
        title.add_run(line)
    for line in header_lines(data):
        document.add_paragraph(line, style=INFO)
    columns = ledger_columns(data.options.evidence, data.options.progress)
    spacer = document.add_paragraph(style=SPACER)
    spacer._p.addprevious(parse_xml(_table_xml(data, columns)))
    document.core_properties.title = ledger_title(data)
    convert_text(document, data.convert)
    document.save(str(out))


def ledger_columns(evidence: bool, progress: bool) -> list[tuple[str, int, bool]]:
    """The table's columns: the plain set, or with 佐证材料, and with 进展 after 完成情况."""
    columns = list(COLUMNS_WITH_EVIDENCE if evidence else COLUMNS)
    if progress:
        columns = [(name, mm - PROGRESS_FROM.get(name, 0), centre) for name, mm, centre in columns]
        at = [name for name, _, _ in columns].index("完成情况") + 1
        columns.insert(at, ("进展", PROGRESS_MM, False))
    return columns


def ledger_title(data: ExportData) -> str:
    return f"{data.plan.title}落实情况台账"


def _add_styles(document) -> None:
    styles = document.styles
    specs = [(TITLE, G.TITLE_FONT, G.TITLE_SIZE_PT, False), (INFO, G.BODY_FONT, G.LEDGER_INFO_SIZE_PT, False),
             (CELL, G.TABLE_FONT, G.TABLE_SIZE_PT, False),
             (HEAD, G.TABLE_HEADER_FONT, G.TABLE_SIZE_PT, False),
             (GROUP, G.HEADING1_FONT, G.TABLE_SIZE_PT, False), (SUBGROUP, G.HEADING2_FONT, G.TABLE_SIZE_PT, False),
             (SPACER, G.BODY_FONT, 6, False)]
    for name, font, size, bold in specs:
        style = add_paragraph_style(document, name, STYLE_IDS[name], styles["Normal"])
        style_font(style, font, size, bold)
        fmt = style.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(TABLE_LINE_PT)
    title = styles[TITLE].paragraph_format
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.line_spacing, title.space_after = Pt(32), Pt(8)
    styles[INFO].paragraph_format.line_spacing = Pt(20)
    for name in (GROUP, SUBGROUP):
        styles[name].paragraph_format.keep_with_next = True
    styles[HEAD].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles[SPACER].paragraph_format.line_spacing = Pt(6)
    styles[CELL].paragraph_format.widow_control = False


def _para(text: str, style_id: str, centre: bool = False, keep: bool = False) -> str:
    ppr = ('<w:keepNext/>' if keep else "") + ('<w:jc w:val="center"/>' if centre else "")
    return (f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{ppr}</w:pPr>'
            f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')


def _cell(lines: list[str], width: int, style_id: str, centre: bool, extra: str = "", keep: bool = False) -> str:
    paras = "".join(_para(line, style_id, centre, keep) for line in (lines or [""]))
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{extra}<w:vAlign w:val="center"/>'
            f'</w:tcPr>{paras}</w:tc>')


def _date_lines(row: Row) -> list[str]:
    """2020年 / 6月30日 on two lines: the narrow column never breaks inside the month."""
    day = row.node.completed_on
    if not day:
        return []
    text = zh_date(day)
    return [text[:5], text[5:]]


def _task_cells(row: Row, names: list[str], scoped: bool) -> list[list[str]]:
    """The lines of each cell of a task's row, for the columns `names`."""
    status = [row.node.status.zh] + (["（逾期）"] if row.overdue else [])
    units = row.unit_lines + ([f"（本单位：{row.role_text}）"] if scoped and row.role else [])
    cells = {"序号": [str(row.seq)], "工作任务": [row.task_text], "责任单位": units,
             "完成时限": row.deadline_lines or ["—"], "完成情况": row.note_lines, "完成日期": _date_lines(row),
             "状态": status, "佐证材料": row.evidence, "进展": row.progress}
    return [cells[name] for name in names]


def _table_xml(data: ExportData, columns) -> str:
    widths = [int(Mm(mm).twips) for _, mm, _ in columns]
    cell_id, head_id = STYLE_IDS[CELL], STYLE_IDS[HEAD]
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    parts = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
             f'<w:jc w:val="center"/><w:tblBorders>{border}</w:tblBorders><w:tblLayout w:type="fixed"/>'
             f'<w:tblCellMar><w:left w:w="{CELL_MARGIN_TWIPS}" w:type="dxa"/>'
             f'<w:right w:w="{CELL_MARGIN_TWIPS}" w:type="dxa"/></w:tblCellMar>'
             f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
             f'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>']
    parts += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    parts.append('</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>')
    parts += [_cell([name], w, head_id, True) for (name, _, _), w in zip(columns, widths, strict=True)]
    parts.append("</w:tr>")
    names = [name for name, _, _ in columns]
    scoped = data.scope is not None
    for row in data.rows:
        if row.is_task:
            parts.append("<w:tr>")  # a long task may continue on the next page
            cells = _task_cells(row, names, scoped)
            parts += [_cell(lines, w, cell_id, centre)
                      for lines, w, (_, _, centre) in zip(cells, widths, columns, strict=True)]
        else:  # a section: one full-width row, kept on the page of its first task
            parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            span = f'<w:gridSpan w:val="{len(widths)}"/><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>'
            group_id = STYLE_IDS[GROUP if row.depth == 0 else SUBGROUP]
            parts.append(_cell([row.heading], sum(widths), group_id, False, span, keep=True))
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)
