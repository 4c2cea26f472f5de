"""进展 entries: which fall in a period, and the 完成情况 composed from them.

The detail panel's 由进展生成 button, `progress --compose` and the exports' 进展 column all use
these, so a note composed in the window reads the same as one composed on the command line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from core.domain.records import EntryInfo


def in_period(entries: Iterable[EntryInfo], start: dt.date | None, end: dt.date | None) -> list[EntryInfo]:
    """The entries dated within [start, end] (an open end takes everything that side), oldest first."""
    return sorted((e for e in entries if (start is None or e.day >= start) and (end is None or e.day <= end)),
                  key=lambda e: (e.day, e.id))


def entry_line(entry: EntryInfo, with_year: bool = False) -> str:
    """"3月15日：完成初稿（进行中）" — one entry as a report prints it."""
    day = f"{entry.day.year}年{entry.day.month}月{entry.day.day}日" if with_year else \
        f"{entry.day.month}月{entry.day.day}日"
    status = f"（{entry.status.zh}）" if entry.status is not None else ""
    return f"{day}：{entry.text.strip().rstrip('。；;')}{status}"


def compose_note(entries: Iterable[EntryInfo]) -> str:
    """A 完成情况 from the entries, oldest first: "3月15日，完成初稿；4月20日，已发布。"

    Entries of more than one year carry their year, so a carried-over task's history stays clear.
    """
    items = sorted(entries, key=lambda e: (e.day, e.id))
    if not items:
        return ""
    with_year = len({e.day.year for e in items}) > 1
    parts = []
    for e in items:
        day = f"{e.day.year}年{e.day.month}月{e.day.day}日" if with_year else f"{e.day.month}月{e.day.day}日"
        parts.append(f"{day}，{e.text.strip().rstrip('。；;')}")
    return "；".join(parts) + "。"
