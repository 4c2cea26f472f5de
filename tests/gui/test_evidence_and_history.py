"""佐证材料 and the change history in the task's tabs."""

from __future__ import annotations

import hashlib

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QInputDialog, QMessageBox

from core.domain.status import Status
from core.paths import evidence_dir


def show_task(window, index: int = 0) -> int:
    task = window.model.task_ids()[index]
    window.select_node(task)
    return task


def test_attaching_a_file_copies_it_beside_the_database(sample_window, tmp_path):
    window = sample_window
    task = show_task(window)
    original = tmp_path / "发布截图:6月.png"
    original.write_bytes(b"\x89PNG fake image")
    panel = window.tracking.evidence
    panel.attach_files([original])
    assert panel.list.count() == 1
    record = window.service.evidence(task)[0]
    assert record.path.parent.parent == evidence_dir(window.service.db_path)
    assert ":" not in record.path.name  # a name Windows accepts
    assert record.sha256 == hashlib.sha256(b"\x89PNG fake image").hexdigest()
    assert record.path.read_bytes() == original.read_bytes() and original.exists()
    tabs = window.panel.tabs
    assert tabs.tabText(window.tracking.evidence_tab).endswith("(1)")


def test_opening_uses_the_system_viewer(sample_window, tmp_path, monkeypatch):
    window = sample_window
    show_task(window)
    doc = tmp_path / "方案.docx"
    doc.write_bytes(b"PK")
    panel = window.tracking.evidence
    panel.attach_files([doc])
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    panel.open_item(panel.list.item(0))
    assert opened and opened[0].isLocalFile() and opened[0].toLocalFile().endswith("方案.docx")


def test_a_link_is_added_and_removed_after_confirmation(sample_window, monkeypatch):
    window = sample_window
    task = show_task(window, 1)
    panel = window.tracking.evidence
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("https://www.example.gov.cn/zwgk/1.html", True))
    panel.ask_link()
    assert [e.kind for e in window.service.evidence(task)] == ["link"]
    panel.list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    panel.remove_current()
    assert len(window.service.evidence(task)) == 1  # the clerk said no
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.remove_current()
    assert window.service.evidence(task) == []
    assert panel.list.count() == 0


def test_removing_a_file_deletes_its_copy(sample_window, tmp_path, monkeypatch):
    window = sample_window
    show_task(window)
    original = tmp_path / "记录.pdf"
    original.write_bytes(b"%PDF")
    panel = window.tracking.evidence
    panel.attach_files([original])
    copy = next(iter(panel.records.values())).path
    panel.list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.remove_current()
    assert not copy.exists() and original.exists()


def show_history(window):
    """Click the task's 变更记录 tab."""
    window.panel.tabs.setCurrentIndex(window.tracking.history_tab)
    return window.tracking.history


def test_history_lists_status_and_note_changes_newest_first(sample_window, qtbot):
    window = sample_window
    task = show_task(window, 2)
    history = show_history(window)
    assert history.topLevelItemCount() == 0
    window.tracking.set_status(Status.DOING)
    window.panel.note_edit.setPlainText("已起草")
    window.panel.flush_note()
    rows = [history.topLevelItem(i).text(1) for i in range(history.topLevelItemCount())]
    assert len(rows) == 2 and "已起草" in rows[0] and "→" in rows[1]
    assert history.topLevelItem(0).text(0)[:4].isdigit()  # the time it was recorded
    window.undo_action.trigger()  # undone at once, the note's line goes (core.domain.coalesce)
    assert history.topLevelItemCount() == 1 and "→" in history.topLevelItem(0).text(1)
    assert window.service.node(task).note == ""


def test_the_list_that_removed_material_drops_the_row_without_reloading(sample_window, monkeypatch):
    """The widget that made a change does not redraw itself from it; others' changes reload it."""
    window = sample_window
    task = show_task(window, 1)
    panel = window.tracking.evidence
    for n in (1, 2):
        window.service.attach_link(task, f"https://www.example.gov.cn/zwgk/{n}.html")
    panel.refresh()
    reloads = []
    monkeypatch.setattr(panel, "refresh", lambda: reloads.append(1))
    panel.list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.remove_current()
    assert reloads == [] and panel.list.count() == 1 == len(window.service.evidence(task))
    other = window.service.evidence(task)[0]
    window.ctx.announce(window.service.remove_evidence(other.id))  # removed by someone else
    assert reloads == [1]


def test_history_names_deferrals_progress_and_where_a_change_came_from(sample_window, zh_translation):
    import datetime as dt

    window = sample_window
    task = show_task(window, 2)
    svc = window.service
    svc.defer(task, dt.date(2026, 10, 31), "需与省级平台对接")
    svc.add_entry(task, "已起草", dt.date(2026, 9, 1))
    from core.store import tracking

    with svc._atomic():
        tracking.write_filled(task, {"note": "单位填写的完成情况"}, {"note": "来自县财政局填报（财政局.xlsx）"},
                              dt.date(2026, 9, 2))
    window.tracking.history.refresh()
    history = show_history(window)
    rows = [history.topLevelItem(i).text(1) for i in range(history.topLevelItemCount())]
    assert rows[0].endswith("（来自县财政局填报（财政局.xlsx））") and "单位填写的完成情况" in rows[0]
    assert "已起草" in rows[1] and rows[1].startswith("进展")
    assert rows[2].startswith("延期") and "2026-10-31" in rows[2]


def test_a_hidden_history_is_read_when_its_tab_is_shown(sample_window, monkeypatch):
    """A status key changes the history; the hidden tab waits to be looked at instead of reading it."""
    window = sample_window
    show_task(window, 2)
    history = window.tracking.history
    assert not history.isVisible()
    reads = []
    read = window.service.history
    monkeypatch.setattr(window.service, "history", lambda node_id: reads.append(node_id) or read(node_id))
    window.tracking.set_status(Status.DOING)
    window.tracking.set_status(Status.DONE)
    assert reads == [] and history.stale
    show_history(window)
    task = window.model.task_ids()[2]
    assert reads == [task] and not history.stale
    rows = [history.topLevelItem(i).text(1) for i in range(history.topLevelItemCount())]
    describe = history.describe
    assert rows == [describe(e) for e in reversed(read(task))]  # newest first
    assert len(rows) == 3 and rows[1].count("→") == rows[2].count("→") == 1  # two statuses and the date
    window.tracking.set_status(Status.DOING)  # in sight now: read at once
    assert reads == [task, task] and history.topLevelItemCount() == 5
    show_task(window, 3)  # another task, the tab still in front
    assert reads[-1] == window.model.task_ids()[3] and history.topLevelItemCount() == 0


def test_a_deferred_deadline_shows_struck_through_beside_the_new_one(sample_window, zh_translation):
    import datetime as dt

    window = sample_window
    task = next(t for t in window.model.task_ids()
                if [d.text for d in window.service.node(t).deadlines] == ["8月底前"])
    window.select_node(task)
    assert "<s>" not in window.panel.deadlines.text()
    window.ctx.announce(window.service.defer(task, dt.date(2026, 10, 31), "需与省级平台对接", "县政府办公室"))
    shown = window.panel.deadlines.text()
    assert shown.startswith("<s>8月底前（2026-08-31）</s>") and "延期至 10月底前（2026-10-31）" in shown
    assert "原因：需与省级平台对接；批准：县政府办公室" in shown  # why, and who approved it, under the dates
