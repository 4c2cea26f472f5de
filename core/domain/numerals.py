"""Chinese numerals as plans print them in labels (一、 （十一） 第二十三条) and Word numbers lists.

One reading and one writing of 一 … 九千九百九十九, so a label the clerk adds after 十、 is 十一、
everywhere. Both the counting style (十一, 一百零五) and digit-by-digit years (二〇二六) are read.
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
CN_DIGITS = "一二三四五六七八九十百千零〇○两"  # every character a numeral in a label may hold
_VALUE = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_value(numeral: str) -> int:
    """十一 → 11, 二十 → 20, 一百零五 → 105, 二〇二六 → 2026 (no unit characters: digit by digit); 0 when unknown."""
    if numeral and not any(ch in _UNITS for ch in numeral):
        if all(ch in _VALUE for ch in numeral):
            return int("".join(str(_VALUE[ch]) for ch in numeral))
        return 0
    total, current = 0, 0
    for ch in numeral:
        if ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        elif ch in _VALUE:
            current = _VALUE[ch]
        else:
            return 0
    return total + current


def cn_numeral(value: int) -> str:
    """The counting-style numeral for 0–9999: 十, 十一, 二十, 一百零五, 一百一十 (as labels print them)."""
    if not 0 <= value < 10_000:
        raise ValueError(value)
    if value < 10:
        return DIGITS[value]
    parts, gap = [], False
    for power, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // power % 10
        if digit:
            if gap:
                parts.append("零")
            parts.append(("" if digit == 1 and unit == "十" and value < 20 else DIGITS[digit]) + unit)
            gap = False
        elif parts:
            gap = True
    return "".join(parts)
