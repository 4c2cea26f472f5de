"""Stage: a 台账 table (docx/xlsx/html) → section and task drafts, columns known by their headers.

A row whose content spans the columns is a section row; a change in a group column (a
category, or a task column merged over several rows) opens a group; each row's task cell
is a task, with its requirement cells (工作要求, 具体措施) as more of its text. A task row
without its own unit cell shares the unit cell above (a merged cell). A table whose header
is not understood is read by what its cells look like, and says so; a table that is not a
plan table at all comes back as plain lines for the line-based stages.
"""

from __future__ import annotations

import re

from core.document import Cell, Table
from core.parse.columns import CONTENT_ROLES, SEQ, Columns, assign, is_header, roles_of
from core.parse.deadlines import is_time_cell
from core.parse.draft import Draft
from core.parse.labels import bare_label, split_label
from core.parse.normalise import clean
from core.parse.units import looks_like_unit_cell

_HEADER_ROWS = 6  # titles and notes above a header: a few rows at most


def _texts(row: list[Cell]) -> list[str]:
    return [clean(c.text) if not c.merged_left else "" for c in row]


def find_header(table: Table) -> tuple[int, Columns] | None:
    """The header row among the first rows (the lower one when two rows make the header), and its columns."""
    for r, row in enumerate(table.rows[:_HEADER_ROWS]):
        roles = roles_of(_texts(row))
        if not is_header(roles):
            continue
        if r + 1 < len(table.rows):
            both = _two_row_header(row, roles, table.rows[r + 1])
            if both is not None:
                r, roles = r + 1, both
        return r, assign(roles, group_evidence(table, r, roles))
    return None


def _two_row_header(top: list[Cell], roles: list[str | None], below: list[Cell]) -> list[str | None] | None:
    """"责任单位" over "牵头单位 | 配合单位": the lower row names the columns the upper one spans."""
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


def table_lines(table: Table) -> list[tuple[str, str]]:
    """A table that is not a plan table, as (label, text) lines: one per distinct cell."""
    out: list[tuple[str, str]] = []
    for row in table.rows:
        for cell in row:
            if cell.merged_left or cell.merged_up:
                continue
            text = clean(cell.text)
            if text:
                out.append((cell.label, text))
    return out


_UNIT_BREAK = re.compile(r"\s*(?:\n|/|／|\|)\s*")


def unit_cell_text(cell: Cell) -> str:
    """A unit cell's text with the names it stacks on lines or parts with "/" put in a 、 list.

    Word and Excel 台账 put one unit per line in a cell, and web tables write "市民政局/市财政局";
    a break between whole unit names is a separator, anywhere else it is only layout.
    """
    parts = [clean(p) for p in _UNIT_BREAK.split(cell.text.strip())]
    parts = [p for p in parts if p]
    if len(parts) > 1 and all(looks_like_unit_cell(p) for p in parts):
        return "、".join(parts)
    return clean(cell.text)


def _label_of(cell_label: str, text: str, seq: str) -> tuple[str, str, str, int]:
    """(printed label, kind, rest of text, value) from Word numbering, the text, or the 序号 cell."""
    if cell_label:
        lab, _ = split_label(cell_label.strip() + "X")
        if lab is None:
            lab = bare_label(cell_label)
        if lab:
            return cell_label.strip(), lab.kind, text, lab.value
    lab, rest = split_label(text)
    if lab:
        return lab.printed, lab.kind, rest, lab.value
    lab = bare_label(seq) if seq else None
    if lab:
        return lab.printed, lab.kind, text, lab.value
    return "", "", text, 0


def _draft(cell_label: str, text: str, seq: str) -> Draft:
    label, kind, rest, value = _label_of(cell_label, text, seq)
    return Draft(label=label, kind=kind, value=value, text=rest, from_table=True)


class _Reader:
    """Reads the rows below a header into drafts; one instance per table."""

    def __init__(self, cols: Columns, header: list[str]) -> None:
        self.cols = cols
        self.header = header
        self.roots: list[Draft] = []
        self.sections: list[Draft] = []
        self.group_nodes: dict[int, Draft] = {}
        self.group_text: dict[int, str] = {}
        self.last_units: list[tuple[str, str]] = []
        self.last_task: Draft | None = None
        self.pending_units: list[tuple[str, str]] = []
        self.pending_times: list[str] = []

    def row(self, row: list[Cell], below: list[Cell] | None) -> None:
        cols, texts = self.cols, _texts(row)
        if texts == self.header or not any(texts):
            return  # the header repeated on a new page, or an empty row
        seq_cell = row[cols.seq] if cols.seq is not None and cols.seq < len(row) else None
        seq = texts[cols.seq] if seq_cell is not None and not seq_cell.merged_up else ""
        # a 序号 merged down alongside a group cell numbers the group, not the row's task
        seq_spans = bool(seq and below is not None and cols.seq < len(below) and below[cols.seq].merged_up)
        section_col = _section_column(row, texts, cols)
        if section_col is not None:
            self._section(row[section_col], texts[section_col], seq if section_col != cols.seq else "")
            return
        parent, opened = self._groups(row, texts, seq if seq_spans else "")
        node = self._task(row, texts, parent, "" if seq_spans and opened else seq)
        units = [(unit_cell_text(row[c]), role) for c, role in cols.units if c < len(row) and texts[c]]
        times = [texts[c] for c in cols.time if c < len(row) and texts[c]]
        if node is None:  # units or time limits above the first task: they are the first task's
            self.pending_units.extend(units)
            self.pending_times.extend(times)
            return
        units, self.pending_units = self.pending_units + units, []
        times, self.pending_times = self.pending_times + times, []
        if not units and cols.units:
            units = list(self.last_units)  # a merged unit cell, or one left blank for "as above"
        for cell in units:
            if cell not in node.unit_cells:
                node.unit_cells.append(cell)
        self.last_units = units or self.last_units
        for text in times:
            if text not in node.time_cells:
                node.time_cells.append(text)

    def _groups(self, row: list[Cell], texts: list[str], seq: str) -> tuple[Draft | None, bool]:
        """The innermost group this row belongs to, opening groups whose cell changed."""
        parent = self.sections[-1] if self.sections else None
        opened = False
        for g in self.cols.groups:
            cell = row[g]
            text = texts[g] if not cell.merged_up else self.group_text.get(g, "")
            if text and text != self.group_text.get(g):
                node = _draft(cell.label, text, "" if opened else seq)
                opened = True
                (parent.children if parent else self.roots).append(node)
                self.group_nodes[g] = node
                self.group_text[g] = text
                for later in self.cols.groups[self.cols.groups.index(g) + 1:]:
                    self.group_nodes.pop(later, None)
                    self.group_text.pop(later, None)
            if g in self.group_nodes:
                parent = self.group_nodes[g]
        return parent, opened

    def _task(self, row: list[Cell], texts: list[str], parent: Draft | None, seq: str) -> Draft | None:
        """The row's task: its task cell and requirement cells; None for a row with neither."""
        cols = self.cols
        task_cell = row[cols.task] if cols.task is not None and cols.task < len(row) else None
        own = task_cell is not None and bool(texts[cols.task]) and not task_cell.merged_up
        body = [texts[c] for c in cols.body if c < len(row) and texts[c] and not row[c].merged_up]
        if own:
            node = _draft(task_cell.label, texts[cols.task], seq)
            if body:
                node.title = node.text
                node.text = "\n".join([node.text, *body])
        elif body:
            node = _draft(row[cols.body[0]].label, "\n".join(body), seq)
        elif task_cell is not None and task_cell.merged_up and self.last_task is not None:
            return self.last_task  # one task over several unit or time rows
        elif parent is not None and not parent.children:
            return parent  # a group row that is its own task
        elif self.last_task is not None:
            return self.last_task  # a row of units or time limits only: more of the task above
        else:
            return None
        (parent.children if parent else self.roots).append(node)
        self.last_task = node
        return node

    def _section(self, cell: Cell, text: str, seq: str) -> None:
        """A row spanning the columns: a section at the level its label kind says."""
        node = _draft(cell.label, text, seq)
        kinds = [_family(s.kind) for s in self.sections]
        if node.kind and _family(node.kind) in kinds:
            del self.sections[kinds.index(_family(node.kind)):]
        elif not node.kind:
            self.sections.clear()
        (self.sections[-1].children if self.sections else self.roots).append(node)
        self.sections.append(node)
        self.group_nodes.clear()
        self.group_text.clear()
        self.last_task = None


def _family(kind: str) -> str:
    """A section's numbering family: 序号 "三" and a printed "四、" are one level (both kinds of table)."""
    return {"cn、": "cn", "n、": "n", "n.": "n"}.get(kind, kind)


def read_table(table: Table, header_at: int, cols: Columns) -> tuple[list[str], list[Draft]]:
    """Lines above the header (titles) and the drafts the rows below it make."""
    before = [t for row in table.rows[:header_at] for t in dict.fromkeys(_texts(row)) if t]
    header = _texts(table.rows[header_at]) if header_at >= 0 else []
    reader = _Reader(cols, header)
    rows = table.rows[header_at + 1:]
    for k, row in enumerate(rows):
        reader.row(row, rows[k + 1] if k + 1 < len(rows) else None)
    return before, reader.roots


def _section_column(row: list[Cell], texts: list[str], cols: Columns) -> int | None:
    """The column holding a section row's text, or None when the row is not a section row."""
    filled = [c for c, t in enumerate(texts) if t]
    if not filled:
        return None
    spans = any(c.merged_left for c in row)
    if len(filled) == 1 and spans:
        return filled[0]
    content = [c for c in filled if c != cols.seq]
    if len(content) != 1:
        return None
    at = content[0]
    if at + 1 < len(row) and row[at + 1].merged_left:
        return at  # "一 | 围绕…(merged to the end)", in whatever column the merge starts
    if any(texts[c] for c in cols.unit_columns() | set(cols.time) if c < len(texts)):
        return None
    if at != cols.task and at not in cols.body and (spans or cols.groups):
        return at
    return None


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


def guess_columns(table: Table) -> tuple[int, Columns] | None:
    """Columns told by their cells when no header row names them: 序号, units, time limits, text.

    Attachments re-typed by hand, and tables whose header is an image or a word we do not
    know, still hold a unit column (every cell a unit name) and a time column (every cell a
    time limit). None for a table whose rows carry labels (its structure is in them), a
    one-column frame, or fewer than two rows.
    """
    width = max((len(r) for r in table.rows), default=0)
    texts = [[t for t in _texts(row) if t] for row in table.rows]
    rows_with_text = sum(1 for t in texts if t)
    if width < 2 or rows_with_text < 2 or _labelled_rows(table) * 2 >= rows_with_text:
        return None
    first = texts[0]
    header_at = 0 if len(table.rows) > 2 and first and all(len(t) <= 12 and "。" not in t for t in first) \
        and len(first) >= 2 else -1
    roles: list[str | None] = []
    for c in range(width):
        cells = _origin_texts(table, c, header_at + 1)
        if not cells:
            roles.append(None)
        elif SEQ not in roles and all(bare_label(t) for t in cells):
            roles.append(SEQ)
        elif sum(is_time_cell(t) for t in cells) * 5 >= len(cells) * 3:
            roles.append("deadline")
        elif sum(looks_like_unit_cell(t) for t in cells) * 5 >= len(cells) * 3:
            roles.append("unit")
        else:
            roles.append("task")
    if "task" not in roles:
        plain = [sum(not (looks_like_unit_cell(t) or is_time_cell(t) or bare_label(t))
                     for t in _origin_texts(table, c, header_at + 1)) for c in range(width)]
        if not any(plain):
            return None  # names, dates and numbers only: nothing here is a task
        roles[plain.index(max(plain))] = "task"  # the column with most text that is neither
    cols = assign(roles, group_evidence(table, header_at, roles))
    cols.guessed = True
    return header_at, cols
