"""A spreadsheet's cells as the table stage wants them, whichever workbook format they came from.

Shared by the .xlsx and .xls readers so a 台账 reads the same from Excel 97 and Excel 2007+:
only rows and columns with content, hidden ones dropped, merged ranges expanded (the covered
cells repeat the top-left text and are flagged), a leading one-cell title row as a Paragraph.
"""

from __future__ import annotations

from core.errors import InputError
from core.messages import Notice
from core.readers.document import Cell, Paragraph, Table

MAX_GRID_CELLS = 500_000  # rows × columns with content; a plan 台账 has a few hundred

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (inclusive)


def grid_blocks(values: dict[tuple[int, int], str], merges: list[Merge], hidden_rows: set[int],
                hidden_cols: set[int]) -> list[Paragraph | Table]:
    """Non-empty cell texts by (row, column) as an optional title Paragraph and a Table."""
    if not values:
        return []
    max_r = max(r for r, _ in values)
    max_c = max(c for _, c in values)
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for r0, c0, r1, c1 in merges:
        r1, c1 = min(r1, max_r), min(c1, max_c)
        if (r1 - r0 + 1) * (c1 - c0 + 1) > MAX_GRID_CELLS:
            continue  # a merge over half the sheet is not a 台账 cell; keep the text unmerged
        spans[(r0, c0)] = (r1, c1)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    covered[(r, c)] = (r0, c0)
                    values.pop((r, c), None)  # Excel shows only the top-left value
    rows = [r for r in sorted({r for r, _ in values}) if r not in hidden_rows]
    cols = [c for c in sorted({c for _, c in values}) if c not in hidden_cols]
    if not rows or not cols:
        return []
    if len(rows) * len(cols) > MAX_GRID_CELLS:
        raise InputError("corrupt", detail=Notice("detail_sheet_sprawl"))
    grid = [[_cell(values, covered, r, c) for c in cols] for r in rows]
    blocks: list[Paragraph | Table] = []
    while len(grid) > 1 and len(cols) > 1 and _is_title_row(grid[0], rows[0], cols, spans):
        blocks.append(Paragraph(grid[0][0].text))
        grid.pop(0)
        rows.pop(0)
    blocks.append(Table(grid))
    return blocks


def _cell(values: dict, covered: dict, r: int, c: int) -> Cell:
    origin = covered.get((r, c))
    if origin is None:
        return Cell(values.get((r, c), ""))
    return Cell(values.get(origin, ""), merged_up=r > origin[0], merged_left=c > origin[1])


def _is_title_row(row: list[Cell], r: int, cols: list[int], spans: dict) -> bool:
    """A leading row whose only text is one cell, merged across the table or alone in the row."""
    origins = [cell for cell in row if cell.text and not cell.merged_left and not cell.merged_up]
    if len(origins) != 1 or not row[0].text or row[0].merged_up:
        return False
    span = spans.get((r, cols[0]))
    spans_all = span is not None and span[1] >= cols[-1]
    return spans_all or all(not cell.text for cell in row[1:])
