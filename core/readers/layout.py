"""Positioned text back into lines, tables and paragraphs: OFD glyphs and OCR boxes alike.

Glyphs sharing a baseline make a line; within a line, a gap wider than CELL_GAP em or a drawn
vertical rule splits it into segments (table cells, or a signature set apart). Runs of lines
with several segments are tables (layout_table). Everything else goes to the PDF reader's
stages (pdf_lines): wrapped lines joined back into paragraphs, page numbers dropped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from core.errors import InputError
from core.messages import Notice
from core.readers.document import Paragraph, Table
from core.readers.layout_table import table_at, table_from
from core.readers.pdf_lines import Line, is_page_number, paragraphs, tidy_spaces
from core.readers.positioned import Glyph, PageLine, Segment

CELL_GAP = 1.5  # em: wider gaps separate table cells (Word's cell padding leaves about 1 em)
SPACE_GAP = 0.35  # em: narrower gaps are letter spacing; wider ones a space between words


def _floats(text: str | None) -> list[float]:
    out = []
    for tok in (text or "").replace(",", " ").split():
        try:
            value = float(tok)
        except ValueError:
            continue
        if math.isfinite(value):
            out.append(value)
    return out


def deltas(text: str | None) -> list[float]:
    """DeltaX/DeltaY as a flat list: "g 3 5.6 2" means 5.6, 5.6, 5.6, 2."""
    out: list[float] = []
    toks = (text or "").split()
    i = 0
    while i < len(toks):
        if toks[i] == "g" and i + 2 < len(toks):
            try:
                count, value = int(float(toks[i + 1])), float(toks[i + 2])
            except ValueError:
                break
            out.extend([value] * max(0, min(count, 100_000)))
            i += 3
            continue
        try:
            out.append(float(toks[i]))
        except ValueError:
            pass
        i += 1
    return [v if math.isfinite(v) else 0.0 for v in out]


def _local(el) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


@dataclass
class Glyphs:
    """Every glyph of every page, in page coordinates (millimetres, y downwards)."""

    limit: int
    pages: dict[int, list[Glyph]] = field(default_factory=dict)
    rules: dict[int, list[tuple[float, float, float]]] = field(default_factory=dict)  # x, top, bottom
    hrules: dict[int, list[tuple[float, float, float]]] = field(default_factory=dict)  # y, left, right
    count: int = 0

    def add_page_content(self, root, page: int) -> int:
        """Add a page's (or template's) text objects and ruled lines; returns how many images it draws."""
        images = 0
        self.pages.setdefault(page, [])
        for el in root.iter():
            name = _local(el)
            if name == "ImageObject":
                images += 1
            elif name == "TextObject":
                self._text_object(el, page)
            elif name == "PathObject":
                self._rule(el, page)
        return images

    def _rule(self, obj, page: int) -> None:
        """A drawn vertical line (a table's cell border): text on either side is in different cells."""
        box = _floats(obj.get("Boundary"))
        if len(box) != 4:
            return
        if box[2] <= 1.5 and box[3] >= 3.0:
            rules = self.rules.setdefault(page, [])
            if len(rules) < 100_000:
                rules.append((box[0] + box[2] / 2, box[1], box[1] + box[3]))
        elif box[3] <= 1.5 and box[2] >= 3.0:
            rules = self.hrules.setdefault(page, [])
            if len(rules) < 100_000:
                rules.append((box[1] + box[3] / 2, box[0], box[0] + box[2]))

    def _text_object(self, obj, page: int) -> None:
        box = _floats(obj.get("Boundary")) + [0.0, 0.0]
        ctm = _floats(obj.get("CTM"))
        a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        scale = math.sqrt(abs(a * d - b * c)) or 1.0
        size = (_floats(obj.get("Size")) or [3.5])[0] * scale
        size = size if 0.1 < size < 500 else 3.5
        x = y = 0.0
        out = self.pages.setdefault(page, [])
        for code in obj:
            if _local(code) != "TextCode":
                continue
            text = code.text or ""
            x = (_floats(code.get("X")) or [x])[0]
            y = (_floats(code.get("Y")) or [y])[0]
            dx = deltas(code.get("DeltaX"))
            self.count += len(text)
            if self.count > self.limit:
                raise InputError("corrupt", detail=Notice("detail_ofd_too_much_text"))
            for i, ch in enumerate(text):
                step = dx[i] if i < len(dx) else None
                px, py = box[0] + a * x + c * y + e, box[1] + b * x + d * y + f
                width = (step * scale if step is not None and step > 0 else
                         size * (0.5 if ch.isascii() else 1.0))
                if not ch.isspace():
                    out.append(Glyph(px, py, min(width, size * 1.2), size, ch))
                x += step if step is not None else width / scale


def page_lines(glyphs: list[Glyph], page: int, rules: list[tuple[float, float, float]] = ()) -> list[PageLine]:
    """One page's glyphs as lines top to bottom, each cut into segments at wide gaps and at
    drawn vertical rules."""
    rows: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: (g.y, g.x)):
        if rows and abs(g.y - rows[-1][0].y) <= rows[-1][0].size * 0.4:
            rows[-1].append(g)
        else:
            rows.append([g])
    out = []
    for row in rows:
        row.sort(key=lambda g: g.x)
        segments: list[Segment] = []
        chars: list[str] = []
        left = prev = None
        ruled = sorted(x for x, top, bottom in rules if top - 0.5 <= row[0].y - row[0].size * 0.5 <= bottom + 0.5)
        for g in row:
            if prev is not None:
                gap = g.x - (prev.x + prev.width)
                split = bool(ruled) and _between(ruled, prev.x + prev.width * 0.5, g.x + g.width * 0.5)
                if split or gap > CELL_GAP * g.size:
                    segments.append(Segment(left, prev.x + prev.width, tidy_spaces("".join(chars)), prev.size))
                    chars, left = [], None
                elif gap > SPACE_GAP * g.size:
                    chars.append(" ")
            if left is None:
                left = g.x
            chars.append(g.char)
            prev = g
        if chars and prev is not None:
            segments.append(Segment(left, prev.x + prev.width, tidy_spaces("".join(chars)), prev.size))
        segments = [s for s in segments if s.text.strip()]
        if segments:
            out.append(PageLine(page, row[0].y, segments))
    if out:
        out[0].first_on_page = True
        out[-1].last_on_page = True
    return out


def _between(xs: list[float], lo: float, hi: float) -> bool:
    import bisect

    i = bisect.bisect_right(xs, lo)
    return i < len(xs) and xs[i] < hi


def _as_line(pl: PageLine) -> Line:
    return Line(pl.text(), pl.left, pl.right, pl.page, pl.first_on_page, pl.last_on_page, char_width=pl.size)


def blocks_from_pages(glyphs: Glyphs) -> list[Paragraph | Table]:
    """All pages' glyphs as paragraphs and tables, page numbers dropped."""
    return blocks_from_lines([pl for page in sorted(glyphs.pages)
                              for pl in page_lines(glyphs.pages[page], page, glyphs.rules.get(page, []))],
                             glyphs.hrules, glyphs.rules)


def blocks_from_lines(lines: list[PageLine], hrules: dict | None = None,
                      vrules: dict | None = None) -> list[Paragraph | Table]:
    """Lines of all pages, top to bottom, as paragraphs and tables; page numbers dropped.
    `hrules` and `vrules` (page → drawn rules) tell rows, cells and merged cells in ruled tables."""
    lines = [pl for pl in lines if not is_page_number(_as_line(pl))]
    vrules = vrules or {}
    blocks: list[Paragraph | Table] = []
    i = 0
    while i < len(lines):
        end = table_at(lines, i, vrules)
        if end:
            blocks.append(table_from(lines[i:end], hrules or {}))
            i = end
            continue
        j = i + 1
        while j < len(lines) and not table_at(lines, j, vrules):
            j += 1
        blocks.extend(paragraphs([_as_line(pl) for pl in lines[i:j]]))
        i = j
    return blocks
