"""Reading a plan's tree back in plain SQL: stored values read as the schema means them, and each
task's newest 进展 found by SQLite without reading a year of entries into Python."""

from __future__ import annotations

import datetime as dt
import sqlite3

from core.service.facade import PlanService
from core.store.tree_read import stored_date, stored_time


def _task(svc: PlanService) -> int:
    return next(n.id for n in svc.tree(svc.list_plans()[0].id) if n.is_task)


def test_stored_dates_read_as_dates_and_anything_else_as_none():
    assert stored_date("2026-05-01") == dt.date(2026, 5, 1)
    assert stored_date("2026-05-01 08:30:00") == dt.date(2026, 5, 1)
    assert stored_date(dt.datetime(2026, 5, 1, 8, 30)) == dt.date(2026, 5, 1)
    for odd in ("2026-13-45", "2026-02-30", "某日", "20260501", "", None, 20260501):
        assert stored_date(odd) is None, odd
    assert stored_time("2026-05-01 08:30:00.123456") == dt.datetime(2026, 5, 1, 8, 30, 0, 123456)
    assert stored_time("garbage") is None and stored_time("2026-05-01") is None


def test_the_newest_entry_of_a_day_is_the_one_added_last(service, sample_plan):
    service.import_plan(sample_plan)
    task = _task(service)
    service.add_entry(task, "六月进展", dt.date(2026, 6, 1))
    service.add_entry(task, "七月上旬", dt.date(2026, 7, 1))
    service.add_entry(task, "七月补记", dt.date(2026, 7, 1))
    service.add_entry(task, "补录的三月进展", dt.date(2026, 3, 1))
    assert service.node(task).latest_entry.text == "七月补记"
    assert next(n for n in service.tree(1) if n.id == task).latest_entry.text == "七月补记"


def test_an_unreadable_newest_date_falls_back_to_the_newest_readable_one(service, sample_plan, db_path):
    service.import_plan(sample_plan)
    task = _task(service)
    service.add_entry(task, "六月进展", dt.date(2026, 6, 1))
    service.add_entry(task, "七月进展", dt.date(2026, 7, 1))
    con = sqlite3.connect(db_path)  # another tool wrote dates the program cannot read
    con.execute("INSERT INTO entry (node_id, day, text, status, added_at) VALUES (?, '某日', '坏日期', NULL, "
                "'2026-05-01 08:00:00')", (task,))
    con.execute("UPDATE entry SET day = '2026-07-40' WHERE text = '七月进展'")
    con.commit()
    con.close()
    assert service.node(task).latest_entry.text == "六月进展"
