"""Chinese fonts in Word files: East-Asian font names on styles, and fallbacks in the font table.

python-docx's `font.name` sets only w:ascii/w:hAnsi, which leaves Chinese text in the theme's
East-Asian font; here every one of the four w:rFonts slots is set. Curly quotes and digits then
print in the same face as the Chinese around them.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from core.export import gbt9704 as G

FONT_TABLE_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RFONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

# What Word needs to guess a substitute when neither the font nor any altName is installed:
# charset 86 (GB2312) and the panose class of a Song/Hei-style face.
_PANOSE = {
    "宋体": ("02010600030101010101", "auto", "variable"),
    "方正小标宋简体": ("02010600030101010101", "auto", "variable"),
    "黑体": ("02010609060101010101", "modern", "fixed"),
    "仿宋_GB2312": ("02010609030101010101", "modern", "fixed"),
    "楷体_GB2312": ("02010609030101010101", "modern", "fixed"),
}
_GB2312_SIG = ('w:usb0="00000001" w:usb1="080E0000" w:usb2="00000010" w:usb3="00000000" '
               'w:csb0="00040000" w:csb1="00000000"')


def set_rfonts(rpr, name: str) -> None:
    """Point all four font slots of a w:rPr at `name` and drop theme fonts that would override."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for slot in THEME_SLOTS:
        rfonts.attrib.pop(qn(slot), None)
    for slot in RFONT_SLOTS:
        rfonts.set(qn(slot), name)


def east_asian_name(rpr) -> str | None:
    rfonts = None if rpr is None else rpr.find(qn("w:rFonts"))
    return None if rfonts is None else rfonts.get(qn("w:eastAsia"))


def style_font(style, name: str, size_pt: float, bold: bool = False) -> None:
    """Give a style its Chinese font, size and weight; no colour, no italics."""
    font = style.font
    font.size = Pt(size_pt)
    font.bold = bold
    font.italic = False
    set_rfonts(style.element.get_or_add_rPr(), name)
    rpr = style.element.rPr
    color = rpr.find(qn("w:color"))
    if color is not None:
        rpr.remove(color)


def add_paragraph_style(document, name: str, style_id: str, base=None):
    """A new paragraph style with an ASCII id (Word's own ids for Chinese names are opaque)."""
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), style_id)
    if base is not None:
        style.base_style = base
    style.quick_style = True
    return style


def set_document_language(document, body_font: str, size_pt: float) -> None:
    """Document defaults: Chinese language for East-Asian text, the body font everywhere."""
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    set_rfonts(rpr, body_font)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")
    for el in rpr.findall(qn("w:sz")) + rpr.findall(qn("w:szCs")):
        el.set(qn("w:val"), str(round(size_pt * 2)))


def _font_xml(name: str, fallbacks: tuple[str, ...]) -> str:
    panose, family, pitch = _PANOSE.get(name, ("02010600030101010101", "auto", "variable"))
    alt = fallbacks[0]
    return (f'<w:font xmlns:w="{W_NS}" w:name="{name}"><w:altName w:val="{alt}"/>'
            f'<w:panose1 w:val="{panose}"/><w:charset w:val="86"/><w:family w:val="{family}"/>'
            f'<w:pitch w:val="{pitch}"/><w:sig {_GB2312_SIG}/></w:font>')


def font_table(document):
    """The document's fontTable part (python-docx keeps it as a plain blob part)."""
    for rel in document.part.rels.values():
        if rel.reltype == FONT_TABLE_RELTYPE:
            return rel.target_part
    return None


def add_font_fallbacks(document, fallbacks: dict[str, tuple[str, ...]] = G.FONT_FALLBACKS) -> None:
    """Declare each Chinese font in fontTable.xml with its w:altName fallback and GB2312 charset."""
    part = font_table(document)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    for font in root.findall(qn("w:font")):
        if font.get(qn("w:name")) in fallbacks:
            root.remove(font)
    for name, alts in fallbacks.items():
        root.append(parse_xml(_font_xml(name, alts)))
    # A plain Part has no setter for its bytes; replacing _blob is how its content changes.
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def font_fallbacks(document) -> dict[str, str]:
    """Font name → its w:altName value, as the font table holds them (for tests and checks)."""
    part = font_table(document)
    root = etree.fromstring(part.blob)
    out = {}
    for font in root.findall(qn("w:font")):
        alt = font.find(qn("w:altName"))
        if alt is not None:
            out[font.get(qn("w:name"))] = alt.get(qn("w:val"))
    return out
