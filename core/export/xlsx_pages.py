"""Where the Excel 台账's printed pages end, so a section row is never the last row of a page.

A spreadsheet has no "keep with next": Excel and LibreOffice break pages wherever the rows run
out. The sheet's row heights are set by the writer and its columns are scaled to the page width,
so the pages can be laid out here and fixed with manual row breaks — a little short of the page,
so the program's own breaks never fall between ours.
"""

from __future__ import annotations

from dataclasses import dataclass

PT_PER_INCH = 72.0
MM_PER_INCH = 25.4
FILL = 0.96  # of the estimated page height: room for the printer's rounding of the scale


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


def column_pt(width_chars: float) -> float:
    """Excel's column width (in characters of the default font) as printed points."""
    return (width_chars * 7 + 5) * 0.75


def scale(page: Page, column_widths: list[float]) -> float:
    """The fit-to-one-page-wide factor (never above 100%)."""
    return min(1.0, page.width_pt / sum(column_pt(w) for w in column_widths))


def row_breaks(heights: dict[int, float], sections: set[int], first_row: int, header_pt: float,
               top_pt: float, page: Page, factor: float) -> list[int]:
    """Rows (1-based) after which a page ends: each page as full as it safely gets, a section row
    moved to the next page when the task under it would not fit beside it.

    `heights`: every row of the table from `first_row` on; `header_pt`: the repeated header row;
    `top_pt`: what stands above the table on page 1 (title, 填报单位 line, header).
    """
    capacity = page.height_pt * FILL / factor
    breaks: list[int] = []
    used = top_pt
    rows = sorted(heights)
    for i, row in enumerate(rows):
        height = heights[row]
        need = height + (heights[rows[i + 1]] if row in sections and i + 1 < len(rows) else 0)
        if used + need > capacity and used > header_pt:
            breaks.append(row - 1)
            used = header_pt
        used += height
    return [b for b in breaks if b >= first_row]
