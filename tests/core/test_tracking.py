"""延期 and 进展 as the clerk uses them through the service: one transaction each, history, undo."""

from __future__ import annotations

import datetime as dt

import pytest

from core.domain.deferral import deferral_sentence, due_words
from core.domain.entries import compose_note, in_period
from core.domain.periods import period_range
from core.domain.records import TaskFilter
from core.domain.status import Status
from core.errors import NotFoundError, UsageError
from core.store.plan_io import plan_rollups
from tests.core.conftest import TRACKING_TODAY as TODAY


def _task(svc, plan_id, deadline_text):
    return next(n for n in svc.tree(plan_id) if n.is_task and any(d.text == deadline_text for d in n.deadlines))


def test_deferring_an_overdue_task_judges_it_by_the_new_date_and_keeps_the_original(svc, plan):
    task = _task(svc, plan, "8月底前")
    before = svc.plan_rollup(plan).overdue
    assert task.is_overdue(TODAY) and before >= 1
    change = svc.defer(task.id, dt.date(2026, 10, 31), "需与省级平台对接", "县政府办公室 李某")
    assert change.nodes == {task.id} and task.parent_id in change.rollups and change.fields == {"deferral"}
    now = svc.node(task.id)
    assert [(d.text, d.date) for d in now.deadlines] == [("8月底前", dt.date(2026, 8, 31))]  # the original stays
    assert now.final_due() == dt.date(2026, 10, 31) and not now.is_overdue(TODAY)
    assert svc.plan_rollup(plan).overdue == before - 1 and svc.rollups(plan)[task.id].overdue == 0
    assert task.id not in {t.id for t in svc.find_tasks(plan, TaskFilter(overdue=True))}
    assert deferral_sentence(now) == "原定8月底前，经批准延期至10月底前（原因：需与省级平台对接）"
    last = svc.history(task.id)[-1]
    assert (last.field, last.old) == ("deferral", "2026-08-31")
    assert "2026-10-31" in last.new and "需与省级平台对接" in last.new and "李某" in last.new


def test_the_sql_rollup_and_the_tree_agree_on_overdue_after_deferrals(svc, plan):
    for text, to in (("8月底前", dt.date(2026, 10, 31)), ("年底前", dt.date(2026, 9, 1))):
        svc.defer(_task(svc, plan, text).id, to, "调整")
    tree_count = sum(1 for n in svc.tree(plan) if n.is_overdue(TODAY))
    assert plan_rollups(svc.db, TODAY, plan)[plan].overdue == tree_count
    assert _task(svc, plan, "年底前").is_overdue(TODAY)  # a deadline brought forward makes it late


def test_undoing_a_deferral_puts_the_old_date_back_and_says_so(svc, plan):
    task = _task(svc, plan, "8月底前")
    first = svc.defer(task.id, dt.date(2026, 10, 31), "原因一").result
    second = svc.defer(task.id, dt.date(2026, 11, 30), "原因二").result
    assert svc.node(task.id).final_due() == dt.date(2026, 11, 30)
    assert deferral_sentence(svc.node(task.id)).startswith("原定8月底前，经批准延期至11月底前")
    svc.remove_deferral(second)
    assert svc.node(task.id).final_due() == dt.date(2026, 10, 31)
    assert svc.history(task.id)[-1].new == "2026-10-31"
    svc.remove_deferral(first)
    assert svc.node(task.id).deferral is None and svc.node(task.id).is_overdue(TODAY)
    assert [d.id for d in svc.deferrals(task.id)] == []
    with pytest.raises(NotFoundError):
        svc.remove_deferral(first)


def test_a_deferral_needs_a_reason_a_new_date_and_a_task(svc, plan):
    task = _task(svc, plan, "8月底前")
    with pytest.raises(UsageError, match="deferral_needs_reason"):
        svc.defer(task.id, dt.date(2026, 10, 31), "  ")
    with pytest.raises(UsageError, match="deferral_same_date"):
        svc.defer(task.id, dt.date(2026, 8, 31), "原因")
    with pytest.raises(UsageError, match="not_a_task"):
        svc.defer(task.parent_id, dt.date(2026, 10, 31), "原因")
    assert svc.deferrals(task.id) == [] and svc.history(task.id) == []


def test_a_deferral_goes_with_a_deleted_task_and_comes_back_on_undo(svc, plan):
    task = _task(svc, plan, "8月底前")
    svc.defer(task.id, dt.date(2026, 10, 31), "原因")
    svc.add_entry(task.id, "已起草", dt.date(2026, 8, 1))
    snap = svc.delete_node(task.id).before
    svc.restore_node(snap)
    back = svc.node(task.id)
    assert back.deferral.due == dt.date(2026, 10, 31) and back.latest_entry.text == "已起草"


@pytest.mark.parametrize(("day", "year", "words"), [
    (dt.date(2026, 10, 31), 2026, "10月底前"), (dt.date(2026, 12, 31), 2026, "年底前"),
    (dt.date(2026, 10, 15), 2026, "10月15日前"), (dt.date(2027, 3, 31), 2026, "2027年3月底前"), (dt.date(2027, 12, 31), 2026, "2027年底前"),
    (dt.date(2028, 2, 29), 2028, "2月底前")])
def test_a_new_date_reads_as_plans_print_deadlines(day, year, words):
    assert due_words(day, year) == words


def test_progress_entries_are_dated_listed_and_the_newest_status_becomes_the_tasks(svc, plan):
    task = _task(svc, plan, "9月15日前")
    svc.add_entry(task.id, "已完成初稿", dt.date(2026, 7, 20), Status.DOING)
    assert svc.node(task.id).status is Status.DOING
    change = svc.add_entry(task.id, "印发实施。", dt.date(2026, 9, 5), "已完成")
    assert {"entries", "status"} <= change.fields and change.before == (Status.DOING, None)
    older = svc.add_entry(task.id, "召开协调会", dt.date(2026, 8, 1), Status.DOING)  # not the newest
    assert svc.node(task.id).status is Status.DONE and "status" not in older.fields
    entries = svc.entries(task.id)
    assert [e.text for e in entries] == ["已完成初稿", "召开协调会", "印发实施。"]
    assert svc.node(task.id).latest_entry.text == "印发实施。"
    assert [e.text for e in svc.entries(task.id, dt.date(2026, 8, 1), dt.date(2026, 8, 31))] == ["召开协调会"]
    assert svc.composed_note(task.id) == "7月20日，已完成初稿；8月1日，召开协调会；9月5日，印发实施。"
    assert [h.field for h in svc.history(task.id)].count("entry") == 3


def test_removing_an_entry_is_the_undo_of_adding_it(svc, plan):
    task = _task(svc, plan, "9月15日前")
    added = svc.add_entry(task.id, "印发实施", dt.date(2026, 9, 5), Status.DONE)
    assert svc.node(task.id).completed_on == TODAY
    svc.remove_entry(added.result.id, restore=added.before)
    now = svc.node(task.id)
    assert (now.status, now.completed_on, now.latest_entry) == (Status.TODO, None, None)
    assert {h.field for h in svc.history(task.id)[-2:]} == {"status", "completed_on"}
    with pytest.raises(NotFoundError):
        svc.remove_entry(added.result.id)
    with pytest.raises(UsageError, match="entry_needs_text"):
        svc.add_entry(task.id, "  ")


def test_plan_entries_cover_just_the_period_asked(svc, plan):
    a, b = _task(svc, plan, "9月15日前"), _task(svc, plan, "8月底前")
    svc.add_entry(a.id, "六月", dt.date(2026, 6, 30))
    svc.add_entry(a.id, "七月", dt.date(2026, 7, 1))
    svc.add_entry(b.id, "九月", dt.date(2026, 9, 1))
    start, end = period_range("本季度", TODAY)
    got = svc.plan_entries(plan, start, end)
    assert {k: [e.text for e in v] for k, v in got.items()} == {a.id: ["七月"], b.id: ["九月"]}
    assert set(svc.plan_entries(plan)) == {a.id, b.id}


@pytest.mark.parametrize(("name", "today", "first", "last"), [
    ("本月", dt.date(2026, 2, 10), dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
    ("上月", dt.date(2026, 1, 10), dt.date(2025, 12, 1), dt.date(2025, 12, 31)),
    ("本季度", dt.date(2026, 8, 10), dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
    ("上季度", dt.date(2026, 2, 10), dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
    ("本年", dt.date(2026, 2, 10), dt.date(2026, 1, 1), dt.date(2026, 12, 31))])
def test_periods_are_calendar_months_quarters_and_years(name, today, first, last):
    assert period_range(name, today) == (first, last)


def test_a_note_composed_across_years_names_them():
    from core.domain.records import EntryInfo

    entries = [EntryInfo(2, 1, dt.date(2027, 1, 5), "收尾"), EntryInfo(1, 1, dt.date(2026, 12, 1), "启动；")]
    assert compose_note(entries) == "2026年12月1日，启动；2027年1月5日，收尾。"
    assert [e.id for e in in_period(entries, dt.date(2027, 1, 1), None)] == [2]
    assert compose_note([]) == ""


def test_a_deferral_taken_back_comes_back_as_it_was(svc, plan):
    task = _task(svc, plan, "8月底前")
    made = svc.defer(task.id, dt.date(2026, 10, 31), "需与省级平台对接", "李某").result
    kept = svc.node(task.id).deferral
    svc.remove_deferral(made)
    assert svc.node(task.id).is_overdue(TODAY)
    change = svc.restore_deferral(task.id, kept)
    assert change.result == kept.id and svc.node(task.id).deferral == kept and not svc.node(task.id).is_overdue(TODAY)
    assert [h.field for h in svc.history(task.id)].count("deferral") == 3


def test_a_removed_entry_comes_back_without_touching_the_status(svc, plan):
    task = _task(svc, plan, "8月底前")
    svc.add_entry(task.id, "完成初稿", dt.date(2026, 7, 1), Status.DOING)
    svc.set_status(task.id, Status.DONE)  # the clerk moved on since
    entry = svc.remove_entry(svc.entries(task.id)[0].id).result
    assert svc.entries(task.id) == [] and svc.node(task.id).status is Status.DONE
    svc.restore_entry(entry)
    assert svc.entries(task.id) == [entry] and svc.node(task.id).status is Status.DONE
    assert svc.node(task.id).latest_entry == entry
