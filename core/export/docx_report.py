"""The 报告 in Word: a narrative laid out as a GB/T 9704-2012 official document, A4 portrait.

Title, a summary paragraph written from the figures, the plan's own headings with each task's
完成情况 under it, then the reporting unit and the date.
"""

from __future__ import annotations

import math
import re

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from core.export import gbt9704 as G
from core.export.data import ExportData, Row, percent_text, zh_date
from core.export.docx_fonts import add_paragraph_style, style_font
from core.export.docx_page import add_page_numbers, new_document, set_page, set_text_grid
from core.status import Status

TITLE, BODY, H1, H2, H3, SIGN = "公文标题", "公文正文", "一级标题", "二级标题", "三级标题", "落款"
STYLE_IDS = {TITLE: "TZTitle", BODY: "TZBody", H1: "TZHeading1", H2: "TZHeading2", H3: "TZHeading3",
             SIGN: "TZSignature"}
# style name → (font, size, bold, outline level or None, first-line indent in characters)
STYLE_SPECS = {
    TITLE: (G.TITLE_FONT, G.TITLE_SIZE_PT, False, None, 0),
    BODY: (G.BODY_FONT, G.BODY_SIZE_PT, False, None, 2),
    H1: (G.HEADING1_FONT, G.BODY_SIZE_PT, False, 0, 2),
    H2: (G.HEADING2_FONT, G.BODY_SIZE_PT, False, 1, 2),
    H3: (G.HEADING3_FONT, G.BODY_SIZE_PT, True, 2, 2),
    SIGN: (G.BODY_FONT, G.BODY_SIZE_PT, False, None, 0),
}
HEADING_BY_DEPTH = (H1, H2, H3)
LEVEL1_LABEL = re.compile(r"^[一二三四五六七八九十百]+[、.．]")
LEVEL2_LABEL = re.compile(r"^[（(][一二三四五六七八九十百]+[）)]")
AFTER_SNAP = ("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
              "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
              "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
EMPTY_NOTE = "（未填写完成情况）"
TITLE_TAIL = "落实情况的报告"
NO_LINE_START = "，。、；：？！）》」』”’〕"
TITLE_CHARS_PER_LINE = int((G.A4_WIDTH_MM - G.MARGIN_LEFT_MM - G.MARGIN_RIGHT_MM) / G.PT_TO_MM // G.TITLE_SIZE_PT)


def write_report(data: ExportData, out) -> None:
    document = new_document(G.BODY_FONT, G.BODY_SIZE_PT)
    section = document.sections[0]
    set_page(section, False, G.MARGIN_TOP_MM, G.MARGIN_BOTTOM_MM, G.MARGIN_LEFT_MM, G.MARGIN_RIGHT_MM)
    _add_styles(document)
    set_text_grid(document, section)
    add_page_numbers(document, section, odd_even=True)
    title = document.add_paragraph(style=TITLE)
    for i, line in enumerate(title_lines(report_title(data))):
        run = title.add_run(line)
        if i:
            run._r.insert(0, run._r.makeelement(qn("w:br"), {}))
    document.add_paragraph(style=BODY)  # 标题下空一行
    document.add_paragraph(summary_text(data), style=BODY)
    styles = {name: document.styles[name] for name in STYLE_SPECS}  # a name lookup scans every style
    for row in data.rows:
        _add_row(document, styles, row, data.options.sections)
    _add_signature(document, data.reporter, zh_date(data.as_of))
    document.save(str(out))


def report_title(data: ExportData) -> str:
    return f"关于{data.plan.title}落实情况的报告"


def title_lines(title: str) -> list[str]:
    """Break a long title where the sense allows, in lines of similar length (GB/T 9704 §7.3.3)."""
    if _width(title) <= TITLE_CHARS_PER_LINE:
        return [title]
    head, tail = title[:-len(TITLE_TAIL)], TITLE_TAIL
    if title.endswith(TITLE_TAIL) and _width(head) <= TITLE_CHARS_PER_LINE:
        return [head, tail]
    n = math.ceil(_width(title) / TITLE_CHARS_PER_LINE)
    cuts = [_cut_near(title, round(k * len(title) / n)) for k in range(1, n)]
    return [title[a:b] for a, b in zip([0, *cuts], [*cuts, len(title)], strict=True)]


def _cut_near(text: str, at: int) -> int:
    """The break nearest `at` that splits no number or word and starts no line with punctuation."""
    for offset in sorted(range(-6, 7), key=abs):
        i = at + offset
        if 0 < i < len(text) and not (text[i - 1].isascii() and text[i].isascii()) \
                and text[i] not in NO_LINE_START:
            return i
    return at


def summary_text(data: ExportData) -> str:
    """The opening paragraph: what was asked, and where things stand in figures."""
    r, plan, opts = data.summary, data.plan, data.options
    counts = [f"{s.zh}{r.counts[s]}项" for s in (Status.DONE, Status.ONGOING, Status.DOING, Status.TODO)]
    if r.counts[Status.NA]:
        counts.append(f"{Status.NA.zh}{r.counts[Status.NA]}项")
    basis = f"《{plan.title}》" + (f"（{plan.doc_number}）" if plan.doc_number else "")
    who = data.reporter or "我单位"
    scope = f"涉及{opts.unit}的工作任务" if opts.unit else "工作任务"
    rate = f"完成率{percent_text(r)}%" + ("（不含不适用事项）" if r.counts[Status.NA] else "")
    late = f"逾期未完成{r.overdue}项" if r.overdue else "无逾期未完成任务"
    text = (f"按照{basis}部署要求，{who}对照任务逐项抓好落实。截至{zh_date(data.as_of)}，{scope}共"
            f"{r.total}项，其中{'、'.join(counts)}，{rate}，{late}。")
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


def _exact(style) -> None:
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(G.LINE_PITCH_PT)
    fmt.space_before = fmt.space_after = Pt(0)


def _add_row(document, styles: dict, row: Row, sections: bool) -> None:
    style = HEADING_BY_DEPTH[heading_level(row)] if sections else H3
    para = document.add_paragraph(row.heading, style=styles[style])
    if not row.is_task:
        return
    para.add_run(f"（{row.node.status.zh}{'，已逾期' if row.overdue else ''}）")
    lines = [line.strip() for line in row.node.note.splitlines() if line.strip()] or [EMPTY_NOTE]
    for line in lines:
        document.add_paragraph(line, style=styles[BODY])


def heading_level(row: Row) -> int:
    """0 for 一、, 1 for （一）, 2 for 1. and for any task: the label's form, not the depth, decides
    (a section 三、 may hold its tasks directly, with no （一） between)."""
    label = row.node.label.strip()
    if LEVEL1_LABEL.match(label):
        return 0
    if LEVEL2_LABEL.match(label):
        return 1
    return 2 if row.is_task or label[:1].isdigit() else min(row.depth, 2)


def _width(text: str) -> float:
    """Printed width in characters: half-width for ASCII digits and letters."""
    return sum(0.5 if ord(ch) < 128 else 1.0 for ch in text)


def _add_signature(document, unit: str, date: str) -> None:
    """署名 centred over the date, the longer of the two 右空二字 (GB/T 9704 §7.3.5.2)."""
    document.add_paragraph(style=BODY)  # 正文下空一行
    shift = (_width(date) - _width(unit)) / 2
    for text, right in ((unit, 2 + max(shift, 0)), (date, 2 + max(-shift, 0))):
        if not text:
            continue
        para = document.add_paragraph(text, style=SIGN)
        ind = para._p.get_or_add_pPr().get_or_add_ind()
        ind.set(qn("w:rightChars"), str(round(right * 100)))
        ind.set(qn("w:right"), str(G.twips(right * G.BODY_SIZE_PT)))
