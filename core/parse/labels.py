"""Stage 2: the label grammar — which numbering a line starts with, of what kind and value.

Kinds, not fixed levels: a document nests 一、 (一) 1、 1. (1) ① in whatever order it
likes, and the structure stage learns the order from the document itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.domain.numerals import CN_DIGITS, cn_numeral, cn_value

_N = CN_DIGITS
_GRAMMAR: list[tuple[str, re.Pattern[str]]] = [
    ("(cn)", re.compile(rf"[(（] ?([{_N}]{{1,4}}) ?[)）]")),
    ("(n)", re.compile(r"[(（] ?(\d{1,3}) ?[)）]")),
    ("()", re.compile(r"[(（] ?[)）](?=[^)）]{2})")),  # damaged: the numeral was lost
    ("cn、", re.compile(rf"([{_N}]{{1,4}}) ?[、.．](?![{_N}])")),
    ("n、", re.compile(r"(\d{1,3}) ?、")),
    # "1.5月底前…" is label 1 then "5月底前"; "3.5亿元" is a number
    ("n.", re.compile(r"(\d{1,3}) ?[.．](?![.．])(?!\d(?!\d*[年月]))")),
    ("n)", re.compile(r"(\d{1,2})[)）]")),
    ("①", re.compile(r"([\u2460-\u2473])")),
    ("第cn", re.compile(rf"第([{_N}]{{1,3}})(?:阶段|步|部分)[,，:：、.． ]?")),
]
# "一是…二是…": sub-points inside a paragraph, labels only where nothing else numbers the text
_SUB_POINT = ("cn是", re.compile(rf"([{_N}]{{1,3}})是(?![的否])[,，:：]?"))
_BARE = {"cn": re.compile(rf"([{_N}]{{1,4}})"), "n": re.compile(r"(\d{1,3})")}
# the character each kind's label opens with: a line is tried only against the kinds it may start
_OPENS = {kind: re.compile(first) for kind, first in (
    ("(cn)", "[(（]"), ("(n)", "[(（]"), ("()", "[(（]"), ("cn、", f"[{_N}]"), ("n、", r"\d"), ("n.", r"\d"),
    ("n)", r"\d"), ("①", "[\u2460-\u2473]"), ("第cn", "第"), ("cn是", f"[{_N}]"))}


@lru_cache(maxsize=4096)
def _kinds_opening_with(first: str, sub_points: bool) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The grammar's kinds, in their order, whose label may start with `first`."""
    grammar = (*_GRAMMAR, _SUB_POINT) if sub_points else _GRAMMAR
    return tuple((kind, pattern) for kind, pattern in grammar if _OPENS[kind].fullmatch(first))


@dataclass(frozen=True)
class Label:
    """A parsed label: `kind` groups siblings, `value` is its number (0 when unknown)."""

    kind: str
    value: int
    printed: str


def split_label(text: str, sub_points: bool = False) -> tuple[Label | None, str]:
    """The label a line starts with, and the rest of the line without it (一是 only with `sub_points`)."""
    for kind, pattern in _kinds_opening_with(text[:1], sub_points) if text else ():
        m = pattern.match(text)
        if not m:
            continue
        rest = text[m.end():].lstrip()
        if not rest:
            return None, text
        printed = m.group(0).strip()
        if kind == "()":
            return Label("()", 0, printed), rest
        raw = m.group(1)
        if kind in ("(cn)", "cn、", "cn是", "第cn"):
            value = cn_value(raw)
        elif kind == "①":
            value = ord(raw) - 0x245F
        else:
            value = int(raw)
        if value == 0:
            return None, text
        return Label(kind, value, printed), rest
    return None, text


_LABEL_MAX = 16  # longer than any label the grammar reads ("（ 十二 ）", "第十二阶段：")


def bare_label(text: str) -> Label | None:
    """A table's 序号 cell holding a bare numeral ("一", "12") or a full label ("(一)", "1.")."""
    text = text.strip()
    if len(text) > _LABEL_MAX:
        return None  # a line of text, however it starts
    for kind, pattern in _BARE.items():
        if pattern.fullmatch(text):
            value = cn_value(text) if kind == "cn" else int(text)
            return Label(kind, value, text) if value else None
    label, rest = split_label(text + "X")
    return label if label and rest == "X" else None


def repair(label: Label, sibling: Label | None) -> Label:
    """Fill a damaged "()" from the sibling before it: after (四) it is (五)."""
    if label.kind != "()" or sibling is None or sibling.kind not in ("(cn)", "(n)"):
        return label
    value = sibling.value + 1
    open_, close = label.printed[0], label.printed[-1]
    shown = cn_numeral(value) if sibling.kind == "(cn)" else str(value)
    return Label(sibling.kind, value, f"{open_}{shown}{close}")
