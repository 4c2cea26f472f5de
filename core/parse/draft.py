"""The parser's working node: a ParsedNode-to-be that still carries its raw unit and time cells."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.parse.brackets import QUOTED, outside
from core.parse.parsed_plan import ParsedDeadline, ParsedNode

_SENTENCE_END = "。！？!?；;"
_HEAD_MAX = 60  # a one-sentence line longer than this is a task, not a heading


@dataclass
class Draft:
    """A section or task as read so far; `units`/`deadlines` are filled by later stages."""

    label: str = ""
    kind: str = ""
    value: int = 0
    text: str = ""
    title: str = ""  # set when the heading is one cell of several (a task cell before its 工作要求)
    unit_cells: list[tuple[str, str]] = field(default_factory=list)  # (cell text, default role)
    time_cells: list[str] = field(default_factory=list)
    from_table: bool = False
    children: list[Draft] = field(default_factory=list)
    units: dict[str, list[str]] = field(default_factory=dict)
    deadlines: list[ParsedDeadline] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def is_heading(self) -> bool:
        """A heading is one short sentence; anything longer carries a task's body."""
        return is_heading_text(self.text)

    def to_node(self) -> ParsedNode:
        node = ParsedNode(label=self.label, title=first_sentence(self.title or self.text), text=self.text,
                          deadlines=list(self.deadlines), children=[c.to_node() for c in self.children])
        for role, names in self.units.items():
            node.units[role] = list(names)
        return node


def first_sentence(text: str) -> str:
    """Text up to the first full stop outside brackets and quotes, without the stop."""
    for i in outside(text, _SENTENCE_END, QUOTED):
        head = text[:i].strip()
        if head:
            return head
    return text.strip().rstrip("。.;；:：")


_STOP = re.compile(r"[。！？!?；;]")


def is_heading_text(text: str) -> bool:
    """One sentence of at most _HEAD_MAX characters (a trailing stop allowed)."""
    body = text.strip().rstrip("。.;；:：")
    return len(body) <= _HEAD_MAX and not _STOP.search(body)
