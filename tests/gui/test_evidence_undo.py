"""Attaching and removing 佐证材料 undo like every other edit; a removed copy waits in the trash."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from core.paths import evidence_dir
from core.store.evidence import TRASH
from gui.window.main_window import MainWindow


def _task(window) -> int:
    task = window.model.task_ids()[0]
    window.select_node(task)
    return task


def _file(tmp_path, name="发布截图.png", data=b"\x89PNG image"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _trash(window):
    return evidence_dir(window.service.db_path) / TRASH


def test_undoing_an_attachment_takes_it_away_and_redo_brings_the_same_record(sample_window, tmp_path):
    window = sample_window
    task = _task(window)
    panel = window.tracking.evidence
    original = _file(tmp_path)
    panel.attach_files([original])
    record = window.service.evidence(task)[0]
    window.undo_action.trigger()
    assert window.service.evidence(task) == [] and panel.list.count() == 0
    assert not record.path.exists() and original.exists()
    original.unlink()  # the clerk moved the original away: redo needs only the kept copy
    window.redo_action.trigger()
    again = window.service.evidence(task)
    assert [(r.id, r.name) for r in again] == [(record.id, record.name)] and panel.list.count() == 1
    assert again[0].path.read_bytes() == b"\x89PNG image"


def test_several_files_dropped_together_undo_as_one_step(sample_window, tmp_path):
    window = sample_window
    task = _task(window)
    panel = window.tracking.evidence
    steps = window.ctx.stack.count()
    panel.attach_files([_file(tmp_path, "一.pdf"), _file(tmp_path, "二.pdf")])
    assert window.ctx.stack.count() == steps + 1 and len(window.service.evidence(task)) == 2
    window.undo_action.trigger()
    assert window.service.evidence(task) == []


def test_a_removed_file_comes_back_with_undo(sample_window, tmp_path, monkeypatch):
    window = sample_window
    task = _task(window)
    panel = window.tracking.evidence
    panel.attach_files([_file(tmp_path, "台账.xlsx", b"ledger")])
    record = window.service.evidence(task)[0]
    panel.list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.remove_current()
    assert window.service.evidence(task) == [] and not record.path.exists()
    assert any(_trash(window).rglob("台账.xlsx"))  # kept for Undo
    window.undo_action.trigger()
    back = window.service.evidence(task)
    assert [r.id for r in back] == [record.id] and back[0].path.read_bytes() == b"ledger"
    assert panel.list.count() == 1 and not any(_trash(window).rglob("*.xlsx"))


def test_opening_the_window_again_empties_the_trash(sample_window, tmp_path, monkeypatch, settings, qtbot):
    window = sample_window
    _task(window)
    panel = window.tracking.evidence
    panel.attach_files([_file(tmp_path)])
    panel.list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.remove_current()
    assert _trash(window).exists()
    window.close()
    again = MainWindow(window.service, settings)  # next time: no undo stack can want the copy
    qtbot.addWidget(again)
    assert not _trash(window).exists()


def test_undoing_a_removal_whose_copy_is_gone_says_so(sample_window, tmp_path, monkeypatch):
    window = sample_window
    task = _task(window)
    panel = window.tracking.evidence
    panel.attach_files([_file(tmp_path)])
    panel.list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.remove_current()
    window.service.empty_evidence_trash()  # as if someone emptied the folder by hand
    failures = []
    window.ctx.failed.connect(failures.append)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    window.undo_action.trigger()
    assert [f.code for f in failures] == ["evidence_file_gone"] and window.service.evidence(task) == []


def test_the_evidence_buttons_fit_at_1280_by_800(sample_window, tmp_path, qtbot):
    """The detail panel asks for a few lines per list, so nothing needs scrolling to be reached."""
    window = sample_window
    window.resize(1280, 800)
    task = _task(window)
    for i in range(2):
        window.service.attach_file(task, _file(tmp_path, f"截图{i}.png"))
    window.select_node(window.model.task_ids()[1])
    window.select_node(task)
    window.tracking.show_evidence_tab()
    qtbot.waitUntil(lambda: window.panel.height() > 0)
    panel, button = window.panel, window.tracking.evidence.add_file
    bottom = button.mapTo(panel, button.rect().bottomLeft()).y()
    assert button.isVisible() and bottom <= panel.height()
