"""The store through the service, as the GUI and the CLI use it."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from core.domain.records import TaskFilter
from core.domain.status import Status
from core.errors import NotFoundError, StoreError, UsageError
from core.parse.parsed_plan import ParsedPlan
from core.service.facade import PlanService
from core.store import migrations


def _tasks(service, plan_id):
    return [n for n in service.tree(plan_id) if n.is_task]


def test_database_opens_in_wal_with_foreign_keys(service):
    assert service.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert service.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert migrations.schema_version(service.db) == migrations.LATEST


def test_import_keeps_tree_units_and_deadlines(service, sample_plan):
    change = service.import_plan(sample_plan, source_name="sample_plan.json", sha256="ab" * 32)
    result = change.result
    assert (result.sections, result.tasks) == sample_plan.counts() and change.plan_id == result.plan_id
    tree = service.tree(result.plan_id)
    assert [n.title for n in tree] == [n.title for n in sample_plan.walk()]
    first = next(n for n in tree if n.label == "2.")
    assert first.units["lead"] == ["县发展改革局"]
    assert first.units["cooperating"] == ["县财政局", "县市场监管局"]
    assert [(d.text, d.date) for d in first.deadlines] == [("6月底前", dt.date(2026, 6, 30))]
    plan = service.plan(result.plan_id)
    assert (plan.title, plan.year, plan.doc_number) == (sample_plan.title, 2026, sample_plan.doc_number)


def test_import_is_all_or_nothing(service, sample_plan, monkeypatch):
    from core.store import plan_io

    real = plan_io._insert_rows

    def broken(model, fields, rows):
        if model is plan_io.Deadline:  # the nodes and their units are written by then
            raise sqlite3.OperationalError("disk I/O error")
        real(model, fields, rows)

    monkeypatch.setattr(plan_io, "_insert_rows", broken)
    with pytest.raises(StoreError):
        service.import_plan(sample_plan)
    monkeypatch.setattr(plan_io, "_insert_rows", real)
    assert service.list_plans() == []
    assert service.tree(service.import_plan(sample_plan).plan_id)  # and the next import goes in whole


def test_ticking_last_task_completes_section(service, sample_plan):
    plan_id = service.import_plan(sample_plan).plan_id
    section = next(n for n in service.tree(plan_id) if n.label == "（一）")
    first, second = section.child_ids
    change = service.set_status(first, Status.DONE)
    assert section.id in change.rollups and change.nodes == {first}
    assert service.rollup(section.id).check_state == "partial"
    service.set_status(second, "已完成")
    assert service.rollup(section.id).check_state == "checked"
    assert service.rollup(section.id).done == 2


def test_not_applicable_tasks_leave_the_denominator(service, sample_plan):
    plan_id = service.import_plan(sample_plan).plan_id
    tasks = _tasks(service, plan_id)
    service.set_status(tasks[0].id, Status.NA)
    service.set_status(tasks[1].id, Status.DONE)
    r = service.plan(plan_id).rollup
    assert (r.done, r.applicable, r.total) == (1, len(tasks) - 1, len(tasks))


def test_done_sets_completion_date_and_history(db_path, sample_plan):
    svc = PlanService(db_path, today=lambda: dt.date(2026, 5, 2))
    try:
        task = _tasks(svc, svc.import_plan(sample_plan).plan_id)[0]
        svc.set_status(task.id, Status.DOING)
        svc.set_status(task.id, Status.DONE)
        assert svc.node(task.id).completed_on == dt.date(2026, 5, 2)
        assert [(h.field, h.old, h.new) for h in svc.history(task.id)] == [
            ("status", "todo", "doing"), ("status", "doing", "done"), ("completed_on", None, "2026-05-02")]
    finally:
        svc.close()


def test_note_edits_in_one_sitting_make_one_history_entry(service, sample_plan):
    task = _tasks(service, service.import_plan(sample_plan).plan_id)[0]
    service.set_note(task.id, "已")
    service.set_note(task.id, "已发布")
    assert service.node(task.id).note == "已发布"
    assert [(h.field, h.old, h.new) for h in service.history(task.id)] == [("note", "", "已发布")]


def test_everything_survives_reopening(db_path, sample_plan):
    svc = PlanService(db_path)
    task = _tasks(svc, svc.import_plan(sample_plan).plan_id)[2]
    svc.set_status(task.id, Status.ONGOING)
    svc.set_note(task.id, "每月更新")
    svc.set_completed_on(task.id, dt.date(2026, 4, 1))
    svc.close()
    again = PlanService(db_path)
    try:
        node = again.node(task.id)
        assert (node.status, node.note, node.completed_on) == (Status.ONGOING, "每月更新", dt.date(2026, 4, 1))
    finally:
        again.close()


def test_overdue_counts_open_tasks_past_their_last_deadline(db_path, sample_plan):
    svc = PlanService(db_path, today=lambda: dt.date(2026, 7, 1))
    try:
        plan_id = svc.import_plan(sample_plan).plan_id
        overdue = svc.find_tasks(plan_id, TaskFilter(overdue=True))
        assert {t.label for t in overdue} == {"2.", "7.", "12.", "13."}
        svc.set_status(overdue[0].id, Status.DONE)
        assert svc.plan(plan_id).rollup.overdue == 3
    finally:
        svc.close()


def test_filters_by_unit_status_and_text(service, sample_plan):
    plan_id = service.import_plan(sample_plan).plan_id
    mine = service.find_tasks(plan_id, TaskFilter(unit="县政府办公室"))
    assert [t.label for t in mine] == ["1.", "11.", "13.", "14.", "15."]
    service.set_status(mine[0].id, Status.DONE)
    done = service.find_tasks(plan_id, TaskFilter(statuses={Status.DONE}))
    assert [t.id for t in done] == [mine[0].id]
    assert [t.label for t in service.find_tasks(plan_id, TaskFilter(text="年度报告"))] == ["12."]


def test_sections_have_no_status(service, sample_plan):
    section = service.tree(service.import_plan(sample_plan).plan_id)[0]
    with pytest.raises(UsageError):
        service.set_status(section.id, Status.DONE)
    with pytest.raises(NotFoundError):
        service.set_status(999999, Status.DONE)


def test_deleting_a_plan_removes_its_nodes(service, sample_plan):
    keep = service.import_plan(sample_plan).plan_id
    gone = service.import_plan(sample_plan).plan_id
    service.delete_plan(gone)
    assert [p.id for p in service.list_plans()] == [keep]
    assert service.db.execute_sql("SELECT count(*) FROM node WHERE plan_id=?", (gone,)).fetchone()[0] == 0


def test_plans_like_finds_same_file_or_same_title(service, sample_plan):
    service.import_plan(sample_plan, sha256="f" * 64)
    assert len(service.plans_like("f" * 64, "别的", None)) == 1
    assert len(service.plans_like(None, sample_plan.title, 2026)) == 1
    assert service.plans_like("0" * 64, sample_plan.title, 2025) == []


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"hello, this is not a database" * 10)
    with pytest.raises(StoreError) as err:
        PlanService(path)
    assert err.value.code == "db_not_taizhang"
    assert path.read_bytes() == b"hello, this is not a database" * 10


def test_a_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as err:
        PlanService(path)
    assert err.value.code == "db_not_taizhang"


def test_a_newer_schema_is_refused(tmp_path, db_path):
    PlanService(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as err:
        PlanService(db_path)
    assert err.value.code == "db_too_new"


def test_parse_json_round_trips(sample_plan):
    again = ParsedPlan.from_json(sample_plan.to_json())
    assert again.to_dict() == sample_plan.to_dict()


def test_settings_persist(service):
    service.set_setting("my_units", "县政府办公室")
    assert service.setting("my_units") == "县政府办公室"
    assert service.setting("missing", "x") == "x"


def test_nodes_loads_just_the_asked_ones_with_children(service, sample_plan):
    tree = service.tree(service.import_plan(sample_plan).plan_id)
    section, task = tree[1], tree[2]
    got = service.nodes([section.id, task.id, 10**6])
    assert set(got) == {section.id, task.id}
    assert got[section.id] == section and got[task.id] == task


def test_restore_progress_puts_back_status_and_date_at_once(service, sample_plan):
    plan_id = service.import_plan(sample_plan).plan_id
    section = next(n for n in service.tree(plan_id) if n.label == "（一）")
    before = [(i, service.node(i).status, service.node(i).completed_on) for i in section.child_ids]
    service.set_statuses(section.child_ids, Status.DONE)
    change = service.restore_progress(before)
    assert change.nodes == set(section.child_ids) and section.id in change.rollups
    assert [(n.status, n.completed_on) for n in service.nodes(section.child_ids).values()] == \
        [(s, d) for _, s, d in before]


@pytest.mark.parametrize("today", [dt.date(2026, 1, 15), dt.date(2026, 7, 1), dt.date(2027, 1, 1)])
def test_plan_totals_agree_with_the_tree_roll_ups(db_path, sample_plan, today):
    # plan totals come from one SQL query, tree roll-ups from NodeInfo.is_overdue: they must agree
    svc = PlanService(db_path, today=lambda: today)
    try:
        plan_id = svc.import_plan(sample_plan).plan_id
        tasks = [n for n in svc.tree(plan_id) if n.is_task]
        for task, status in zip(tasks, [Status.DONE, Status.DOING, Status.NA, Status.ONGOING], strict=False):
            svc.set_status(task.id, status)
        roots = [n for n in svc.tree(plan_id) if n.parent_id is None]
        by_tree = svc.rollups(plan_id)
        total = svc.plan(plan_id).rollup
        assert total.overdue == sum(by_tree[r.id].overdue for r in roots)
        assert total.counts == {s: sum(by_tree[r.id].counts[s] for r in roots) for s in Status}
        assert total.overdue == len(svc.find_tasks(plan_id, TaskFilter(overdue=True)))
    finally:
        svc.close()


def test_an_imported_plan_reads_back_as_parsed_after_a_deleted_one(service, sample_plan):
    """Rows are written in bulk with ids counted up front: parents, order, units, deadlines and
    progress come back exactly, also where a deleted plan held the highest ids."""
    first = service.import_plan(sample_plan).plan_id
    service.delete_plan(service.import_plan(sample_plan).plan_id)
    again = service.import_plan(sample_plan).plan_id

    def shape(plan_id):
        nodes = service.tree(plan_id)
        index = {n.id: i for i, n in enumerate(nodes)}
        return [(index.get(n.parent_id), n.position, n.label, n.title, n.text, n.units,
                 [(d.text, d.date) for d in n.deadlines], n.status, n.note, n.is_task) for n in nodes]

    assert shape(again) == shape(first)
    assert sum(1 for n in service.tree(again) if n.is_task) == sum(1 for n in sample_plan.walk() if not n.children)
    assert all(n.updated_at is not None for n in service.tree(again) if n.is_task)
