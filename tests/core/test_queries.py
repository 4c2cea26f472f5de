"""The filters the CLI's list and the GUI's filter bar share."""

from __future__ import annotations

import datetime as dt

import pytest

from core.domain.records import TaskFilter
from core.domain.status import Status
from core.service.facade import PlanService


@pytest.fixture
def svc(db_path, sample_plan):
    s = PlanService(db_path, today=lambda: dt.date(2026, 8, 20))
    s.import_plan(sample_plan)
    yield s
    s.close()


def labels(svc, **kw):
    return [t.label for t in svc.find_tasks(1, TaskFilter(**kw))]


def test_mine_takes_in_collective_names_with_role(svc):
    svc.set_my_units(["县教育局"])
    assert labels(svc, mine=True) == ["1.", "3.", "6.", "9.", "10.", "12."]
    assert labels(svc, mine=True, role="responsible") == ["1.", "3.", "6.", "9.", "10.", "12."]
    assert labels(svc, mine=True, role="lead") == []


def test_unit_filter_is_exact_and_role_aware(svc):
    assert labels(svc, unit="县政府办公室", role="lead") == ["1.", "11.", "13.", "14.", "15."]
    assert labels(svc, unit="县委党校", role="cooperating") == ["14."]
    assert labels(svc, unit="县直各单位") == ["1.", "3.", "9.", "10.", "12."]


def test_due_within_lists_open_tasks_with_a_near_deadline(svc):
    assert labels(svc, due_within=14) == ["9."]  # 8月底前
    assert labels(svc, due_within=30) == ["5.", "9."]  # 9月15日前, 8月底前; not 第三季度前
    task = svc.find_tasks(1, TaskFilter(due_within=14))[0]
    svc.set_status(task.id, Status.DONE)
    assert labels(svc, due_within=14) == []


def test_search_matches_across_scripts(svc):
    task = svc.find_tasks(1, TaskFilter(text="年度报告"))[0]
    svc.rename_node(task.id, task.label, "發布政府信息公開工作年度報告", "規范編製發布年度報告")
    assert labels(svc, text="年度报告") == ["12."]
    assert labels(svc, text="规范编制") == ["12."]
    assert labels(svc, text="規範編製") == ["12."]


def test_overdue_and_status_combine(svc):
    overdue = labels(svc, overdue=True)
    assert overdue == ["2.", "7.", "12.", "13."]
    assert labels(svc, overdue=True, statuses={Status.DOING}) == []


def test_missing_note_lists_the_tasks_a_report_would_leave_out(svc):
    tasks = [n for n in svc.tree(1) if n.is_task]
    svc.set_note(tasks[0].id, "已发布。")
    svc.set_note(tasks[2].id, "   ")  # blank is no note
    missing = labels(svc, missing_note=True)
    assert "1." not in missing and "3." in missing and len(missing) == len(tasks) - 1
    svc.set_my_units(["县教育局"])
    assert labels(svc, missing_note=True, mine=True) == ["3.", "6.", "9.", "10.", "12."]


def test_passes_judges_every_criterion_but_the_search_text(svc):
    """The filter bar keeps this half while the clerk types; with the text it is `matches`."""
    from core.domain import filters

    svc.set_my_units(["县教育局"])
    ctx, tasks = svc.filter_context(), [t for t in svc.tree(1) if t.is_task]
    for flt in (TaskFilter(mine=True, text="年度报告"), TaskFilter(unit="县委党校", role="cooperating", text="x"),
                TaskFilter(due_within=30, text="公开"), TaskFilter(text="培训")):
        rest = TaskFilter(**{**vars(flt), "text": None})
        assert [t.label for t in tasks if filters.passes(t, flt, ctx)] == labels(svc, **{**vars(rest)})
        assert [t.label for t in tasks if filters.passes(t, flt, ctx) and filters.fold_query(flt.text)
                in filters.search_key(t)] == labels(svc, **vars(flt))


def test_a_cached_role_of_the_clerk_answers_for_the_unit_rules(svc):
    from core.domain import filters

    svc.set_my_units(["县教育局"])
    tasks = [t for t in svc.tree(1) if t.is_task]
    asked = []

    def cached(info):
        asked.append(info.id)
        return "lead" if info.label == "2." else None

    ctx = filters.FilterContext(today=svc.today(), my_units=["县教育局"], mine_role=cached)
    assert [t.label for t in tasks if filters.matches(t, TaskFilter(mine=True), ctx)] == ["2."]
    assert len(asked) == len(tasks)


def _every_criterion_in_turn(info, flt, ctx) -> bool:
    """The rule as the filter bar's help states it, criterion after criterion (the oracle)."""
    from core.domain.due import due_within
    from core.domain.filters import role_of

    if not info.is_task:
        return False
    if flt.statuses and info.status not in flt.statuses:
        return False
    if flt.overdue and not info.is_overdue(ctx.today):
        return False
    if flt.missing_note and info.note.strip():
        return False
    if flt.due_within is not None and not due_within(info, ctx.today, flt.due_within):
        return False
    roles = []
    if flt.unit:
        roles.append(role_of(info, [flt.unit.strip()], exact=True))
    if flt.mine:
        roles.append(role_of(info, ctx.my_units, exact=False))
    if None in roles:
        return False
    return not flt.role or (flt.role in roles if roles else bool(info.units.get(flt.role)))


def test_a_filter_looked_at_once_judges_as_each_criterion_in_turn(svc):
    """tester() builds one check per filter for the filter bar's pass over thousands of tasks; on
    every combination of criteria it answers what judging each criterion in turn answers."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from core.domain import filters

    svc.set_my_units(["县教育局"])
    tasks = svc.tree(1)
    svc.set_note(tasks[-1].id, "已完成。")
    tasks = svc.tree(1)
    units = sorted({u for t in tasks for u in t.all_units})
    ctx = svc.filter_context()

    @settings(max_examples=150, deadline=None)
    @given(statuses=st.none() | st.sets(st.sampled_from(list(Status)), min_size=1),
           overdue=st.booleans(), missing=st.booleans(), due=st.none() | st.integers(1, 400),
           unit=st.none() | st.sampled_from(units), mine=st.booleans(),
           role=st.none() | st.sampled_from(["lead", "responsible", "cooperating"]))
    def check(statuses, overdue, missing, due, unit, mine, role):
        flt = TaskFilter(statuses=statuses, overdue=overdue, missing_note=missing, due_within=due, unit=unit,
                         mine=mine, role=role)
        test = filters.tester(flt, ctx)
        assert [test(t) for t in tasks] == [_every_criterion_in_turn(t, flt, ctx) for t in tasks]

    check()
