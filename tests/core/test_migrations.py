"""Every schema version ever released opens in this build with all its data.

When a version is released, its dump (with data) goes into tests/fixtures/schemas/vN.sql and
stays there forever; this test upgrades each one.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from core.domain.status import Status
from core.service.facade import PlanService
from core.store import backup, migrations

DUMPS = sorted(Path(__file__).resolve().parents[1].joinpath("fixtures", "schemas").glob("v*.sql"))


def test_every_released_version_has_a_dump():
    versions = {int(re.search(r"v(\d+)", p.stem).group(1)) for p in DUMPS}
    assert versions == set(range(1, migrations.LATEST + 1))


@pytest.mark.parametrize("dump", DUMPS, ids=[p.stem for p in DUMPS])
def test_database_of_each_version_upgrades_with_data(dump, tmp_path):
    path = tmp_path / "old.sqlite3"
    con = sqlite3.connect(path)
    con.executescript(dump.read_text(encoding="utf-8"))
    con.commit()
    old_version = con.execute("PRAGMA user_version").fetchone()[0]
    first_task_history = con.execute("SELECT count(*) FROM history WHERE node_id = 3").fetchone()[0]
    con.close()
    svc = PlanService(path)
    try:
        assert migrations.schema_version(svc.db) == migrations.LATEST
        plans = svc.list_plans()
        assert [(p.title, p.year) for p in plans] == [("示例县2026年政务公开工作要点", 2026)]
        tasks = [n for n in svc.tree(plans[0].id) if n.is_task]
        assert len(tasks) == 15
        assert (tasks[0].status, tasks[0].note) == (Status.DONE, "已在门户网站发布")
        assert tasks[1].status is Status.ONGOING and tasks[2].status is Status.NA
        assert tasks[3].units["lead"] == ["县司法局"] and tasks[3].deadlines[0].text == "年底前"
        assert svc.setting("my_units") == "县政府办公室"
        assert tasks[0].id == 3 and len(svc.history(tasks[0].id)) == first_task_history >= 2  # none lost
        if old_version < migrations.LATEST:
            assert any(b.reason == "migration" for b in backup.list_backups(path))
    finally:
        svc.close()


def test_migrated_schema_matches_the_models(service):
    from core.store.tables import ALL_TABLES

    for model in ALL_TABLES:
        table = model._meta.table_name
        columns = {row[1] for row in service.db.execute_sql(f'PRAGMA table_info("{table}")')}
        assert columns == {f.column_name for f in model._meta.sorted_fields}, table


def _load(dump: str, path: Path) -> None:
    con = sqlite3.connect(path)
    con.executescript((Path(__file__).resolve().parents[1] / "fixtures" / "schemas" / dump).read_text(encoding="utf-8"))
    con.commit()
    con.close()


def test_a_version_3_database_upgrades_to_hold_deferrals_and_progress_entries(tmp_path):
    import datetime as dt

    path = tmp_path / "v3.sqlite3"
    _load("v3.sql", path)
    svc = PlanService(path, today=lambda: dt.date(2026, 9, 10))
    try:
        task = next(n for n in svc.tree(1) if n.is_task and n.deadlines and n.deadlines[0].text == "8月底前")
        assert task.deferral is None and task.is_overdue(dt.date(2026, 9, 10))
        assert all(h.source is None for h in svc.history(svc.tree(1)[2].id))  # old history: no source
        svc.defer(task.id, dt.date(2026, 10, 31), "原因")
        svc.add_entry(task.id, "进展", dt.date(2026, 9, 1))
        again = svc.node(task.id)
        assert not again.is_overdue(dt.date(2026, 9, 10)) and again.latest_entry.text == "进展"
    finally:
        svc.close()
    assert any(b.reason == "migration" for b in backup.list_backups(path))


def test_the_version_4_dump_keeps_its_deferral_and_entry(tmp_path):
    import datetime as dt

    path = tmp_path / "v4.sqlite3"
    _load("v4.sql", path)
    svc = PlanService(path)
    try:
        tasks = [n for n in svc.tree(1) if n.is_task]
        assert tasks[3].deferral.due == dt.date(2027, 3, 31) and tasks[3].deferral.approval == "县政府办公室 〔2026〕5号"
        assert [e.text for e in svc.entries(tasks[1].id)] == ["已完成第一季度公开"]
    finally:
        svc.close()
