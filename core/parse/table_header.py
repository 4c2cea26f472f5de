"""Where a plan table's header is and what its columns hold — from the header's words, else the cells.

Readers give a grid; this stage finds the header row among the first rows (two rows when the
lower splits a merged head), learns each column's role from core.parse.columns, and tells
which content columns group the rows below them. A table whose header names no role is
typed by its cells instead (guess_columns), and the pipeline warns the clerk.
"""

from __future__ import annotations

from core.parse.columns import CONTENT_ROLES, SEQ, Columns, assign, is_header, roles_of
from core.parse.deadlines import is_time_cell
from core.parse.labels import bare_label, split_label
from core.parse.normalise import clean
from core.parse.table_cells import row_texts
from core.parse.units import looks_like_unit_cell
from core.readers.document import Cell, Table

_HEADER_ROWS = 6  # titles and notes above a header: a few rows at most


def find_header(table: Table) -> tuple[int, Columns] | None:
    """The header row among the first rows (the lower one when two rows make the header), and its columns."""
    for r, row in enumerate(table.rows[:_HEADER_ROWS]):
        texts = row_texts(row)
        roles = roles_of(texts)
        if not is_header(roles) or any(bare_label(t) for t in texts if t):
            continue  # a row holding a 序号 is a task row, whatever its words
        if r + 1 < len(table.rows):
            both = _two_row_header(row, roles, table.rows[r + 1])
            if both is not None:
                r, roles = r + 1, both
        roles = [role or _role_by_cells(table, c, r) for c, role in enumerate(roles)]
        return r, assign(roles, group_evidence(table, r, roles), [clean(c.text) for c in table.rows[r]])
    return None


def _two_row_header(top: list[Cell], roles: list[str | None], below: list[Cell]) -> list[str | None] | None:
    """"责任单位" over "牵头单位 | 配合单位": the lower row names the columns the upper one spans.

    County 分解表 split 责任单位 into 牵头/配合, departments' tables into 主办/协办, the same way.
    """
    lower_roles, sub = list(roles), False
    if not any(c.merged_up for c in below) and not any(c.merged_left for c in top):
        return None  # nothing in the upper row spans the lower one: two rows of their own
    for c, cell in enumerate(below):
        text = clean(cell.text) if not (cell.merged_up or cell.merged_left) else ""
        if not text:
            continue
        role = roles_of([text])[0]
        if role is None:
            return None
        lower_roles[c] = role
        sub = True
    return lower_roles if sub and is_header(lower_roles) else None


def group_evidence(table: Table, header_at: int, roles: list[str | None]) -> set[int]:
    """Content columns whose cells stand for several rows: merged down, repeated, or left blank below.

    Offices merge a task cell over its measures (Word and Excel 台账 alike), or, in tables
    typed without merging, repeat it or leave it blank while the measure column goes on.
    """
    content = [c for c, r in enumerate(roles) if r in CONTENT_ROLES]
    out: set[int] = set()
    rows = table.rows[header_at + 1:]
    for k, c in enumerate(content[:-1]):
        later = content[k + 1:]
        previous, blanks = "", 0
        for row in rows:
            if c >= len(row) or row[c].merged_left or (c + 1 < len(row) and row[c + 1].merged_left):
                continue  # a row spanning the table (a section) says nothing about the column
            text = clean(row[c].text)
            varies = any(t < len(row) and not (row[t].merged_up or row[t].merged_left) and clean(row[t].text)
                         for t in later)
            if varies and previous and (row[c].merged_up or text == previous):
                out.add(c)
                break
            blanks += bool(varies and previous and not text)
            if blanks >= 2:  # one blank cell is a slip; two are a habit
                out.add(c)
                break
            previous = text or previous
    return out


def _origin_texts(table: Table, column: int, start: int) -> list[str]:
    """The distinct cells of a column from row `start` on (merged copies left out)."""
    out = []
    for row in table.rows[start:]:
        if column < len(row) and not (row[column].merged_up or row[column].merged_left):
            text = clean(row[column].text)
            if text:
                out.append(text)
    return out


def _labelled_rows(table: Table) -> int:
    """Rows whose first filled cell carries a label: such a table's structure is in its labels."""
    count = 0
    for row in table.rows:
        for cell in row:
            text = clean(cell.text)
            if text and not (cell.merged_left or cell.merged_up):
                count += bool(cell.label or split_label(text)[0])
                break
    return count


def _role_by_cells(table: Table, column: int, header_at: int, seq: bool = True) -> str | None:
    """The role a column's cells show — bare numbers (序号), unit names, time limits — or None.

    Serves headerless tables and header cells left blank or worded past our keywords ("承担",
    an empty head over the 序号) alike; text is never typed this way, only these three.
    """
    cells = _origin_texts(table, column, header_at + 1)
    if not cells:
        return None
    if seq and all(bare_label(t) for t in cells):
        return SEQ
    if sum(is_time_cell(t) for t in cells) * 5 >= len(cells) * 3:
        return "deadline"
    if sum(looks_like_unit_cell(t) for t in cells) * 5 >= len(cells) * 3:
        return "unit"
    return None


def _header_like(text: str) -> bool:
    """A few words that are not themselves data: no unit name, time limit or number."""
    return len(text) <= 8 and "。" not in text and not (
        looks_like_unit_cell(text) or is_time_cell(text) or bare_label(text))


def guess_columns(table: Table) -> tuple[int, Columns] | None:
    """Columns told by their cells when no header row names them: 序号, units, time limits, text.

    Attachments re-typed by hand, and tables whose header is an image or a word we do not
    know, still hold a unit column (every cell a unit name) and a time column (every cell a
    time limit). None for a table whose rows carry labels (its structure is in them), a
    one-column frame, or fewer than two rows.
    """
    width = max((len(r) for r in table.rows), default=0)
    texts = [[t for t in row_texts(row) if t] for row in table.rows]
    rows_with_text = sum(1 for t in texts if t)
    if width < 2 or rows_with_text < 2 or _labelled_rows(table) * 2 >= rows_with_text:
        return None
    top = 0  # title rows: one text merged across the table
    while top < len(texts) - 2 and len(set(texts[top])) <= 1 and any(c.merged_left for c in table.rows[top]):
        top += 1
    first = texts[top] if top < len(texts) else []
    header_at = top if len(table.rows) - top > 2 and len(first) >= 2 and all(
        _header_like(t) for t in first) else top - 1  # no header: the last title row
    roles: list[str | None] = []
    for c in range(width):
        role = _role_by_cells(table, c, header_at, seq=SEQ not in roles)
        roles.append(role or ("task" if _origin_texts(table, c, header_at + 1) else None))
    if "task" not in roles:
        plain = [sum(not (looks_like_unit_cell(t) or is_time_cell(t) or bare_label(t))
                     for t in _origin_texts(table, c, header_at + 1)) for c in range(width)]
        if not any(plain):
            return None  # names, dates and numbers only: nothing here is a task
        roles[plain.index(max(plain))] = "task"  # the column with most text that is neither
    cols = assign(roles, group_evidence(table, header_at, roles))
    cols.guessed = True
    return header_at, cols
