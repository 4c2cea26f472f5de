"""Tables from positioned lines (OFD pages, OCR'd scans): columns, rows, wrapped cells, merges.

Runs of lines with several segments are a table: its columns are where segments start. In a
ruled table a row starts below a drawn rule and an empty cell with no rule above it is covered
by the cell above (merged); without rules, a line whose every segment continues a cell that
ran full on the line above is that cell's wrapped text rather than a new row.
"""

from __future__ import annotations

import re

from core.readers.document import Cell, Table
from core.readers.pdf_lines import join_text
from core.readers.positioned import PageLine, Segment

FULL_SLACK = 2.5  # em: a cell line ending this close to the column's edge ran on
TABLE_BRIDGE = 4  # lines: single-segment lines between table rows still belong to the table


def table_at(lines: list[PageLine], i: int, vrules: dict) -> int:
    """Where the table starting at line `i` ends, or 0: two multi-segment lines close together,
    or one line of three or more segments (a header row); a lone "unit … date" line is no table."""
    if len(lines[i].segments) < 2:
        return 0
    end = _table_end(lines, i, vrules)
    return end if end > i + 1 or len(lines[i].segments) > 2 else 0


def _table_end(lines: list[PageLine], start: int, vrules: dict) -> int:
    """The index after the table's last line. Multi-segment lines are rows; a one-segment line
    starting at an inner column, or boxed in by drawn vertical rules, is a cell's text; one
    starting at the first column is a section row (spanning the table) or a first cell running
    on, if more rows follow soon."""
    size = lines[start].size
    lefts = [s.left for s in lines[start].segments]
    last = start
    pending = 0
    for k in range(start + 1, len(lines)):
        pl = lines[k]
        if len(pl.segments) > 1:
            lefts.extend(s.left for s in pl.segments)
            last, pending = k, 0
            continue
        first = min(lefts)
        seg = pl.segments[0]
        inner = any(abs(seg.left - x) <= size for x in lefts if x > first + size)
        if inner or _boxed(pl, vrules.get(pl.page, [])):
            last, pending = k, 0
            continue
        pending += 1
        if abs(seg.left - first) > size or pending > TABLE_BRIDGE:
            break
    return last + 1


def _boxed(pl: PageLine, rules: list[tuple[float, float, float]]) -> bool:
    """A one-segment line with a drawn vertical rule on either side of it: inside a ruled table."""
    middle = pl.y - pl.size * 0.5
    around = [x for x, top, bottom in rules if top <= middle <= bottom]
    seg = pl.segments[0]
    return any(x <= seg.left + pl.size * 0.5 for x in around) and any(x >= seg.right - pl.size * 0.5 for x in around)


def _columns(lines: list[PageLine]) -> list[float]:
    lefts = sorted(s.left for pl in lines if len(pl.segments) > 1 for s in pl.segments)
    cols: list[float] = []
    size = max((pl.size for pl in lines), default=3.5)
    for x in lefts:
        if not cols or x - cols[-1] > 1.5 * size:
            cols.append(x)
    return cols


def _column_of(cols: list[float], x: float, size: float) -> int:
    best = 0
    for i, c in enumerate(cols):
        if x >= c - size:
            best = i
    return best


_SENTENCE_END = re.compile(r"[。；;！!？?]$")


def table_from(lines: list[PageLine], hrules: dict | None = None) -> Table:
    """Table lines as rows: a line continues the row above when every segment it has lies in a
    column whose text on the line above ran to the column's edge; otherwise it starts a row.
    In a ruled table, an empty cell with no rule above it is covered by the cell above (merged)."""
    cols = _columns(lines)
    right_edge = [cols[i + 1] for i in range(len(cols) - 1)]
    right_edge.append(max(pl.right for pl in lines))
    rows: list[list[str]] = []
    spans: list[bool] = []
    open_top: list[set[int]] = []  # per row: columns with no rule above them
    above: dict[int, Segment] = {}
    previous: PageLine | None = None
    for pl in lines:
        size = pl.size
        placed = [(_column_of(cols, s.left, size), s) for s in pl.segments]
        page_rules = (hrules or {}).get(pl.page, [])
        if rows and page_rules and previous is not None and previous.page == pl.page:
            # a ruled table: a row starts below a rule; lines with no rule between are one row
            continues = len(_unruled(cols, right_edge, previous, pl, page_rules)) == len(cols)
        else:
            continues = bool(rows) and all(
                k in above and above[k].right >= right_edge[k] - FULL_SLACK * size
                and not _SENTENCE_END.search(above[k].text) for k, _ in placed)
        if continues:
            for k, s in placed:
                rows[-1][k] = join_text(rows[-1][k], s.text)
        else:
            row = [""] * len(cols)
            for k, s in placed:
                row[k] = join_text(row[k], s.text)
            rows.append(row)
            spans.append(len(placed) == 1 and pl.right > right_edge[placed[0][0]] + size)
            open_top.append(_unruled(cols, right_edge, previous, pl, (hrules or {}).get(pl.page, [])))
        above = dict(placed)
        previous = pl
    grid: list[list[Cell]] = []
    for row, span, unruled in zip(rows, spans, open_top, strict=True):
        if span:
            k = next(i for i, t in enumerate(row) if t)
            grid.append([Cell(t) for t in row[:k + 1]] + [Cell(row[k], merged_left=True) for _ in row[k + 1:]])
            continue
        line = []
        for k, text in enumerate(row):
            up = grid[-1][k] if grid else None
            if not text and k in unruled and up is not None and up.text and not up.merged_left:
                line.append(Cell(up.text, merged_up=True))
            else:
                line.append(Cell(text))
        grid.append(line)
    return Table(grid)


def _unruled(cols: list[float], right_edge: list[float], previous: PageLine | None, pl: PageLine,
             hrules: list[tuple[float, float, float]]) -> set[int]:
    """Columns with no horizontal rule between the line above and this row's first line (only
    when the page has rules at all and the row starts on the same page as the line above)."""
    if not hrules or previous is None or previous.page != pl.page:
        return set()
    top, bottom = previous.y - previous.size * 0.5, pl.y - pl.size * 0.5  # between the lines' middles
    out = set()
    for k, left in enumerate(cols):
        mid = (left + right_edge[k]) / 2
        if not any(top < y < bottom and x0 <= mid <= x1 for y, x0, x1 in hrules):
            out.add(k)
    return out
