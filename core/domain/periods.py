"""Reporting periods: 本月, 本季度, 本年, 上月, 上季度, or a range — which days a report's 进展 covers.

The export dialog, `export --progress` and `progress --period` all turn a period name into
(first day, last day) here, so "本季度" means the same days everywhere.
"""

from __future__ import annotations

import calendar
import datetime as dt

from core.errors import UsageError

PERIODS = ("本月", "上月", "本季度", "上季度", "本年")


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _quarter(year: int, q: int) -> tuple[dt.date, dt.date]:
    first = 3 * (q - 1) + 1
    return dt.date(year, first, 1), _month(year, first + 2)[1]


def period_range(name: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the named period around `today`."""
    name = name.strip()
    q = (today.month - 1) // 3 + 1
    if name == "本月":
        return _month(today.year, today.month)
    if name == "上月":
        return _month(today.year - 1, 12) if today.month == 1 else _month(today.year, today.month - 1)
    if name == "本季度":
        return _quarter(today.year, q)
    if name == "上季度":
        return _quarter(today.year - 1, 4) if q == 1 else _quarter(today.year, q - 1)
    if name == "本年":
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    raise UsageError("bad_period", period=name, choices="、".join(PERIODS))


def parse_day(text: str) -> dt.date:
    """A date the clerk typed as 2026-07-01 (or 2026/7/1, 2026.7.1)."""
    cleaned = text.strip().replace("/", "-").replace(".", "-")
    try:
        y, m, d = (int(part) for part in cleaned.split("-"))
        return dt.date(y, m, d)
    except ValueError:
        raise UsageError("bad_date", value=text) from None


def day_range(start: dt.date | None, end: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """A range given by its ends (either may be open); refused when it runs backwards."""
    if start and end and start > end:
        raise UsageError("bad_range", start=start.isoformat(), end=end.isoformat())
    return start, end
