"""The window's first screen read without peewee: the same plans and tree the service gives, or
nothing when the file needs the service's care first."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from core.domain.settings import CURRENT_NODE, CURRENT_PLAN
from core.service.facade import PlanService
from core.service.first_look import first_look
from tests.media import foreign_sqlite

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 7, 15)


def _two_plans(db_path: Path, sample_plan) -> tuple[int, int]:
    svc = PlanService(db_path)
    first = svc.import_plan(sample_plan).plan_id
    second = svc.import_plan(sample_plan).plan_id
    svc.close()
    return first, second


def test_the_first_look_is_what_the_service_shows(db_path, sample_plan):
    first, second = _two_plans(db_path, sample_plan)
    svc = PlanService(db_path)
    task = next(n.id for n in svc.tree(first) if n.is_task)
    svc.set_setting(CURRENT_PLAN.key, str(first))
    svc.set_setting(CURRENT_NODE.key, str(task))
    svc.add_entry(task, "七月进展", dt.date(2026, 7, 1))
    svc.close()
    look = first_look(db_path, TODAY)
    svc = PlanService(db_path, readonly=True)
    try:
        assert look.plan_id == first and look.current_node == task and look.today == TODAY
        assert look.plans == svc.list_plans(with_rollups=False)
        assert look.nodes == svc.tree(first)
    finally:
        svc.close()


def test_text_that_is_not_utf8_reads_as_the_service_reads_it(db_path, sample_plan):
    """A flipped bit in a title: the first look (SQLite decodes in C) falls back to the store's reading."""
    first, _second = _two_plans(db_path, sample_plan)
    svc = PlanService(db_path)
    task = next(n.id for n in svc.tree(first) if n.is_task)
    svc.set_setting(CURRENT_PLAN.key, str(first))
    svc.close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE node SET title = CAST(x'e4bd20e6' AS TEXT) WHERE id = ?", (task,))  # cut-off UTF-8
    con.commit()
    con.close()
    look = first_look(db_path, TODAY)
    svc = PlanService(db_path, readonly=True)
    try:
        assert look is not None and look.nodes == svc.tree(first)
        assert "\ufffd" in next(n.title for n in look.nodes if n.id == task)
    finally:
        svc.close()


def test_a_remembered_plan_that_is_gone_shows_the_newest(db_path, sample_plan):
    first, second = _two_plans(db_path, sample_plan)
    svc = PlanService(db_path)
    svc.set_setting(CURRENT_PLAN.key, "999")
    svc.close()
    look = first_look(db_path, TODAY)
    assert look.plan_id == second and look.current_node is None


def test_an_empty_database_has_no_plan_to_show(db_path):
    PlanService(db_path).close()
    look = first_look(db_path, TODAY)
    assert look.plans == [] and look.plan_id is None and look.nodes == []


@pytest.mark.parametrize("kind", ["missing", "zero bytes", "text", "foreign", "old schema"])
def test_a_file_that_needs_the_service_first_gives_no_first_look(tmp_path, kind):
    path = tmp_path / "taizhang.sqlite3"
    if kind == "zero bytes":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("一、重点工作\n1. 推进政务公开\n", encoding="utf-8")
    elif kind == "foreign":
        foreign_sqlite(path, 4, ("CREATE TABLE plan (id INTEGER PRIMARY KEY, name TEXT)",))
    elif kind == "old schema":
        con = sqlite3.connect(path)
        con.executescript((ROOT / "tests" / "fixtures" / "schemas" / "v2.sql").read_text(encoding="utf-8"))
        con.close()
    before = path.read_bytes() if path.exists() else None
    assert first_look(path, TODAY) is None
    assert (path.read_bytes() if path.exists() else None) == before  # left exactly as found


def test_the_first_look_loads_no_peewee_and_writes_nothing(db_path, sample_plan):
    _two_plans(db_path, sample_plan)
    before = db_path.read_bytes()
    script = ("import sys, datetime; from core.service.first_look import first_look; "
              "look = first_look(sys.argv[1], datetime.date.today()); "
              "print(len(look.nodes), sorted(m for m in sys.modules if m.startswith(('peewee', 'playhouse'))))")
    out = subprocess.run([sys.executable, "-c", script, str(db_path)], capture_output=True, text=True, cwd=ROOT,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=60)
    assert out.stdout.split(None, 1) == [str(len(list(sample_plan.walk()))), "[]\n"], out.stderr
    assert db_path.read_bytes() == before
