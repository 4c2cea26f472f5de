"""收集填报 end to end: workbooks for three units, filled with openpyxl as units fill them (one
retyped into the unit's own sheet, one that clashes), merged back with preview, apply and undo."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.collect.fillin import META_SHEET
from core.domain.status import Status
from core.errors import InputError, UsageError
from tests.core import fill_builders

ROOT = Path(__file__).resolve().parents[2]
OFFICE, FINANCE, REFORM = "县政府办公室", "县财政局", "县发展改革局"


def _rows(path: Path) -> tuple:
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[3]]
    return wb, ws, header


def _fill(ws, header, node_id, **cells):
    key_col = header.index("编号") + 1
    for row in range(4, ws.max_row + 1):
        if ws.cell(row=row, column=key_col).value == node_id:
            for name, value in cells.items():
                ws.cell(row=row, column=header.index(name) + 1, value=value)
            return
    raise AssertionError(f"task {node_id} is not on the sheet")


def _task_id(svc, plan, start):
    return next(n.id for n in svc.tree(plan) if n.is_task and n.title.startswith(start))


def test_the_fill_in_workbook_locks_structure_and_offers_the_status_words(svc, plan, tmp_path):
    path, units = svc.collect(plan, tmp_path / "财政局.xlsx", [FINANCE])
    assert units == [FINANCE]
    wb, ws, header = _rows(path)
    assert header == ["序号", "工作任务", "责任单位", "完成时限", "状态", "完成情况", "完成日期", "进展", "编号"]
    keys = [ws.cell(row=r, column=9).value for r in range(4, ws.max_row + 1)]
    assert keys == [t.id for t in svc.unit_tasks(plan, FINANCE)]  # by name and by 县直各单位
    assert ws.column_dimensions["I"].hidden and ws.protection.sheet and not ws.protection.password
    assert ws.cell(row=4, column=2).protection.locked and not ws.cell(row=4, column=5).protection.locked
    assert all(not ws.cell(row=4, column=c).protection.locked for c in (5, 6, 7, 8))
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert lists and "已完成" in lists[0].formula1 and "E4" in str(lists[0].sqref)
    assert wb[META_SHEET].sheet_state == "veryHidden" and wb.security.lockStructure
    assert all(ws.row_dimensions[r].height >= 30 for r in range(4, ws.max_row + 1))  # rows grown to fit and write in
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.cell(row=4, column=1).alignment.horizontal == "center"  # the number stands apart from the text


def test_all_units_go_in_one_workbook_a_sheet_each(svc, plan, tmp_path):
    path, units = svc.collect(plan, tmp_path / "全部.xlsx")
    wb = load_workbook(path)
    assert [ws.title for ws in wb.worksheets if ws.title != META_SHEET] == units
    assert OFFICE in units and "县直各单位" not in units


def test_round_trip_of_three_units_keeps_every_edit_and_flags_the_clashes(svc, plan, tmp_path):
    law, policy, lead = (_task_id(svc, plan, s) for s in ("调整充实", "集中公开惠企", "公开重大建设项目"))
    ongoing, train = _task_id(svc, plan, "及时公开"), _task_id(svc, plan, "开展政务公开业务培训")
    office, _ = svc.collect(plan, tmp_path / "办公室.xlsx", [OFFICE])
    reform, _ = svc.collect(plan, tmp_path / "发改局.xlsx", [REFORM])
    svc.collect(plan, tmp_path / "财政局原表.xlsx", [FINANCE])
    svc.set_note(lead, "台账员已登记：项目信息已公开")  # the clerk edits after sending the workbooks

    wb, ws, header = _rows(office)  # the office fills our workbook as sent
    _fill(ws, header, law, **{"状态": "已完成", "完成情况": "已调整充实领导小组", "完成日期": dt.datetime(2026, 3, 20)})
    _fill(ws, header, train, **{"进展": "9月举办第一期培训"})
    wb.save(office)
    wb, ws, header = _rows(reform)  # 发改局 fills ours too, clashing with 财政局 and with the clerk
    _fill(ws, header, policy, **{"状态": "进行中", "完成情况": "正在汇总清单"})
    _fill(ws, header, lead, **{"完成情况": "已公开项目信息12条"})
    _fill(ws, header, ongoing, **{"状态": "持续推进"})
    wb.save(reform)
    retyped = fill_builders.retyped(tmp_path / "财政局.xlsx")  # 财政局 retypes it into its own sheet: other order, 繁體, no keys

    files = svc.read_returns([office, reform, retyped])
    preview = svc.merge_preview(plan, files)
    kinds = {i.node_id: i.kind for i in preview.items}
    assert kinds[law] == kinds[train] == kinds[ongoing] == "changed"
    assert kinds[policy] == kinds[lead] == "conflicting"
    clash = {c.field: c.reason for i in preview.items if i.node_id == policy for c in i.conflicts}
    assert clash == {"status": "units_differ", "note": "units_differ"}
    assert [c.reason for i in preview.items if i.node_id == lead for c in i.conflicts] == ["changed_since"]
    assert [r.text for r in preview.unmatched] == ["一项本单位自己加的工作"]
    assert svc.node(law).status is Status.TODO  # a preview writes nothing

    change = svc.apply_merge(plan, files)
    done = svc.node(law)
    assert (done.status, done.note, done.completed_on) == (Status.DONE, "已调整充实领导小组", dt.date(2026, 3, 20))
    assert svc.node(ongoing).status is Status.ONGOING
    assert [e.text for e in svc.entries(train)] == ["9月举办第一期培训"]
    assert svc.node(policy).status is Status.TODO and svc.node(policy).note == ""  # conflicts not applied
    assert svc.node(lead).note == "台账员已登记：项目信息已公开"  # the clerk's edit is not lost
    sources = {h.field: h.source for h in svc.history(law)}
    assert sources == {"status": "来自县政府办公室填报（办公室.xlsx）", "note": "来自县政府办公室填报（办公室.xlsx）",
                       "completed_on": "来自县政府办公室填报（办公室.xlsx）"}
    assert svc.history(train)[-1].source == "来自县政府办公室填报（办公室.xlsx）"
    assert change.nodes == {law, train, ongoing}

    again = svc.apply_merge(plan, files, take="财政局.xlsx")  # the clerk picks 财政局's side
    assert svc.node(policy).status is Status.DONE and svc.node(policy).note == "已公开惠企政策清单23项"
    assert svc.history(policy)[-1].source == "来自县财政局填报（财政局.xlsx）"
    assert svc.node(lead).note == "台账员已登记：项目信息已公开"  # 财政局 had no say there
    assert {i.node_id for i in again.result.of_kind("changed")} >= {policy}
    assert svc.entries(train) and len(svc.entries(train)) == 1  # merging twice adds no second entry

    svc.undo_merge(again.before)
    assert svc.node(policy).status is Status.TODO and svc.node(policy).note == ""
    svc.undo_merge(change.before)
    back = svc.node(law)
    assert (back.status, back.note, back.completed_on) == (Status.TODO, "", None)
    assert svc.entries(train) == []


def test_a_blank_cell_never_wipes_what_the_clerk_recorded(svc, plan, tmp_path):
    task = _task_id(svc, plan, "调整充实")
    svc.set_note(task, "已有的完成情况")
    path, _ = svc.collect(plan, tmp_path / "办公室.xlsx", [OFFICE])
    wb, ws, header = _rows(path)
    _fill(ws, header, task, **{"完成情况": None, "状态": None})
    wb.save(path)
    preview = svc.merge_preview(plan, svc.read_returns([path]))
    assert {i.kind for i in preview.items} == {"unchanged"}


def test_bad_cells_are_listed_and_their_rows_keep_the_rest(svc, plan, tmp_path):
    task = _task_id(svc, plan, "调整充实")
    path, _ = svc.collect(plan, tmp_path / "办公室.xlsx", [OFFICE])
    wb, ws, header = _rows(path)
    _fill(ws, header, task, **{"状态": "差不多", "完成日期": "三月", "完成情况": "已调整"})
    wb.save(path)
    preview = svc.merge_preview(plan, svc.read_returns([path]))
    assert sorted(p.code for p in preview.problems) == ["fill_bad_date", "fill_bad_status"]
    item = next(i for i in preview.items if i.node_id == task)
    assert set(item.changes) == {"note"}


def test_files_that_cannot_be_merged_are_refused_plainly(svc, plan, tmp_path, sample_plan):
    other = svc.import_plan(sample_plan).plan_id
    path, _ = svc.collect(other, tmp_path / "另一计划.xlsx", [OFFICE])
    preview = svc.merge_preview(plan, svc.read_returns([path]))
    assert [p.code for p in preview.problems] == ["fill_other_plan"] and preview.items == []
    junk = tmp_path / "坏.xlsx"
    junk.write_text("not a workbook")
    with pytest.raises(InputError, match="fill_unreadable"):
        svc.read_returns([junk])
    with pytest.raises(UsageError, match="merge_take_unknown"):
        svc.merge_preview(plan, svc.read_returns([path]), take="nobody.xlsx")
    with pytest.raises(UsageError, match="collect_no_tasks"):
        svc.collect(plan, tmp_path / "x.xlsx", ["市教育局"])


def _cli(*args, db):
    cmd = [sys.executable, str(ROOT / "main.py"), "--db", str(db), *args]
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)


def test_collect_and_merge_on_the_command_line(svc, plan, db_path, tmp_path):
    task = _task_id(svc, plan, "调整充实")
    svc.close()
    out = tmp_path / "办公室.xlsx"
    res = _cli("collect", "--plan", str(plan), "--unit", OFFICE, "--out", str(out), db=db_path)
    assert res.returncode == 0, res.stderr
    assert f"已生成填报表：{out}（县政府办公室 9 项）" in res.stdout
    wb, ws, header = _rows(out)
    _fill(ws, header, task, **{"状态": "已完成", "完成情况": "已调整"})
    wb.save(out)
    shown = _cli("merge", "--plan", str(plan), str(out), db=db_path)
    assert shown.returncode == 0, shown.stderr
    assert "将应用改动 1 项任务" in shown.stdout and "以上为预览，尚未写入" in shown.stdout
    assert "状态 → 已完成（来自县政府办公室填报（办公室.xlsx））" in shown.stdout
    assert '"已完成"' not in _cli("list", "--plan", str(plan), "--status", "已完成", "--json", db=db_path).stdout
    as_json = json.loads(_cli("merge", "--plan", str(plan), str(out), "--json", db=db_path).stdout)
    assert as_json["applied"] is False and [i["kind"] for i in as_json["items"] if i["id"] == task] == ["changed"]
    assert next(i for i in as_json["items"] if i["id"] == task)["changes"]["status"] == {
        "value": "已完成", "file": "办公室.xlsx", "unit": OFFICE}
    everyone = _cli("collect", "--plan", str(plan), "--all-units", "--out", str(tmp_path / "全部.xlsx"), db=db_path)
    assert everyone.returncode == 0 and "县政府办公室 9 项" in everyone.stdout and "县财政局 6 项" in everyone.stdout
    applied = _cli("merge", "--plan", str(plan), str(out), "--apply", db=db_path)
    assert applied.returncode == 0 and "已应用改动 1 项任务" in applied.stdout
    assert _cli("list", "--plan", str(plan), "--status", "已完成", "--json", db=db_path).stdout.count('"id"') == 1
    for args, error in ((["collect", "--plan", str(plan), "--out", str(out)],
                         "错误：请用 --unit 指定单位，或用 --all-units 为全部单位生成一个填报表"),
                        (["merge", "--plan", str(plan), str(tmp_path / "无.xlsx")],
                         f"错误：找不到文件：{tmp_path / '无.xlsx'}")):
        res = _cli(*args, db=db_path)
        assert (res.returncode, res.stderr.strip()) == (2, error)


def test_one_workbook_for_all_units_merges_each_sheet_in_its_units_name(svc, plan, tmp_path):
    task = _task_id(svc, plan, "调整充实")  # only 县政府办公室's
    path, units = svc.collect(plan, tmp_path / "全部单位.xlsx")
    wb = load_workbook(path)
    ws = wb[OFFICE]
    header = [c.value for c in ws[3]]
    _fill(ws, header, task, **{"状态": "已完成", "完成情况": "已调整"})
    wb.save(path)
    change = svc.apply_merge(plan, svc.read_returns([path]))
    assert change.nodes == {task} and svc.node(task).status is Status.DONE
    assert svc.history(task)[-1].source == "来自县政府办公室填报（全部单位.xlsx）"


def test_the_command_line_says_why_a_clash_was_not_applied(svc, plan, db_path, tmp_path):
    lead = _task_id(svc, plan, "公开重大建设项目")
    out, _ = svc.collect(plan, tmp_path / "发改局.xlsx", [REFORM])
    svc.set_note(lead, "台账员已登记")  # the clerk writes after the workbook went out
    svc.close()
    wb, ws, header = _rows(out)
    _fill(ws, header, lead, **{"完成情况": "已公开项目信息12条"})
    wb.save(out)
    shown = _cli("merge", "--plan", str(plan), str(out), db=db_path)
    assert shown.returncode == 0, shown.stderr
    assert "冲突 1 项" in shown.stdout and "（生成填报表后台账已改动）" in shown.stdout


def _clashing_files(svc, plan, tmp_path):
    """财政局 and 发改局 fill 集中公开惠企 differently; 办公室 completes 调整充实."""
    law, policy = _task_id(svc, plan, "调整充实"), _task_id(svc, plan, "集中公开惠企")
    paths = []
    for unit, name, fills in ((OFFICE, "办公室", {law: {"状态": "已完成", "完成情况": "已调整充实领导小组",
                                                       "进展": "3月调整"}}),
                              (FINANCE, "财政局", {policy: {"完成情况": "财政局写的"}}),
                              (REFORM, "发改局", {policy: {"完成情况": "发改局写的"}})):
        path, _ = svc.collect(plan, tmp_path / f"{name}.xlsx", [unit])
        wb, ws, header = _rows(path)
        for task, cells in fills.items():
            _fill(ws, header, task, **cells)
        wb.save(path)
        paths.append(path)
    return law, policy, svc.read_returns(paths)


def test_applying_only_the_ticked_values_leaves_the_rest_and_settles_the_chosen_side(svc, plan, tmp_path):
    from core.collect.merge import pick_of

    law, policy, files = _clashing_files(svc, plan, tmp_path)
    preview = svc.merge_preview(plan, files)
    picks = {pick_of(i.node_id, name, p) for i in preview.items for name, p in i.changes.items()}
    picks |= {pick_of(i.node_id, "entry", p) for i in preview.items for p in i.entries}
    item = next(i for i in preview.items if i.node_id == law)
    assert not any(p[0] == policy for p in picks)  # a conflict offers no change of its own
    picks.discard(pick_of(law, "note", item.changes["note"]))  # the clerk unticks the note
    clash = next(i for i in preview.items if i.node_id == policy).conflicts[0]
    reform_side = next(p for p in clash.proposals if p.unit == REFORM)
    picks.add(pick_of(policy, "note", reform_side))
    change = svc.apply_merge(plan, files, picks=picks)
    done = svc.node(law)
    assert (done.status, done.note) == (Status.DONE, "")  # status taken, note left as it was
    assert [e.text for e in svc.entries(law)] == ["3月调整"]
    assert svc.node(policy).note == "发改局写的"
    assert svc.history(policy)[-1].source == "来自县发展改革局填报（发改局.xlsx）"
    assert change.result.of_kind("conflicting") == [] and change.nodes == {law, policy}
    svc.undo_merge(change.before)
    assert (svc.node(law).status, svc.node(policy).note, svc.entries(law)) == (Status.TODO, "", [])


def test_an_empty_pick_applies_nothing_and_an_unpicked_conflict_stays_one(svc, plan, tmp_path):
    law, policy, files = _clashing_files(svc, plan, tmp_path)
    change = svc.apply_merge(plan, files, picks=set())
    assert change.nodes == set() and svc.node(law).status is Status.TODO
    assert [i.node_id for i in change.result.of_kind("conflicting")] == [policy]


def test_reading_returns_apart_sets_bad_files_aside_and_reads_the_rest(svc, plan, tmp_path):
    good, _ = svc.collect(plan, tmp_path / "办公室.xlsx", [OFFICE])
    junk = tmp_path / "坏.xlsx"
    junk.write_text("not a workbook")
    (tmp_path / "again").mkdir()
    twin, _ = svc.collect(plan, tmp_path / "again" / "办公室.xlsx", [OFFICE])
    read, refused = svc.read_returns_apart([junk, good, twin])
    assert [r.file for r in read] == ["办公室.xlsx"] and read[0].rows
    assert [(p, e.code) for p, e in refused] == [(junk, "fill_unreadable"), (twin, "merge_same_name")]
