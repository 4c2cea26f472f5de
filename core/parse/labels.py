"""Stage 2: the label grammar — which numbering a line starts with, of what kind and value.

Kinds, not fixed levels: a document nests 一、 (一) 1、 1. (1) ① in whatever order it
likes, and the structure stage learns the order from the document itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "一二三四五六七八九十百零〇○两"
_CN_VALUE = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}

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


@dataclass(frozen=True)
class Label:
    """A parsed label: `kind` groups siblings, `value` is its number (0 when unknown)."""

    kind: str
    value: int
    printed: str


def cn_value(numeral: str) -> int:
    """Value of a Chinese numeral up to the hundreds: 十一 → 11, 二十 → 20, 一百零五 → 105."""
    total, current = 0, 0
    for ch in numeral:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _CN_VALUE.get(ch, 0)
    return total + current


def cn_numeral(value: int) -> str:
    """The Chinese numeral for 1–99, as labels print it (十, 十一, 二十)."""
    digits = "零一二三四五六七八九"
    if value < 10:
        return digits[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def split_label(text: str, sub_points: bool = False) -> tuple[Label | None, str]:
    """The label a line starts with, and the rest of the line without it (一是 only with `sub_points`)."""
    for kind, pattern in (*_GRAMMAR, _SUB_POINT) if sub_points else _GRAMMAR:
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


def bare_label(text: str) -> Label | None:
    """A table's 序号 cell holding a bare numeral ("一", "12") or a full label ("(一)", "1.")."""
    text = text.strip()
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
