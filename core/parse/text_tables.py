"""Stage: a table that reached us as lines of text, put back into a Table for the table stage.

A 分解表 copied out of Excel arrives as tab-separated rows; one copied out of a web page or
a Word table arrives one cell per line. Both start with a line of header words
("序号 工作事项 牵头科室 配合科室 完成时间"), which is the evidence: without it the lines stay
lines. One-cell-per-line rows are told apart by the 序号 that opens each of them, and each
cell goes to the next column whose role it fits (a unit name to a unit column, a time limit
to a time column), since empty cells leave no line behind.
"""

from __future__ import annotations

import re

from core.document import Block, Cell, Paragraph, Table
from core.parse.columns import DEADLINE, NOTE, SEQ, UNIT_ROLES, is_header, roles_of
from core.parse.deadlines import find_deadlines, is_time_cell
from core.parse.labels import bare_label
from core.parse.normalise import clean
from core.parse.units import looks_like_unit_cell

_SPLIT = re.compile(r"\t+| {2,}|\u3000+| ")
_MIN_COLUMNS = 3


def header_cells(text: str) -> list[str] | None:
    """The header words of a line that is a table's header row, else None."""
    cells = [c for c in _SPLIT.split(text.strip()) if c]
    if len(cells) < _MIN_COLUMNS or len(cells) > 12:
        return None
    roles = roles_of(cells)
    return cells if all(roles) and is_header(roles) else None


def tables_in_lines(blocks: list[Block]) -> list[Block]:
    """The blocks with each run of lines that is a copied table (see the module doc) made a Table."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        header = header_cells(block.text) if isinstance(block, Paragraph) and not block.label else None
        if header is None:
            out.append(block)
            i += 1
            continue
        rows, used = _tab_rows(blocks, i + 1, len(header))
        if not rows:
            rows, used = _cell_lines(blocks, i + 1, roles_of(header))
        if len(rows) < 2:
            out.append(block)
            i += 1
            continue
        out.append(Table(rows=[[Cell(h) for h in header], *rows]))
        i += 1 + used
    return out


def _tab_rows(blocks: list[Block], start: int, width: int) -> tuple[list[list[Cell]], int]:
    """Rows copied from a spreadsheet: each line the row's cells parted by tabs."""
    rows: list[list[Cell]] = []
    k = start
    while k < len(blocks) and isinstance(blocks[k], Paragraph) and "\t" in blocks[k].text:
        cells = [Cell(clean(t)) for t in blocks[k].text.split("\t")][:width]
        rows.append(cells + [Cell("") for _ in range(width - len(cells))])
        k += 1
    return rows, k - start


def _fits(role: str | None, text: str) -> bool:
    if role in UNIT_ROLES:
        return looks_like_unit_cell(text)
    if role == DEADLINE:
        return is_time_cell(text) or (len(text) <= 30 and bool(find_deadlines(text, None, cell=True)))
    return role != SEQ


def _opens_row(blocks: list[Block], k: int, value: int) -> bool:
    if k >= len(blocks) or not isinstance(blocks[k], Paragraph):
        return False
    number = bare_label(clean(blocks[k].text))
    return number is not None and number.value == value


def _cell_lines(blocks: list[Block], start: int, roles: list[str | None]) -> tuple[list[list[Cell]], int]:
    """Rows copied one cell per line, each opened by its 序号 (1, 2, 3 … in order)."""
    if roles[0] != SEQ:
        return [], 0
    rows: list[list[Cell]] = []
    row: list[Cell] | None = None
    column = len(roles)
    k = start
    while k < len(blocks) and isinstance(blocks[k], Paragraph):
        text = clean(blocks[k].label + blocks[k].text)
        number = bare_label(text)
        if number is not None and number.value == len(rows) + 1:
            row = [Cell(text)] + [Cell("") for _ in roles[1:]]
            rows.append(row)
            column = 1
        elif row is not None and text:
            at = next((c for c in range(column, len(roles)) if _fits(roles[c], text)), None)
            if at is None and column < len(roles) and _opens_row(blocks, k + 1, len(rows) + 1):
                at = column  # an odd cell, but the next row follows it: still this row's
            if at is None:
                break  # a line that fits no column left: the table has ended
            if roles[at] == NOTE and at == len(roles) - 1 and any(r in UNIT_ROLES for r in roles[column:at]):
                break  # skipping unit columns to reach the last note: a line after the table
            row[at] = Cell(text)
            column = at + 1
        elif row is None:
            break
        k += 1
    return rows, k - start
