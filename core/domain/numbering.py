"""Numbering a new item in the plan's own style: after 3. comes 4., after （九） comes （十）.

The import preview (adding a node) and the window's Edit ▸ Add item both number with
`next_label`; the label grammar is the parser's (core.parse.labels), read when first needed.
"""

from __future__ import annotations

import re

from core.domain.numerals import CN_DIGITS, cn_numeral


def next_label(label: str) -> str:
    """The label after `label` in its own style: 3. → 4., （九） → （十）, 二、 → 三、; "" when unknown."""
    from core.parse.labels import split_label

    found, _ = split_label(label.strip() + "X")
    if found is None or not found.value:
        return ""
    printed, value = found.printed, found.value + 1
    if found.kind == "①":
        return chr(ord(printed[0]) + 1) if value <= 20 else ""
    if found.kind in ("(cn)", "cn、"):
        return re.sub(f"[{CN_DIGITS}]+", cn_numeral(value), printed, count=1)
    return re.sub(r"\d+", str(value), printed, count=1)
