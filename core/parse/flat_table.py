"""Stage: a 分解表 whose cells were joined into one line — header words run together, rows cut
at their labels, each row's unit cells found inside its text.

Web archives and some sites' copy-paste give "…分解表工作任务工作要求牵头单位配合/责任单位一、…
1.主动公开…。通过…展示。区经济发展局区自然资源与生态环境局 区直有关单位，…2.…". The header
says which cells a row holds and in what order; the row's unit run (core.parse.unit_runs) is cut
out of its text and split between the unit columns. A row without unit cells shares those of
the row above, as a merged cell does in the table it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.domain.textfold import fold
from core.parse import columns as roles
from core.parse.inline import Found
from core.parse.meta import is_title_line
from core.parse.unit_runs import Run, find_run, split_roles, vocabulary

_TERMINAL = (r"(?:任务|事项|内容|要求|措施|举措|目标|要点|项目|单位|部门|处室|科室|股室|责任人|主体|时限|时间|"
             r"期限|日期|进度|节点|安排|序号|编号|备注|说明|分工|类别|领域|主办|协办|牵头|配合)")
_MODIFIER = r"(?:工作|任务|进度|主要|重点|具体|牵头|责任|配合|协办|主办|协助|参与|负责|完成|办理|落实|时间|细化|实施|[/、及和])"
_CELL = re.compile(rf"{_MODIFIER}{{0,3}}{_TERMINAL}")
_MAX_CELL = 10
_MIN_CELLS = 3
_USUAL_CELL = 4
_TITLE_TAIL = 40
_TIME_CELL_MAX = 30
_MAX_BLANK_CELLS = 10
_TAIL_CELL = 4  # the longest first cell glued to a title that is looked for
_HEAD_ROOM = 80  # the first section's heading, between the header and the first label
_FIRST_SECTION = re.compile(r"[一1](?=[^一二三四五六七八九十\d、.．])")
_NO_START = set("/、及和")
_BLANK_RUN = re.compile("[ \u3000\t]+")
_ROLES = ("lead", "responsible", "cooperating")


@dataclass(frozen=True)
class Header:
    """A flattened header: where it starts in the text, and each column's kind in order
    ("content", "time", "seq", "note", or a unit role "lead"/"responsible"/"cooperating")."""

    start: int
    columns: tuple[str, ...]
    end: int = -1  # where the rows begin (-1: at the end of the text searched)

    @property
    def unit_roles(self) -> list[str]:
        return [c for c in self.columns if c in _ROLES]

    @property
    def units_last(self) -> bool:
        """No text column after the unit columns: the row ends with its unit cells."""
        last_unit = max(i for i, c in enumerate(self.columns) if c in _ROLES)
        return all(c in ("seq", "note") for c in self.columns[last_unit + 1:])

    @property
    def time_after_units(self) -> bool:
        """The column after the last unit column is the time limit (…|配合单位|完成时限)."""
        last_unit = max(i for i, c in enumerate(self.columns) if c in _ROLES)
        return self.columns[last_unit + 1:last_unit + 2] == ("time",)

    @property
    def units_before_label(self) -> bool:
        """The unit cells open the row, before any 序号 or text cell: a row's units stand before its label."""
        return self.columns[0] in _ROLES

    @property
    def units_first(self) -> bool:
        """The unit cells come before the task's text."""
        first_unit = min(i for i, c in enumerate(self.columns) if c in _ROLES)
        return "content" not in self.columns[:first_unit]


_KIND = {roles.SEQ: "seq", roles.CATEGORY: "content", roles.TASK: "content", roles.REQUIREMENT: "content",
         roles.LEAD: "lead", roles.RESPONSIBLE: "responsible", roles.COOPERATING: "cooperating",
         roles.UNIT: "responsible", roles.DEADLINE: "time", roles.NOTE: "note"}


def column_kind(cell: str) -> str | None:
    """A header cell's meaning, by the table stage's keyword classes (core.parse.columns)."""
    role = roles.header_role(cell)
    return _KIND.get(role) if role else None


def find_header(text: str) -> Header | None:
    """Header words run together at the end of `text` (the part before the first row), or just
    before the bare 序号 numeral of the first section ("…序号责任单位工作事项完成时限一　推进…").

    Serves provincial and district 分解表 copied from web archives (task|要求|牵头|配合 and
    task|牵头|责任|要求 orders alike) and PDF tables whose text layer lost the cell borders.
    """
    parted = _blank_parted_header(text)
    if parted is not None:
        return parted
    squeezed = fold(_BLANK_RUN.sub("", text))
    ends = [len(squeezed)] + [m.start() for m in _FIRST_SECTION.finditer(squeezed, max(0, len(squeezed) - _HEAD_ROOM))]
    for n in ends:
        found = _header_ending_at(squeezed, n)
        if found is not None:
            j, kinds = found
            end = _unsqueezed(text, n) if n < len(squeezed) else len(text)
            return Header(_unsqueezed(text, j), tuple(kinds), end)
    return None


def _unsqueezed(text: str, k: int) -> int:
    """Where the k-th character that is no blank stands in `text` (the blank runs counted, not
    every character)."""
    shift = 0
    for m in _BLANK_RUN.finditer(text):
        if m.start() - shift > k:
            break
        shift += m.end() - m.start()
    return k + shift


def _blank_parted_header(text: str) -> Header | None:
    """Header cells parted by blanks at the end of the text ("序　工作目标　办结时限　主责单位　配合部门（单位）"),
    each known by its meaning, whatever its words; the first may be glued to the title before it.

    Serves tables whose cells a web archive or a PDF kept apart by blanks, with header words the
    cell grammar above does not know.
    """
    tokens = [(m.start(), m.group(0)) for m in re.finditer(r"[^ \u3000\t]+", text)]
    cells: list[tuple[int, str]] = []
    for at, token in reversed(tokens[-_MAX_BLANK_CELLS:]):
        kind = column_kind(token) if len(token) <= _MAX_CELL + 2 else None
        if kind is not None:
            cells.insert(0, (at, kind))
            continue
        for n in range(1, _TAIL_CELL + 1):  # "…任务分解表序": the title glued to the first cell
            tail = column_kind(token[-n:]) if n < len(token) else None
            if tail is not None:
                cells.insert(0, (at + len(token) - n, tail))
                break
        break
    kinds = [k for _a, k in cells]
    if len(cells) < _MIN_CELLS or len(cells) < 2 or "content" not in kinds or not any(k in _ROLES for k in kinds):
        return None
    return Header(cells[0][0], tuple(kinds))


def _header_ending_at(squeezed: str, n: int) -> tuple[int, list[str]] | None:
    """The earliest start of header cells tiling squeezed[:n] up to n, with their kinds."""
    best = _tilings(squeezed, n)
    starts = [j for j, found in best.items() if found and len(found[1]) >= _MIN_CELLS]
    for j in sorted(starts):
        if _ends_a_title(squeezed, j, best[j][1][0]):
            continue
        kinds = [column_kind(c) for c in best[j][1]]
        if None in kinds or "content" not in kinds or not any(k in _ROLES for k in kinds):
            continue
        return j, kinds
    return None


def _tilings(squeezed: str, n: int) -> dict[int, tuple[int, list[str]] | None]:
    """For each start a few cells before n, the best tiling of squeezed[start:n] by header cells
    (its cost and cells), None where none tiles it."""
    # among tilings the one whose cells are nearest the usual four characters wins
    # ("工作任务|工作要求", not "工作任务工作要求"; "牵头单位", not "牵头|单位")
    best: dict[int, tuple[int, list[str]] | None] = {n: (0, [])}
    tiled = [n]  # where a tiling up to n starts, found right to left: the nearest last
    for j in range(n - 1, max(-1, n - _MAX_CELL * 12), -1):
        best[j] = None
        if squeezed[j] in _NO_START:
            continue
        top = min(n, j + _MAX_CELL)
        for k in reversed(tiled):  # the cell ends worth a look, nearest first
            if k > top:
                break
            rest = best[k]
            if k < j + 2 or rest is None or not _CELL.fullmatch(squeezed, j, k):
                continue
            cost = rest[0] + (k - j - _USUAL_CELL) ** 2
            if best[j] is None or cost < best[j][0]:
                best[j] = (cost, [squeezed[j:k], *rest[1]])
        if best[j] is not None:
            tiled.append(j)
    return best


def _ends_a_title(squeezed: str, j: int, cell: str) -> bool:
    """Is the first cell the end of the title before it ("…政务公开工作|要点|编号…")?"""
    tail = re.split(r"[。：:；;！？）)]", squeezed[:j])[-1][-_TITLE_TAIL:]
    return bool(tail) and not is_title_line(tail) and is_title_line(tail + cell)


@dataclass
class Row:
    """One labelled piece of a flattened table: its text without the unit run, and its unit cells."""

    found: Found
    text: str
    units: dict[str, list[str]]
    leaf: bool
    times: list[str] = field(default_factory=list)  # the time cell, when one follows the units


def _leaves(pieces: list[tuple[Found, str]]) -> list[bool]:
    """A piece is a row (not a section heading) when the next piece does not open a level below it."""
    depth, stack = [], []
    for found, _text in pieces:
        kinds = [k for k in stack]
        if found.label.kind in kinds:
            del stack[kinds.index(found.label.kind):]
        stack.append(found.label.kind)
        depth.append(len(stack))
    return [i + 1 == len(depth) or depth[i + 1] <= depth[i] for i in range(len(depth))]


def read_rows(pieces: list[tuple[Found, str]], header: Header, addressees: list[str]) -> list[Row]:
    """Each piece as a row: section headings stay text, task rows get their unit cells."""
    leaves = _leaves(pieces)
    vocab = vocabulary((t for (_f, t), leaf in zip(pieces, leaves, strict=True) if leaf), addressees)
    if header.units_before_label:
        return _rows_units_before_label(pieces, leaves, header, vocab)
    rows: list[Row] = []
    above: dict[str, list[str]] | None = None
    at_end, not_before = header.units_last, 0 if header.units_first else 1
    for (found, text), leaf in zip(pieces, leaves, strict=True):
        if not leaf:
            rows.append(Row(found, text.strip(), {}, False))
            continue
        run = find_run(text, vocab, at_end, not_before)
        if run is None:
            rows.append(Row(found, text.strip(), dict(above or {}), True))
            continue
        units = _cells(text, run, header)
        above = units
        if header.time_after_units and text[run.end:].strip():
            rows.append(Row(found, text[:run.start].strip(), units, True, [text[run.end:].strip()]))
        else:
            rows.append(Row(found, _without(text, run), units, True, _last_time_cell(text, header)))
    return rows


def _last_time_cell(text: str, header: Header) -> list[str]:
    """A time column at the row's end, parted from the text before it by a blank ("…公示。　7月前")."""
    if header.columns[-1] != "time":
        return []
    tail = re.split(r"[ \u3000]", text.strip())[-1]
    return [tail] if tail != text.strip() and len(tail) <= _TIME_CELL_MAX else []


def _cells(text: str, run: Run, header: Header) -> dict[str, list[str]]:
    after = text[run.end:]
    blank_after = after[:1] in (" ", "\u3000") and not after.strip(" \u3000。；;")
    blank_before = run.start > 0 and text[run.start - 1] in " \u3000"
    return split_roles(run, header.unit_roles, blank_after, blank_before, header.units_last)


def _without(text: str, run: Run) -> str:
    """The row's own text: what stands before the unit run and, on a line of its own, after it."""
    head, tail = text[:run.start].strip(), text[run.end:].strip()
    return f"{head}\n{tail}" if head and tail else head or tail


def _rows_units_before_label(pieces: list[tuple[Found, str]], leaves: list[bool], header: Header,
                             vocab: frozenset[str]) -> list[Row]:
    """Rows of a table whose unit cells come first (责任单位 | 工作任务 | …): the unit run that ends one
    piece is the next row's, standing before that row's label; a row whose unit cell was merged
    with the row above has none before it and shares the one above.

    Serves department 任务分解表 that lead with the 责任科室 column and district 分解表 ordered
    牵头单位 | 配合单位 | 工作任务 alike, once a web archive joined their cells into one line.
    """
    carried: list[dict[str, list[str]] | None] = [None] * (len(pieces) + 1)
    texts = []
    for i, (_found, text) in enumerate(pieces):
        run = find_run(text, vocab, True, 1)
        if run is not None and text[:run.start].strip():
            blank_before = text[run.start - 1] in " \u3000"
            carried[i + 1] = split_roles(run, header.unit_roles, False, blank_before, False)
            text = text[:run.start]
        texts.append(text.strip())
    rows: list[Row] = []
    above: dict[str, list[str]] | None = None
    pending = carried[0]
    for i, ((found, _text), leaf) in enumerate(zip(pieces, leaves, strict=True)):
        units = carried[i] if carried[i] is not None else pending
        if not leaf:
            pending = units  # the run before a heading's first row: that row's units
            rows.append(Row(found, texts[i], {}, False))
            continue
        pending = None
        above = units or above
        rows.append(Row(found, texts[i], dict(above or {}), True))
    return rows
