"""Ruled tables on a PDF page, rebuilt as a grid from the lines drawn around their cells.

A 分解表 printed to PDF (from Word, WPS or LibreOffice) keeps no table, only glyphs and the
thin strokes of the cell borders. Read as text, each cell's wrapped lines come out one by
one and the columns are lost. The strokes are the evidence: their x positions give the
columns, their y positions the rows, and a border missing between two cells is a merge.
Pure functions over rules and positioned characters, so they can be tested without a PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.readers.document import Cell, Table

THIN = 2.5  # a stroke at most this thick (points) is a border
MIN_RULE = 6.0  # shorter strokes are underlines, bullets or dashes
SNAP = 2.0  # borders this close are one
MAX_COLUMNS, MAX_ROWS = 30, 200  # a plan table's page holds a few columns and some tens of rows
_LABEL_START = re.compile(r"^(?:\d{1,3}\s*[.．、]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]+、|[①-⑳])")


@dataclass(frozen=True)
class Rule:
    """One border stroke: horizontal (y fixed, x0..x1) or vertical (x fixed, y0..y1)."""

    horizontal: bool
    at: float
    start: float
    end: float


@dataclass(frozen=True)
class Char:
    text: str
    left: float
    bottom: float
    right: float
    top: float


def rules_from_boxes(boxes: list[tuple[float, float, float, float]]) -> list[Rule]:
    """Thin boxes (left, bottom, right, top) as rules; a framed rectangle gives its four sides."""
    out: list[Rule] = []
    for left, bottom, right, top in boxes:
        width, height = right - left, top - bottom
        if height <= THIN and width >= MIN_RULE:
            out.append(Rule(True, (bottom + top) / 2, left, right))
        elif width <= THIN and height >= MIN_RULE:
            out.append(Rule(False, (left + right) / 2, bottom, top))
    return out


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def _covers(rules: list[Rule], at: float, point: float) -> bool:
    return any(abs(r.at - at) <= SNAP and r.start - SNAP <= point <= r.end + SNAP for r in rules)


@dataclass
class Grid:
    """A ruled table: column borders left to right, row borders top to bottom (PDF y runs up)."""

    xs: list[float]
    ys: list[float]
    origin: dict[tuple[int, int], tuple[int, int]]  # cell → the top-left cell of its merge

    def contains(self, x: float, y: float) -> bool:
        return self.xs[0] <= x <= self.xs[-1] and self.ys[-1] <= y <= self.ys[0]

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        if not self.contains(x, y):
            return None
        col = max(i for i, v in enumerate(self.xs[:-1]) if v <= x)
        row = max(i for i, v in enumerate(self.ys[:-1]) if v >= y)
        return row, col


def find_grid(rules: list[Rule]) -> Grid | None:
    """The table the rules draw, when they draw one of at least two columns."""
    vs = [r for r in rules if not r.horizontal]
    if not vs:
        return None
    low, high = min(r.start for r in vs) - SNAP, max(r.end for r in vs) + SNAP
    left, right = min(r.at for r in vs) - SNAP, max(r.at for r in vs) + SNAP
    # a rule outside the verticals' reach (the red line under a 公文's head, an underline) is no border
    hs = [r for r in rules if r.horizontal and low <= r.at <= high and r.start >= left - 20 and r.end <= right + 20]
    xs = _snap([r.at for r in vs])
    ys = sorted(_snap([r.at for r in hs]), reverse=True)
    if len(xs) < 3 or len(ys) < 2:
        return None  # a table has two columns at least; one row may be all a page holds of it
    if len(xs) > MAX_COLUMNS + 1 or len(ys) > MAX_ROWS + 1:
        return None  # a drawing, a chart or a form of hundreds of boxes: no plan table
    rows, cols = len(ys) - 1, len(xs) - 1
    origin: dict[tuple[int, int], tuple[int, int]] = {}
    for r in range(rows):
        mid_y = (ys[r] + ys[r + 1]) / 2
        for c in range(cols):
            mid_x = (xs[c] + xs[c + 1]) / 2
            if c and not _covers(vs, xs[c], mid_y):
                origin[(r, c)] = origin[(r, c - 1)]  # no border on the left: merged across
            elif r and not _covers(hs, ys[r], mid_x):
                origin[(r, c)] = origin[(r - 1, c)]  # no border above: merged down
            else:
                origin[(r, c)] = (r, c)
    return Grid(xs, ys, origin)


def _cell_text(chars: list[Char]) -> str:
    """A cell's characters in reading order; wrapped lines joined, a numbered line kept apart."""
    if not chars:
        return ""
    height = max(1.0, sorted(c.top - c.bottom for c in chars)[len(chars) // 2])
    lines: list[list[Char]] = []
    for ch in sorted(chars, key=lambda c: (-(c.top + c.bottom) / 2, c.left)):
        middle = (ch.top + ch.bottom) / 2  # digits and 、 sit lower than CJK glyphs: compare middles
        if lines and abs((lines[-1][0].top + lines[-1][0].bottom) / 2 - middle) <= height * 0.6:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    texts = ["".join(c.text for c in sorted(line, key=lambda c: c.left)).strip() for line in lines]
    out = ""
    for text in texts:
        if out and _LABEL_START.match(text):
            out += "\n" + text
        else:
            out += text
    return out


def table_from(grid: Grid, chars: list[Char]) -> Table:
    """The grid filled with the characters whose centres fall in its cells."""
    by_cell: dict[tuple[int, int], list[Char]] = {}
    for ch in chars:
        at = grid.cell_at((ch.left + ch.right) / 2, (ch.bottom + ch.top) / 2)
        if at is not None:
            by_cell.setdefault(grid.origin[at], []).append(ch)
    texts = {cell: _cell_text(found) for cell, found in by_cell.items()}
    rows: list[list[Cell]] = []
    for r in range(len(grid.ys) - 1):
        row = []
        for c in range(len(grid.xs) - 1):
            o = grid.origin[(r, c)]
            row.append(Cell(texts.get(o, ""), merged_up=o[0] < r, merged_left=o[1] < c))
        rows.append(row)
    return Table(rows=rows)
