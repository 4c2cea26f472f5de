"""Choosing what an export shows: the unit's tasks, whose report it is, the figures, the history."""

from __future__ import annotations

import datetime as dt

import pytest
from export_helpers import AS_OF, MY_UNIT, NOTES, dated_service, tasks_of, worked_plan

from core.domain.records import HistoryEntry, NodeInfo, TaskFilter
from core.domain.status import Status
from core.errors import UsageError
from core.export import ExportOptions, default_file_name
from core.export.as_of import as_of
from core.export.data import gather, strip_unit_brackets, zh_date
from core.export.script import converter


@pytest.fixture
def service(db_path):
    svc = dated_service(db_path)
    yield svc
    svc.close()


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


@pytest.mark.parametrize("unit", ["县发展改革局", "县教育局", "示例镇人民政府"])
def test_a_units_export_holds_the_same_tasks_as_my_tasks_for_that_unit(service, plan_id, unit):
    service.set_my_units([unit])
    mine = [n.id for n in service.find_tasks(plan_id, TaskFilter(mine=True))]
    data = gather(service, plan_id, ExportOptions(unit=unit))
    assert [r.node.id for r in data.tasks] == mine and data.summary.total == len(mine)
    named = [n.id for n in tasks_of(service, plan_id) if unit in n.all_units]
    assert set(named) <= set(mine) and len(mine) > len(named)  # 县直各单位 / 各乡镇人民政府 count too
    assert data.reporter == unit
    sections = [r for r in data.rows if not r.is_task]
    assert sections and all(any(t.node.id in _descendants(service, plan_id, s.node.id) for t in data.tasks)
                            for s in sections)


def test_each_task_of_a_unit_carries_the_units_role(service, plan_id):
    data = gather(service, plan_id, ExportOptions(unit="县发展改革局"))
    roles = {r.node.label: r.role for r in data.tasks}
    assert roles["2."] == "lead" and roles["1."] == "responsible"  # named, and through 县直各单位
    assert gather(service, plan_id, ExportOptions()).tasks[0].role is None


def test_mine_exports_the_clerks_own_units_tasks_in_their_name(service, plan_id):
    data = gather(service, plan_id, ExportOptions(mine=True))
    assert [r.node.id for r in data.tasks] == [n.id for n in service.find_tasks(plan_id, TaskFilter(mine=True))]
    assert data.reporter == MY_UNIT and data.scope == MY_UNIT


def test_mine_without_my_units_is_refused(service, sample_plan):
    plan_id = service.import_plan(sample_plan).plan_id
    with pytest.raises(UsageError) as err:
        gather(service, plan_id, ExportOptions(mine=True, reporter="县政府办公室"))
    assert err.value.code == "export_no_my_units"


def test_reporter_is_the_unit_chosen_else_my_unit_else_refused(service, sample_plan):
    plan_id = service.import_plan(sample_plan).plan_id
    with pytest.raises(UsageError) as err:
        gather(service, plan_id, ExportOptions())
    assert err.value.code == "export_no_reporter"  # never the plan's issuer
    assert gather(service, plan_id, ExportOptions(reporter="县政务公开办")).reporter == "县政务公开办"
    service.set_my_units(["县政府办公室", "县委办公室"])
    assert gather(service, plan_id, ExportOptions()).reporter == "县政府办公室"
    assert gather(service, plan_id, ExportOptions(unit="县教育局")).reporter == "县教育局"


def test_status_filter_lists_fewer_rows_but_summary_keeps_the_scope(service, plan_id):
    data = gather(service, plan_id, ExportOptions(statuses=frozenset({Status.DONE})))
    assert {r.node.status for r in data.tasks} == {Status.DONE}
    assert len(data.tasks) == 2
    assert data.summary.total == len(tasks_of(service, plan_id))


def test_tasks_without_a_note_are_pending_and_left_out_of_the_report_body(service, plan_id):
    data = gather(service, plan_id, ExportOptions(style="report"))
    noted = [t.id for t in tasks_of(service, plan_id) if t.note.strip()]
    assert len(noted) == len(NOTES)
    assert [r.node.id for r in data.pending] == [t.id for t in tasks_of(service, plan_id) if not t.note.strip()]
    body = data.reported_rows()
    assert [r.node.id for r in body if r.is_task] == noted
    kept_sections = {r.node.id for r in body if not r.is_task}
    assert all(r.node.parent_id in kept_sections for r in body if r.node.parent_id is not None)


def test_tasks_only_has_no_section_rows(service, plan_id):
    data = gather(service, plan_id, ExportOptions(sections=False))
    assert all(r.is_task for r in data.rows) and len(data.rows) == len(tasks_of(service, plan_id))


def test_nothing_to_export_is_a_usage_error(service, plan_id):
    with pytest.raises(UsageError) as err:
        gather(service, plan_id, ExportOptions(unit="没有这个单位"))
    assert err.value.code == "export_empty"


def test_as_of_date_decides_what_is_overdue(service, plan_id):
    early = gather(service, plan_id, ExportOptions(as_of=dt.date(2026, 1, 1)))
    late = gather(service, plan_id, ExportOptions(as_of=dt.date(2026, 12, 31)))
    assert early.summary.overdue == 0 < late.summary.overdue
    assert early.as_of == dt.date(2026, 1, 1)


def test_as_of_yesterday_shows_the_plan_before_todays_work(service, plan_id):
    today = service.today()
    before = gather(service, plan_id, ExportOptions(as_of=today - dt.timedelta(days=1)))
    now = gather(service, plan_id, ExportOptions(as_of=today))
    assert {r.node.status for r in before.tasks} == {Status.TODO}
    assert all(not r.node.note and r.node.completed_on is None for r in before.tasks)
    assert now.summary.counts[Status.DONE] == 2 and now.tasks[0].node.note == NOTES[0]


def _info(**kw) -> NodeInfo:
    return NodeInfo(id=1, plan_id=1, parent_id=None, position=0, label="1.", title="任务", text="", **kw)


def test_history_is_undone_newest_first_back_to_the_day():
    at = lambda day: dt.datetime(2026, 6, day, 9, 0)  # noqa: E731
    history = [HistoryEntry(at(1), "status", "todo", "doing"),
               HistoryEntry(at(1), "note", "", "已起草"),
               HistoryEntry(at(10), "status", "doing", "done"),
               HistoryEntry(at(10), "completed_on", None, "2026-06-10"),
               HistoryEntry(at(12), "note", "已起草", "已发布")]
    info = _info(status=Status.DONE, note="已发布", completed_on=dt.date(2026, 6, 10))
    june5 = as_of(info, history, dt.date(2026, 6, 5))
    assert (june5.status, june5.note, june5.completed_on) == (Status.DOING, "已起草", None)
    june10 = as_of(info, history, dt.date(2026, 6, 10))
    assert (june10.status, june10.note, june10.completed_on) == (Status.DONE, "已起草", dt.date(2026, 6, 10))
    assert as_of(info, history, dt.date(2026, 6, 30)) is info
    assert as_of(info, history, dt.date(2026, 5, 31)).status is Status.TODO


def test_ticking_done_records_the_completion_date_in_the_history(service, plan_id):
    task = tasks_of(service, plan_id)[3]
    service.set_status(task.id, Status.DONE)
    service.set_status(task.id, Status.DOING)
    fields = [(h.field, h.new) for h in service.history(task.id)]
    today = service.today().isoformat()
    assert fields == [("status", "done"), ("completed_on", today), ("status", "doing"), ("completed_on", None)]
    assert service.plan_history(plan_id)[task.id][-1].field == "completed_on"


def test_roles_are_shown_lead_first(service, plan_id):
    row = next(r for r in gather(service, plan_id, ExportOptions()).tasks if r.node.label == "2.")
    assert row.unit_lines == ["牵头：县发展改革局", "配合：县财政局、县市场监管局"]


def test_unit_brackets_are_dropped_from_the_task_text_nested_or_not():
    units = ["市政府辦公室", "各縣(市)區政府", "市政府各部門"]
    text = ("建設完成政府信息公開平臺。年底前要全部公開到位。(牽頭單位:市政府辦公室;責任單位:各縣(市)區政府、"
            "市政府各部門)")
    assert strip_unit_brackets(text, units) == "建設完成政府信息公開平臺。年底前要全部公開到位。"
    assert strip_unit_brackets("做好公开（县教育局牵头，县财政局配合）。", ["县教育局", "县财政局"]) == "做好公开。"
    kept = "落实《细则(试行)》，公开各县(市)区政府信息（IPv6）。"
    assert strip_unit_brackets(kept, units) == kept


def test_default_file_names_follow_the_style_and_the_script(service, plan_id):
    ledger = default_file_name(service, plan_id, ExportOptions(as_of=AS_OF))
    report = default_file_name(service, plan_id, ExportOptions(style="report", as_of=AS_OF))
    xlsx = default_file_name(service, plan_id, ExportOptions(format="xlsx", as_of=AS_OF))
    traditional = default_file_name(service, plan_id, ExportOptions(style="report", as_of=AS_OF,
                                                                    script="traditional"))
    assert ledger == "示例县2026年政务公开工作要点落实情况台账_20260710.docx"
    assert report == "示例县2026年政务公开工作要点落实情况报告_20260710.docx"
    assert xlsx.endswith("台账_20260710.xlsx")
    assert traditional == "示例縣2026年政務公開工作要點落實情況報告_20260710.docx"


def test_original_script_is_the_plans_own(service, plan_id, sample_plan):
    assert gather(service, plan_id, ExportOptions()).script == "simplified"
    assert gather(service, plan_id, ExportOptions(script="traditional")).script == "traditional"
    trad = sample_plan.from_json(converter("traditional")(sample_plan.to_json()))  # a 繁體 plan
    other = service.import_plan(trad).plan_id
    assert gather(service, other, ExportOptions()).script == "traditional"
    with pytest.raises(UsageError):
        gather(service, plan_id, ExportOptions(script="martian"))


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
