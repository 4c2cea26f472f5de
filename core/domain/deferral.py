"""延期 in words: how reports and the CLI print a deadline moved with approval.

One sentence for every report and list — "原定8月底前，经批准延期至10月底前（原因：…）" — so
the Word 台账, the 报告 and `list` never word a deferral three ways.
"""

from __future__ import annotations

import calendar
import datetime as dt

from core.domain.records import NodeInfo


def due_words(day: dt.date, year: int | None = None) -> str:
    """A date as plans print a deadline: 10月底前, 10月15日前, 年底前; the year only when it is not `year`
    (2027年3月底前, 2027年底前)."""
    prefix = f"{day.year}年" if year is not None and day.year != year else ""
    if day.month == 12 and day.day == 31:
        return f"{day.year}年底前" if prefix else "年底前"
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return f"{prefix}{day.month}月底前"
    return f"{prefix}{day.month}月{day.day}日前"


def original_words(info: NodeInfo) -> str:
    """The deadline as the plan printed it (its wording, else its date in words)."""
    printed = "、".join(d.text for d in info.deadlines if d.text.strip())
    if printed:
        return printed
    dates = [d.date for d in info.deadlines if d.date]
    return due_words(max(dates)) if dates else "未定时限"


def deferral_sentence(info: NodeInfo, year: int | None = None) -> str:
    """"原定8月底前，经批准延期至10月底前（原因：…）"; "" for a task never deferred.

    `year` is the plan's year: a new date in another year says which ("2027年3月底前").
    """
    d = info.deferral
    if d is None:
        return ""
    year = year if year is not None else next((x.date.year for x in info.deadlines if x.date), None)
    reason = d.reason.strip().rstrip("。")
    tail = f"（原因：{reason}）" if reason else ""
    return f"原定{original_words(info)}，经批准延期至{due_words(d.due, year)}{tail}"
