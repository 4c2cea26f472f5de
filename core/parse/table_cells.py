"""What one cell of a plan table says: its label, its numbered items, the unit names it stacks.

Shared by the header stage (table_header) and the row reader (tables); no state, no table.
"""

from __future__ import annotations

import re

from core.domain.textfold import fold
from core.parse.columns import LEAD, LEAD_FIRST, RESPONSIBLE
from core.parse.draft import Draft
from core.parse.labels import bare_label, split_label
from core.parse.normalise import clean
from core.parse.units import looks_like_unit_cell, split_units
from core.readers.document import Cell


def row_texts(row: list[Cell]) -> list[str]:
    """Each cell's cleaned text; a cell covered from the left is empty (its text is its origin's)."""
    return [clean(c.text) if not c.merged_left else "" for c in row]


_UNIT_BREAK = re.compile(r"\s*(?:\n|/|／|\|)\s*")
_SPACES = re.compile(r"[\s\u3000]+")


def unit_cell_text(cell: Cell) -> str:
    """A unit cell's text with the names it stacks on lines or parts with "/" put in a 、 list.

    Word and Excel 台账 put one unit per line in a cell, and web tables write "市民政局/市财政局";
    a break between whole unit names is a separator, anywhere else it is only layout.
    """
    for pattern in (_UNIT_BREAK, _SPACES):  # a page's line breaks often arrive as spaces
        parts = [clean(p) for p in pattern.split(cell.text.strip())]
        parts = [p for p in parts if p]
        if len(parts) > 1 and all(looks_like_unit_cell(p) for p in parts):
            return "、".join(parts)
    return clean(cell.text)


def cell_items(cell: Cell) -> list[tuple[str, str]] | None:
    """The numbered items of a cell that lists several tasks ("1.…" "2.…" as its paragraphs), or None.

    Word 分工方案 tables and Excel 台账 alike put a task's measures in one cell, one numbered
    paragraph each; each is a task the clerk ticks on its own. Lines without a number go on
    the item above. None unless there are two or more items numbered in one run (1, 2, 3…).
    """
    lines = [clean(line) for line in cell.text.split("\n")]
    lines = [line for line in lines if line]
    if len(lines) < 2:
        return None
    items: list[tuple[str, str]] = []
    kinds, values = set(), []
    for i, line in enumerate(lines):
        if i == 0 and cell.label:
            label, kind, rest, value = label_of(cell.label, line, "")
        else:
            lab, rest = split_label(line)
            label, kind, value = (lab.printed, lab.kind, lab.value) if lab else ("", "", 0)
        if label:
            items.append((label, rest))
            kinds.add(kind)
            values.append(value)
        elif items:
            items[-1] = (items[-1][0], items[-1][1] + "\n" + line)
        else:
            return None  # the cell opens with text: one task that mentions numbers
    if len(items) < 2 or len(kinds) != 1 or values != list(range(values[0], values[0] + len(values))):
        return None
    return items


_MARK_LEAD = re.compile(r"[(（](?:主责|主办|牵头单位|牵头部门)[)）]")
_MARK_HELP = re.compile(r"[(（](?:协同|协助|参与|配合单位|协办单位)[)）]")


def unit_cells(text: str, role: str) -> list[tuple[str, str]]:
    """(cell text, role) for a unit cell; under a "first one leads" header, the first name leads.

    A name marked "（主责）" or "（主办）" leads and one marked "（协同）" helps, in county 台账
    and city 分工表 alike; the marks are put in the words the unit stage reads ("（牵头）").
    """
    text = _MARK_HELP.sub("（配合）", _MARK_LEAD.sub("（牵头）", text))
    if role != LEAD_FIRST:
        return [(text, role)]
    names = split_units(text)
    if len(names) < 2 or re.search(r"牵头|配合|协办|负责", fold(text)):
        return [(text, RESPONSIBLE)]  # one name, or the cell says the roles itself
    return [(names[0], LEAD), ("、".join(names[1:]), RESPONSIBLE)]


def label_of(cell_label: str, text: str, seq: str) -> tuple[str, str, str, int]:
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
    if seq and _COMPOUND_SEQ.fullmatch(seq):
        return seq, "seq", text, 0  # "1-1", "2.3": a 序号 numbering within a part, kept as printed
    return "", "", text, 0


_COMPOUND_SEQ = re.compile(r"\d{1,3}(?:[-－.．—]\d{1,3}){1,2}")


def draft(cell_label: str, text: str, seq: str) -> Draft:
    label, kind, rest, value = label_of(cell_label, text, seq)
    return Draft(label=label, kind=kind, value=value, text=rest, from_table=True)
