"""The filter bar as the clerk left it: status, role, deadline, unit and 我的任务 come back when
the window opens again; the search text does not."""

from __future__ import annotations

from core.domain.filters import filter_to_text
from core.domain.records import TaskFilter
from core.domain.settings import CURRENT_NODE, TREE_FILTER
from core.domain.status import OPEN_STATUSES
from gui.window.main_window import MainWindow


def _reopen(qtbot, service, settings) -> MainWindow:
    window = MainWindow(service, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_filters_are_set_again_when_the_window_opens_next_time(sample_window, service, settings, qtbot):
    sample_window.ctx.announce(service.set_my_units(["县政府办公室"]))
    sample_window.filter_bar.set_filter(TaskFilter(statuses=set(OPEN_STATUSES), mine=True, text="公开"))
    shown = sample_window.proxy.shown
    sample_window.close()

    again = _reopen(qtbot, service, settings)
    assert again.filter_bar.task_filter() == TaskFilter(statuses=set(OPEN_STATUSES), mine=True)
    assert again.filter_bar.mine.isChecked() and again.filter_bar.search.text() == ""
    assert again.proxy.active and again.proxy.shown >= shown  # without the search, as many or more
    assert again.filter_bar.clear_button.isVisible() or again.filter_bar.clear_button.isVisibleTo(again.filter_bar)
    again.close()


def test_cleared_filters_stay_cleared(sample_window, service, settings, qtbot):
    sample_window.filter_bar.set_filter(TaskFilter(overdue=True))
    sample_window.close()
    again = _reopen(qtbot, service, settings)
    assert again.filter_bar.task_filter() == TaskFilter(overdue=True)
    again.filter_bar.clear()
    again.close()
    third = _reopen(qtbot, service, settings)
    assert third.filter_bar.task_filter() == TaskFilter() and not third.proxy.active
    third.close()


def test_a_unit_the_database_no_longer_names_is_not_put_back(sample_window, service, settings, qtbot):
    sample_window.close()
    service.put(TREE_FILTER, filter_to_text(TaskFilter(unit="不存在的单位", overdue=True)))
    again = _reopen(qtbot, service, settings)
    assert again.filter_bar.task_filter() == TaskFilter(overdue=True)
    again.close()


def test_the_item_selected_last_does_not_clear_the_restored_filter(sample_window, service, settings, qtbot):
    model = sample_window.model
    undated = next(i for i in model.task_ids() if not any(d.date for d in service.node(i).deadlines))
    sample_window.close()
    service.put(CURRENT_NODE, undated)  # selected last, and hidden by the filter saved with it
    service.put(TREE_FILTER, filter_to_text(TaskFilter(overdue=True)))
    again = _reopen(qtbot, service, settings)
    assert again.filter_bar.task_filter() == TaskFilter(overdue=True)
    assert again.panel.node_id != undated
    again.close()


def test_a_window_that_showed_no_plan_keeps_the_saved_filter(window, service, settings, qtbot):
    service.put(TREE_FILTER, filter_to_text(TaskFilter(overdue=True)))
    window.close()  # the welcome page: nothing to filter, nothing saved over it
    assert service.get(TREE_FILTER) == filter_to_text(TaskFilter(overdue=True))
