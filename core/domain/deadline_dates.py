"""What date a deadline's wording means in a given plan year — the one rule for re-dating.

The item dialog (a clerk typing "6月底前") and the import preview (the plan's year corrected)
both date deadlines with `deadline_date`: the wording is read as the importer reads a deadline
cell; when it names several dates the task is due by the last; wording that names none (长期坚持,
按要求) keeps the date it had, so a date the clerk picked by hand is not lost.
"""

from __future__ import annotations

import datetime as dt


def deadline_date(text: str, year: int | None, kept: dt.date | None = None) -> dt.date | None:
    """The date `text` names in `year` (the last, if several), else `kept`."""
    from core.parse.deadlines import find_deadlines  # the parser is not needed to start up

    found = [d.date for d in find_deadlines(text, year, cell=True) if d.date] if text.strip() else []
    return found[-1] if found else kept


def deadline_lines(text: str, year: int | None,
                   kept: dict[str, dt.date | None] | None = None) -> list[tuple[str, dt.date | None]]:
    """One (wording, date) per non-empty line; `kept` holds the dates lines had before an edit."""
    kept = kept or {}
    lines = (line.strip() for line in text.splitlines())
    return [(line, deadline_date(line, year, kept.get(line))) for line in lines if line]
