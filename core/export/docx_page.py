"""Page set-up shared by both Word exports: A4 geometry, the text grid and "— 1 —" page numbers."""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from core.export import gbt9704 as G
from core.export.docx_fonts import add_font_fallbacks, add_paragraph_style, set_document_language, style_font

PAGE_NUMBER_STYLE = "页码"


def new_document(body_font: str, body_size_pt: float):
    """A blank document with Chinese defaults and the font fallbacks declared."""
    document = Document()
    set_document_language(document, body_font, body_size_pt)
    normal = document.styles["Normal"]
    style_font(normal, body_font, body_size_pt)
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    add_font_fallbacks(document)
    core = document.core_properties
    core.author = core.last_modified_by = "要点台账"
    core.comments = ""
    return document


def set_page(section, landscape: bool, top: float, bottom: float, left: float, right: float,
             footer: float = G.FOOTER_DISTANCE_MM) -> None:
    """A4 in the given orientation and margins (mm)."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    wide, high = (G.A4_HEIGHT_MM, G.A4_WIDTH_MM) if landscape else (G.A4_WIDTH_MM, G.A4_HEIGHT_MM)
    section.page_width, section.page_height = Mm(wide), Mm(high)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance = Mm(G.HEADER_DISTANCE_MM)
    section.footer_distance = Mm(footer)
    section.gutter = Mm(0)


def set_text_grid(document, section) -> None:
    """22 lines of 28 characters (GB/T 9704 §5.2.2): a line grid, and characters condensed to fit."""
    sect_pr = section._sectPr
    old = sect_pr.find(qn("w:docGrid"))
    if old is not None:
        sect_pr.remove(old)
    sect_pr.append(parse_xml(f'<w:docGrid {nsdecls("w")} w:type="lines" '
                             f'w:linePitch="{G.twips(G.LINE_PITCH_PT)}"/>'))
    rpr = document.styles["Normal"].element.get_or_add_rPr()
    spacing = rpr.find(qn("w:spacing"))
    if spacing is None:
        spacing = rpr.makeelement(qn("w:spacing"), {})
        rpr.insert_element_before(spacing, "w:w", "w:kern", "w:position", "w:sz", "w:szCs",
                                  "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText",
                                  "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                                  "w:specVanish", "w:oMath")
    spacing.set(qn("w:val"), str(G.char_condense_twips()))


def add_page_number_style(document):
    style = add_paragraph_style(document, PAGE_NUMBER_STYLE, "TZPageNumber")
    style_font(style, G.PAGE_NUMBER_FONT, G.PAGE_NUMBER_SIZE_PT)
    fmt = style.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    return style


def _page_field_runs() -> list:
    """A PAGE field as Word writes it: begin, instruction, separate, shown value, end."""
    w = nsdecls("w")
    return [
        parse_xml(f'<w:r {w}><w:t xml:space="preserve">{G.PAGE_NUMBER_DASH} </w:t></w:r>'),
        parse_xml(f'<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>'),
        parse_xml(f'<w:r {w}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'),
        parse_xml(f'<w:r {w}><w:fldChar w:fldCharType="separate"/></w:r>'),
        parse_xml(f'<w:r {w}><w:t>1</w:t></w:r>'),
        parse_xml(f'<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>'),
        parse_xml(f'<w:r {w}><w:t xml:space="preserve"> {G.PAGE_NUMBER_DASH}</w:t></w:r>'),
    ]


def _fill_footer(footer, align, indent_side: str | None) -> None:
    footer.is_linked_to_previous = False
    para = footer.paragraphs[0]
    para.style = PAGE_NUMBER_STYLE
    para.alignment = align
    if indent_side:  # 空一字: one 四号 character in from the edge
        ind = para._p.get_or_add_pPr().get_or_add_ind()
        ind.set(qn(f"w:{indent_side}Chars"), "100")
        ind.set(qn(f"w:{indent_side}"), str(G.twips(G.PAGE_NUMBER_SIZE_PT)))
    for run in _page_field_runs():
        para._p.append(run)


def add_page_numbers(document, section, odd_even: bool) -> None:
    """"— 1 —" in 宋体 四号: odd pages right and even pages left, or centred on every page."""
    add_page_number_style(document)
    if odd_even:
        document.settings.odd_and_even_pages_header_footer = True
        _fill_footer(section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right")
        _fill_footer(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left")
    else:
        _fill_footer(section.footer, WD_ALIGN_PARAGRAPH.CENTER, None)


def convert_text(document, convert) -> None:
    """Put every piece of text the document prints — body, headers, footers — through `convert`
    (the export's one script), the template's own words included."""
    parts = [document.element.body]
    for section in document.sections:
        for part in (section.header, section.footer, section.even_page_header, section.even_page_footer,
                     section.first_page_header, section.first_page_footer):
            if not part.is_linked_to_previous:
                parts.append(part._element)
    for root in parts:
        for t in root.iter(qn("w:t")):
            if t.text:
                t.text = convert(t.text)
    for style in document.styles:  # the style gallery Word shows is part of the document too
        if style.name and not style.name.isascii():
            style.name = convert(style.name)
    core = document.core_properties
    core.title = convert(core.title or "")
