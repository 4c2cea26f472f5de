"""A unit's returned fill-in workbook dropped on the window or opened with 导入, as the clerk does
with the files units e-mail back: it opens the 导入填报表 merge preview, never a new plan."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QMessageBox
from test_file_drop import DOC, drop, files_mime, shown

from core.collect.fillin import META_SHEET
from gui.dialogs.merge_dialog import MergeDialog

OFFICE, REFORM = "县政府办公室", "县发展改革局"


@pytest.fixture
def opened(monkeypatch):
    """The merge previews opened: (plan, files) each; the preview is then cancelled."""
    seen: list[tuple[int, list[Path]]] = []

    def record(self):
        seen.append((self.plan_id, list(self.paths)))
        return 0

    monkeypatch.setattr(MergeDialog, "exec", record)
    return seen


@pytest.fixture
def workbooks(sample_window, tmp_path):
    plan = sample_window.model.plan_id
    return plan, [sample_window.service.collect(plan, tmp_path / f"{u}.xlsx", [u])[0] for u in (OFFICE, REFORM)]


def test_dropping_returns_with_a_plan_merges_the_returns_and_imports_the_plan(qtbot, sample_window, workbooks,
                                                                               opened):
    plan, paths = workbooks
    before = sample_window.plan_combo.count()
    assert drop(sample_window, files_mime(paths[0], DOC, paths[1]))
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert opened == [(plan, paths)]  # both units' files in one preview
    qtbot.waitUntil(lambda: sample_window.importer.dialog is not None, timeout=5000)
    dialog = sample_window.importer.dialog
    shown(qtbot, dialog)
    assert dialog.outcome.source.path == DOC and not sample_window.importer.queue
    dialog.reject()
    assert sample_window.plan_combo.count() == before


def test_opening_a_return_with_import_opens_the_merge_preview(qtbot, sample_window, workbooks, opened, monkeypatch):
    plan, paths = workbooks
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(paths[0]), ""))
    sample_window.import_action.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert opened == [(plan, [paths[0]])]
    assert sample_window.importer.dialog is None


def test_a_return_for_a_plan_not_on_screen_shows_that_plan(qtbot, sample_window, workbooks, opened, tmp_path):
    plan, paths = workbooks
    other = sample_window.service.carry_over(plan).plan_id  # next year's plan, on screen now
    sample_window.refresh_plans(other)
    assert sample_window.model.plan_id == other
    assert drop(sample_window, files_mime(paths[0]))
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert opened == [(plan, [paths[0]])] and sample_window.model.plan_id == plan


def test_a_return_for_a_plan_not_in_this_ledger_is_said_plainly(qtbot, sample_window, workbooks, opened,
                                                                 monkeypatch, zh_translation):
    _plan, paths = workbooks
    wb = load_workbook(paths[0])
    wb[META_SHEET]["B2"] = 999
    wb.save(paths[0])
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: told.append((title, text)))
    assert drop(sample_window, files_mime(paths[0], paths[1]))
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert told == [("导入填报表", f"填报表 {paths[0].name} 是为计划 999 生成的，但本台账中没有这个计划（可能已删除，"
                                "或来自另一个台账文件），无法合并。")]
    assert opened == [(sample_window.model.plan_id, [paths[1]])]
    assert sample_window.importer.dialog is None


def test_a_return_dropped_on_the_import_dialog_goes_to_the_merge_and_leaves_the_plan_shown(
        qtbot, sample_window, workbooks, opened, tmp_path):
    plan, paths = workbooks
    dialog = sample_window.importer.open_dialog()
    renamed = tmp_path / "要点.doc"
    shutil.copy(DOC, renamed)
    assert drop(dialog, files_mime(renamed))
    shown(qtbot, dialog)
    assert drop(dialog, files_mime(paths[0]))
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert opened == [(plan, [paths[0]])]
    assert dialog.outcome.source.path == renamed and not sample_window.importer.queue
