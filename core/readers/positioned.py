"""Positioned text as the layout stages pass it on: glyphs, the segments of a line, page lines.

Shared by layout.py (glyphs → lines), layout_table.py (lines → tables) and the OCR reader, so
none of them has to import another for its records.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Glyph:
    """One character (or one OCR box's text) where the page put it: baseline x, y and font size."""

    x: float
    y: float
    width: float
    size: float
    char: str


@dataclass
class Segment:
    """A run of glyphs on one line with no wide gap or drawn rule inside: a cell, or a phrase set apart."""

    left: float
    right: float
    text: str
    size: float


@dataclass
class PageLine:
    """One printed line of a page, left to right in segments; first/last on its page for the joiner."""

    page: int
    y: float
    segments: list[Segment]
    first_on_page: bool = False
    last_on_page: bool = False

    @property
    def left(self) -> float:
        return self.segments[0].left

    @property
    def right(self) -> float:
        return self.segments[-1].right

    @property
    def size(self) -> float:
        return max(s.size for s in self.segments)

    def text(self) -> str:
        return " ".join(s.text for s in self.segments)
