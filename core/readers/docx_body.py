"""Walking a Word body: paragraphs and tables in order, labels restored, merged cells flagged.

We read WordprocessingML ourselves (through a hardened lxml parser) rather than through
python-docx, because we need what python-docx hides: content controls, tracked changes,
vMerge/gridSpan on the grid, and numbering counters advanced in true reading order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.readers.document import Block, Cell, Paragraph, Table
from core.readers.docx_numbering import Numbering, W, wval

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = {W + n for n in ("del", "moveFrom", "instrText", "delText", "rPr", "pPr", "drawing", "pict",
                         "object", "footnoteReference", "endnoteReference", "commentReference",
                         "rt", "fldData", "tcPr", "trPr", "tblPr", "sectPr", "txbxContent")}
_SKIP.add(MC + "AlternateContent")
_CONTAINERS = {W + n for n in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")}
MAX_TABLE_DEPTH = 8
MAX_SPAN = 64
MAX_GRID_CELLS = 200_000  # a plan table has a few hundred cells


def _on(el) -> bool:
    """A w:b-style toggle: present and not switched off."""
    return el is not None and el.get(W + "val") not in ("0", "false", "off")


@dataclass
class Styles:
    """What paragraph styles say about numbering and outline level, with basedOn followed."""

    based_on: dict[str, str] = field(default_factory=dict)
    num: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)
    outline: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    default: str | None = None
    numbering_style_nums: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, root) -> Styles:
        self = cls()
        if root is None:
            return self
        for st in root.iter(W + "style"):
            sid = st.get(W + "styleId") or ""
            ppr = st.find(W + "pPr")
            numpr = ppr.find(W + "numPr") if ppr is not None else None
            if st.get(W + "type") == "numbering":
                if numpr is not None and wval(numpr, "numId"):
                    self.numbering_style_nums[sid] = wval(numpr, "numId") or ""
                continue
            if st.get(W + "type") not in (None, "paragraph"):
                continue
            self.names[sid] = (wval(st, "name") or "").lower()
            if wval(st, "basedOn"):
                self.based_on[sid] = wval(st, "basedOn") or ""
            if numpr is not None:
                ilvl = wval(numpr, "ilvl")
                self.num[sid] = (wval(numpr, "numId"), int(ilvl) if (ilvl or "").isdigit() else None)
            outline = wval(ppr, "outlineLvl")
            if outline and outline.isdigit():
                self.outline[sid] = int(outline)
            if st.get(W + "default") in ("1", "true"):
                self.default = sid
        return self

    def chain(self, sid: str | None) -> list[str]:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        out: list[str] = []
        while sid and sid not in out and len(out) < 20:
            out.append(sid)
            sid = self.based_on.get(sid)
        return out

    def heading_level(self, sid: str | None) -> int | None:
        for s in self.chain(sid):
            if s in self.outline:
                return self.outline[s] + 1 if self.outline[s] < 9 else None
            name = self.names.get(s, "")
            for prefix in ("heading ", "标题 "):
                if name.startswith(prefix) and name[len(prefix):].isdigit():
                    return int(name[len(prefix):])
        return None


class BodyWalker:
    """Turns body-level XML into Blocks; one instance per document (numbering counters)."""

    def __init__(self, styles: Styles, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.first_title: str | None = None

    def blocks(self, parent, depth: int = 0) -> list[Block]:
        """Paragraphs and tables under a body, cell or content control, in order."""
        out: list[Block] = []
        for child in parent:
            tag = child.tag
            if tag == W + "p":
                out.extend(self.paragraph(child))
            elif tag == W + "tbl":
                out.extend(self.table(child, depth + 1))
            elif tag in _CONTAINERS:
                out.extend(self.blocks(child, depth))
        return out

    # -- paragraphs -------------------------------------------------------------------------

    def paragraph(self, p) -> list[Paragraph]:
        ppr = p.find(W + "pPr")
        sid = wval(ppr, "pStyle") or self.styles.default
        label = self._label(ppr, sid)
        parts: list[str] = []
        _inline(p, parts)
        lines = [line.strip() for line in "".join(parts).split("\n")]
        lines = [line for line in lines if line] or ([""] if label else [])
        level = wval(ppr, "outlineLvl")
        heading = (int(level) + 1 if level.isdigit() and int(level) < 9 else None) if level \
            else self.styles.heading_level(sid)
        if self.first_title is None and lines and self.styles.names.get(sid or "") in ("title", "标题"):
            self.first_title = lines[0]
        return [Paragraph(text, label if i == 0 else "", heading) for i, text in enumerate(lines)]

    def _label(self, ppr, sid: str | None) -> str:
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num_id = wval(numpr, "numId")
        ilvl_text = wval(numpr, "ilvl")
        style_num, style_ilvl = None, None
        for s in self.styles.chain(sid):
            n, lv = self.styles.num.get(s, (None, None))
            style_num = style_num or n
            style_ilvl = style_ilvl if style_ilvl is not None else lv
        num_id = num_id or style_num
        if not num_id:
            return ""
        if ilvl_text and ilvl_text.isdigit():
            ilvl = int(ilvl_text)
        elif style_ilvl is not None:
            ilvl = style_ilvl
        else:
            ilvl = self.numbering.style_levels.get(sid or "", 0)
        return self.numbering.label(num_id, ilvl)

    # -- tables -----------------------------------------------------------------------------

    def table(self, tbl, depth: int) -> list[Block]:
        """A table as a grid; a one-cell frame gives its content back as plain blocks."""
        raw: list[list[tuple[int, str | None, list[Block]]]] = []
        for tr in _children(tbl, W + "tr"):
            trpr = tr.find(W + "trPr")
            row: list[tuple[int, str | None, list[Block]]] = []
            row += [(1, None, [])] * _span(wval(trpr, "gridBefore"), 0)
            for tc in _children(tr, W + "tc"):
                tcpr = tc.find(W + "tcPr")
                vm = tcpr.find(W + "vMerge") if tcpr is not None else None
                hm = tcpr.find(W + "hMerge") if tcpr is not None else None
                merge = None if vm is None else (vm.get(W + "val") or "continue")
                content = self.blocks(tc, depth) if depth <= MAX_TABLE_DEPTH else []
                if hm is not None and (hm.get(W + "val") or "continue") == "continue" and row:
                    row.append((1, "left", content))
                else:
                    row.append((_span(wval(tcpr, "gridSpan"), 1), merge, content))
            raw.append(row)
        if len(raw) == 1 and len(raw[0]) == 1 and raw[0][0][0] == 1:
            return raw[0][0][2]  # a frame around content, not a table of data
        return [Table(_grid(raw))] if raw else []


def _children(el, tag: str):
    """Direct children named `tag`, looking through content controls and custom XML."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, tag)


def _span(text: str | None, default: int) -> int:
    return max(0, min(int(text), MAX_SPAN)) if text and text.isdigit() else default


def _cell_text(blocks: list[Block]) -> tuple[str, str]:
    """A cell's blocks as (label, text): the first line's label apart, later labels inline."""
    lines: list[tuple[str, str]] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append((block.label, block.text))
        else:
            for row in block.rows:
                text = " ".join((c.label + c.text) for c in row if not c.merged_left and c.text)
                if text:
                    lines.append(("", text))
    if not lines:
        return "", ""
    first_label, first_text = lines[0]
    rest = [label + text for label, text in lines[1:]]
    return first_label, "\n".join([first_text, *rest])


def _grid(raw: list[list[tuple[int, str | None, list[Block]]]]) -> list[list[Cell]]:
    if sum(span for row in raw for span, _, _ in row) > MAX_GRID_CELLS:  # hostile spans: text, no merges
        raw = [[(1, None, content) for _, _, content in row] for row in raw]
    grid: list[list[Cell]] = []
    for r, row in enumerate(raw):
        cells: list[Cell] = []
        for span, merge, content in row:
            col = len(cells)
            above = grid[r - 1][col] if r and col < len(grid[r - 1]) else None
            if merge == "left" and cells:
                prev = cells[-1]
                cells.append(Cell(prev.text, merged_up=prev.merged_up, merged_left=True, label=prev.label))
                continue
            if merge == "continue" and above is not None:
                origin = Cell(above.text, merged_up=True, merged_left=above.merged_left, label=above.label)
            else:
                label, text = _cell_text(content)
                origin = Cell(text, label=label)
            cells.append(origin)
            for _ in range(span - 1):
                cells.append(Cell(origin.text, merged_up=origin.merged_up, merged_left=True, label=origin.label))
        grid.append(cells)
    width = max((len(r) for r in grid), default=0)
    for cells in grid:
        cells.extend(Cell("") for _ in range(width - len(cells)))
    return grid


def _inline(el, out: list[str]) -> None:
    """Append the printed text under `el`: runs, tabs, breaks; deletions and field codes skipped."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            out.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            out.append(" ")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "sym":
            out.append(_sym(child.get(W + "char")))
        elif tag == W + "r":
            rpr = child.find(W + "rPr")
            if rpr is None or not (_on(rpr.find(W + "vanish")) or _on(rpr.find(W + "webHidden"))):
                _inline(child, out)
        elif tag == W + "p":
            out.append("\n")
            _inline(child, out)
        else:
            _inline(child, out)


def _sym(code: str | None) -> str:
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:
        value -= 0xF000
    return chr(value) if 0x20 <= value < 0xD800 else ""
