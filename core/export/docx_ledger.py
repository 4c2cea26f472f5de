"""The 台账 in Word: A4 landscape, a header block, then one table per top-level section.

Tables are written as XML in one piece (a thousand rows through python-docx's cell API would
take seconds): the header row repeats on every page (w:tblHeader), no row splits across pages
(w:cantSplit), and fixed column widths let text wrap where a reader expects it.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt

from core.export import gbt9704 as G
from core.export.data import ExportData, Row, header_lines
from core.export.docx_fonts import add_paragraph_style, style_font
from core.export.docx_page import add_page_numbers, new_document, set_page

TITLE, INFO, HEADING, CELL, HEAD, GROUP, SPACER = (
    "台账标题", "台账说明", "台账分组标题", "表格文字", "表头文字", "表格分组", "表后间隔")
STYLE_IDS = {TITLE: "TZLedgerTitle", INFO: "TZLedgerInfo", HEADING: "TZLedgerHeading",
             CELL: "TZTableText", HEAD: "TZTableHeader", GROUP: "TZTableGroup", SPACER: "TZSpacer"}

# (header, width in mm, centred) — widths add up to the 257 mm landscape text width.
COLUMNS = [("序号", 14, True), ("工作任务", 81, False), ("责任单位", 50, False),
           ("完成时限", 30, True), ("完成情况", 58, False), ("状态", 24, True)]
COLUMNS_WITH_EVIDENCE = [("序号", 14, True), ("工作任务", 62, False), ("责任单位", 50, False),
                         ("完成时限", 28, True), ("完成情况", 49, False), ("状态", 24, True),
                         ("佐证材料", 30, False)]
TABLE_LINE_PT = 20.0  # exact line height of table text: 四号 with a little air
CELL_MARGIN_TWIPS = 85  # 1.5 mm left and right inside each cell


def write_ledger(data: ExportData, out) -> None:
    document = new_document(G.TABLE_FONT, G.TABLE_SIZE_PT)
    section = document.sections[0]
    set_page(section, True, G.LEDGER_MARGIN_TOP_MM, G.LEDGER_MARGIN_BOTTOM_MM,
             G.LEDGER_MARGIN_LEFT_MM, G.LEDGER_MARGIN_RIGHT_MM, G.LEDGER_FOOTER_DISTANCE_MM)
    _add_styles(document)
    add_page_numbers(document, section, odd_even=False)
    document.add_paragraph(f"{data.plan.title}落实情况台账", style=TITLE)
    for line in header_lines(data):
        document.add_paragraph(line, style=INFO)
    columns = COLUMNS_WITH_EVIDENCE if data.options.evidence else COLUMNS
    for section_row, rows in data.groups():
        if section_row is not None:
            document.add_paragraph(section_row.heading, style=HEADING)
        spacer = document.add_paragraph(style=SPACER)
        spacer._p.addprevious(parse_xml(_table_xml(rows, columns)))
    document.save(str(out))


def _add_styles(document) -> None:
    styles = document.styles
    specs = [(TITLE, G.TITLE_FONT, G.TITLE_SIZE_PT, False), (INFO, G.BODY_FONT, G.TABLE_SIZE_PT, False),
             (HEADING, G.HEADING1_FONT, G.BODY_SIZE_PT, False), (CELL, G.TABLE_FONT, G.TABLE_SIZE_PT, False),
             (HEAD, G.TABLE_HEADER_FONT, G.TABLE_SIZE_PT, False),
             (GROUP, G.HEADING2_FONT, G.TABLE_SIZE_PT, False), (SPACER, G.BODY_FONT, 6, False)]
    for name, font, size, bold in specs:
        style = add_paragraph_style(document, name, STYLE_IDS[name], styles["Normal"])
        style_font(style, font, size, bold)
        fmt = style.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(TABLE_LINE_PT)
    title = styles[TITLE].paragraph_format
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.line_spacing, title.space_after = Pt(34), Pt(12)
    styles[INFO].paragraph_format.line_spacing = Pt(24)
    heading = styles[HEADING].paragraph_format
    heading.line_spacing, heading.space_before, heading.space_after = Pt(26), Pt(10), Pt(4)
    heading.keep_with_next = True
    styles[HEAD].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles[SPACER].paragraph_format.line_spacing = Pt(6)
    styles[CELL].paragraph_format.widow_control = False


def _para(text: str, style_id: str, centre: bool = False) -> str:
    jc = '<w:jc w:val="center"/>' if centre else ""
    return (f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{jc}</w:pPr>'
            f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')


def _cell(lines: list[str], width: int, style_id: str, centre: bool, extra: str = "") -> str:
    paras = "".join(_para(line, style_id, centre) for line in (lines or [""]))
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{extra}<w:vAlign w:val="center"/>'
            f'</w:tcPr>{paras}</w:tc>')


def _task_cells(row: Row, evidence: bool) -> list[list[str]]:
    note = [line for line in row.node.note.splitlines() if line.strip()]
    status = [row.node.status.zh] + (["（逾期）"] if row.overdue else [])
    cells = [[str(row.seq)], [row.task_text], row.unit_lines, [row.deadline_text or "—"], note, status]
    if evidence:
        cells.append(row.evidence)
    return cells


def _table_xml(rows: list[Row], columns) -> str:
    widths = [int(Mm(mm).twips) for _, mm, _ in columns]
    cell_id, head_id, group_id = STYLE_IDS[CELL], STYLE_IDS[HEAD], STYLE_IDS[GROUP]
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
    evidence = len(columns) == len(COLUMNS_WITH_EVIDENCE)
    for row in rows:
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        if row.is_task:
            cells = _task_cells(row, evidence)
            parts += [_cell(lines, w, cell_id, centre)
                      for lines, w, (_, _, centre) in zip(cells, widths, columns, strict=True)]
        else:
            span = f'<w:gridSpan w:val="{len(widths)}"/><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>'
            parts.append(_cell([row.heading], sum(widths), group_id, False, span))
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)
