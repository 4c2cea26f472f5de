"""Brackets in plan text: which characters stand outside them.

A sentence ends at the first 。 outside brackets and quotes ("（含…。）" does not end it), and a
unit list splits on 、 only outside them ("各区政府（管委会、园区）" is one unit); plans of every
level write both. One scan serves the stages that need it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

BRACKETS = ("(（〔[【", ")）〕]】")  # what encloses a part of a unit name or a task
QUOTED = ("(（《“‘[【〔", ")）》”’]】〕")  # and, for sentences, book titles and quotes too


@lru_cache(maxsize=64)
def _scanner(chars: str, opening: str, closing: str) -> re.Pattern[str]:
    """One character class of the brackets and the characters looked for: the scan visits only
    those, never every character of a long line in Python."""
    return re.compile("[" + re.escape("".join(sorted(set(opening + closing + chars)))) + "]")


def outside(text: str, chars: str, brackets: tuple[str, str] = BRACKETS) -> Iterator[int]:
    """The positions in `text` of the characters `chars` that stand outside every bracket.

    A stray closing bracket does not push the depth below zero, so one damaged bracket does
    not hide the rest of the text.
    """
    opening, closing = brackets
    depth = 0
    for m in _scanner(chars, opening, closing).finditer(text):
        ch = m.group()
        if ch in opening:
            depth += 1
        elif ch in closing:
            depth = max(0, depth - 1)
        elif depth == 0:
            yield m.start()
