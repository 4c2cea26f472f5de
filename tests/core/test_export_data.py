"""Choosing what an export shows: filters, the summary figures, the 填报单位 and the file name."""

from __future__ import annotations

import datetime as dt

import pytest
from export_helpers import AS_OF, tasks_of, worked_plan

from core.errors import UsageError
from core.export import ExportOptions, default_file_name
from core.export.data import gather, zh_date
from core.status import Status


@pytest.fixture
def plan_id(service, sample_plan):
    return worked_plan(service, sample_plan)


def test_all_tasks_come_in_plan_order_with_their_sections(service, plan_id):
    data = gather(service, plan_id, ExportOptions())
    assert [r.node.id for r in data.rows] == [n.id for n in service.tree(plan_id)]
    assert [r.seq for r in data.tasks] == list(range(1, len(tasks_of(service, plan_id)) + 1))


def test_summary_agrees_with_the_store(service, plan_id):
    data = gather(service, plan_id, ExportOptions())
    store = service.plan_rollup(plan_id)
    assert (data.summary.total, data.summary.overdue, data.summary.counts) == (
        store.total, store.overdue, store.counts)


def test_unit_filter_keeps_only_that_units_tasks_and_their_sections(service, plan_id):
    data = gather(service, plan_id, ExportOptions(unit="县发展改革局"))
    expected = [n.id for n in tasks_of(service, plan_id) if "县发展改革局" in n.all_units]
    assert [r.node.id for r in data.tasks] == expected
    assert data.summary.total == len(expected)
    sections = [r for r in data.rows if not r.is_task]
    assert sections and all(any(t.node.id in _descendants(service, plan_id, s.node.id) for t in data.tasks)
                            for s in sections)
    assert data.reporter == "县发展改革局"


def test_status_filter_lists_fewer_rows_but_summary_keeps_the_scope(service, plan_id):
    data = gather(service, plan_id, ExportOptions(statuses=frozenset({Status.DONE})))
    assert {r.node.status for r in data.tasks} == {Status.DONE}
    assert len(data.tasks) == 2
    assert data.summary.total == len(tasks_of(service, plan_id))


def test_tasks_only_has_no_section_rows_and_one_group(service, plan_id):
    data = gather(service, plan_id, ExportOptions(sections=False))
    assert all(r.is_task for r in data.rows)
    assert len(data.groups()) == 1


def test_groups_are_the_top_level_sections(service, plan_id, sample_plan):
    groups = gather(service, plan_id, ExportOptions()).groups()
    assert [g.heading for g, _ in groups] == [f"{n.label}{n.title}" for n in sample_plan.nodes]


def test_nothing_to_export_is_a_usage_error(service, plan_id):
    with pytest.raises(UsageError) as err:
        gather(service, plan_id, ExportOptions(unit="没有这个单位"))
    assert err.value.code == "export_empty"


def test_reporter_is_my_unit_setting_before_the_issuer(service, plan_id):
    assert gather(service, plan_id, ExportOptions()).reporter == "示例县人民政府办公室"
    service.set_setting("my_unit_name", "示例县政务公开办")
    assert gather(service, plan_id, ExportOptions()).reporter == "示例县政务公开办"


def test_as_of_date_decides_what_is_overdue(service, plan_id):
    early = gather(service, plan_id, ExportOptions(as_of=dt.date(2026, 1, 1)))
    late = gather(service, plan_id, ExportOptions(as_of=dt.date(2026, 12, 31)))
    assert early.summary.overdue == 0 < late.summary.overdue
    assert early.as_of == dt.date(2026, 1, 1)


def test_lead_unit_is_marked(service, plan_id):
    row = next(r for r in gather(service, plan_id, ExportOptions()).tasks if r.node.label == "2.")
    assert row.units_text == "县发展改革局（牵头）、县财政局、县市场监管局"
    assert row.unit_lines == ["牵头：县发展改革局", "县财政局、县市场监管局"]


def test_default_file_names_follow_the_style(service, plan_id):
    ledger = default_file_name(service, plan_id, ExportOptions(as_of=AS_OF))
    report = default_file_name(service, plan_id, ExportOptions(style="report", as_of=AS_OF))
    xlsx = default_file_name(service, plan_id, ExportOptions(format="xlsx", as_of=AS_OF))
    assert ledger == "示例县2026年政务公开工作要点落实情况台账_20260710.docx"
    assert report == "示例县2026年政务公开工作要点落实情况报告_20260710.docx"
    assert xlsx.endswith("台账_20260710.xlsx")


def test_dates_are_written_in_arabic_numerals_without_zeros():
    assert zh_date(dt.date(2024, 7, 1)) == "2024年7月1日"


def _descendants(service, plan_id, node_id):
    tree = {n.id: n for n in service.tree(plan_id)}
    out, stack = set(), [node_id]
    while stack:
        for child in tree[stack.pop()].child_ids:
            out.add(child)
            stack.append(child)
    return out
