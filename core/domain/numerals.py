"""Chinese numerals as plans print them in labels (一、 （十一） 第二十三条), dates and Word lists.

One reading and one writing of 一 … 九千九百九十九 (and on, by 万), so a label the clerk adds
after 十、 is 十一、 everywhere, and the parser, the readers and the exports agree on what a
numeral is. Both the counting style (十一, 一百零五) and digit-by-digit years (二〇二六) are read.
The patterns around a numeral (一、 versus （一）, 二〇二六年) stay with the stage that knows
the genre; only the characters and the conversion live here.
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


def cn_numeral(value: int, digits: str = DIGITS, units: str = "十百千") -> str:
    """The counting-style numeral: 十, 十一, 二十, 一百零五, 一百一十, 一万零一 (as labels and Word print them).

    `digits` and `units` give another script of the same style: Word's 大写 lists count
    壹拾壹 with "零壹贰…" and "拾佰仟". A gap inside the number is always 零.
    """
    if value < 0:
        raise ValueError(value)
    if value >= 10_000:
        high, low = divmod(value, 10_000)
        gap = "零" if 0 < low < 1000 else ""
        return cn_numeral(high, digits, units) + "万" + gap + (cn_numeral(low, digits, units) if low else "")
    if value < 10:
        return digits[value]
    parts, gap = [], False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = value // power % 10
        if digit:
            if gap:
                parts.append("零")
            parts.append(("" if digit == 1 and unit == units[0] and value < 20 else digits[digit]) + unit)
            gap = False
        elif parts:
            gap = True
    return "".join(parts)


def cn_digits(value: int, zero: str = "〇") -> str:
    """A number written digit by digit, as years are: 2026 → 二〇二六 (Word's ideographDigital lists too)."""
    return "".join(zero if ch == "0" else DIGITS[int(ch)] for ch in str(max(value, 0)))
