"""The filter bar in the real window: typing searches at once, filters combine, 我的任务 and badges."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QImage

from core.domain.records import TaskFilter
from core.domain.status import Status
from gui.dialogs.my_units_dialog import MyUnitsDialog


def visible_labels(window) -> list[str]:
    proxy, out = window.proxy, []

    def walk(parent):
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            out.append(proxy.item(index).info.label)
            walk(index)

    walk(QModelIndex())
    return out


def test_typing_in_the_search_box_filters_and_expands(sample_window, qtbot):
    bar = sample_window.filter_bar
    sample_window.tree.collapseAll()
    bar.search.setFocus()
    bar.search.insert("規範")  # what an input method commits; traditional finds the simplified text
    assert visible_labels(sample_window) == ["三、", "9.", "10."]
    assert sample_window.tree.isExpanded(sample_window.proxy.index_of(
        sample_window.proxy.item(sample_window.proxy.index(0, 0)).info.id))
    assert "2" in bar.count.text() and "15" in bar.count.text()
    assert bar.clear_button.isVisible()
    qtbot.keyClick(bar.search, Qt.Key.Key_Escape)
    assert bar.search.text() == ""
    assert len(visible_labels(sample_window)) == len(sample_window.model.node_ids())
    assert not sample_window.tree.isExpanded(sample_window.proxy.index(0, 0))  # collapsed as before


def test_status_role_and_deadline_filters_combine(sample_window):
    bar = sample_window.filter_bar
    service = sample_window.service
    done = [t for t in sample_window.model.task_ids()][:2]
    service.set_statuses(done, Status.DONE)
    sample_window.refresh_plans()
    bar.status.setCurrentIndex(bar.status.findData(Status.DONE))
    assert [x for x in visible_labels(sample_window) if x[0].isdigit()] == ["1.", "2."]
    bar.role.setCurrentIndex(bar.role.findData("lead"))
    assert [x for x in visible_labels(sample_window) if x[0].isdigit()] == ["1.", "2."]
    bar.unit.setEditText("县发展改革局")
    assert [x for x in visible_labels(sample_window) if x[0].isdigit()] == ["2."]
    bar.clear()
    assert bar.task_filter() == TaskFilter()
    assert len(visible_labels(sample_window)) == 21


def test_my_tasks_asks_for_the_unit_first_and_then_filters(sample_window, monkeypatch):
    bar = sample_window.filter_bar

    def choose(dialog):
        for i in range(dialog.list.count()):
            item = dialog.list.item(i)
            if item.text() == "县教育局":
                item.setCheckState(Qt.CheckState.Checked)
        assert "县直各单位" in dialog.collectives.text()  # why 1., 3., 9.… count as mine
        return True

    monkeypatch.setattr(MyUnitsDialog, "exec", choose)
    bar.mine.click()  # no unit set yet: the dialog opens
    assert sample_window.service.my_units() == ["县教育局"]
    assert bar.mine.isChecked()
    labels = [x for x in visible_labels(sample_window) if x[0].isdigit()]
    assert labels == ["1.", "3.", "6.", "9.", "10.", "12."]
    bar.mine.click()
    assert len(visible_labels(sample_window)) == 21


def test_my_role_shows_as_a_badge_on_the_task(sample_window, qtbot):
    window = sample_window
    window.service.set_my_units(["县教育局"])
    window.proxy.set_my_units(["县教育局"])
    task = next(i for i in window.model.task_ids() if window.model.item(window.model.index_of(i)).info.label == "6.")
    index = window.proxy.index_of(task)
    window.tree.scrollTo(index)
    rect = window.tree.visualRect(index)
    image = window.tree.viewport().grab(rect).toImage().convertToFormat(QImage.Format.Format_RGB32)
    badge = {(image.pixelColor(x, rect.height() // 2).name()) for x in range(image.width() - 60, image.width())}
    assert "#1565c0" in badge  # 责任 in its blue pill at the end of the title


def test_selecting_a_hidden_item_clears_the_filter(sample_window):
    window = sample_window
    window.filter_bar.search.setText("培训")
    hidden = window.model.task_ids()[0]
    assert not window.proxy.index_of(hidden).isValid()
    window.select_node(hidden)
    assert window.filter_bar.search.text() == ""
    assert window.proxy.item(window.tree.currentIndex()).info.id == hidden


def test_a_my_units_change_reaches_the_filter_the_bar_and_the_overview(sample_window, qtbot):
    """Whoever sets the clerk's units, the Change it returns is all the views need (the overview in
    sight reads it in the next turn of the event loop)."""
    window = sample_window
    window.tracking.show_overview()
    dashboard = window.tracking.dashboard
    assert not dashboard.mine.isVisibleTo(dashboard)
    change = window.service.set_my_units(["县教育局"])
    assert change.fields == {"my_units"} and change.before == []
    window.ctx.announce(change)
    assert window.proxy.my_units == ["县教育局"]
    assert window.filter_bar.has_my_units and "县教育局" in window.filter_bar.mine.toolTip()
    qtbot.waitUntil(lambda: dashboard.mine.isVisibleTo(dashboard))
    window.filter_bar.mine.setChecked(True)
    assert [x for x in visible_labels(window) if x[0].isdigit()] == ["1.", "3.", "6.", "9.", "10.", "12."]


def test_the_status_box_finds_tasks_without_a_completion_note(sample_window):
    from gui.window.filter_bar import NO_NOTE

    bar, service = sample_window.filter_bar, sample_window.service
    tasks = sample_window.model.task_ids()
    service.set_note(tasks[0], "已发布。")
    sample_window.refresh_plans()
    bar.status.setCurrentIndex(bar.status.findData(NO_NOTE))
    assert bar.task_filter() == TaskFilter(missing_note=True)
    shown = [x for x in visible_labels(sample_window) if x[0].isdigit()]
    assert "1." not in shown and len(shown) == len(tasks) - 1
    bar.clear()
    bar.set_filter(TaskFilter(missing_note=True))
    assert bar.status.currentData() == NO_NOTE


def test_typing_that_hides_nothing_repaints_only_the_titles(sample_window, qtbot):
    """Every task names a 县 unit and ends in 。: the rows stay, so only the title column repaints."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from gui.tree.plan_tree_model import TITLE

    window = sample_window
    window.tree.expandAll()
    qtbot.waitUntil(lambda: not window.column_sizer.pending)  # columns sized to the plan after its first paint
    shown = visible_labels(window)
    window.filter_bar.search.setText("。")
    QApplication.processEvents()
    assert visible_labels(window) == shown

    class Paints(QObject):
        rects = []

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                self.rects.append(event.region().boundingRect())
            return False

    paints = Paints()
    window.tree.viewport().installEventFilter(paints)
    window.filter_bar.search.setText("县")
    qtbot.waitUntil(lambda: bool(paints.rects))
    assert visible_labels(window) == shown
    left, width = window.tree.columnViewportPosition(TITLE), window.tree.columnWidth(TITLE)
    assert all(r.left() >= left and r.right() < left + width for r in paints.rects)
    paints.rects.clear()
    window.filter_bar.search.setText("縣")  # folds to the same search: nothing to repaint
    QApplication.processEvents()
    assert paints.rects == []


def test_a_tick_without_a_filter_leaves_the_task_count_alone(sample_window, monkeypatch):
    """Every task is shown before and after: the count is neither worded nor measured again."""
    bar, model = sample_window.filter_bar, sample_window.model
    text = bar.count.text()
    worded = []
    monkeypatch.setattr(bar, "_count_text", lambda *a: worded.append(a) or "")
    model.setData(model.index_of(model.task_ids()[0]), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert worded == [] and bar.count.text() == text
