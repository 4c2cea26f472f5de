"""Stage: a 台账 table (docx/xlsx/html) → section and task drafts, columns found by their headers.

A row whose content spans the columns is a section row; a change in a group column
(工作事项 / 工作任务, usually a merged cell) opens a group; each row's task cell is a task.
A task row without its own unit cell shares the unit cell above (a merged cell). Tables
that are not plan tables come back as plain lines for the line-based stages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.document import Cell, Table
from core.parse.draft import Draft
from core.parse.labels import bare_label, split_label
from core.parse.normalise import clean
from core.textfold import fold

_SEQ = re.compile(r"^(?:序号|编号|序|项次)$")
_UNIT = re.compile(r"单位|部门|股室|科室|处室|责任人|责任主体")
_TIME = re.compile(r"时限|时间|期限|日期|进度")
_NOTE = re.compile(r"备注|说明")
_CONTENT = re.compile(r"任务|事项|内容|要求|工作|措施|项目|目标|要点|举措")


@dataclass
class Columns:
    """Which grid column holds what, learnt from a header row."""

    seq: int | None = None
    groups: list[int] = field(default_factory=list)
    task: int | None = None
    units: list[tuple[int, str]] = field(default_factory=list)  # (column, default role)
    time: int | None = None


def _classify(header: list[str]) -> Columns | None:
    cols, content = Columns(), []
    for i, raw in enumerate(header):
        key = fold(raw).replace(" ", "")
        if not key:
            continue
        if _SEQ.match(key):
            cols.seq = i
        elif _UNIT.search(key):
            role = "responsible"
            if "牵头" in key and "责任" not in key:
                role = "lead"
            elif re.search(r"配合|协办|协助", key):
                role = "cooperating"
            cols.units.append((i, role))
        elif _TIME.search(key):
            cols.time = i
        elif _NOTE.search(key):
            continue
        elif _CONTENT.search(key) and len(key) <= 12:
            content.append(i)
    if not content or not (cols.units or cols.time is not None or cols.seq is not None or len(content) > 1):
        return None
    cols.task = content[-1]
    cols.groups = content[:-1]
    return cols


def _texts(row: list[Cell]) -> list[str]:
    return [clean(c.text) if not c.merged_left else "" for c in row]


def find_header(table: Table) -> tuple[int, Columns] | None:
    """The header row among the first rows (two when the second splits a merged head), and its columns."""
    for r, row in enumerate(table.rows[:6]):
        cols = _classify(_texts(row))
        if not cols:
            continue
        if r + 1 < len(table.rows):
            both = _two_row_header(row, table.rows[r + 1])
            if both is not None:
                return r + 1, both
        return r, cols
    return None


def _two_row_header(top: list[Cell], below: list[Cell]) -> Columns | None:
    """"责任单位" over "牵头单位 | 配合单位": the lower row names the columns the upper one spans."""
    names, sub = [], False
    for upper, lower in zip(top, below, strict=False):
        text = clean(lower.text) if not lower.merged_up else ""
        if text and not lower.merged_left:
            if not _classify_one(text):
                return None
            sub = True
            names.append(text)
        else:
            names.append(clean(upper.text))
    return _classify(names) if sub else None


def _classify_one(text: str) -> bool:
    key = fold(text).replace(" ", "")
    return bool(_SEQ.match(key) or _UNIT.search(key) or _TIME.search(key) or
                (_CONTENT.search(key) and len(key) <= 12))


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


def read_table(table: Table, header_at: int, cols: Columns) -> tuple[list[str], list[Draft]]:
    """Lines above the header (titles) and the drafts the rows below it make."""
    before = [t for row in table.rows[:header_at] for t in dict.fromkeys(_texts(row)) if t]
    header = _texts(table.rows[header_at])
    roots: list[Draft] = []
    sections: list[Draft] = []
    group_nodes: dict[int, Draft] = {}
    group_text: dict[int, str] = {}
    last_units: list[tuple[str, str]] = []
    for row in table.rows[header_at + 1:]:
        texts = _texts(row)
        if texts == header:
            continue  # the header repeated on a new page
        seq = texts[cols.seq] if cols.seq is not None else ""
        section_col = _section_column(row, texts, cols)
        if section_col is not None:
            _section(row[section_col], texts[section_col], seq if section_col != cols.seq else "",
                     sections, roots)
            group_nodes.clear()
            group_text.clear()
            continue
        task_cell = row[cols.task] if cols.task is not None and cols.task < len(row) else None
        parent = sections[-1] if sections else None
        for g in cols.groups:
            cell = row[g]
            text = texts[g] if not cell.merged_up else group_text.get(g, "")
            if text and text != group_text.get(g):
                label, kind, rest, value = _label_of(cell.label, text, "")
                node = Draft(label=label, kind=kind, value=value, text=rest, from_table=True)
                (parent.children if parent else roots).append(node)
                group_nodes[g] = node
                group_text[g] = text
                for later in cols.groups[cols.groups.index(g) + 1:]:
                    group_nodes.pop(later, None)
                    group_text.pop(later, None)
            if g in group_nodes:
                parent = group_nodes[g]
        node = None
        if task_cell is not None and texts[cols.task] and not task_cell.merged_up:
            label, kind, rest, value = _label_of(task_cell.label, texts[cols.task], seq)
            node = Draft(label=label, kind=kind, value=value, text=rest, from_table=True)
            (parent.children if parent else roots).append(node)
        elif parent is not None and not parent.children:
            node = parent  # a group row that is its own task
        if node is None:
            continue
        units = [(texts[c], role) for c, role in cols.units if c < len(row) and texts[c]]
        if not units and any(c < len(row) and row[c].merged_left is False for c, _ in cols.units):
            units = list(last_units)
        node.unit_cells.extend(units)
        last_units = units or last_units
        if cols.time is not None and cols.time < len(row) and texts[cols.time]:
            node.time_cells.append(texts[cols.time])
    return before, roots


def _section_column(row: list[Cell], texts: list[str], cols: Columns) -> int | None:
    """The column holding a section row's text, or None when the row is not a section row."""
    filled = [c for c, t in enumerate(texts) if t]
    if not filled:
        return None
    spans = any(c.merged_left for c in row)
    if len(filled) == 1 and spans:
        return filled[0]
    unit_cols = {c for c, _ in cols.units}
    if any(texts[c] for c in unit_cols if c < len(texts)) or (cols.time is not None and texts[cols.time]):
        return None
    content = [c for c in filled if c != cols.seq]
    if len(content) == 1 and content[0] != cols.task and (spans or cols.groups):
        return content[0]
    return None


def _section(cell: Cell, text: str, seq: str, sections: list[Draft], roots: list[Draft]) -> Draft:
    """A row spanning the columns: a section at the level its label kind says."""
    label, kind, rest, value = _label_of(cell.label, text, seq)
    node = Draft(label=label, kind=kind, value=value, text=rest, from_table=True)
    kinds = [s.kind for s in sections]
    if kind and kind in kinds:
        del sections[kinds.index(kind):]
    elif not kind:
        sections.clear()
    (sections[-1].children if sections else roots).append(node)
    sections.append(node)
    return node
