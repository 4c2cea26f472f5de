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
from dataclasses import replace

from core.domain.textfold import fold
from core.parse.columns import Columns, first_leads, says_first_leads
from core.parse.draft import Draft, is_heading_text
from core.parse.labels import bare_label, split_label
from core.parse.normalise import clean
from core.parse.table_cells import cell_items, draft, label_of, row_texts, unit_cell_text, unit_cells
from core.parse.table_header import find_header, guess_columns
from core.readers.document import Cell, Table

__all__ = ["find_header", "guess_columns", "read_table", "table_lines"]


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


def _body_items(row: list[Cell], cols: Columns) -> list[tuple[str, str]] | None:
    """The numbered items of the row's one filled requirement cell, when it lists several."""
    filled = [c for c in cols.body if c < len(row) and clean(row[c].text) and not row[c].merged_up]
    return cell_items(row[filled[0]]) if len(filled) == 1 else None


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
        self.task_kind = ""  # the numbering kind of rows that carry units or time limits
        self.notes: list[str] = []  # "注：…" rows: about the table, not tasks
        self.pending_times: list[str] = []

    def row(self, row: list[Cell], below: list[Cell] | None) -> None:
        cols, texts = self.cols, row_texts(row)
        if texts == self.header or not any(texts):
            return  # the header repeated on a new page, or an empty row
        if _note_row(texts):
            self.notes.append(next(t for t in texts if t))
            return
        seq_cell = row[cols.seq] if cols.seq is not None and cols.seq < len(row) else None
        seq = texts[cols.seq] if seq_cell is not None and not seq_cell.merged_up else ""
        # a 序号 merged down alongside a group cell numbers the group, not the row's task
        seq_spans = bool(seq and below is not None and cols.seq < len(below) and below[cols.seq].merged_up)
        section_col = _section_column(row, texts, cols)
        if section_col is None and self.task_kind and _heading_row(row, texts, cols, seq, self.task_kind):
            section_col = cols.task
        if section_col is not None:
            self._section(row[section_col], texts[section_col], seq if section_col != cols.seq else "")
            return
        parent, opened = self._groups(row, texts, seq if seq_spans else "")
        nodes = self._task(row, texts, parent, "" if seq_spans and opened else seq)
        units = [cell for c, role in cols.units if c < len(row) and texts[c]
                 for cell in unit_cells(unit_cell_text(row[c]), role)]
        times = [texts[c] for c in cols.time if c < len(row) and texts[c]]
        if not nodes:  # units or time limits above the first task: they are the first task's
            self.pending_units.extend(units)
            self.pending_times.extend(times)
            return
        units, self.pending_units = self.pending_units + units, []
        times, self.pending_times = self.pending_times + times, []
        if not units and cols.units:
            units = list(self.last_units)  # a merged unit cell, or one left blank for "as above"
        self.last_units = units or self.last_units
        for node in nodes:
            for cell in units:
                if cell not in node.unit_cells:
                    node.unit_cells.append(cell)
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
                node = draft(cell.label, text, "" if opened else seq)
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

    def _task(self, row: list[Cell], texts: list[str], parent: Draft | None, seq: str) -> list[Draft]:
        """The row's tasks: its task cell (one task per numbered item in it) and requirement cells.

        A row without a task cell of its own continues the task above (a merged task cell, or a
        row that only adds units or time limits) — Word and Excel 台账 both break rows so.
        """
        cols = self.cols
        task_cell = row[cols.task] if cols.task is not None and cols.task < len(row) else None
        own = task_cell is not None and bool(texts[cols.task]) and not task_cell.merged_up
        body = [texts[c] for c in cols.body if c < len(row) and texts[c] and not row[c].merged_up]
        items = cell_items(task_cell) if own and not body else None
        measures = _body_items(row, cols) if own and body else None
        if items:
            nodes = [draft(label, text, "") for label, text in items]
        elif measures:  # "做好规划公开 | 1.… 2.…": the task heads its numbered measures
            head = draft(task_cell.label, texts[cols.task], seq)
            (parent.children if parent else self.roots).append(head)
            head.children = [draft(label, text, "") for label, text in measures]
            self.last_task = head.children[-1]
            return head.children
        elif own:
            node = draft(task_cell.label, texts[cols.task], seq)
            if body:
                node.title = node.text
                node.text = "\n".join([node.text, *body])
            nodes = [node]
        elif body:
            nodes = [draft(row[cols.body[0]].label, "\n".join(body), seq)]
        elif task_cell is not None and task_cell.merged_up and self.last_task is not None:
            return [self.last_task]  # one task over several unit or time rows
        elif parent is not None and not parent.children:
            return [parent]  # a group row that is its own task
        elif self.last_task is not None:
            return [self.last_task]  # a row of units or time limits only: more of the task above
        else:
            return []
        (parent.children if parent else self.roots).extend(nodes)
        self.last_task = nodes[-1]
        return nodes

    def _section(self, cell: Cell, text: str, seq: str) -> None:
        """A row spanning the columns: a section at the level its label kind says."""
        node = draft(cell.label, text, seq)
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
    """A section's numbering family: 序号 "三" and a printed "四、" are one level.

    City 分工方案 tables number some sections in the 序号 cell and type others into the merged
    row; provincial 分解表 do the same with 1 / 2. for their parts.
    """
    return {"cn、": "cn", "n、": "n", "n.": "n"}.get(kind, kind)


def read_table(table: Table, header_at: int, cols: Columns) -> tuple[list[str], list[Draft]]:
    """Lines above the header (titles) and the drafts the rows below it make."""
    header = row_texts(table.rows[header_at]) if header_at >= 0 else []
    titles = max(header_at, 0)
    if cols.guessed and len({t for t in header if t}) == 1:
        titles, header = header_at + 1, []  # no header row under the titles (guessed columns)
    before = [t for row in table.rows[:titles] for t in dict.fromkeys(row_texts(row)) if t]
    rows = table.rows[header_at + 1:]
    if any(_note_row(t) and says_first_leads(" ".join(t)) for t in map(row_texts, rows)):
        cols = first_leads(replace(cols, units=list(cols.units)))
    reader = _Reader(cols, header)
    reader.task_kind = _task_kind(rows, cols)
    for k, row in enumerate(rows):
        reader.row(row, rows[k + 1] if k + 1 < len(rows) else None)
    return before + reader.notes, reader.roots


_NOTE_START = re.compile(r"^(?:注|说明|备注|附注)\s*\d*\s*[:：]")


def _note_row(texts: list[str]) -> bool:
    """A row whose one text is a note on the table ("注：…"), as 分解表 of every level end with."""
    filled = {t for t in texts if t}
    return len(filled) == 1 and bool(_NOTE_START.match(fold(next(iter(filled)))))


def _row_kind(row: list[Cell], texts: list[str], cols: Columns, seq: str) -> str:
    """The numbering kind a row's 序号 or task cell carries ("" when it has none)."""
    if seq and bare_label(seq):
        return bare_label(seq).kind
    if cols.task is not None and cols.task < len(row) and texts[cols.task]:
        return label_of(row[cols.task].label, texts[cols.task], "")[1]
    return ""


def _task_kind(rows: list[list[Cell]], cols: Columns) -> str:
    """The numbering kind most rows with units or time limits carry: the tasks' kind."""
    kinds: dict[str, int] = {}
    for row in rows:
        texts = row_texts(row)
        if any(texts[c] for c in cols.unit_columns() | set(cols.time) if c < len(texts)):
            seq = texts[cols.seq] if cols.seq is not None and cols.seq < len(row) else ""
            kind = _row_kind(row, texts, cols, seq)
            if kind:
                kinds[kind] = kinds.get(kind, 0) + 1
    return max(kinds, key=kinds.get) if kinds else ""


def _heading_row(row: list[Cell], texts: list[str], cols: Columns, seq: str, task_kind: str) -> bool:
    """"一 | 加强政策解读 | | ": a section typed as a row, unmerged — a number of another kind
    than the tasks', a heading's length, and no units or time limits.

    Spreadsheet 台账 typed without merging and Word tables whose merges were lost both need it.
    """
    if cols.task is None or cols.task >= len(row) or not texts[cols.task] or row[cols.task].merged_up:
        return False
    others = [c for c, t in enumerate(texts) if t and c not in (cols.task, cols.seq)]
    kind = _row_kind(row, texts, cols, seq)
    return not others and bool(kind) and _family(kind) != _family(task_kind) and is_heading_text(
        label_of(row[cols.task].label, texts[cols.task], "")[2])


def _section_column(row: list[Cell], texts: list[str], cols: Columns) -> int | None:
    """The column holding a section row's text, or None when the row is not a section row.

    Excel 台账 and Word 分工方案 alike print a section as one text merged across the row (from
    the 序号 column, the task column or even a unit column when units come first).
    """
    filled = [c for c, t in enumerate(texts) if t]
    if not filled:
        return None
    spans = any(c.merged_left for c in row)
    if len(filled) == 1 and spans:
        return filled[0]
    content = [c for c in filled if c != cols.seq]
    if not content and split_label(texts[cols.seq])[0] is not None:
        return cols.seq  # "一、加强政策解读" typed into the 序号 column, the merge lost
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


