"""The clerk's steps in the real main window, each on its own temporary database."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from core.domain.status import Status
from core.parse.parsed_plan import ParsedPlan
from core.paths import resource_path
from core.service.facade import PlanService
from gui.tree.plan_tree_model import PROGRESS
from gui.window.main_window import MainWindow

CHECK = Qt.ItemDataRole.CheckStateRole


def tick(model, node_id: int, checked: bool = True) -> bool:
    state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
    return model.setData(model.index_of(node_id), state, CHECK)


def first_section_of_tasks(model) -> int:
    """The first section whose children are all tasks (（一） in the sample)."""
    for node_id in model.node_ids():
        item = model.item(model.index_of(node_id))
        if item.children and all(child.is_task for child in item.children):
            return node_id
    raise AssertionError("no section of tasks")


def test_welcome_shows_on_empty_database_and_sample_opens(window, qtbot):
    assert window.pages.currentWidget() is window.welcome
    qtbot.mouseClick(window.welcome.sample_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.splitter
    assert window.model.rowCount() == 4
    assert len(window.model.task_ids()) == 15
    assert "示例县" in window.windowTitle()
    window.importer.open_sample()  # a second click shows the same plan, it does not import it again
    assert len(window.service.list_plans()) == 1


def test_ticking_last_task_completes_section(sample_window, qtbot):
    model = sample_window.model
    section = first_section_of_tasks(model)
    section_index = model.index_of(section)
    tasks = [child.info.id for child in model.item(section_index).children]
    resets = []
    model.modelReset.connect(lambda: resets.append(True))

    for node_id in tasks[:-1]:
        assert tick(model, node_id)
    assert model.data(section_index, CHECK) == Qt.CheckState.PartiallyChecked

    touched = []
    model.dataChanged.connect(lambda top, _bottom, _roles: touched.append(model.item(top).info.id))
    assert tick(model, tasks[-1])
    top_level = model.item(section_index).parent.info.id
    assert set(touched) == {tasks[-1], section, top_level}
    assert model.data(section_index, CHECK) == Qt.CheckState.Checked
    done = len(tasks)
    assert model.data(model.index_of(section, PROGRESS)) == f"{done}/{done}"
    assert not resets, "a status change must not reset the model"
    assert sample_window.service.node(tasks[-1]).status is Status.DONE
    assert f"{done}/" in sample_window.progress_label.text()


def test_ticking_a_section_ticks_its_tasks_and_undoes_as_one_step(sample_window):
    model = sample_window.model
    section = first_section_of_tasks(model)
    assert tick(model, section)
    tasks = [child.info.id for child in model.item(model.index_of(section)).children]
    assert all(sample_window.service.node(t).status is Status.DONE for t in tasks)
    sample_window.undo_action.trigger()
    assert all(sample_window.service.node(t).status is Status.TODO for t in tasks)
    assert model.data(model.index_of(section), CHECK) == Qt.CheckState.Unchecked


def test_tick_survives_restart(sample_window, db_path, settings, qtbot):
    task = sample_window.model.task_ids()[2]
    assert tick(sample_window.model, task)
    sample_window.close()
    sample_window.service.close()

    service = PlanService(db_path)
    reopened = MainWindow(service, settings)
    qtbot.addWidget(reopened)
    index = reopened.model.index_of(task)
    assert reopened.model.data(index, CHECK) == Qt.CheckState.Checked
    assert reopened.pages.currentWidget() is reopened.splitter
    reopened.close()


def test_note_is_saved_after_pause_and_on_close(sample_window, db_path, settings, qtbot):
    service = sample_window.service
    first, second = sample_window.model.task_ids()[:2]
    sample_window.select_node(first)
    editor = sample_window.panel.note_edit
    editor.setFocus()
    editor.insertPlainText("已在门户网站")  # what an input method commits
    editor.insertPlainText("发布")
    assert service.node(first).note == ""  # not yet: the clerk is still typing
    qtbot.waitUntil(lambda: service.node(first).note == "已在门户网站发布", timeout=3000)

    sample_window.select_node(second)
    editor.setPlainText("6月20日完成")  # then the window closes before the pause is over
    sample_window.close()
    service.close()

    service = PlanService(db_path)
    try:
        assert service.node(first).note == "已在门户网站发布"
        assert service.node(second).note == "6月20日完成"
    finally:
        service.close()


def test_note_is_saved_when_the_selection_moves(sample_window):
    first, second = sample_window.model.task_ids()[:2]
    sample_window.select_node(first)
    sample_window.panel.note_edit.setPlainText("已推送至政务新媒体")
    sample_window.select_node(second)
    assert sample_window.service.node(first).note == "已推送至政务新媒体"
    sample_window.select_node(first)
    assert sample_window.panel.note_edit.toPlainText() == "已推送至政务新媒体"


def test_status_change_is_undoable(sample_window):
    service, panel = sample_window.service, sample_window.panel
    task = sample_window.model.task_ids()[0]
    sample_window.select_node(task)
    combo = panel.status_combo
    done_row = combo.findData(Status.DONE)
    combo.setCurrentIndex(done_row)
    combo.activated.emit(done_row)
    assert service.node(task).status is Status.DONE
    assert service.node(task).completed_on == service.today()
    assert panel.has_date.isChecked()

    sample_window.undo_action.trigger()
    assert service.node(task).status is Status.TODO
    assert service.node(task).completed_on is None
    assert combo.currentData() == Status.TODO
    sample_window.redo_action.trigger()
    assert service.node(task).status is Status.DONE


def test_completion_date_can_be_set_and_cleared(sample_window):
    service, panel = sample_window.service, sample_window.panel
    task = sample_window.model.task_ids()[1]
    sample_window.select_node(task)
    panel.has_date.click()
    assert service.node(task).completed_on == dt.date.today()
    panel.has_date.click()
    assert service.node(task).completed_on is None


def test_plan_switcher_lists_every_plan(sample_window):
    service = sample_window.service
    parsed = ParsedPlan.from_json(resource_path("sample_plan.json").read_text(encoding="utf-8"))
    parsed.year, parsed.title = 2025, "示例县2025年政务公开工作要点"
    older = service.import_plan(parsed, source_name="2025.json").plan_id
    sample_window.refresh_plans()

    combo = sample_window.plan_combo
    titles = [combo.itemText(i) for i in range(combo.count())]
    assert titles == [p.title for p in service.list_plans()]
    assert len(titles) == 2
    combo.setCurrentIndex(combo.findData(older))
    assert sample_window.model.plan_id == older
    assert "2025" in sample_window.windowTitle()


def test_a_change_to_the_plan_list_relists_the_plans_and_keeps_the_one_on_screen(sample_window):
    """Import, delete and restore return a Change that says the plan list changed: announced,
    the switcher follows it; a plan made is shown, the plan on screen stays when another goes,
    and a restore leaves no undo step that would edit the replaced data."""
    window, service = sample_window, sample_window.service
    combo = window.plan_combo

    def import_year(year: int):
        parsed = ParsedPlan.from_json(resource_path("sample_plan.json").read_text(encoding="utf-8"))
        parsed.year, parsed.title = year, f"示例县{year}年政务公开工作要点"
        change = service.import_plan(parsed, source_name=f"{year}.json")
        window.ctx.announce(change)
        return change.plan_id

    older = import_year(2025)
    assert window.model.plan_id == older and combo.count() == 2
    oldest = import_year(2024)
    assert window.model.plan_id == oldest and combo.count() == 3
    deleted = service.delete_plan(older)
    window.ctx.announce(deleted)
    assert combo.count() == 2 and combo.findData(older) == -1
    assert window.model.plan_id == oldest and "2024" in window.windowTitle()  # not the newest plan
    assert tick(window.model, window.model.task_ids()[0]) and window.ctx.stack.count() == 1
    window.ctx.announce(service.restore_backup(deleted.result))  # the backup taken before deleting
    assert combo.count() == 3 and window.model.plan_id == oldest and window.ctx.stack.count() == 0


def test_a_sample_that_cannot_be_read_shows_a_chinese_message(window, tmp_path, monkeypatch, zh_translation):
    """The sample plan is the one import that skips the dialog; its errors still reach the clerk."""
    import gui.importing.flow

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    bad = tmp_path / "要点.json"
    bad.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(gui.importing.flow, "resource_path", lambda name: bad)
    assert window.importer.open_sample() is None
    assert shown and shown[0][0] == "导入失败"
    assert shown[0][1].startswith("解析 JSON 文件格式不正确")
    assert window.pages.currentWidget() is window.welcome and not window.service.list_plans()

    shown.clear()
    monkeypatch.setattr(gui.importing.flow, "resource_path", lambda name: tmp_path / "不存在.json")
    assert window.importer.open_sample() is None
    assert shown[0][1] == f"找不到文件：{tmp_path / '不存在.json'}"


def test_every_import_but_the_sample_goes_through_the_dialog(window):
    """One import path: no synchronous import that skips the worker and the dialog's checks."""
    assert not hasattr(window.importer, "import_file")


def test_window_remembers_its_size_and_splitter(window, service, settings, qtbot):
    window.resize(700, 500)
    window.splitter.setSizes([420, 280])
    sizes = window.splitter.sizes()
    window.close()
    again = MainWindow(service, QSettings(settings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert again.size().width() == 700
    assert again.splitter.sizes() == sizes
    again.close()


def test_space_ticks_the_current_task(sample_window, qtbot):
    task = sample_window.model.task_ids()[0]
    sample_window.select_node(task)
    sample_window.tree.setFocus()
    qtbot.keyClick(sample_window.tree, Qt.Key.Key_Space)
    assert sample_window.service.node(task).status is Status.DONE
    qtbot.keyClick(sample_window.tree, Qt.Key.Key_Space)
    assert sample_window.service.node(task).status is Status.TODO


def test_a_click_on_the_tick_box_ticks_and_a_click_on_the_words_does_not(sample_window, qtbot):
    """The title column's delegate owns the tick (the filtered tree leaves flags to Qt): a left click
    on the box ticks the task, again unticks it; on the words it only selects, filtered or not."""
    from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

    from core.domain.records import TaskFilter

    window = sample_window
    window.tree.expandAll()
    task = window.model.task_ids()[1]
    for flt in (TaskFilter(), TaskFilter(statuses={Status.TODO, Status.DONE})):
        window.filter_bar.set_filter(flt)
        window.tree.expandAll()
        index = window.proxy.index_of(task)
        window.tree.scrollTo(index)
        option = QStyleOptionViewItem()
        option.initFrom(window.tree)
        option.rect = window.tree.visualRect(index)
        delegate = window.tree.itemDelegateForIndex(index)
        delegate.initStyleOption(option, index)
        style = window.tree.style() or QApplication.style()
        box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, window.tree)
        words = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, window.tree)
        assert box.isValid() and not box.intersects(words)
        viewport = window.tree.viewport()
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=words.center())
        assert window.service.node(task).status is Status.TODO
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=box.center())
        assert window.service.node(task).status is Status.DONE
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=box.center())
        assert window.service.node(task).status is Status.TODO


def test_a_note_pasted_from_word_is_saved_clean_and_shown_as_saved(sample_window, qtbot, tmp_path):
    """Word's manual line break (U+000B) and stray controls: stored without them, exports still work."""
    from core.export import ExportOptions, export_plan

    service, panel = sample_window.service, sample_window.panel
    first, second = sample_window.model.task_ids()[:2]
    sample_window.select_node(first)
    panel.note_edit.setPlainText("已发布\x0b见门户网站\x00。")
    sample_window.select_node(second)
    assert service.node(first).note == "已发布\n见门户网站。"
    steps = sample_window.ctx.stack.count()
    sample_window.select_node(first)
    assert panel.note_edit.toPlainText() == "已发布\n见门户网站。"
    sample_window.select_node(second)  # nothing new to save: no second command for the same text
    assert sample_window.ctx.stack.count() == steps
    service.set_my_units(["县政府办公室"])
    for fmt in ("docx", "xlsx"):
        assert export_plan(service, 1, ExportOptions(format=fmt), tmp_path / f"台账.{fmt}").stat().st_size


def test_the_tracking_object_still_answers_to_the_names_it_had_before_its_split(sample_window):
    """The window's tracking was one object; callers elsewhere keep their names."""
    tracking = sample_window.tracking
    for name in ("dashboard", "evidence", "history", "evidence_tab", "structure", "carry_action", "find_action",
                 "status_actions", "show_overview", "set_status", "filter_from_overview", "show_node",
                 "apply_filter", "choose_my_units", "current_task", "focus_note", "focus_tree", "carry_over"):
        assert getattr(tracking, name) is not None, name
    assert tracking.filter_from_overview.__func__ is type(tracking.filtering).filter_from


def test_a_status_message_never_draws_over_the_database_path(service, settings, qtbot):
    """A message shown while the window is still hidden (a start-up warning) used to leave the path
    label visible underneath once the window appeared."""
    window = MainWindow(service, settings)
    qtbot.addWidget(window)
    window.statusBar().showMessage("备份未能写入")
    window.show()
    qtbot.waitExposed(window)
    assert not window.path_label.isVisible()
    window.statusBar().clearMessage()
    assert window.path_label.isVisible()
    window.statusBar().showMessage("已导入")
    assert not window.path_label.isVisible()
    window.close()


def test_the_toolbar_undo_button_names_the_edit_when_asked(sample_window, qtbot, monkeypatch):
    """Worded when the tooltip is asked, so an edit does not lay the toolbar out again."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolBar, QToolTip

    window = sample_window
    toolbar = window.findChild(QToolBar, "main_toolbar")
    undo = next(a for a in toolbar.actions() if a.text() == window.tr("Undo"))
    button = toolbar.widgetForAction(undo)
    assert tick(window.model, window.model.task_ids()[0])
    shown = []
    monkeypatch.setattr(QToolTip, "showText", lambda pos, text, widget=None, *a: shown.append((text, widget)))
    QApplication.sendEvent(button, QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), button.mapToGlobal(QPoint(2, 2))))
    assert shown == [(f"{window.tr('Undo')} {window.ctx.stack.undoText()}", button)]
    assert window.ctx.stack.undoText() and undo.isEnabled()


def test_the_plan_figure_keeps_its_place_in_the_status_bar(sample_window):
    """A tick changes the figure's text; its size only grows when the text needs more room (a label
    that may change size lays the whole status bar out again), and the whole text always fits."""
    window = sample_window
    label, model = window.progress_label, window.model
    widths = [label.width()]
    for node_id in model.task_ids()[:3]:
        assert tick(model, node_id)
        widths.append(label.width())
        assert label.sizeHint().width() <= label.width() and label.sizeHint().height() <= label.height()
    assert "3/" in label.text() and widths == sorted(widths) and widths[0] > 0
    window.undo_action.trigger()
    assert label.width() == widths[-1] and "2/" in label.text()


def test_a_tick_repaints_the_task_row_and_only_the_rollup_cells_above_it(sample_window, qtbot, monkeypatch):
    """Qt paints every row a region of several rectangles touches, in full; the plan's view paints
    each rectangle alone (gui/tree/plan_tree_view.py), so the sections' units and deadlines are left."""
    from gui.tree.plan_tree_model import DEADLINE, STATUS, TITLE, UNITS

    window, model = sample_window, sample_window.model
    window.resize(1280, 800)
    window.tree.expandAll()
    task = model.task_ids()[1]
    window.select_node(task)
    qtbot.waitUntil(lambda: not window.column_sizer.pending)  # the columns measured: no full repaint to come
    qtbot.wait(50)
    painted = []
    real = model.multiData
    monkeypatch.setattr(model, "multiData", lambda index, span: (
        painted.append((model.item(index).info.id, index.column())), real(index, span)))
    assert tick(model, task)
    qtbot.wait(20)
    sections = {id_ for id_, _col in painted if id_ != task}
    assert {col for id_, col in painted if id_ == task} == {TITLE, UNITS, DEADLINE, STATUS, PROGRESS}
    left_alone = [s for s in sections if not {UNITS, DEADLINE} & {col for id_, col in painted if id_ == s}]
    assert sections and left_alone  # a section above it repainted in its roll-up cells only


def test_a_steady_label_takes_new_text_without_laying_out_and_grows_when_it_must(qtbot):
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    from gui.window.steady import set_steady_text, steady_label

    class Layouts(QObject):
        seen = 0

        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            self.seen += event.type() == QEvent.Type.LayoutRequest
            return False

    box = QWidget()
    qtbot.addWidget(box)
    label = steady_label()
    QHBoxLayout(box).addWidget(label)
    box.show()
    set_steady_text(label, "最近修改：2026-12-01 14:49")
    qtbot.wait(10)
    size, layouts = label.size(), Layouts()
    box.installEventFilter(layouts)
    set_steady_text(label, "最近修改：2026-12-01 14:50")
    qtbot.wait(10)
    assert layouts.seen == 0 and label.size() == size
    set_steady_text(label, "尚未保存：磁盘恢复后会自动保存，无需重新输入")
    qtbot.wait(10)
    assert label.width() > size.width() and label.sizeHint().width() <= label.width()
    set_steady_text(label, "")
    assert label.width() > size.width()  # never shrinks: the next stamp needs the room again


def test_the_labels_that_change_with_every_edit_are_steady(sample_window):
    """The status bar's figure and the detail panel's 最近修改 keep a fixed size (gui/window/steady.py)."""
    window = sample_window
    window.select_node(window.model.task_ids()[0])
    for label in (window.progress_label, window.panel.updated):
        assert label.minimumSize() == label.maximumSize() and label.sizeHint().width() <= label.width()
