"""Walking an HTML tree the way a browser would show it: blocks break, noise and hidden parts vanish.

The saved page of a government site is mostly navigation, share buttons and footers; the
plan sits in a few <p>, <div> or a table. We keep what is visible and in the reading flow.
"""

from __future__ import annotations

import re

from core.readers.document import Block, Cell, Paragraph, Table
from core.readers.docx_numbering import format_number


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DROP = _words("script style noscript template nav header footer aside head title iframe object embed svg "
                 "math canvas select option button input textarea rt rp map audio video dialog")
BLOCK = _words("address article blockquote center dd details div dl dt fieldset figcaption figure form "
                  "h1 h2 h3 h4 h5 h6 hgroup hr legend li main menu ol p pre section summary ul body html "
                  "caption")
NOISE_TOKENS = _words("nav navbar menu footer breadcrumb crumbs sidebar share bdshare copyright toolbar "
                         "hidden hide sr-only visually-hidden screen-reader-text")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_BREAK_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\r\n\f\xa0]+")
MAX_DEPTH = 200
MAX_SPAN = 100
MAX_GRID_CELLS = 200_000  # a plan table has a few hundred cells
_MAX_VALUE = 100_000
_LIST_STYLES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
_CSS_LIST = {"decimal": "decimal", "lower-alpha": "lowerLetter", "lower-latin": "lowerLetter",
             "upper-alpha": "upperLetter", "upper-latin": "upperLetter", "lower-roman": "lowerRoman",
             "upper-roman": "upperRoman", "cjk-ideographic": "chineseCounting", "cjk-decimal": "ideographDigital",
             "simp-chinese-informal": "chineseCounting", "trad-chinese-informal": "chineseCounting",
             "circled-decimal": "decimalEnclosedCircle", "none": "none", "disc": "none", "circle": "none",
             "square": "none"}


def is_hidden(el) -> bool:
    """Hidden by attribute, inline style or a class/id that only hides or frames the page."""
    if el.get("hidden") is not None or (el.get("type") or "").lower() == "hidden":
        return True
    if _HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    tokens = set((el.get("class") or "").lower().split()) | {(el.get("id") or "").lower()}
    return bool(tokens & NOISE_TOKENS) and el.tag not in ("td", "th", "tr", "table", "tbody")


def tag_of(el) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


class Walker:
    """Collects Paragraphs and Tables from an element tree, in document order."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._buf: list[str] = []
        self._label = ""
        self._heading: int | None = None
        self._lists: list[list] = []  # [format, next value] per open <ol>/<ul>

    def walk(self, el, depth: int = 0, pre: bool = False) -> None:
        tag = tag_of(el)
        if not tag or tag in DROP or is_hidden(el):
            return
        if depth > MAX_DEPTH:
            self._add(" ".join(el.itertext()), pre)
            return
        if tag == "br":
            self.flush()
            return
        if tag == "table":
            self.flush()
            self.table(el, depth)
            return
        block = tag in BLOCK
        if block:
            self.flush()
        if tag in ("ol", "ul"):
            self._lists.append([_list_format(el, tag), _int(el.get("start"), 1)])
        elif tag == "li":
            self._label = self._list_label(el)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = int(tag[1])
        self._add(el.text, pre or tag == "pre")
        for child in el:
            self.walk(child, depth + 1, pre or tag == "pre")
            self._add(child.tail, pre)
        if block:
            self.flush()
        if tag in ("ol", "ul") and self._lists:
            self._lists.pop()

    def _add(self, text: str | None, pre: bool) -> None:
        if not text:
            return
        if not pre:
            self._buf.append(text)
            return
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if i:
                self.flush()
            self._buf.append(line)

    def flush(self) -> None:
        """End the current paragraph (browser white-space rules applied)."""
        text = _BREAK_BETWEEN_CJK.sub("", "".join(self._buf))
        text = _SPACES.sub(" ", text).strip()
        self._buf.clear()
        if text or self._label:
            self.blocks.append(Paragraph(text, self._label, self._heading))
            self._label = ""
        self._heading = None

    def _list_label(self, li) -> str:
        if not self._lists:
            return ""
        state = self._lists[-1]
        value = max(-_MAX_VALUE, min(_int(li.get("value"), state[1]), _MAX_VALUE))
        state[1] = value + 1
        fmt = state[0]
        if fmt == "none":
            return ""
        return format_number(value, fmt) + ("、" if fmt == "chineseCounting" else ".")

    def table(self, table, depth: int) -> None:
        grouped = [(group, [c for c in tr if tag_of(c) in ("td", "th") and not is_hidden(c)])
                   for group, tr in _table_rows(table) if not is_hidden(tr)]
        grouped = [(g, r) for g, r in grouped if r]
        rows = [r for _, r in grouped]
        ends = _group_ends([g for g, _ in grouped])
        cells = [c for r in rows for c in r]
        layout = (table.get("role") or "").lower() in ("presentation", "none") or len(cells) <= 1 or any(
            c.find(".//table") is not None for c in cells)
        for caption in table.findall("caption"):
            self.walk(caption, depth + 1)
        if layout:  # a frame around content (old sites lay whole pages out in tables)
            for cell in cells:
                self.walk(cell, depth + 1)
                self.flush()
            return
        grid = build_grid([[(_int(c.get("rowspan"), 1), _int(c.get("colspan"), 1), self._cell(c, depth))
                            for c in r] for r in rows], ends=ends)
        if grid:
            self.blocks.append(Table(grid))

    def _cell(self, td, depth: int) -> tuple[str, str]:
        sub = Walker()
        sub.walk(td, depth + 1)
        sub.flush()
        paras = [b for b in sub.blocks if isinstance(b, Paragraph)]
        if not paras:
            return "", ""
        rest = [p.label + p.text for p in paras[1:]]
        return paras[0].label, "\n".join([paras[0].text, *rest])


def _table_rows(table):
    """(row group, tr): a rowspan never reaches past its <thead>/<tbody>/<tfoot>, as in a browser."""
    group = 0
    for child in table:
        tag = tag_of(child)
        if tag == "tr":
            yield group, child
        elif tag in ("thead", "tbody", "tfoot"):
            group += 1
            yield from ((group, tr) for tr in child if tag_of(tr) == "tr")
            group += 1


def _group_ends(groups: list[int]) -> list[int]:
    """For each row, the index just past the last row of its row group."""
    ends, end = [0] * len(groups), len(groups)
    for k in range(len(groups) - 1, -1, -1):
        if k + 1 < len(groups) and groups[k + 1] != groups[k]:
            end = k + 1
        ends[k] = end
    return ends


def build_grid(rows: list[list[tuple[int, int, tuple[str, str]]]], spans: bool = True,
               ends: list[int] | None = None) -> list[list[Cell]]:
    """rowspan/colspan into a full grid: covered positions repeat the text, flagged.

    `ends[r]` is where row r's row group ends (rowspan="0" runs to it, no span crosses it).
    """
    grid: dict[tuple[int, int], Cell] = {}
    height = len(rows)
    for r, row in enumerate(rows):
        c = 0
        end = ends[r] if ends else height
        for rowspan, colspan, (label, text) in row:
            while (r, c) in grid:
                c += 1
            rowspan = end - r if rowspan == 0 else max(1, min(rowspan, end - r))
            colspan = max(1, min(colspan, MAX_SPAN))
            if not spans:
                rowspan = colspan = 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid.setdefault((r + dr, c + dc), Cell(text, merged_up=dr > 0, merged_left=dc > 0, label=label))
            c += colspan
            if len(grid) > MAX_GRID_CELLS:  # hostile spans: keep the text, drop the merges
                return build_grid(rows, spans=False, ends=ends) if spans else []
    if not grid:
        return []
    width = max(c for _, c in grid) + 1
    return [[grid.get((r, c)) or Cell("") for c in range(width)] for r in range(height)]


def _int(text: str | None, default: int) -> int:
    """An HTML integer attribute read as browsers do: its leading digits ("2;" and "3px" count)."""
    m = re.match(r"\s*([+-]?\d+)", text or "")
    return int(m.group(1)) if m else default


def _list_format(el, tag: str) -> str:
    style = (el.get("style") or "").lower()
    m = re.search(r"list-style(?:-type)?\s*:\s*([a-z-]+)", style)
    if m and m.group(1) in _CSS_LIST:
        return _CSS_LIST[m.group(1)]
    if tag == "ul":
        return "none"
    return _LIST_STYLES.get(el.get("type") or "1", "decimal")
