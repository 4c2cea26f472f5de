"""The layout numbers of GB/T 9704-2012 (党政机关公文格式) and of the landscape ledger, in one place.

Every export module reads its margins, fonts and sizes from here, and the tests check against
these same names, so a correction is made once.
"""

from __future__ import annotations

import math

# -- page --------------------------------------------------------------------------------
A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0

# Report (portrait): 天头 37 mm, 订口 28 mm; the text block is 156 mm × 225 mm.
MARGIN_TOP_MM = 37.0
MARGIN_BOTTOM_MM = 35.0
MARGIN_LEFT_MM = 28.0
MARGIN_RIGHT_MM = 26.0

# Ledger (landscape): not fixed by the standard; narrow enough for a wide table.
LEDGER_MARGIN_TOP_MM = 25.0
LEDGER_MARGIN_BOTTOM_MM = 22.0
LEDGER_MARGIN_LEFT_MM = 20.0
LEDGER_MARGIN_RIGHT_MM = 20.0
LEDGER_FOOTER_DISTANCE_MM = 10.0

# -- sizes (Chinese 字号 → points) ----------------------------------------------------------
ERHAO_PT = 22.0  # 二号
SANHAO_PT = 16.0  # 三号
SIHAO_PT = 14.0  # 四号
XIAOSI_PT = 12.0  # 小四
WUHAO_PT = 10.5  # 五号

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH_PT = 28.95  # fixed line spacing: 22 lines fill the 225 mm text block

# -- fonts -------------------------------------------------------------------------------
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING1_FONT = "黑体"
HEADING2_FONT = "楷体_GB2312"
HEADING3_FONT = BODY_FONT  # bold
TABLE_FONT = BODY_FONT
TABLE_HEADER_FONT = "黑体"
PAGE_NUMBER_FONT = "宋体"

TITLE_SIZE_PT = ERHAO_PT
BODY_SIZE_PT = SANHAO_PT
TABLE_SIZE_PT = WUHAO_PT  # the 台账 tables offices circulate: 五号 or 小四
LEDGER_INFO_SIZE_PT = XIAOSI_PT
PAGE_NUMBER_SIZE_PT = SIHAO_PT

# Where a PC lacks a font, Word looks for the font table's w:altName (ISO/IEC 29500-1 §17.8.3.1)
# before guessing from the panose/charset, so 仿宋_GB2312 prints as 仿宋. The standard allows a
# comma list, but Word itself writes one name there, so only the first (the one every Chinese
# Windows has) is written; the rest document the usual Mac/WPS equivalents.
FONT_FALLBACKS: dict[str, tuple[str, ...]] = {
    "仿宋_GB2312": ("仿宋", "FangSong", "STFangsong"),
    "楷体_GB2312": ("楷体", "KaiTi", "STKaiti"),
    "方正小标宋简体": ("宋体", "华文中宋", "STZhongsong"),
    "黑体": ("SimHei", "STHeiti"),
    "宋体": ("SimSun", "STSong"),
}

# -- page numbers ------------------------------------------------------------------------
# 4号半角宋体阿拉伯数字，左右各一条一字线；一字线上距版心下边缘 7 mm；单页右空一字，双页左空一字.
PAGE_NUMBER_DASH = "\u2014"  # 一字线
PAGE_NUMBER_GAP_MM = 7.0
PT_TO_MM = 25.4 / 72
FOOTER_DISTANCE_MM = MARGIN_BOTTOM_MM - PAGE_NUMBER_GAP_MM - PAGE_NUMBER_SIZE_PT * PT_TO_MM
HEADER_DISTANCE_MM = 15.0


def char_condense_twips(width_mm: float = A4_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM,
                        size_pt: float = BODY_SIZE_PT, chars: int = CHARS_PER_LINE) -> int:
    """Character spacing (w:spacing, 1/20 pt, negative = condensed) that fits `chars` on a line.

    Word alone would honour a character grid (w:docGrid linesAndChars); WPS and LibreOffice put
    a glyph wider than the grid cell into two cells. Condensing every character works in all three.
    """
    pitch = width_mm / PT_TO_MM / chars
    return math.floor((pitch - size_pt) * 20)


def chars_per_line(size_pt: float, width_mm: float = A4_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM) -> float:
    """How many full-width characters of `size_pt` fit across `width_mm` (the report's text width)."""
    return width_mm / PT_TO_MM / size_pt


def twips(pt: float) -> int:
    return round(pt * 20)
