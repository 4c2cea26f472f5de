"""What a reader hands the parser: the document's text as paragraphs and tables, in order.

Readers (core/readers/) know file formats; the parser (core/parse/) knows the genre.
This module is the whole contract between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.messages import Notice


@dataclass
class Paragraph:
    """One paragraph of text. `label` holds the printed number Word generated automatically
    (e.g. "一、", "1."), which is not part of `text`; readers of plain text leave it empty."""

    text: str
    label: str = ""
    heading_level: int | None = None  # outline level from the source's styles, when it has one


@dataclass
class Cell:
    """A table cell. A cell covered by a merged cell repeats the merged cell's text and is
    flagged, so a simple reader of the table sees the text and a careful one sees the merge."""

    text: str
    merged_up: bool = False  # covered by a vertical merge starting in a row above
    merged_left: bool = False  # covered by a horizontal merge starting in a column to the left
    label: str = ""  # automatic numbering inside the cell (Word lists), not part of `text`


@dataclass
class Table:
    """A table as a grid: every row has one Cell per grid column."""

    rows: list[list[Cell]] = field(default_factory=list)


Block = Paragraph | Table


@dataclass
class Document:
    """A document's blocks in reading order plus what the reader learnt on the way."""

    blocks: list[Block] = field(default_factory=list)
    source_name: str = ""
    encoding: str | None = None  # for text formats: the encoding that was detected
    title_hint: str | None = None  # a title the container declares (HTML <title>, docx core props)
    notes: list[Notice] = field(default_factory=list)  # what the reader noted, for the import warnings

    def text(self) -> str:
        """All text, one paragraph or table row per line; for diagnostics and fallbacks."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                lines.append((block.label + block.text) if block.label else block.text)
            else:
                for row in block.rows:
                    lines.append("\t".join(c.text for c in row if not c.merged_left))
        return "\n".join(lines)
