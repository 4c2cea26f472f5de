"""Stage: labels inside a line — where a body that came as one long line is cut into paragraphs.

Web archives, some sites' copy-paste and PDFs without line ends give the whole plan on one
line, numbering inside it ("…集中展示。2.归集整理…"). A label is kept only when it continues
the sequence read so far (a sibling's next number, a child family opening at 1, or running
on from the section before), so "国办发〔2021〕12号", "第1条", "3.5亿元" and dates never cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.domain.numerals import CN_DIGITS, cn_value
from core.parse.draft import is_heading_text
from core.parse.labels import Label, split_label

_N = CN_DIGITS
_TRIGGER = re.compile(
    rf"[(（] ?(?:[{_N}]{{1,4}}|\d{{1,3}}) ?[)）]|[{_N}]{{1,3}}[、是]|\d{{1,3}} ?[、.．]|[\u2460-\u2473]|"
    rf"第[{_N}]{{1,3}}(?:阶段|步|部分)"
)
# before a label: the line's start, a blank, a stop or a closing bracket/quote (a "strong" place)
_STRONG_BEFORE = set(" 。；;：:！？!?）)】〕》”’」』、，,")
_NEVER_BEFORE = re.compile(r"[\dA-Za-z.．第〔\[/-]")
# a number standing alone: not a date, an amount, a count or part of a longer number
_BARE = re.compile(r"(?<![\d.．])[1-9]\d{0,2}(?![\d.．、)）年月日号%％个万亿元])")
_BARE_CN = re.compile(rf"[{_N}]{{1,3}}(?![{_N}、.．是])")
_SECTION_HEAD_MAX = 60  # a section's heading, between its numeral and its first row's number
_GAP = 2  # a number may skip this many (a row lost in copying: …27. 29.)
_SUB_POINTS = ("cn是", "①")  # inside prose these are sub-points, not nodes, unless nothing else numbers
JOINED_MIN = 400  # a line at least this long, holding a run of labels, is several paragraphs joined
_JOINED_LABELS = 3


@dataclass(frozen=True)
class Found:
    """A label found inside a line: where it starts and ends, and what it is."""

    start: int
    end: int
    label: Label
    strong: bool
    bare_section: bool = False  # a bare "四" of a 序号 column: a section only where its rows follow


def _bare_numbers(text: str, start: int = 0) -> list[Found]:
    """Bare numbers ("…示范点建设 区信访局…年内2及时总结…"): a 序号 column flattened into the text."""
    out = []
    for m in _BARE.finditer(text, start):
        at = m.start()
        if at and _NEVER_BEFORE.match(text[at - 1]):
            continue
        out.append(Found(at, m.end(), Label("n", int(m.group(0)), m.group(0)), at == 0 or text[at - 1] in _STRONG_BEFORE))
    for m in _BARE_CN.finditer(text, start):
        value = cn_value(m.group(0))
        if value and not (m.start() and text[m.start() - 1] in _N + "(（第"):
            out.append(Found(m.start(), m.end(), Label("cn、", value, m.group(0)), False, True))
    return out


def candidates(text: str, bare_from: int | None = None) -> list[Found]:
    """Every place in `text` that reads as a label, in order (no sequence check yet); from
    `bare_from` on also bare numbers, for a table whose 序号 column was joined into the text."""
    if bare_from is not None:
        return sorted(candidates(text) + _bare_numbers(text, bare_from), key=lambda f: f.start)
    out: list[Found] = []
    for m in _TRIGGER.finditer(text):
        at = m.start()
        before = text[at - 1] if at else " "
        if _NEVER_BEFORE.match(before) or (before in _N and m.group(0)[0] in _N):
            continue
        label, rest = split_label(text[at:at + 80], sub_points=True)
        if label is None or label.kind == "()":
            continue
        end = at + (len(text[at:at + 80]) - len(rest))
        if end < len(text) and text[end - 1].isdigit() and text[end:end + 1].isdigit():
            continue
        out.append(Found(at, end, label, at == 0 or before in _STRONG_BEFORE))
    return out


def _fits(found: Found, stack: list[list], last: dict[str, int]) -> int | None:
    """Where `found` goes in the open levels: the index it takes (len(stack) = a new level), or None."""
    label = found.label
    kinds = [k for k, _v in stack]
    if label.kind in kinds:
        i = kinds.index(label.kind)
        step = label.value - stack[i][1]
        return i if 1 <= step <= 1 + _GAP * (found.strong or step == 1) else None
    if not stack:
        return 0 if label.value == 1 else None
    running_on = last.get(label.kind)
    if label.value == 1 or (running_on is not None and 1 <= label.value - running_on <= 1 + _GAP):
        return len(stack)
    return None


def sequence(found: list[Found], allow: tuple[str, ...] = ()) -> list[Found]:
    """The labels among `found` that make one consistent numbering, in order.

    Serves one-line web archives (Fujian/Pingtan style) and PDF text without line ends alike.
    A new level opened at a weak place (glued to the text before) must be confirmed by its
    number 2 before its parent moves on; sub-point families count only when `allow`ed.
    """
    kept: list[Found] = []
    stack: list[list] = []  # [kind, value] per open level
    last: dict[str, int] = {}
    for k, item in enumerate(found):
        if item.label.kind in _SUB_POINTS and item.label.kind not in allow:
            continue
        at = _fits(item, stack, last)
        if at is None:
            continue
        if item.bare_section and not _rows_follow(found, k, stack, last, at):
            continue
        seen_before = item.label.kind in last and (item.label.value == 1 or last[item.label.kind] == item.label.value - 1)
        if at == len(stack) and not (item.strong or seen_before) and not _confirmed(found, k, stack):
            continue
        del stack[at:]
        stack.append([item.label.kind, item.label.value])
        last[item.label.kind] = item.label.value
        kept.append(item)
    return kept


def _rows_follow(found: list[Found], k: int, stack: list[list], last: dict[str, int], at: int) -> bool:
    """A bare 序号 numeral is the next section only as the next sibling of an open section whose
    following label (a task number restarting or running on) belongs under it."""
    first = not stack and found[k].label.value == 1  # the table's first section
    if not first and (at >= len(stack) or found[k].label.value != stack[at][1] + 1):
        return False
    nxt = next((f for f in found[k + 1:] if not f.bare_section), None)
    if nxt is None or nxt.start - found[k].end > _SECTION_HEAD_MAX or nxt.label.kind == found[k].label.kind:
        return False
    return nxt.label.value == 1 or last.get(nxt.label.kind, -1) + 1 == nxt.label.value


def _confirmed(found: list[Found], k: int, stack: list[list]) -> bool:
    """Is a new level's first label followed by its next number (or by a child family's 1 and 2)
    before an open level moves on?"""
    kind, value = found[k].label.kind, found[k].label.value
    open_kinds = {s[0]: s[1] for s in stack}
    outermost = stack[0][0] if stack else None
    child = None  # a family opening under it and reaching its 2 confirms it as well
    for later in found[k + 1:]:
        if later.label.kind == kind and later.label.value == value + 1:
            return True
        if later.label.kind == outermost and later.label.value == open_kinds[outermost] + 1:
            return False  # the next section: numbering may run on under a sibling, not beyond
        if child is None and later.label.kind not in (kind, *open_kinds) and later.label.value == 1:
            child = later.label.kind
        elif later.label.kind == child and later.label.value == 2:
            return True
    return False


def inline_labels(text: str, bare_from: int | None = None) -> list[Found]:
    """The consistent labels of one line, sub-points ("一是", "①") only where they are the tasks."""
    found = candidates(text, bare_from)
    kept = sequence(found)
    if len(kept) < _JOINED_LABELS:
        return sequence(found, _SUB_POINTS)
    if any(f.label.kind in _SUB_POINTS for f in found):
        return _tasks_under_headings(text, sequence(found, _SUB_POINTS))
    return kept


def _tasks_under_headings(text: str, kept: list[Found]) -> list[Found]:
    """Sub-points directly under a heading are its tasks; inside a task's text they stay text.

    Provincial 要点 number their tasks 一是/二是 under 一、 headings, while city and county plans
    write "（三）…。一是…；二是…" inside one task: the parent's own text tells them apart.
    """
    out: list[Found] = []
    parent_text = None
    for i, item in enumerate(kept):
        if item.label.kind not in _SUB_POINTS:
            nxt = kept[i + 1].start if i + 1 < len(kept) else len(text)
            parent_text = text[item.end:nxt]
            out.append(item)
        elif parent_text is not None and is_heading_text(parent_text):
            out.append(item)
    return out


def is_joined(text: str, labels: list[Found]) -> bool:
    """Is this line paragraphs (or table cells) joined into one: a run of labels in a long line,
    or labels of two families nesting (a heading and its items) in a shorter one?"""
    if len(labels) < _JOINED_LABELS:
        return False
    families = {f.label.kind for f in labels if f.label.kind not in _SUB_POINTS}
    return len(text) >= JOINED_MIN or len(families) >= 2


def cut(text: str, labels: list[Found]) -> tuple[str, list[tuple[Found, str]]]:
    """The text before the first label, and each label with the text up to the next one."""
    if not labels:
        return text, []
    pieces = []
    for i, item in enumerate(labels):
        end = labels[i + 1].start if i + 1 < len(labels) else len(text)
        pieces.append((item, text[item.end:end]))
    return text[:labels[0].start], pieces


_BLANK = re.compile(r"(?<![A-Za-z0-9]) +| +(?![A-Za-z0-9])")
_BRACKET = re.compile(r"[(（)）]")


def paragraphs(text: str) -> list[str]:
    """A joined line's paragraphs: a blank ends one, unless it stands between two Latin words
    or inside brackets ("（牵头单位：省民政厅 省财政厅）" lists names with blanks)."""
    brackets = [(m.start(), 1 if m.group(0) in "(（" else -1) for m in _BRACKET.finditer(text)]
    out, start, depth, b = [], 0, 0, 0
    for m in _BLANK.finditer(text):
        while b < len(brackets) and brackets[b][0] < m.start():
            depth = max(0, depth + brackets[b][1])
            b += 1
        if depth == 0:
            out.append(text[start:m.start()])
            start = m.end()
    out.append(text[start:])
    return [p for p in (s.strip() for s in out) if p]
