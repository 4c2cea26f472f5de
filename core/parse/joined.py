"""Stage: one long line that holds a whole plan → the entries the line-based stages expect.

The line is cut at its consistent labels (core.parse.inline). Before the first label stand the
notice and the title, one paragraph per blank. When a flattened table header ends that part, the
labelled pieces are table rows (core.parse.flat_table); otherwise each piece is a paragraph
that may carry more paragraphs ("责任单位：…") after a blank.
"""

from __future__ import annotations

import re

from core.parse.flat_table import find_header, read_rows
from core.parse.inline import Found, cut, inline_labels, is_joined, paragraphs
from core.parse.notice import notice_lines
from core.parse.structure import Entry
from core.parse.units import split_units

_ADDRESSEE_END = re.compile(r"[:：]")
_HEADER_THEN_ONE = re.compile(r"(?:任务|事项|内容|要求|措施|单位|部门|处室|科室|股室|时限|时间|节点|安排)[ \u3000]*(?=[一1])")
_SHORTEST = 40  # a shorter line holds one paragraph at most
_TABLE_LINE = 200  # a table flattened into a shorter line has too few rows to tell


def line_entries(text: str, word_label: str = "") -> list[Entry]:
    """The entries of one cleaned line: itself, or — for a joined body — its paragraphs and rows."""
    if len(text) < _SHORTEST or word_label:
        return [Entry(text=text, word_label=word_label)]
    labels = inline_labels(text)
    if not is_joined(text, labels):
        labels = _rows_after_a_header(text) if len(text) >= _TABLE_LINE else []
        if not is_joined(text, labels):
            return [Entry(text=text, word_label=word_label)]
    return joined_entries(text, labels)


def _rows_after_a_header(text: str) -> list[Found]:
    """The labels of a flattened table whose sections are numbered only by its 序号 column
    ("…序号责任部门重点任务完成时间一推进乡村振兴…1区直有关单位…"): no printed label starts it.

    District and city 分解表 copied from web archives come so, as do PDF tables without borders.
    """
    for m in _HEADER_THEN_ONE.finditer(text):
        header = find_header(text[:m.end()])
        if header is not None and "seq" in header.columns:
            return inline_labels(text, bare_from=m.end())
    return []


def joined_entries(text: str, labels: list[Found]) -> list[Entry]:
    """Paragraphs before the first label, then the labelled pieces as prose or as table rows."""
    prefix, pieces = cut(text, labels)
    header = find_header(prefix)
    if header is not None and "seq" in header.columns:  # rows numbered by a 序号 cell: bare numbers
        rows_from = header.end if header.end >= 0 else len(prefix)
        prefix, pieces = cut(text, inline_labels(text, bare_from=rows_from))
    notice = prefix[:header.start] if header else prefix
    out = [Entry(text=p) for p in notice_lines(notice)]
    if header is None:
        for found, piece in pieces:
            first, *rest = paragraphs(piece) or [""]
            out.append(_labelled(found, first))
            out.extend(Entry(text=p) for p in rest)
        return out
    for row in read_rows(pieces, header, addressees(out)):
        entry = _labelled(row.found, row.text)
        entry.row = True
        entry.times = list(row.times)
        entry.cells = [("、".join(names), role) for role, names in row.units.items() if names]
        out.append(entry)
    return out


def _labelled(found: Found, text: str) -> Entry:
    entry = Entry(text=found.label.printed + text)
    entry.parsed = (found.label, text)
    return entry


def addressees(entries: list[Entry]) -> list[str]:
    """The notice's 主送 list ("各片区管理局，各乡镇人民政府，区直各单位：") as names.

    Every 通知 opens with one, and its names are the plan's own units whatever they end with.
    """
    for entry in entries[:6]:
        m = _ADDRESSEE_END.search(entry.text)
        if not m:
            continue
        names = split_units(entry.text[:m.start()])  # "各县（市、区）人民政府" stays one name
        if names and len(names[0]) > 20:
            names = names[1:]  # the notice's title and number glued before the first name
        if len(names) >= 2 and all(2 <= len(n) <= 20 for n in names):
            return names
    return []
