"""The export dialog as the clerk uses it: pick a report, filter, choose a date and a file, export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl
import pytest
from PySide6.QtCore import QDate

from core.domain.status import Status


@pytest.fixture
def plan_id(service, sample_plan):
    plan_id = service.import_plan(sample_plan).plan_id
    service.set_my_units(["县政府办公室"])
    first = next(n for n in service.tree(plan_id) if n.is_task)
    service.set_status(first.id, Status.DONE)
    service.set_note(first.id, "已在门户网站发布。")
    return plan_id


@pytest.fixture
def dialog(qtbot, service, plan_id):
    from gui.dialogs.export_dialog import ExportDialog

    dlg = ExportDialog(service, plan_id)
    qtbot.addWidget(dlg)
    dlg.opened = []
    dlg._offer_open = dlg.opened.append  # no "open it now?" box, no viewer launched
    dlg.asked = []
    dlg._ask_pending = lambda n, opts: dlg.asked.append(n) or "export"  # "export anyway"
    return dlg


def test_dialog_offers_the_plans_units_and_a_default_path(dialog, service, plan_id):
    from gui.dialogs.export_dialog import MINE

    units = [dialog.unit_box.itemData(i) for i in range(dialog.unit_box.count())]
    assert units[0] is None and units[1] == MINE and "县发展改革局" in units
    assert dialog.unit_box.currentData() == MINE and dialog.options().mine  # 我的单位 by default
    assert dialog.path_edit.text().endswith(f"落实情况台账_{service.today():%Y%m%d}.docx")
    dialog.style_box.setCurrentIndex(1)
    assert "落实情况报告_" in dialog.path_edit.text()
    assert not dialog.evidence.isEnabled()


def test_filling_the_dialog_exports_the_report(qtbot, dialog, tmp_path):
    dialog.style_box.setCurrentIndex(1)  # 报告
    dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("县政府办公室"))
    dialog.status_boxes[Status.NA].setChecked(False)
    dialog.tasks_only.setChecked(True)
    dialog.as_of.setDate(QDate(2026, 7, 1))
    out = tmp_path / "报告.docx"
    dialog.path_edit.setText(str(out))
    dialog.export_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.opened == [out] and dialog.exported_path == out
    opts = dialog.options()
    assert (opts.style, opts.unit, opts.sections, opts.as_of) == ("report", "县政府办公室", False, dt.date(2026, 7, 1))
    assert Status.NA not in opts.statuses
    doc = docx.Document(str(out))
    paras = [p.text for p in doc.paragraphs]
    assert paras.index("2026年7月1日") == paras.index("县政府办公室") + 1


def test_excel_choice_fixes_the_suffix_and_writes_a_workbook(dialog, tmp_path):
    dialog.path_edit.setText(str(tmp_path / "台账.docx"))
    dialog.path_edit.textEdited.emit(dialog.path_edit.text())
    dialog.style_box.setCurrentIndex(2)  # Excel
    assert dialog.path_edit.text() == str(tmp_path / "台账.xlsx")
    dialog.export_button.click()
    assert openpyxl.load_workbook(tmp_path / "台账.xlsx").sheetnames[0] == "落实情况台账"


def test_a_locked_file_is_reported_and_the_dialog_stays_open(dialog, tmp_path, monkeypatch):
    import gui.dialogs.export_dialog as mod

    shown = []
    monkeypatch.setattr(mod, "show_error", lambda parent, err, title=None: shown.append(err.code))
    out = tmp_path / "台账.docx"
    out.write_bytes(b"open in Word")
    out.chmod(0o444)
    dialog._confirm_replace = lambda path: True
    dialog.path_edit.setText(str(out))
    dialog.export_button.click()
    assert shown == ["export_locked"] and dialog.opened == []
    assert dialog.result() != dialog.DialogCode.Accepted and out.read_bytes() == b"open in Word"


def test_export_action_opens_the_dialog_for_the_plan_on_screen(sample_window, monkeypatch):
    from gui.dialogs import export_dialog

    opened = []
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", lambda self: opened.append(self.plan_id) or 0)
    assert sample_window.export_action.isEnabled()
    sample_window.export_action.trigger()
    assert opened == [sample_window.model.plan_id]


def test_script_choice_converts_the_file_name_and_the_document(dialog, tmp_path):
    dialog.style_box.setCurrentIndex(1)
    dialog.script_box.setCurrentIndex(dialog.script_box.findData("traditional"))
    assert "落實情況報告_" in dialog.path_edit.text()
    out = tmp_path / "r.docx"
    dialog.path_edit.setText(str(out))
    dialog.export_button.click()
    assert docx.Document(str(out)).paragraphs[0].text.startswith("關於")


def test_without_my_unit_the_dialog_asks_who_reports(qtbot, service, sample_plan, tmp_path):
    from gui.dialogs.export_dialog import ExportDialog

    plan_id = service.import_plan(sample_plan).plan_id
    dlg = ExportDialog(service, plan_id)
    qtbot.addWidget(dlg)
    dlg._offer_open = lambda path: None
    dlg._ask_pending = lambda n, opts: "export"
    asked = []
    dlg._ask_reporter = lambda: asked.append(True) or "县政务公开办"
    dlg.style_box.setCurrentIndex(1)
    dlg.path_edit.setText(str(tmp_path / "r.docx"))
    dlg.export_button.click()
    assert asked and dlg.result() == dlg.DialogCode.Accepted
    paras = [p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs]
    assert "县政务公开办" in paras
    dlg2 = ExportDialog(service, plan_id)
    qtbot.addWidget(dlg2)
    dlg2._ask_pending = lambda n, opts: "export"
    dlg2._ask_reporter = lambda: None  # the clerk cancels: nothing is written
    dlg2.path_edit.setText(str(tmp_path / "n.docx"))
    dlg2.export_button.click()
    assert not (tmp_path / "n.docx").exists() and dlg2.result() != dlg2.DialogCode.Accepted


def test_the_pending_appendix_switch_is_for_the_report_only(dialog):
    assert not dialog.pending_list.isEnabled()
    dialog.style_box.setCurrentIndex(1)
    assert dialog.pending_list.isEnabled() and dialog.options().pending_list
    dialog.pending_list.setChecked(False)
    assert not dialog.options().pending_list


def test_the_dialog_says_how_many_lack_a_note_before_exporting(dialog, service, plan_id, tmp_path):
    from core.export.data import gather

    dialog.path_edit.setText(str(tmp_path / "t.docx"))
    dialog.export_button.click()
    expected = len(gather(service, plan_id, dialog.options()).pending)
    assert dialog.asked == [expected] and expected > 0 and (tmp_path / "t.docx").exists()


def test_cancelling_at_the_pending_question_writes_nothing(dialog, tmp_path):
    dialog._ask_pending = lambda n, opts: "cancel"
    dialog.path_edit.setText(str(tmp_path / "t.docx"))
    dialog.export_button.click()
    assert not (tmp_path / "t.docx").exists() and dialog.show_in_tree is None
    assert dialog.result() != dialog.DialogCode.Accepted


def test_showing_the_tasks_without_a_note_filters_the_tree(sample_window, monkeypatch):
    from gui.dialogs import export_dialog

    def exec_and_choose_show(self):
        self._ask_pending = lambda n, opts: "show"
        self.export()
        return 0

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", exec_and_choose_show)
    service = sample_window.service
    first = next(n for n in service.tree(sample_window.model.plan_id) if n.is_task)
    service.set_note(first.id, "已发布。")
    sample_window.open_plan(sample_window.model.plan_id)  # the tree shows the note
    service.set_my_units([])
    monkeypatch.setattr(export_dialog.ExportDialog, "_ask_reporter", lambda self: "县政府办公室")
    sample_window.export_action.trigger()
    flt = sample_window.filter_bar.task_filter()
    assert flt.missing_note and sample_window.proxy.active
    shown = sample_window.proxy.visible_ids()
    tasks = [n for n in sample_window.service.tree(sample_window.model.plan_id) if n.is_task]
    assert shown is not None and {t.id for t in tasks if not t.note} <= shown
    assert not {t.id for t in tasks if t.note} & shown


def test_the_dialog_shows_what_the_choices_take_in(dialog, service, plan_id):
    from core.export.data import gather

    def expected():
        opts = dialog.options()
        import dataclasses

        data = gather(service, plan_id, dataclasses.replace(opts, reporter="x"))
        return f"{len(data.tasks)}", f"{len(data.pending)}"

    tasks, pending = expected()
    assert tasks in dialog.summary.text() and pending in dialog.summary.text()
    dialog.unit_box.setCurrentIndex(0)  # all units: more tasks
    assert expected()[0] in dialog.summary.text() and expected() != (tasks, pending)
    for box in dialog.status_boxes.values():
        box.setChecked(False)
    assert dialog.summary.text() == dialog.tr("Choose at least one status.")


def test_the_dialog_remembers_the_last_choices_and_folder(qtbot, service, plan_id, tmp_path):
    from PySide6.QtCore import QSettings

    from gui.dialogs.export_dialog import ExportDialog

    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    first = ExportDialog(service, plan_id, settings=settings)
    qtbot.addWidget(first)
    first._offer_open = first._ask_pending = lambda *a: "export"
    first.style_box.setCurrentIndex(1)
    first.unit_box.setCurrentIndex(first.unit_box.findData("县发展改革局"))
    first.script_box.setCurrentIndex(first.script_box.findData("traditional"))
    first.status_boxes[Status.NA].setChecked(False)
    first.pending_list.setChecked(False)
    folder = tmp_path / "报告"
    folder.mkdir()
    first.path_edit.setText(str(folder / "r.docx"))
    first.export_button.click()
    assert (folder / "r.docx").exists()
    again = ExportDialog(service, plan_id, settings=settings)
    qtbot.addWidget(again)
    opts = again.options()
    assert (opts.style, opts.unit, opts.script, opts.pending_list) == ("report", "县发展改革局", "traditional", False)
    assert Status.NA not in opts.statuses and Path(again.path_edit.text()).parent == folder


def test_the_progress_entries_of_a_period_go_into_the_ledger(dialog, service, plan_id, tmp_path):
    task = next(n for n in service.tree(plan_id) if n.is_task)
    service.add_entry(task.id, "五月的进展", dt.date(2026, 5, 10))
    service.add_entry(task.id, "七月的进展", dt.date(2026, 7, 20))
    assert not dialog.period_box.isEnabled()  # until 进展 is asked for
    dialog.progress.setChecked(True)
    dialog.period_box.setCurrentIndex(dialog.period_box.findData("本季度"))
    dialog.as_of.setDate(QDate(2026, 9, 30))
    opts = dialog.options()
    assert (opts.progress, opts.progress_from, opts.progress_to) == (True, dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    dialog.unit_box.setCurrentIndex(0)
    dialog.style_box.setCurrentIndex(2)  # Excel
    out = tmp_path / "台账.xlsx"
    dialog.path_edit.setText(str(out))
    dialog.export_button.click()
    cells = [str(c.value) for row in openpyxl.load_workbook(out).worksheets[0].iter_rows() for c in row if c.value]
    assert "进展" in cells and any("七月的进展" in c for c in cells) and not any("五月的进展" in c for c in cells)


def test_the_progress_choice_is_remembered(qtbot, service, plan_id, tmp_path):
    from PySide6.QtCore import QSettings

    from gui.dialogs.export_dialog import ExportDialog

    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    first = ExportDialog(service, plan_id, settings=settings)
    qtbot.addWidget(first)
    first._offer_open = first._ask_pending = lambda *a: "export"
    first.progress.setChecked(True)
    first.period_box.setCurrentIndex(first.period_box.findData("上月"))
    first.path_edit.setText(str(tmp_path / "t.docx"))
    first.export_button.click()
    again = ExportDialog(service, plan_id, settings=settings)
    qtbot.addWidget(again)
    assert again.progress.isChecked() and again.period_box.currentData() == "上月" and again.period_box.isEnabled()
