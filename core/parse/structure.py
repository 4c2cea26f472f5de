"""Stage: the plan's lines → a tree of drafts, learning the nesting from the label kinds.

A label of a kind already open closes everything below it and becomes its sibling; a new
kind opens a level below. Unnumbered paragraphs under a heading are its tasks; under a
task they continue its text. In a copied table, a short line of unit names after a task
is that task's unit cell, and a task with none shares the unit cell above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.domain.textfold import fold
from core.parse.deadlines import is_time_cell
from core.parse.draft import Draft, is_heading_text
from core.parse.labels import Label, bare_label, repair, split_label
from core.parse.units import is_keyed_units, looks_like_unit_cell

_TIME_LINE = re.compile(r"(?:完成时限|完成时间|时间要求|时限要求)[ ]?[:：]")


@dataclass
class Entry:
    """One item of the plan's body: a cleaned line (with Word's label, if any) or a table's drafts."""

    text: str = ""
    word_label: str = ""
    drafts: list[Draft] = field(default_factory=list)
    is_table: bool = False
    in_cell: bool = False  # the line came from a table cell that was not a plan table
    cells: list[tuple[str, str]] = field(default_factory=list)  # unit cells (text, role) read with it
    row: bool = False  # a row of a table whose cells were joined into the text
    times: list[str] = field(default_factory=list)  # its time cell, read with it
    parsed: tuple[Label | None, str] | None = field(default=None, repr=False, compare=False)


def label_of(entry: Entry) -> tuple[Label | None, str]:
    """The entry's label (Word numbering first, then the text's own) and the text without it."""
    if entry.parsed is None:
        label = bare_label(entry.word_label) if entry.word_label else None
        if label:
            entry.parsed = Label(label.kind, label.value, entry.word_label.strip()), entry.text
        else:
            entry.parsed = split_label(entry.text)
    return entry.parsed


def join_lone_labels(entries: list[Entry]) -> list[Entry]:
    """A line holding only a number ("1", "一", "(三)") labels the next unnumbered line (a 序号 cell).

    In a copied table the 序号 may stand before a group cell that has its own label
    ("1" / "(一)…" / task): then it labels the task after that group cell.
    """
    out: list[Entry] = []
    for i, entry in enumerate(entries):
        if entry.is_table or entry.word_label or bare_label(entry.text) is None:
            out.append(entry)
            continue
        for nxt in entries[i + 1:i + 3]:
            if nxt.is_table or nxt.word_label or bare_label(nxt.text) is not None:
                break
            if split_label(nxt.text)[0] is None:
                nxt.word_label = entry.text
                break
    return out


def sub_point_lines(entries: list[Entry]) -> list[Entry]:
    """Lines opening "一是…" "二是…" are the tasks of the heading above them (or of a list with no
    other numbering); under a task with a body of its own they stay that task's text.

    Provincial 要点 and short department lists number tasks so; city plans write 一是 inside tasks.
    """
    parent_is_heading, expected = True, 1
    for entry in entries:
        if entry.is_table:
            parent_is_heading, expected = False, 1
            continue
        label, rest = label_of(entry)
        if label is not None and label.kind != "cn是":
            parent_is_heading, expected = is_heading_text(rest), 1
            continue
        if label is not None or not parent_is_heading:
            continue
        sub, rest = split_label(entry.text, sub_points=True)
        if sub is not None and sub.kind == "cn是" and expected - 1 <= sub.value <= expected + 1 and sub.value:
            entry.parsed = (sub, rest)  # one number may have been lost or repeated in copying
            expected = max(expected, sub.value + 1)
    return entries


class _Builder:
    def __init__(self, unit_lines: bool) -> None:
        self.roots: list[Draft] = []
        self.stack: list[Draft] = []
        self.last: Draft | None = None
        self.unit_lines = unit_lines

    def _attach(self, node: Draft, parent: Draft | None) -> None:
        (parent.children if parent else self.roots).append(node)

    def labelled(self, label: Label, text: str, cells: list[tuple[str, str]] | None = None,
                 times: list[str] | None = None) -> None:
        if label.kind == "()":
            sibling = next((d for d in reversed(self.stack) if d.kind in ("(cn)", "(n)")), None)
            label = repair(label, Label(sibling.kind, sibling.value, sibling.label) if sibling else None)
            if label.kind == "()":
                label = Label("(cn)", 0, label.printed)
        kinds = [d.kind for d in self.stack]
        if label.kind in kinds:
            del self.stack[kinds.index(label.kind):]
        node = Draft(label=label.printed, kind=label.kind, value=label.value, text=text,
                     unit_cells=list(cells or []), time_cells=list(times or []))
        self._attach(node, self.stack[-1] if self.stack else None)
        self.stack.append(node)
        self.last = node

    def plain(self, text: str, in_cell: bool = False) -> None:
        unit_cell = self.last is not None and (
            is_keyed_units(text) or ((self.unit_lines or in_cell) and looks_like_unit_cell(text)))
        if unit_cell:
            self.last.unit_cells.append((text, "responsible"))
            return
        if self.last is not None and (is_time_cell(text) or _TIME_LINE.match(fold(text))):
            self.last.time_cells.append(text)
            return
        top = self.stack[-1] if self.stack else None
        if top is not None and not top.is_heading() and not top.children:
            top.text = f"{top.text}\n{text}"
            self.last = top
            return
        node = Draft(text=text)
        self._attach(node, top)
        self.last = node

    def table(self, drafts: list[Draft]) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and top.is_heading() and not top.children:
            top.children.extend(drafts)
        else:
            self.roots.extend(drafts)
        self.last = None


def build(entries: list[Entry]) -> list[Draft]:
    """The tree the entries make (entries are the plan's body, noise already removed)."""
    unit_lines = _copied_unit_column(entries)
    builder = _Builder(unit_lines)
    for entry in entries:
        if entry.is_table:
            builder.table(entry.drafts)
            continue
        label, rest = label_of(entry)
        if label is not None:
            builder.labelled(label, rest, entry.cells, entry.times)
        else:
            builder.plain(entry.text, entry.in_cell)
    if unit_lines:
        _share_units_above(builder.roots)
    _one_paragraph_bodies(builder.roots)
    return builder.roots


def _one_paragraph_bodies(nodes: list[Draft]) -> None:
    """A heading whose only content is one unnumbered paragraph is a section with a body, not a
    heading over one task ("一、指导思想 / 以习近平…为指导，…").

    实施方案 open with such parts (指导思想, 工作目标), and so do 要点 with a short preamble section.
    """
    for node in nodes:
        only = node.children[0] if len(node.children) == 1 else None
        if only is not None and node.label and not only.label and not only.children and node.is_heading() \
                and not only.unit_cells and not only.time_cells and len(nodes) > 1:
            node.text = f"{node.text}\n{only.text}"
            node.children = []
        else:
            _one_paragraph_bodies(node.children)


def _copied_unit_column(entries: list[Entry]) -> bool:
    """Does the text look like a table flattened to lines, units on their own lines?"""
    count = 0
    previous_was_units = True
    for entry in entries:
        if entry.is_table:
            continue
        label, _ = label_of(entry)
        is_units = label is None and not previous_was_units and looks_like_unit_cell(entry.text)
        count += is_units
        previous_was_units = is_units
        if count >= 2:
            return True
    return False


def _share_units_above(roots: list[Draft]) -> None:
    """A task without a unit line of its own shares the one above it (a merged cell)."""
    above: list[tuple[str, str]] = []
    stack = list(reversed(roots))
    while stack:
        node = stack.pop()
        if node.children:
            stack.extend(reversed(node.children))
            continue
        if node.unit_cells:
            above = node.unit_cells
        elif above:
            node.unit_cells = list(above)
