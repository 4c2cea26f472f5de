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

from core.parse.columns import DEADLINE, NOTE, SEQ, UNIT_ROLES, is_header, roles_of
from core.parse.deadlines import find_deadlines, is_time_cell
from core.parse.labels import bare_label, split_label
from core.parse.normalise import clean
from core.parse.units import looks_like_unit_cell
from core.readers.document import Block, Cell, Paragraph, Table

_SPLIT = re.compile(r"\t+| {2,}|\u3000+| ")
_MIN_COLUMNS = 3
_SEQ_WORD = re.compile(r"序\s*号|编\s*号|序|项次|No\.?|NO\.?")


def header_cells(text: str) -> list[str] | None:
    """The header words of a line that is a table's header row, else None."""
    cells = [c for c in _SPLIT.split(text.strip()) if c]
    if len(cells) < _MIN_COLUMNS or len(cells) > 12 or any(len(c) > 12 for c in cells):
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
        head_lines = 1
        if header is None:
            header = _header_run(blocks, i)
            head_lines = len(header or [])
        if header is None:
            out.append(block)
            i += 1
            continue
        rows, used = _tab_rows(blocks, i + head_lines, len(header))
        if not rows:
            rows, used = _cell_lines(blocks, i + head_lines, roles_of(header))
        if sum(1 for r in rows if not r[-1].merged_left) < 2:
            out.append(block)
            i += 1
            continue
        out.append(Table(rows=[[Cell(h) for h in header], *rows]))
        i += head_lines + used
    return out


def _header_run(blocks: list[Block], start: int) -> list[str] | None:
    """A header copied one cell per line: three or more short lines in a row, each a column word."""
    first = blocks[start]
    if not isinstance(first, Paragraph) or not _SEQ_WORD.fullmatch(first.text.strip()):
        return None  # such a header opens with its 序号 column (checked first: it is cheap)
    cells: list[str] = []
    k = start
    while k < len(blocks) and isinstance(blocks[k], Paragraph) and not blocks[k].label and len(cells) < 12:
        text = clean(blocks[k].text)
        if len(text) > 12 or roles_of([text])[0] is None:
            break
        cells.append(text)
        k += 1
    roles = roles_of(cells)
    return cells if len(cells) >= _MIN_COLUMNS and roles[0] == SEQ and is_header(roles) else None


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


def _cell_lines(blocks: list[Block], start: int, roles: list[str | None]) -> tuple[list[list[Cell]], int]:
    """Rows copied one cell per line, each opened by its 序号 (1, 2, 3 … in order); "一、…" lines
    (or "二" and its heading on the next line) between rows are section rows."""
    seq = roles[0] == SEQ
    if not seq:
        return [], 0  # without a 序号 the rows' edges are the text stage's to find (copied unit lines)
    rows: list[list[Cell]] = []
    row: list[Cell] | None = None
    column = len(roles)
    count = 0  # rows opened by a 序号
    k = start
    while k < len(blocks) and isinstance(blocks[k], Paragraph):
        text = clean(blocks[k].label + blocks[k].text)
        number = bare_label(text)
        nxt = clean(blocks[k + 1].text) if k + 1 < len(blocks) and isinstance(blocks[k + 1], Paragraph) else ""
        if seq and number is not None and number.value == count + 1:
            row = [Cell(text)] + [Cell("") for _ in roles[1:]]
            rows.append(row)
            count += 1
            column = 1
        elif seq and number is not None and nxt and split_label(nxt)[0] is None and (row is None or column > 1):
            rows.append(_section_row(nxt, len(roles), label=text))  # "二" and its heading on the next line
            row, column = None, len(roles)
            k += 1
        elif split_label(text)[0] is not None and (row is None or column > 1):
            rows.append(_section_row(text, len(roles)))  # "一、…" between rows, merged across
            row, column = None, len(roles)
        elif row is not None and text:
            at = next((c for c in range(column, len(roles)) if _fits(roles[c], text)), None)
            if at is None and column < len(roles) and roles[column] != NOTE:
                at = column  # an odd cell (cut short, or worded past our tests): still this row's
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


def _section_row(text: str, width: int, label: str = "") -> list[Cell]:
    return [Cell(text, label=label)] + [Cell(text, merged_left=True, label=label) for _ in range(width - 1)]
