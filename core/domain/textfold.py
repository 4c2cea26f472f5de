"""Length-preserving traditional→simplified folding, so keywords match in either script.

`fold(text)` maps each character on its own (never phrase by phrase), so index i of the
folded text is index i of the original: match on the fold, slice the original. Text shown
to the clerk is never folded; only comparisons are. The search (issue 5) reuses this.
"""

from __future__ import annotations

import threading
from functools import lru_cache

_table: dict[int, str] = {}  # ord(traditional) -> simplified char; identity entries are omitted
_seen: set[str] = set()
_lock = threading.Lock()
_converter = None


def _opencc():
    global _converter
    if _converter is None:
        import opencc

        _converter = opencc.OpenCC("t2s")
    return _converter


def _learn(chars: set[str]) -> None:
    """Convert characters not met before, in one OpenCC call, and remember the answers."""
    # lone surrogates (broken pasted text) cannot reach OpenCC; they fold to themselves
    todo = sorted(c for c in chars if c not in _seen and c > "\u2e7f" and c != "\n" and not "\ud800" <= c <= "\udfff")
    if not todo:
        _seen.update(chars)
        return
    conv = _opencc()
    out = conv.convert("\n".join(todo)).split("\n")
    if len(out) != len(todo):  # never expected; fall back to one call per character
        out = [conv.convert(c) for c in todo]
    for src, dst in zip(todo, out, strict=True):
        if len(dst) == 1 and dst != src:
            _table[ord(src)] = dst
    _seen.update(chars)


def fold(text: str) -> str:
    """The simplified form of `text`, character for character (same length, same indices)."""
    if text.isascii():
        return text
    return _fold(text)


@lru_cache(maxsize=8192)  # the parser folds the same lines in several stages
def _fold(text: str) -> str:
    chars = set(text)
    if not chars <= _seen:
        with _lock:
            _learn(chars)
    return text.translate(_table)
