"""延期 and 进展 in the window, as the clerk works them: the tree's context menu, the 延期 dialog,
the detail panel's entries, composing the note, and the latest entry in tooltips and the overview."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from core.domain.status import Status
from gui.editing.defer_dialog import DeferDialog
from gui.tree.labels import STATUS_ORDER
from gui.tree.plan_tree_model import STATUS, TITLE


def _august_task(window) -> int:
    """The sample's task due 8月底前, shown in the detail panel."""
    task = next(n.id for n in window.service.tree(window.model.plan_id)
                if n.is_task and n.deadlines and n.deadlines[0].text == "8月底前")
    window.select_node(task)
    return task


def _menu_texts(menu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def _answer_defer(monkeypatch, day: dt.date, reason: str, approval: str = "") -> None:
    def exec_(dialog: DeferDialog) -> int:
        dialog.date.setDate(QDate(day.year, day.month, day.day))
        dialog.reason.setText(reason)
        dialog.approval.setText(approval)
        return 1

    monkeypatch.setattr(DeferDialog, "exec", exec_)


def test_right_clicking_a_task_offers_what_the_clerk_does_with_it(sample_window):
    window = sample_window
    task = _august_task(window)
    window.select_node(window.model.task_ids()[0])  # right-click moves the current row
    menus = window.tracking.task_menu
    rect = window.tree.visualRect(window.proxy.index_of(task))
    menus.popup_at(rect.center())
    menu = menus.menu
    assert window.panel.node_id == task and menu.isVisible()
    texts = _menu_texts(menu)
    for wanted in ("Status", "Edit note", "Defer deadline", "Add progress", "Attach file", "Add link",
                   "Copy task text"):
        assert any(wanted in t.replace("&", "") for t in texts), wanted
    status_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    doing = next(a for a in status_menu.actions() if "In progress" in a.text())
    doing.trigger()
    assert window.service.node(task).status is Status.DOING
    assert doing.isChecked()
    menu.close()


def test_the_menu_key_and_shift_f10_open_the_menu_at_the_current_row(sample_window, qtbot):
    window = sample_window
    _august_task(window)
    window.tree.setFocus()
    menus = window.tracking.task_menu
    for key, modifier in ((Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
                          (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier)):
        qtbot.keyClick(window.tree, key, modifier)
        assert menus.menu is not None and menus.menu.isVisible()
        row = window.tree.visualRect(window.tree.currentIndex())
        at = window.tree.viewport().mapFromGlobal(menus.menu.pos())
        assert row.left() <= at.x() and abs(at.y() - row.bottom()) <= 2  # just below the row, not the mouse
        menus.menu.close()


def test_a_keyboard_request_from_the_platform_opens_the_menu_for_the_current_row(sample_window):
    """X11 turns the menu key into a context-menu event at some point of the tree: the row that counts
    is the current one, and the key's own shortcut opening it too gives one menu, not two."""
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    window = sample_window
    task = _august_task(window)
    menus = window.tracking.task_menu
    tree = window.tree
    below = tree.visualRect(window.proxy.index_of(task)).center() + QPoint(0, 3 * tree.sizeHintForRow(0))
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, below, tree.mapToGlobal(below))
    QApplication.sendEvent(tree, event)
    first = menus.menu
    assert first is not None and first.isVisible() and window.panel.node_id == task
    menus.popup_for_current()  # the menu key's shortcut as well
    assert menus.menu is first
    first.close()
    mouse = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, below, tree.viewport().mapToGlobal(below))
    QApplication.sendEvent(tree.viewport(), mouse)
    assert window.panel.node_id != task  # a right-click takes the row under the mouse
    menus.menu.close()


def test_the_menu_key_on_a_row_scrolled_out_of_sight_brings_it_back(sample_window, qtbot):
    window = sample_window
    window.resize(900, 360)
    window.tree.expandAll()
    last = window.model.task_ids()[-1]
    window.select_node(last)
    window.tree.scrollToTop()
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    row = window.tree.visualRect(window.tree.currentIndex())
    assert window.tree.viewport().rect().intersects(row)
    window.tracking.task_menu.menu.close()


def test_right_clicking_below_the_rows_opens_nothing(sample_window):
    window = sample_window
    window.select_node(window.model.task_ids()[0])
    menus = window.tracking.task_menu
    menus.popup_at(window.tree.viewport().rect().bottomLeft() - QPoint(-4, 4))
    assert menus.menu is None


def test_a_section_offers_only_copying(sample_window):
    window = sample_window
    section = window.model.root().children[0].info.id
    window.select_node(section)
    menu = window.tracking.task_menu.build_menu()
    assert [t.replace("&", "") for t in _menu_texts(menu)] == ["Copy task text"]


def test_copying_puts_the_tasks_full_wording_units_and_deadline_on_the_clipboard(sample_window):
    window = sample_window
    task = _august_task(window)
    window.tracking.task_menu.copy_action.trigger()
    info = window.service.node(task)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"{info.label} {info.text}") and "8月底前" in copied
    assert all(unit in copied for unit in info.all_units)


def test_ctrl_c_on_the_tree_copies_the_task_and_in_the_note_copies_the_note(sample_window, qtbot):
    window = sample_window
    task = _august_task(window)
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = clipboard.text()
    assert copied.startswith(window.service.node(task).label) and copied.splitlines()[-1] == "8月底前"
    note = window.panel.note_edit
    note.setPlainText("abc")
    note.setFocus()
    note.selectAll()
    qtbot.keyClick(note, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "abc"


def test_deferring_from_the_menu_strikes_the_old_deadline_and_undoes(sample_window, monkeypatch):
    window = sample_window
    task = _august_task(window)
    _answer_defer(monkeypatch, dt.date(2026, 10, 31), "省平台改版", "县政办函〔2026〕12号")
    window.tracking.task_menu.defer_action.trigger()
    info = window.service.node(task)
    assert info.final_due() == dt.date(2026, 10, 31) and info.deferral.approval == "县政办函〔2026〕12号"
    panel = window.panel
    assert "<s>8月底前" in panel.deadlines.text() and "10月底前" in panel.deadlines.text()
    assert "省平台改版" in panel.deadlines.text() and "县政办函〔2026〕12号" in panel.deadlines.text()
    assert panel.undefer_button.isVisible()
    tip = window.model.data(window.model.index_of(task).siblingAtColumn(2), Qt.ItemDataRole.ToolTipRole)
    assert "原定8月底前，经批准延期至10月底前（原因：省平台改版）" in tip
    window.undo_action.trigger()
    assert window.service.node(task).deferral is None and "<s>" not in panel.deadlines.text()
    assert not panel.undefer_button.isVisible()


def test_taking_a_deferral_back_is_undoable_and_keeps_its_approval(sample_window, monkeypatch):
    window = sample_window
    task = _august_task(window)
    _answer_defer(monkeypatch, dt.date(2026, 10, 31), "省平台改版", "王主任")
    window.panel.defer_button.click()  # the detail panel's own button does the same
    first = window.service.node(task).deferral
    window.panel.undefer_button.click()
    assert window.service.node(task).deferral is None
    assert window.service.node(task).final_due() == dt.date(2026, 8, 31)
    window.undo_action.trigger()
    assert window.service.node(task).deferral == first  # the same 延期: id, reason and approval
    fields = [h.field for h in window.service.history(task)]
    assert fields.count("deferral") == 3  # deferred, taken back, put back


def test_the_defer_dialog_wants_a_reason_and_a_new_date(sample_window):
    window = sample_window
    task = _august_task(window)
    dialog = DeferDialog(window, window.service.node(task), window.service.today())
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()  # no reason yet
    dialog.reason.setText("原因")
    assert ok.isEnabled()
    dialog.date.setDate(QDate(2026, 8, 31))  # the deadline it has already
    assert not ok.isEnabled()


def test_ctrl_enter_adds_a_dated_entry_and_empties_the_field(sample_window, qtbot):
    window = sample_window
    task = _august_task(window)
    today = window.service.today()
    window.tracking.task_menu.progress_action.trigger()
    entries = window.panel.entries
    assert window.panel.tabs.currentWidget() is entries and entries.text.hasFocus()
    assert entries.day.date().toPython() == today  # today is preselected
    entries.day.setDate(QDate(2026, 8, 20))
    entries.text.insertPlainText("完成初稿")  # typed (keyClicks takes ASCII only)
    qtbot.keyClick(entries.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    saved = window.service.entries(task)
    assert [(e.text, e.day, e.status) for e in saved] == [("完成初稿", dt.date(2026, 8, 20), None)]
    assert entries.text.toPlainText() == "" and entries.text.hasFocus()  # ready for the next one
    assert entries.day.date().toPython() == today
    entries.status.setCurrentIndex(1 + STATUS_ORDER.index(Status.DONE))
    assert entries.chosen_status() is Status.DONE
    entries.text.insertPlainText("印发实施")
    qtbot.keyClick(entries.text, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert window.service.node(task).status is Status.DONE  # the status the newest entry brings
    assert window.panel.status_combo.currentIndex() == STATUS_ORDER.index(Status.DONE)
    assert [entries.list.topLevelItem(i).text(1) for i in range(2)] == ["印发实施", "完成初稿"]  # newest first
    assert window.panel.tabs.tabText(window.panel.entries_tab).endswith("(2)")
    window.undo_action.trigger()
    assert window.service.node(task).status is Status.TODO and len(window.service.entries(task)) == 1
    qtbot.keyClick(entries.text, Qt.Key.Key_Escape)
    assert window.tree.hasFocus()  # Esc: back to the tree


def test_entries_show_newest_first_and_removing_one_is_undoable(sample_window):
    window = sample_window
    task = _august_task(window)
    svc = window.service
    svc.add_entry(task, "七月进展", dt.date(2026, 7, 10), Status.DOING)
    svc.add_entry(task, "八月进展", dt.date(2026, 8, 10))
    window.select_node(window.model.task_ids()[0])
    window.select_node(task)
    entries = window.panel.entries
    assert [entries.list.topLevelItem(i).text(1) for i in range(2)] == ["八月进展", "七月进展"]
    entries.list.setCurrentItem(entries.list.topLevelItem(1))
    entries.remove_button.click()
    assert [e.text for e in svc.entries(task)] == ["八月进展"] and entries.list.topLevelItemCount() == 1
    assert svc.node(task).status is Status.DOING  # removing an entry leaves the status alone
    window.undo_action.trigger()
    back = svc.entries(task)
    assert [(e.text, e.status) for e in back] == [("七月进展", Status.DOING), ("八月进展", None)]
    assert entries.list.topLevelItemCount() == 2


def test_an_empty_entry_is_not_added(sample_window, qtbot):
    window = sample_window
    task = _august_task(window)
    entries = window.panel.entries
    qtbot.keyClicks(entries.text, "   ")
    assert not entries.add_button.isEnabled()
    qtbot.keyClick(entries.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.service.entries(task) == [] and window.ctx.stack.count() == 0


def test_the_note_is_written_from_the_entries_in_one_undo_step(sample_window, monkeypatch):
    window = sample_window
    task = _august_task(window)
    svc = window.service
    svc.add_entry(task, "完成初稿", dt.date(2026, 7, 10))
    svc.add_entry(task, "印发实施。", dt.date(2026, 8, 20))
    window.select_node(window.model.task_ids()[0])
    window.select_node(task)
    panel = window.panel
    panel.note_edit.setPlainText("已起草")
    panel.flush_note()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    panel.compose_button.click()
    assert asked  # a note the clerk wrote is replaced only when they say so
    assert svc.node(task).note == "7月10日，完成初稿；8月20日，印发实施。" == panel.note_edit.toPlainText()
    window.undo_action.trigger()
    assert svc.node(task).note == "已起草" == panel.note_edit.toPlainText()


def test_a_task_without_entries_cannot_compose(sample_window):
    window = sample_window
    _august_task(window)
    assert not window.panel.compose_button.isEnabled()


def test_the_latest_entry_shows_in_the_tree_tooltip_and_the_overview(sample_window):
    window = sample_window
    task = _august_task(window)
    window.panel.entries.text.setPlainText("新栏目试运行")
    window.panel.entries.add_entry()
    index = window.model.index_of(task)
    for column in (TITLE, STATUS):
        tip = window.model.data(index.siblingAtColumn(column), Qt.ItemDataRole.ToolTipRole)
        assert "新栏目试运行" in tip, column
    window.tracking.show_overview()
    dashboard = window.tracking.dashboard
    assert window.right.currentWidget() is dashboard
    recent = dashboard.recent
    assert recent.isVisible() and recent.topLevelItem(0).text(2) == "新栏目试运行"
    recent.itemClicked.emit(recent.topLevelItem(0), 0)
    assert window.panel.node_id == task


def test_the_overview_hides_latest_progress_until_there_is_some(sample_window):
    window = sample_window
    window.tracking.show_overview()
    assert not window.tracking.dashboard.recent.isVisible()


def test_an_entry_the_disk_refuses_is_held_and_lands_after_retry(sample_window, monkeypatch):
    from core.errors import StoreError
    from gui.window.retry import CloseGuard

    monkeypatch.setattr(CloseGuard, "_close_anyway", lambda self: True)
    window = sample_window
    task = _august_task(window)
    svc = window.service
    real = svc.add_entry
    monkeypatch.setattr(svc, "add_entry", lambda *a, **k: (_ for _ in ()).throw(
        StoreError("db_readonly", path=str(svc.db_path))))
    entries = window.panel.entries
    entries.text.setPlainText("完成初稿")
    entries.add_entry()
    assert entries.text.toPlainText() == "" and window.retry_bar.isVisibleTo(window)  # kept, not lost
    monkeypatch.setattr(svc, "add_entry", real)
    assert window.ctx.pending.retry()
    assert [e.text for e in svc.entries(task)] == ["完成初稿"] and entries.list.topLevelItemCount() == 1


def test_an_entry_refused_for_good_stays_in_the_field(sample_window, monkeypatch):
    from core.errors import NotFoundError

    window = sample_window
    _august_task(window)
    monkeypatch.setattr(window.service, "add_entry", lambda *a, **k: (_ for _ in ()).throw(
        NotFoundError("node_not_found", node_id=0)))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    entries = window.panel.entries
    entries.text.setPlainText("完成初稿")
    entries.add_entry()
    assert entries.text.toPlainText() == "完成初稿"
