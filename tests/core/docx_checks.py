"""Reading back what a Word export declares: East-Asian fonts through the style chain, fields, rows."""

from __future__ import annotations

from docx.oxml.ns import qn


def style_chain(style):
    while style is not None:
        yield style
        style = style.base_style


def east_asian_font(paragraph) -> str | None:
    """The East-Asian font a paragraph's text prints in: run, then paragraph style, then its bases."""
    for run in paragraph.runs:
        rfonts = run._r.rPr.find(qn("w:rFonts")) if run._r.rPr is not None else None
        if rfonts is not None and rfonts.get(qn("w:eastAsia")):
            return rfonts.get(qn("w:eastAsia"))
    for style in style_chain(paragraph.style):
        rpr = style.element.rPr
        rfonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        if rfonts is not None and rfonts.get(qn("w:eastAsia")):
            return rfonts.get(qn("w:eastAsia"))
    return None


def font_size_pt(paragraph) -> float | None:
    for style in style_chain(paragraph.style):
        if style.font.size is not None:
            return style.font.size.pt
    return None


def bold(paragraph) -> bool:
    for style in style_chain(paragraph.style):
        if style.font.bold is not None:
            return style.font.bold
    return False


def has_page_field(footer) -> bool:
    instr = "".join(t.text or "" for t in footer._element.iter(qn("w:instrText")))
    simple = [f.get(qn("w:instr")) for f in footer._element.iter(qn("w:fldSimple"))]
    return "PAGE" in instr.split() or any("PAGE" in (s or "").split() for s in simple)


def row_flags(row) -> tuple[bool, bool]:
    """(repeats as header, may not split) of a table row."""
    tr_pr = row._tr.trPr
    if tr_pr is None:
        return False, False
    return tr_pr.find(qn("w:tblHeader")) is not None, tr_pr.find(qn("w:cantSplit")) is not None


def cell_text(cell) -> str:
    return "\n".join(p.text for p in cell.paragraphs)
