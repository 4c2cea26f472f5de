"""A list of units as the clerk types it into one field: names separated by 、，；, spaces or lines.

Both editors (the item dialog in the window, the node editor in the import preview) split with
this, so a field shows "、".join(names) and reads back the same names. A separator inside
brackets belongs to the name ("各区政府（管委会、园区）" is one unit), as the importer reads it.
Unlike core.parse.units.split_units it keeps what the clerk typed: no role words stripped,
no splitting on 和/及, because here the clerk, not a sentence, says where one name ends.
"""

from __future__ import annotations

SEPARATORS = "、，,；;"
_OPEN, _CLOSE = "(（〔[【", ")）〕]】"


def split_unit_list(text: str) -> list[str]:
    """The distinct names in `text`, in the order typed."""
    names, depth, current = [], 0, []
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in SEPARATORS or ch.isspace()):
            names.append("".join(current))
            current = []
            continue
        current.append(ch)
    names.append("".join(current))
    return list(dict.fromkeys(name.strip() for name in names if name.strip()))


def join_unit_list(names: list[str]) -> str:
    """The field's text for `names` (split_unit_list reads it back)."""
    return "、".join(names)
