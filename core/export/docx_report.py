"""The 报告 in Word: a narrative laid out as a GB/T 9704-2012 official document, A4 portrait.

Title, a summary paragraph written from the figures, the plan's own headings with each task's
完成情况 under it, the reporting unit and the date; tasks nobody has reported on yet are not
padded with placeholders but listed in an appendix the clerk can switch off.
"""

from __future__ import annotations

import re

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from core.domain.numerals import CN_DIGITS
from core.domain.status import Status
from core.export import gbt9704 as G
from core.export.data import ExportData, Row, percent_text, zh_date
from core.export.docx_fonts import add_paragraph_style, style_font
from core.export.docx_page import add_page_numbers, convert_text, new_document, set_page, set_text_grid
from core.export.title_break import break_title, text_width
from core.parse.parsed_plan import ROLE_ZH

TITLE, BODY, H1, H2, H3, SIGN, ANNEX = "公文标题", "公文正文", "一级标题", "二级标题", "三级标题", "落款", "附件标识"
STYLE_IDS = {TITLE: "TZTitle", BODY: "TZBody", H1: "TZHeading1", H2: "TZHeading2", H3: "TZHeading3",
             SIGN: "TZSignature", ANNEX: "TZAnnex"}
# style name → (font, size, bold, outline level or None, first-line indent in characters)
STYLE_SPECS = {
    TITLE: (G.TITLE_FONT, G.TITLE_SIZE_PT, False, None, 0),
    BODY: (G.BODY_FONT, G.BODY_SIZE_PT, False, None, 2),
    H1: (G.HEADING1_FONT, G.BODY_SIZE_PT, False, 0, 2),
    H2: (G.HEADING2_FONT, G.BODY_SIZE_PT, False, 1, 2),
    H3: (G.HEADING3_FONT, G.BODY_SIZE_PT, False, 2, 2),  # the label and a short title in bold runs
    SIGN: (G.BODY_FONT, G.BODY_SIZE_PT, False, None, 0),
    ANNEX: (G.HEADING1_FONT, G.BODY_SIZE_PT, False, None, 0),
}
HEADING_BY_DEPTH = (H1, H2, H3)
LEVEL1_LABEL = re.compile(rf"^[{CN_DIGITS}]+[、.．]")
LEVEL2_LABEL = re.compile(rf"^[（(][{CN_DIGITS}]+[）)]")
AFTER_SNAP = ("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
              "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
              "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
TITLE_PER_LINE = G.chars_per_line(G.TITLE_SIZE_PT) - 0.6  # a little air: digits print a bit wider
BODY_PER_LINE = G.CHARS_PER_LINE
BOLD_MAX_WIDTH = BODY_PER_LINE - 2  # a bold title fits the first line (after the 2-character indent)
PENDING_TITLE = "待补充完成情况的任务"
URL = re.compile(r"(?:https?://|www\.)[\x21-\x7e]+")
ZWSP = "\u200b"


def write_report(data: ExportData, out) -> None:
    document = new_document(G.BODY_FONT, G.BODY_SIZE_PT)
    section = document.sections[0]
    set_page(section, False, G.MARGIN_TOP_MM, G.MARGIN_BOTTOM_MM, G.MARGIN_LEFT_MM, G.MARGIN_RIGHT_MM)
    _add_styles(document)
    set_text_grid(document, section)
    add_page_numbers(document, section, odd_even=True)
    styles = {name: document.styles[name] for name in STYLE_SPECS}  # a name lookup scans every style
    _add_title(document, styles[TITLE], data.convert(report_title(data)))
    document.add_paragraph(style=styles[BODY])  # 标题下空一行
    document.add_paragraph(summary_text(data), style=styles[BODY])
    rows = data.reported_rows()
    by_id = {r.node.id: r for r in data.rows}
    for row in rows:
        _add_row(document, styles, row, data, by_id)
    body_end = len(document.paragraphs) - 1
    pending = data.pending if data.options.pending_list else []
    if pending:
        document.add_paragraph(style=styles[BODY])  # 正文下空一行编排附件说明
        document.add_paragraph(f"附件：{PENDING_TITLE}（{len(pending)}项）", style=styles[BODY])
    _add_signature(document, styles, data.reporter, zh_date(data.as_of))
    # GB/T 9704 §7.3.5: no page with the signature alone — the last lines of the body go with it
    for para in document.paragraphs[body_end:-1]:
        para.paragraph_format.keep_with_next = True
    if pending:
        _add_pending(document, styles, data, pending)
    document.core_properties.title = report_title(data)
    convert_text(document, data.convert)
    document.save(str(out))


def report_title(data: ExportData) -> str:
    return f"关于{data.plan.title}落实情况的报告"


def title_lines(title: str) -> list[str]:
    """The title broken between words into a balanced shape that fits the text width."""
    return break_title(title, TITLE_PER_LINE)


def _add_title(document, style, title: str) -> None:
    para = document.add_paragraph(style=style)
    for i, line in enumerate(title_lines(title)):
        run = para.add_run(line)
        if i:
            run._r.insert(0, run._r.makeelement(qn("w:br"), {}))


def summary_text(data: ExportData) -> str:
    """The opening paragraph: what was asked, who reports, and where things stand in figures."""
    r, plan, opts = data.summary, data.plan, data.options
    counts = [f"{s.zh}{r.counts[s]}项" for s in (Status.DONE, Status.ONGOING, Status.DOING, Status.TODO)]
    if r.counts[Status.NA]:
        counts.append(f"{Status.NA.zh}{r.counts[Status.NA]}项")
    basis = f"《{plan.title}》" + (f"（{plan.doc_number}）" if plan.doc_number else "")
    rate = f"完成率{percent_text(r)}%" + ("（不含不适用事项）" if r.counts[Status.NA] else "")
    late = f"逾期未完成{r.overdue}项" if r.overdue else "无逾期未完成任务"
    if data.scope:
        roles = [f"{ROLE_ZH[role]}{n}项" for role in ROLE_ZH
                 if (n := sum(1 for t in data.tasks if t.role == role))]
        share = f"（{'、'.join(roles)}）" if roles and opts.statuses is None else ""
        scope = f"{data.reporter}承担的工作任务共{r.total}项{share}"
    else:
        scope = f"工作任务共{r.total}项"
    text = (f"按照{basis}部署要求，{data.reporter}对照任务逐项抓好落实。截至{zh_date(data.as_of)}，{scope}，"
            f"其中{'、'.join(counts)}，{rate}，{late}。")
    if opts.statuses is not None:
        names = "、".join(s.zh for s in Status if s in opts.statuses)
        text += f"以下报告其中状态为{names}的{len(data.tasks)}项任务。"
    return text + "现将有关情况报告如下："


def _add_styles(document) -> None:
    normal = document.styles["Normal"]
    _exact(normal)
    for name, (font, size, bold, outline, indent) in STYLE_SPECS.items():
        style = add_paragraph_style(document, name, STYLE_IDS[name], normal)
        style_font(style, font, size, bold)
        _exact(style)
        ppr = style.element.get_or_add_pPr()
        if indent:
            ind = ppr.get_or_add_ind()
            ind.set(qn("w:firstLineChars"), str(indent * 100))
            ind.set(qn("w:firstLine"), str(G.twips(indent * size)))
        if outline is not None:
            style.paragraph_format.keep_with_next = True
            ppr.insert_element_before(ppr.makeelement(qn("w:outlineLvl"), {qn("w:val"): str(outline)}),
                                      "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    title = document.styles[TITLE]
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # A 二号 line would take two grid lines in WPS/LibreOffice; its fixed spacing is enough.
    ppr = title.element.get_or_add_pPr()
    ppr.insert_element_before(ppr.makeelement(qn("w:snapToGrid"), {qn("w:val"): "0"}), *AFTER_SNAP)
    document.styles[SIGN].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.styles[ANNEX].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _exact(style) -> None:
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(G.LINE_PITCH_PT)
    fmt.space_before = fmt.space_after = Pt(0)


def task_label(row: Row, by_id: dict[int, Row]) -> str:
    """The task's own label, else its number among its parent's children ("3."), as level 3 is."""
    if row.node.label.strip():
        return row.node.label
    parent = by_id.get(row.node.parent_id) if row.node.parent_id is not None else None
    number = parent.node.child_ids.index(row.node.id) + 1 if parent else row.seq
    return f"{number}."


def _add_row(document, styles: dict, row: Row, data: ExportData, by_id: dict[int, Row]) -> None:
    level = heading_level(row) if data.options.sections else 2
    label = task_label(row, by_id) if row.is_task else full_width_brackets(row.node.label)
    para = document.add_paragraph(style=styles[HEADING_BY_DEPTH[level]])
    _heading_runs(para, label, row.node.title, bold=level == 2)
    if not row.is_task:
        return
    facts = [f"本单位{row.role_text}" if data.scope and row.role else "", row.node.status.zh,
             "已逾期" if row.overdue else ""]
    para.add_run(f"（{'，'.join(f for f in facts if f)}）")
    if text_width(para.text) > 2 * BODY_PER_LINE:
        # a long first sentence reads as body text: it may run over a page rather than leave a gap
        para.paragraph_format.keep_with_next = False
    lines = row.note_lines
    if row.node.completed_on:
        lines[-1] += f"（完成日期：{zh_date(row.node.completed_on)}）"
    for line in lines:
        document.add_paragraph(breakable_urls(line), style=styles[BODY])
    if data.options.progress and row.progress:  # the period's 进展, one paragraph
        document.add_paragraph(breakable_urls("进展：" + "；".join(row.progress) + "。"), style=styles[BODY])


def full_width_brackets(label: str) -> str:
    """"(一)" as the standard writes it: "（一）" (crawled text often has ASCII brackets)."""
    return label.replace("(", "（").replace(")", "）")


def _heading_runs(para, label: str, title: str, bold: bool) -> None:
    """Label and title; in bold only when short — a long first sentence keeps just its label bold."""
    if not bold:
        para.add_run(f"{label}{title}")
        return
    short = text_width(label + title) <= BOLD_MAX_WIDTH
    para.add_run(label + title if short else label).bold = True
    if not short:
        para.add_run(title)


def breakable_urls(text: str) -> str:
    """Let a long web address break anywhere (a zero-width space between its characters), as
    Chinese text does, so the line before it is not letter-spaced out to the margin."""
    def soften(m: re.Match) -> str:
        return ZWSP.join(m.group(0))
    return URL.sub(soften, text)


def heading_level(row: Row) -> int:
    """0 for 一、, 1 for （一）, 2 for 1. and for any task: the label's form, not the depth, decides
    (a section 三、 may hold its tasks directly, with no （一） between)."""
    label = row.node.label.strip()
    if LEVEL1_LABEL.match(label):
        return 0
    if LEVEL2_LABEL.match(label):
        return 1
    return 2 if row.is_task or label[:1].isdigit() else min(row.depth, 2)


def _add_signature(document, styles: dict, unit: str, date: str) -> None:
    """署名 centred over the date, the longer of the two 右空二字 (GB/T 9704 §7.3.5.2)."""
    document.add_paragraph(style=styles[BODY])  # 正文下空一行
    shift = (text_width(date) - text_width(unit)) / 2
    for text, right in ((unit, 2 + max(shift, 0)), (date, 2 + max(-shift, 0))):
        para = document.add_paragraph(text, style=styles[SIGN])
        ind = para._p.get_or_add_pPr().get_or_add_ind()
        ind.set(qn("w:rightChars"), str(round(right * 100)))
        ind.set(qn("w:right"), str(G.twips(right * G.BODY_SIZE_PT)))


def _add_pending(document, styles: dict, data: ExportData, pending: list[Row]) -> None:
    """附件 on a new page: its mark in 黑体 at the left, a title, one line per task still to report."""
    mark = document.add_paragraph(style=styles[ANNEX])
    mark.add_run().add_break(WD_BREAK.PAGE)
    mark.add_run("附件")
    document.add_paragraph(style=styles[BODY])
    _add_title(document, styles[TITLE], PENDING_TITLE)
    document.add_paragraph(style=styles[BODY])
    for i, row in enumerate(pending, start=1):
        who = f"本单位{row.role_text}" if data.scope and row.role else "；".join(row.unit_lines)
        facts = "；".join(f for f in (who, row.deadline_text and f"时限：{row.deadline_text}",
                                       row.node.status.zh) if f)
        document.add_paragraph(f"{i}．{row.node.title}（{facts}）", style=styles[BODY])
