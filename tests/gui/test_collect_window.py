"""收集填报 and the plan diff in the window, as the clerk does them: make the units' workbooks,
merge what three units send back (ours as sent, one retyped, one clashing), compare two plans."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt

from core.collect.fillin import META_SHEET
from core.domain.status import Status
from core.parse.parsed_plan import ParsedPlan
from tests.core import fill_builders
from tests.core.test_plan_diff import _next_year

ROOT = Path(__file__).resolve().parents[2]
OFFICE, FINANCE, REFORM = "县政府办公室", "县财政局", "县发展改革局"


def _task(service, plan, start):
    return next(n.id for n in service.tree(plan) if n.is_task and n.title.startswith(start))


def _fill(path: Path, node_id: int, **cells) -> None:
    """Fill one row of our workbook as a unit does in Excel (found by the hidden 编号)."""
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[3]]
    for row in range(4, ws.max_row + 1):
        if ws.cell(row=row, column=header.index("编号") + 1).value == node_id:
            for name, value in cells.items():
                ws.cell(row=row, column=header.index(name) + 1, value=value)
            wb.save(path)
            return
    raise AssertionError(f"task {node_id} is not on the sheet")


def _collect_dialog(qtbot, window, folder: Path):
    from gui.dialogs.collect_dialog import CollectDialog

    dialog = CollectDialog(window.service, window.model.plan_id, window, window.settings)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(folder))
    dialog.offered = []
    dialog._offer_folder = dialog.offered.append  # no message box, no file manager launched
    return dialog


def _choose(dialog, units: list[str]) -> None:
    dialog.none_button.click()
    for row in range(dialog.units.count()):
        item = dialog.units.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in units:
            item.setCheckState(Qt.CheckState.Checked)


def _merge_dialog(qtbot, window, paths):
    from gui.dialogs.merge_dialog import MergeDialog

    dialog = MergeDialog(window.ctx, window.model.plan_id, paths, window)
    qtbot.addWidget(dialog)
    return dialog


def _rows(dialog, group: str):
    """(title, [child texts]) of the tasks under one group of the merge preview."""
    top = dialog.tree.groups[group]
    return [top.child(i) for i in range(top.childCount())]


def _pick_row(task_item, field_text: str, source: str | None = None):
    """The tickable row of a field (for a conflict: the side from `source`, or "keep" when None)."""
    for i in range(task_item.childCount()):
        child = task_item.child(i)
        if child.childCount():  # a conflict: its sides
            if not child.text(0).startswith(field_text):
                continue
            for j in range(child.childCount()):
                side = child.child(j)
                if (source is None and j == 0) or (source is not None and source in side.text(3)):
                    return side
        elif child.text(0) == field_text and (source is None or source in child.text(3)):
            return child
    raise AssertionError(f"no row {field_text} {source}")


# -- the menu ------------------------------------------------------------------------------
def test_the_returns_menu_waits_for_a_plan_and_compare_for_a_second_one(window, service, sample_plan):
    menu = window.collect_menu
    assert menu.menuAction() in window.menuBar().actions()
    assert not menu.collect_action.isEnabled() and not menu.merge_action.isEnabled()
    window.importer.open_sample()
    assert menu.collect_action.isEnabled() and menu.merge_action.isEnabled()
    assert not menu.diff_action.isEnabled()  # one plan: nothing to compare with
    service.import_plan(sample_plan)
    window.refresh_plans()
    assert menu.diff_action.isEnabled()


def test_the_menu_reads_in_chinese(window, zh_translation):
    from gui.dialogs.collect_menu import CollectMenu

    menu = CollectMenu(window)
    assert menu.title() == "填报与对比(&R)"
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "生成填报表(&M)…", "导入填报表(&I)…", "与另一计划比较(&C)…"]


# -- making the workbooks ------------------------------------------------------------------
def test_making_workbooks_writes_one_per_chosen_unit_and_says_where(qtbot, sample_window, tmp_path):
    dialog = _collect_dialog(qtbot, sample_window, tmp_path)
    service, plan = sample_window.service, sample_window.model.plan_id
    counts = {dialog.units.item(r).data(Qt.ItemDataRole.UserRole): dialog.units.item(r).text()
              for r in range(dialog.units.count())}
    assert counts[OFFICE] == f"{OFFICE} (9 tasks)"  # its own and 县直各单位's
    assert "县直各单位" not in counts  # a collective name is no one to send a file to
    _choose(dialog, [OFFICE, FINANCE, REFORM])
    assert dialog.summary.text() == "Makes 3 workbooks, one per unit."
    dialog.make_button.click()
    day = service.today().strftime("%Y%m%d")
    assert sorted(p.name for p in dialog.written) == sorted(f"填报表_{u}_{day}.xlsx" for u in (OFFICE, FINANCE, REFORM))
    assert dialog.offered == [tmp_path] and dialog.result() == dialog.DialogCode.Accepted
    wb = load_workbook(tmp_path / f"填报表_{FINANCE}_{day}.xlsx")
    keys = [r[8].value for r in wb.worksheets[0].iter_rows(min_row=4)]
    assert keys == [t.id for t in service.unit_tasks(plan, FINANCE)]
    assert sample_window.settings.value("collect/folder") == str(tmp_path)


def test_one_workbook_for_all_takes_a_township_named_only_collectively(qtbot, sample_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    dialog = _collect_dialog(qtbot, sample_window, tmp_path)
    _choose(dialog, [OFFICE])
    dialog.other_edit.setText("市教育局")  # no task reaches it
    dialog.other_button.click()
    assert told and "市教育局" in told[0] and dialog.units.count() == 14
    dialog.other_edit.setText("城关镇人民政府")  # 各乡镇人民政府 takes it in
    dialog.other_button.click()
    assert dialog.chosen_units() == [OFFICE, "城关镇人民政府"]
    dialog.together.setChecked(True)
    assert dialog.summary.text() == "Makes one workbook with a sheet for each of 2 units."
    dialog.make_button.click()
    (path,) = dialog.written
    assert [ws.title for ws in load_workbook(path).worksheets if ws.title != META_SHEET] == [OFFICE, "城关镇人民政府"]


def test_making_workbooks_needs_a_unit_and_a_real_folder(qtbot, sample_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    dialog = _collect_dialog(qtbot, sample_window, tmp_path / "没有这个文件夹")
    dialog.none_button.click()
    assert not dialog.make_button.isEnabled() and dialog.summary.text() == "Choose at least one unit."
    dialog.all_button.click()
    dialog.make()
    assert warned == ["Choose an existing folder to save the workbooks in."] and dialog.written == []


# -- merging the returns -------------------------------------------------------------------
@pytest.fixture
def returned(qtbot, sample_window, tmp_path):
    """Workbooks made in the window for three units and filled as they fill them: 办公室 fills ours,
    发改局 fills ours clashing with 财政局 and with the clerk, 财政局 retypes the sheet in 繁體."""
    window, service = sample_window, sample_window.service
    plan = window.model.plan_id
    dialog = _collect_dialog(qtbot, window, tmp_path)
    _choose(dialog, [OFFICE, REFORM, FINANCE])
    dialog.make_button.click()
    day = service.today().strftime("%Y%m%d")
    office, reform = (tmp_path / f"填报表_{u}_{day}.xlsx" for u in (OFFICE, REFORM))
    ids = {k: _task(service, plan, s) for k, s in (("law", "调整充实"), ("policy", "集中公开惠企"),
                                                   ("lead", "公开重大建设项目"), ("train", "开展政务公开业务培训"))}
    service.set_note(ids["lead"], "台账员已登记：项目信息已公开")  # the clerk edits after sending them
    _fill(office, ids["law"], **{"状态": "已完成", "完成情况": "已调整充实领导小组", "完成日期": dt.datetime(2026, 3, 20)})
    _fill(office, ids["train"], **{"进展": "9月举办第一期培训"})
    _fill(reform, ids["policy"], **{"状态": "进行中", "完成情况": "正在汇总清单"})
    _fill(reform, ids["lead"], **{"完成情况": "已公开项目信息12条"})
    retyped = fill_builders.retyped(tmp_path / "财政局自己的表.xlsx")
    return ids, [office, reform, retyped]


def test_the_preview_sorts_conflicts_changes_and_unchanged(qtbot, sample_window, returned):
    ids, paths = returned
    dialog = _merge_dialog(qtbot, sample_window, paths)
    conflicts = _rows(dialog, "conflicting")
    assert sorted(t.text(0) for t in conflicts) == ["2.集中公开惠企利民政策清单", "8.公开重大建设项目批准和实施信息，第三季度前完成项目专栏更新"]
    changed = {t.text(0): t for t in _rows(dialog, "changed")}
    law = changed["13.调整充实政务公开工作领导小组，明确专人负责政务公开工作"]
    status = _pick_row(law, "Status")
    assert (status.text(1), status.text(2), status.text(3)) == ("Not started", "Done",
                                                                f"{OFFICE} ({paths[0].name})")
    assert status.checkState(0) == Qt.CheckState.Checked
    assert _pick_row(law, "Completion date").text(2) == "2026-03-20"
    train = next(t for name, t in changed.items() if name.startswith("14."))
    assert _pick_row(train, "Progress").text(2) == "9月举办第一期培训"
    assert dialog.tree.groups["unchanged"].childCount() > 0 and not dialog.tree.groups["unchanged"].isExpanded()
    unmatched = dialog.tree.groups["unmatched"]
    assert unmatched.childCount() == 1 and unmatched.child(0).text(0) == "一项本单位自己加的工作"
    lead = next(t for t in conflicts if t.text(0).startswith("8."))
    keep = _pick_row(lead, "Completion note")
    assert keep.text(1) == "台账员已登记：项目信息已公开" and "changed here since" in keep.parent().text(0)
    assert keep.checkState(0) == Qt.CheckState.Checked  # the clerk's own edit stays unless they choose
    assert [dialog.files.topLevelItem(i).text(1) for i in range(3)] == [
        f"{OFFICE}: 9 rows", f"{REFORM}: 7 rows", f"{FINANCE}: 2 rows"]


def test_a_conflicts_sides_behave_as_radio_buttons(qtbot, sample_window, returned):
    ids, paths = returned
    dialog = _merge_dialog(qtbot, sample_window, paths)
    policy = next(t for t in _rows(dialog, "conflicting") if t.text(0).startswith("2."))
    keep = _pick_row(policy, "Status")
    reform = _pick_row(policy, "Status", REFORM)
    finance = _pick_row(policy, "Status", FINANCE)
    finance.setCheckState(0, Qt.CheckState.Checked)
    assert (keep.checkState(0), reform.checkState(0)) == (Qt.CheckState.Unchecked, Qt.CheckState.Unchecked)
    reform.setCheckState(0, Qt.CheckState.Checked)
    assert finance.checkState(0) == Qt.CheckState.Unchecked
    reform.setCheckState(0, Qt.CheckState.Unchecked)  # unticking the side taken: back to keeping
    assert keep.checkState(0) == Qt.CheckState.Checked
    assert not any(p[0] == ids["policy"] for p in dialog.tree.picks())


def test_round_trip_through_the_window_keeps_every_edit_with_its_source(qtbot, sample_window, returned):
    """The issue's round trip: three units' workbooks, one retyped, one clashing, merged via the dialog."""
    window, service = sample_window, sample_window.service
    ids, paths = returned
    plan = window.model.plan_id
    dialog = _merge_dialog(qtbot, window, paths)
    policy = next(t for t in _rows(dialog, "conflicting") if t.text(0).startswith("2."))
    _pick_row(policy, "Status", FINANCE).setCheckState(0, Qt.CheckState.Checked)  # 财政局 says it is done
    _pick_row(policy, "Completion note", FINANCE).setCheckState(0, Qt.CheckState.Checked)
    law = next(t for t in _rows(dialog, "changed") if t.text(0).startswith("13."))
    _pick_row(law, "Completion date").setCheckState(0, Qt.CheckState.Unchecked)  # the clerk doubts the date
    assert dialog.summary.text().startswith("Applies 5 values to 3 tasks as one step")
    undo_before = window.ctx.stack.count()
    dialog.apply_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert window.ctx.stack.count() == undo_before + 1  # ONE undoable change

    done = service.node(ids["law"])
    assert (done.status, done.note) == (Status.DONE, "已调整充实领导小组")
    assert done.completed_on == service.today()  # the unit's date untaken: done as of the merge
    got = service.node(ids["policy"])
    assert (got.status, got.note) == (Status.DONE, "已公开惠企政策清单23项")
    assert service.node(ids["lead"]).note == "台账员已登记：项目信息已公开"  # not lost to 发改局's return
    assert [e.text for e in service.entries(ids["train"])] == ["9月举办第一期培训"]
    office = f"来自{OFFICE}填报（{paths[0].name}）"
    assert {h.field: h.source for h in service.history(ids["law"])} == {"status": office, "note": office,
                                                                        "completed_on": office}
    assert service.history(ids["policy"])[-1].source == f"来自{FINANCE}填报（{paths[2].name}）"
    assert service.history(ids["train"])[-1].source == office
    tree_status = window.model.index_of(ids["law"]).siblingAtColumn(3).data()
    assert tree_status == "Done"  # the tree shows it without reloading

    window.ctx.stack.undo()
    back = service.node(ids["law"])
    assert (back.status, back.note) == (Status.TODO, "")
    assert service.node(ids["policy"]).status is Status.TODO and service.entries(ids["train"]) == []
    assert service.node(ids["lead"]).note == "台账员已登记：项目信息已公开"
    window.ctx.stack.redo()
    assert service.node(ids["policy"]).note == "已公开惠企政策清单23项"
    assert window.model.plan_id == plan


def test_bad_files_are_named_in_plain_chinese_and_the_others_still_merge(qtbot, sample_window, returned, tmp_path,
                                                                          sample_plan, zh_translation):
    window, service = sample_window, sample_window.service
    ids, paths = returned
    junk = tmp_path / "不是表格.xlsx"
    junk.write_text("这不是工作簿")
    other_plan = service.import_plan(sample_plan).plan_id
    foreign, _ = service.collect(other_plan, tmp_path / "另一计划的表.xlsx", [OFFICE])
    ledger = tmp_path / "别的台账.xlsx"
    wb = Workbook()
    wb.active.append(["序号", "名称", "金额"])
    wb.save(ledger)
    dialog = _merge_dialog(qtbot, window, [paths[0], junk, foreign, ledger])
    said = {dialog.files.topLevelItem(i).text(0): dialog.files.topLevelItem(i).text(1) for i in range(4)}
    assert said[junk.name] == f"无法读取填报文件（不是 .xlsx 工作簿，或已损坏）：{junk.name}"
    assert f"填报文件 {foreign.name} 是为另一个计划（编号 {other_plan}）生成的，已跳过" in said[foreign.name]
    assert "没有找到任务行" in said[ledger.name]
    assert said[paths[0].name] == f"{OFFICE}：9 行"
    colours = {dialog.files.topLevelItem(i).text(0): dialog.files.topLevelItem(i).foreground(1).color().name()
               for i in range(4)}
    assert colours[junk.name] == colours[foreign.name] == "#c62828"  # left out
    dialog.apply_button.click()
    assert service.node(ids["law"]).status is Status.DONE  # the good file merged all the same


def test_a_second_file_of_one_name_is_set_aside(qtbot, sample_window, returned, tmp_path):
    ids, paths = returned
    twin = tmp_path / "again" / paths[0].name
    twin.parent.mkdir()
    twin.write_bytes(paths[0].read_bytes())
    dialog = _merge_dialog(qtbot, sample_window, [paths[0], twin])
    assert "same name" in dialog.files.topLevelItem(1).text(1)
    dialog.files.topLevelItem(1).setSelected(True)
    dialog.remove_button.click()
    assert dialog.files.topLevelItemCount() == 1 and dialog.paths == [paths[0]]


def test_the_menu_opens_the_preview_and_reports_the_merge(qtbot, sample_window, returned, monkeypatch):
    from gui.dialogs.merge_dialog import MergeDialog

    ids, paths = returned
    monkeypatch.setattr(MergeDialog, "exec", lambda self: (self.apply(), self.result())[1])  # 应用 at once
    sample_window.collect_menu.import_returns(paths[:1])
    assert sample_window.service.node(ids["law"]).status is Status.DONE
    assert sample_window.statusBar().currentMessage() == "Merged the returns into 2 tasks (Undo takes it back)."
    assert sample_window.undo_action.text() == "Undo Merge returned ledgers"


# -- comparing plans -----------------------------------------------------------------------
@pytest.fixture
def two_plans(window, service):
    sample = json.loads((ROOT / "resources" / "sample_plan.json").read_text(encoding="utf-8"))
    old = service.import_plan(ParsedPlan.from_json(json.dumps(sample, ensure_ascii=False))).plan_id
    new = service.import_plan(ParsedPlan.from_json(json.dumps(_next_year(sample), ensure_ascii=False))).plan_id
    window.refresh_plans(new)
    return old, new


def _diff_dialog(qtbot, window):
    from gui.dialogs.diff_dialog import DiffDialog

    dialog = DiffDialog(window)
    qtbot.addWidget(dialog)
    dialog.asked, dialog.opened = [], []
    return dialog


def test_the_diff_compares_the_plan_on_screen_with_the_older_one(qtbot, window, two_plans):
    from gui.dialogs.diff_view import DIFF_ROLE, KIND, NEW, RICH_ROLE

    old, new = two_plans
    dialog = _diff_dialog(qtbot, window)
    assert dialog.plans() == (old, new)
    model = dialog.model
    kinds = [model.index(r, KIND).data() for r in range(model.rowCount())]
    assert kinds == ["Adjusted", "New", "Reworded", "Dropped"]
    reworded = model.index(2, NEW)
    assert reworded.data() == "2.集中公开惠企利民政策清单。[-6-]{+9+}月底前梳理现行有效的惠企政策，编制政策清单并动态更新。"
    rich = reworded.data(RICH_ROLE)
    assert '<s style="color:#c00000">6</s>' in rich and '<u style="color:#0050b3">9</u>' in rich
    assert "Deadline: 6月底前 → 9月底前" in model.index(2, 3).data()
    dialog.show_kind("units")
    assert [model.index(r, 0).data(DIFF_ROLE).units for r in range(model.rowCount())] == [
        {"lead": (["县人力资源和社会保障局"], ["县人力资源和社会保障局", "县医疗保障局"])}]
    dialog.show_kind("all")
    assert model.rowCount() == 16 and dialog.filter_box.currentText() == "Every task (16)"  # 15 + 1 dropped
    dialog.swap()
    assert dialog.plans() == (new, old)
    assert [model.index(r, KIND).data() for r in range(model.rowCount())].count("New") == 1  # 8. is new now


def test_the_diff_model_passes_the_model_tester(qtmodeltester, qtbot, window, two_plans):
    dialog = _diff_dialog(qtbot, window)
    qtmodeltester.check(dialog.model)


def test_a_double_click_shows_the_task_in_the_window(qtbot, window, two_plans):
    from gui.dialogs.diff_view import DIFF_ROLE, OLD

    old, new = two_plans
    dialog = _diff_dialog(qtbot, window)
    dropped = next(r for r in range(dialog.model.rowCount()) if dialog.model.index(r, 0).data(DIFF_ROLE).kind == "dropped")
    index = dialog.model.index(dropped, OLD)
    dialog.show_in_window(index)
    assert window.model.plan_id == old
    assert window.panel.node_id == index.data(DIFF_ROLE).old.id
    added = next(r for r in range(dialog.model.rowCount()) if dialog.model.index(r, 0).data(DIFF_ROLE).kind == "new")
    dialog.show_in_window(dialog.model.index(added, 0))
    assert window.model.plan_id == new and window.panel.node_id == dialog.model.index(added, 0).data(DIFF_ROLE).new.id


def test_the_diff_exports_word_and_excel(qtbot, window, two_plans, tmp_path):
    import docx

    dialog = _diff_dialog(qtbot, window)
    dialog._ask_path = lambda default, pattern: dialog.asked.append(default.name) or tmp_path / default.name
    dialog._offer_open = dialog.opened.append
    dialog.word_button.click()
    dialog.excel_button.click()
    day = window.service.today().strftime("%Y%m%d")
    assert dialog.asked == [f"计划对照_示例县2027年政务公开工作要点与示例县2026年政务公开工作要点_{day}{s}"
                            for s in (".docx", ".xlsx")]
    word, excel = dialog.opened
    assert docx.Document(str(word)).paragraphs[0].text == "示例县2027年政务公开工作要点与示例县2026年政务公开工作要点对照"
    assert load_workbook(excel).active["B4"].value == "新增"
    again = _diff_dialog(qtbot, window)
    again._ask_path = lambda default, pattern: again.asked.append(default) or None  # the clerk cancels
    again.word_button.click()
    assert again.asked[0].parent == tmp_path and again.exported is None  # offered where the last one went


def test_comparing_a_plan_with_itself_offers_nothing_to_export(qtbot, window, two_plans):
    old, new = two_plans
    dialog = _diff_dialog(qtbot, window)
    dialog.old_box.setCurrentIndex(dialog.old_box.findData(new))
    assert dialog.model.rowCount() == 0 and not dialog.word_button.isEnabled()
    assert dialog.summary.text() == "Choose two different plans: the old one and the new one."


def test_the_diff_view_reads_in_chinese(qtbot, window, two_plans, zh_translation):
    from gui.dialogs.diff_view import KIND

    dialog = _diff_dialog(qtbot, window)
    assert [dialog.model.index(r, KIND).data() for r in range(dialog.model.rowCount())] == ["调整", "新增", "改写", "删除"]
    assert dialog.filter_box.itemText(0) == "全部变化（4）"


def test_choosing_a_row_shows_its_values_in_full(qtbot, sample_window, returned):
    ids, paths = returned
    dialog = _merge_dialog(qtbot, sample_window, paths)
    law = next(t for t in _rows(dialog, "changed") if t.text(0).startswith("13."))
    dialog.tree.setCurrentItem(_pick_row(law, "Completion note"))
    assert dialog.detail.text() == f"Recorded now: (empty)\nReturned: 已调整充实领导小组 — {OFFICE} ({paths[0].name})"
    dialog.tree.setCurrentItem(law)
    assert dialog.detail.text() == law.text(0)


def test_the_first_comparison_is_with_the_origin_or_the_next_older_plan():
    from gui.dialogs.diff_dialog import default_pair

    assert default_pair([5, 4, 3], 5, 3) == (3, 5)  # carried over from 3
    assert default_pair([5, 4, 3], 4, None) == (3, 4)
    assert default_pair([5, 4, 3], 3, None) == (3, 4)  # the oldest: against the next newer, as the new one
    assert default_pair([7], 7, None) == (7, 7)


def test_the_menu_opens_each_dialog(qtbot, sample_window, tmp_path, monkeypatch, sample_plan):
    from gui.dialogs import merge_dialog
    from gui.dialogs.collect_dialog import CollectDialog

    opened = []
    monkeypatch.setattr(CollectDialog, "exec", lambda self: opened.append(self.chosen_units()) or 0)
    sample_window.collect_menu.collect_action.trigger()
    assert len(opened) == 1 and len(opened[0]) == 14
    monkeypatch.setattr(merge_dialog, "choose_returned_files", lambda parent, folder: [])
    sample_window.collect_menu.merge_action.trigger()  # the clerk cancels the file dialog: nothing happens
    assert sample_window.ctx.stack.count() == 0
    sample_window.service.import_plan(sample_plan)
    sample_window.refresh_plans()
    sample_window.collect_menu.diff_action.trigger()
    dialog = sample_window.collect_menu.diff_dialog
    assert dialog.isVisible() and not dialog.isModal()
    sample_window.collect_menu.diff_action.trigger()  # asked again: the open one, not a second
    assert sample_window.collect_menu.diff_dialog is dialog
    newer = sample_window.service.list_plans()[0].id  # same year: the later import lists first
    assert dialog.plans() == (sample_window.model.plan_id, newer)  # the plan on screen is the older one
    dialog.reject()  # 关闭
    qtbot.waitUntil(lambda: sample_window.collect_menu.diff_dialog is None)  # closed is gone


def test_the_returns_menu_comes_after_the_daily_menus_before_help(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-2:] == ["&Returns", "&Help"] and titles.index("&Returns") > titles.index("&Edit")


def test_a_merge_the_store_refuses_keeps_the_dialog_open_and_says_why(qtbot, sample_window, returned, monkeypatch):
    from core.errors import StoreError

    ids, paths = returned  # a damaged database: no retrying cures it (unlike a full disk)
    told = []
    monkeypatch.setattr("gui.errors.show_error", lambda parent, err: told.append(err.code))

    def refuse(*args, **kwargs):
        raise StoreError("db_damaged", path="taizhang.sqlite3")

    monkeypatch.setattr(sample_window.service, "apply_merge", refuse)
    dialog = _merge_dialog(qtbot, sample_window, paths[:1])
    dialog.show()
    dialog.apply_button.click()
    assert told == ["db_damaged"] and dialog.isVisible() and dialog.result() == 0
    assert sample_window.ctx.stack.count() == 0 and sample_window.service.node(ids["law"]).status is Status.TODO


def test_a_merge_the_full_disk_holds_is_written_when_the_retry_succeeds(qtbot, sample_window, returned, monkeypatch):
    from core.errors import StoreError

    ids, paths = returned
    service = sample_window.service
    real, calls = service.apply_merge, []

    def full_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise StoreError("db_full", path="taizhang.sqlite3")
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "apply_merge", full_once)
    dialog = _merge_dialog(qtbot, sample_window, paths[:1])
    dialog.apply_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted  # the retry bar holds it; the preview is done
    assert service.node(ids["law"]).status is Status.TODO
    assert sample_window.ctx.pending.retry()
    assert service.node(ids["law"]).status is Status.DONE


def test_a_file_with_a_bad_cell_merges_the_rest_and_says_which_cell(qtbot, sample_window, returned):
    ids, paths = returned
    _fill(paths[0], ids["train"], **{"状态": "差不多"})
    dialog = _merge_dialog(qtbot, sample_window, paths[:1])
    item = dialog.files.topLevelItem(0)
    assert item.text(1).splitlines()[1] == f"{paths[0].name}, row 11: the status “差不多” is not known; that row's status was not taken."
    assert item.foreground(1).color().name() == "#b26a00"  # merged, one cell not taken
    assert any(r.text(0).startswith("13.") for r in _rows(dialog, "changed"))


def test_a_plan_deleted_while_the_comparison_is_open_leaves_its_lists(qtbot, window, two_plans, sample_plan):
    old, new = two_plans
    dialog = _diff_dialog(qtbot, window)
    third = window.service.import_plan(sample_plan).plan_id
    window.refresh_plans(new)
    assert dialog.old_box.findData(third) >= 0 and dialog.plans() == (old, new)  # the choice is kept
    window.service.delete_plan(old)
    window.refresh_plans(new)
    assert dialog.old_box.findData(old) == -1 and dialog.plans()[1] == new
    assert dialog.diff is not None and dialog.diff.old_plan != old


def test_a_workbook_name_keeps_a_unit_with_a_slash_whole():
    from gui.dialogs.collect_dialog import workbook_name

    day = dt.date(2026, 9, 10)
    assert workbook_name("县委宣传部/县网信办", day) == "填报表_县委宣传部_县网信办_20260910.xlsx"
    assert workbook_name(None, day) == "填报表_全部单位_20260910.xlsx"
