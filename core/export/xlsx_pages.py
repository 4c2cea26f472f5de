"""Where the Excel 台账's printed pages end, so a section row is never the last row of a page.

A spreadsheet has no "keep with next": Excel and LibreOffice break pages wherever the rows run
out. The writer sets every row's height from its wrapped lines (counted here as LibreOffice sets
them) and prints at a fixed scale its columns fill the page's width at, so the pages can be laid
out here and fixed with manual row breaks, each page filled to within FILL of its height.
"""

from __future__ import annotations

from dataclasses import dataclass

PT_PER_INCH = 72.0
MM_PER_INCH = 25.4
FILL = 0.985  # of the page height: the scale is fixed and the rows' heights are set, so little is lost
SCALES = tuple(s / 100 for s in range(80, 91))  # the print scales tried: 11 pt text printed as 8.8–9.9 pt
TARGET_FILL = 0.85  # a page fuller than this (of its height) is a full page
CELL_PADDING_PT = 4.0  # a cell's inner margins, left and right together
LINE_EM = 1.45  # a wrapped line of Noto CJK (the fonts the aliases map to): ascent + descent
ROW_PADDING_PT = 3.0  # above and below the lines of a row


@dataclass(frozen=True)
class Page:
    """The printable area of the sheet's paper, in points (the orientation applied)."""

    width_pt: float
    height_pt: float

    @classmethod
    def a4(cls, landscape: bool, left: float, right: float, top: float, bottom: float) -> Page:
        """A4 less the margins (inches, as openpyxl keeps them)."""
        long, short = 297 / MM_PER_INCH * PT_PER_INCH, 210 / MM_PER_INCH * PT_PER_INCH
        wide, high = (long, short) if landscape else (short, long)
        return cls(wide - (left + right) * PT_PER_INCH, high - (top + bottom) * PT_PER_INCH)


LO_CHAR_PT = 5.55  # LibreOffice prints a width unit wider than Excel (measured on its PDF)


def column_pt(width_chars: float) -> float:
    """Excel's column width (in characters of the default font) as printed points."""
    return (width_chars * 7 + 5) * 0.75


def printed_pt(width_chars: float) -> float:
    """The wider of Excel's and LibreOffice's printed column: what must fit across the page."""
    return max(column_pt(width_chars), width_chars * LO_CHAR_PT)


def width_chars(page: Page, factor: float, columns: int) -> float:
    """The total Excel width (in characters) that fills the page's width at `factor`, whichever
    program prints it (the lines are counted at Excel's narrower width)."""
    room = page.width_pt / factor * 0.995
    return min((room / 0.75 - 5 * columns) / 7, room / LO_CHAR_PT)


def char_em(ch: str) -> float:
    """A character's advance in ems as LibreOffice sets CJK cells: ASCII letters and digits a
    generous half, a space a third, everything else — ASCII punctuation too — a whole em."""
    if ch == " ":
        return 0.33
    return 0.6 if ch.isascii() and ch.isalnum() else 1.0


def _tokens(text: str) -> list[str]:
    """The pieces a line breaks between: each CJK character, each run of ASCII without spaces."""
    out: list[str] = []
    for ch in text:
        if ord(ch) < 128 and ch != " " and out and out[-1][-1:].isascii() and out[-1][-1] != " ":
            out[-1] += ch
        else:
            out.append(ch)
    return out


def text_lines(text: str, column_chars: float, font_pt: float) -> int:
    """Lines a wrapped cell of `font_pt` text needs in a column `column_chars` wide, laid out the
    way LibreOffice wraps: whole ASCII words, CJK anywhere (it sets a lone "。" on the last line)."""
    room = (column_pt(column_chars) - CELL_PADDING_PT) / font_pt  # in ems
    total = 0
    for part in text.split("\n"):
        lines, used = 1, 0.0
        for token in _tokens(part):
            em = sum(char_em(c) for c in token)
            if used + em > room + 1e-6 and used > 0:
                lines, used = lines + 1, 0.0
            while em > room:  # a word longer than the line is cut
                lines, em = lines + 1, em - room
            used += em
        total += lines
    return total


def row_height(lines: int, font_pt: float) -> float:
    return lines * font_pt * LINE_EM + ROW_PADDING_PT


def page_fills(breaks: list[int], heights: dict[int, float], header_pt: float, top_pt: float,
               page: Page, factor: float) -> list[float]:
    """How full each printed page is (0–1 of its height) with the table broken after `breaks`."""
    fills, used = [], top_pt
    ends = set(breaks)
    for row in sorted(heights):
        used += heights[row]
        if row in ends:
            fills.append(used * factor / page.height_pt)
            used = header_pt
    return [*fills, used * factor / page.height_pt]


def row_breaks(heights: dict[int, float], sections: set[int], first_row: int, header_pt: float,
               top_pt: float, page: Page, factor: float) -> list[int]:
    """Rows (1-based) after which a page ends: the fewest pages, and of those the breaks whose
    fullest-possible emptiest page (the last left out) is fullest; no page ends on a section row.

    `heights`: every row of the table from `first_row` on; `header_pt`: the repeated header row;
    `top_pt`: what stands above the table on page 1 (title, 填报单位 line, header).
    """
    capacity = page.height_pt * FILL / factor
    rows = sorted(heights)
    n = len(rows)
    # best[j]: (pages, -emptiest fill, breaks) for the rows before index j, ending a page at j
    best: list[tuple[int, float, list[int]] | None] = [None] * (n + 1)
    best[0] = (0, -1.0, [])
    for j in range(1, n + 1):
        if j < n and rows[j - 1] in sections:
            continue  # a section row never ends a page (the last row may be anything)
        used = 0.0
        for i in range(j - 1, -1, -1):
            used += heights[rows[i]]
            room = (top_pt if i == 0 else header_pt) + used
            if room > capacity and i < j - 1:
                break  # a row taller than a page still gets a page of its own
            if best[i] is None:
                continue
            pages, neg_fill, breaks = best[i]
            fill = room / capacity
            got = (pages + 1, neg_fill if j == n else max(neg_fill, -fill),
                   breaks + ([rows[i] - 1] if i > 0 else []))
            if best[j] is None or got[:2] < best[j][:2]:
                best[j] = got
    return [b for b in best[n][2] if b >= first_row] if best[n] else []
