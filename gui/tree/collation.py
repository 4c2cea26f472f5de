"""Lists in the order the UI language sorts: pinyin in the Chinese UI, A–Z in the English one.

Core hands out names in code-point order (SQLite's); anything the clerk scans by eye — unit
pickers, filters — goes through `sorted_for_display` first. QCollator uses ICU's rules for the
default QLocale, which gui/app/i18n.py sets to zh_CN (or en_US with --lang en).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cmp_to_key
from typing import TypeVar

from PySide6.QtCore import QCollator, QLocale

T = TypeVar("T")


def collator() -> QCollator:
    """A collator for the UI language, with numbers compared by value (第2 before 第10)."""
    c = QCollator(QLocale())
    c.setNumericMode(True)
    return c


def sorted_for_display(items: Iterable[T], key: Callable[[T], str] | None = None) -> list[T]:
    """`items` sorted as the clerk expects to read them (pinyin for Chinese names)."""
    c = collator()
    text = key or str
    return sorted(items, key=cmp_to_key(lambda a, b: c.compare(text(a), text(b))))
