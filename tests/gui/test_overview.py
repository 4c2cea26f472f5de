"""The overview shown when nothing is selected: figures that filter, the section chart, 近期到期,
deadline colours, and carrying a plan over into next year."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

from core.domain.status import Status
from core.service.facade import PlanService
from gui.dialogs.carry_over import CarryOverDialog
from gui.tree.labels import DUE_SOON_COLOR, OVERDUE_COLOR
from gui.tree.plan_tree_model import DEADLINE
from gui.window.main_window import MainWindow

TODAY = dt.date(2026, 6, 20)


@pytest.fixture
def dated_window(qtbot, db_path, settings):
    """The sample plan on 20 June 2026: 12. and 13. overdue, 2. and 7. due at the end of June."""
    service = PlanService(db_path, today=lambda: TODAY)
    window = MainWindow(service, settings)
    qtbot.addWidget(window)
    window.show()
    window.importer.open_sample()
    yield window
    window.close()
    service.close()


def node(window, label: str) -> int:
    return next(i for i in window.model.node_ids() if window.model.item(window.model.index_of(i)).info.label == label)


def test_overview_shows_when_nothing_is_selected(dated_window, qtbot):
    window = dated_window
    window.select_node(node(window, "2."))
    assert window.right.currentWidget() is window.panel
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dash = window.tracking.dashboard
    assert window.right.currentWidget() is dash
    assert dash.overdue.count == 2
    assert dash.soon.count == 2  # 2. and 7., due 30 June
    assert dash.unfinished.count == 15  # a new plan: every task still open
    assert sum(f.count for f in dash.figures[:5]) == 15


def test_clicking_a_figure_filters_the_tree(dated_window, qtbot):
    window = dated_window
    window.tracking.show_overview()
    qtbot.mouseClick(window.tracking.dashboard.overdue, Qt.MouseButton.LeftButton)
    assert window.filter_bar.due.currentData() == "overdue"
    assert window.proxy.shown == 2
    assert window.tree.hasFocus() or window.tree.currentIndex().isValid()


def test_section_chart_click_shows_the_section(dated_window, qtbot):
    window = dated_window
    window.tracking.show_overview()
    chart = window.tracking.dashboard.chart
    assert [name for _, name, _ in chart.rows][0].startswith("一、")
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(20, chart.ROW * 2 + 5))
    assert window.proxy.item(window.tree.currentIndex()).info.label == "三、"


def test_due_soon_list_is_sorted_by_date_with_overdue_first(dated_window):
    window = dated_window
    window.tracking.show_overview()
    due = window.tracking.dashboard.due_list
    rows = [due.topLevelItem(i) for i in range(due.topLevelItemCount())]
    assert [r.text(1).split()[0] for r in rows] == ["12.", "13.", "2.", "7."]
    assert rows[0].foreground(0).color() == OVERDUE_COLOR
    assert rows[2].foreground(0).color() == DUE_SOON_COLOR
    due.itemClicked.emit(rows[2], 1)
    assert window.proxy.item(window.tree.currentIndex()).info.label == "2."


def test_the_overviews_task_lists_are_one_widget_that_keeps_its_columns(dated_window):
    from PySide6.QtWidgets import QHeaderView

    from gui.window.task_list import TaskList

    window = dated_window
    window.tracking.show_overview()
    due, recent = window.tracking.dashboard.due_list, window.tracking.dashboard.recent
    assert isinstance(due, TaskList) and isinstance(recent, TaskList)
    assert due.columnCount() == recent.columnCount() == 3
    stretch = QHeaderView.ResizeMode.Stretch
    assert due.header().sectionResizeMode(1) == stretch and due.header().sectionSize(2) == 140
    assert recent.header().stretchLastSection() and recent.header().sectionSize(1) == 220
    row = due.topLevelItem(0)
    assert row.toolTip(1) and row.data(0, Qt.ItemDataRole.UserRole) == node(window, "12.")


def test_deadline_colours_in_the_tree(dated_window):
    window = dated_window
    model = window.model
    fg = Qt.ItemDataRole.ForegroundRole
    assert model.data(model.index_of(node(window, "13."), DEADLINE), fg) == OVERDUE_COLOR
    assert model.data(model.index_of(node(window, "2."), DEADLINE), fg) == DUE_SOON_COLOR
    assert model.data(model.index_of(node(window, "5."), DEADLINE), fg) is None
    window.service.set_status(node(window, "2."), Status.DONE)
    model.load(model.plan_id)
    assert model.data(model.index_of(node(window, "2."), DEADLINE), fg) != DUE_SOON_COLOR


def test_carry_over_makes_next_years_plan_of_the_unfinished_tasks(dated_window, monkeypatch):
    window = dated_window
    service = window.service
    old_plan = window.model.plan_id
    service.set_statuses([node(window, label) for label in ("1.", "2.", "3.")], Status.DONE)
    service.set_status(node(window, "4."), Status.NA)
    window.refresh_plans()
    seen = {}

    def accept(dialog):
        seen["year"] = dialog.year.value()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CarryOverDialog, "exec", accept)
    new_plan = window.tracking.carry_action.trigger() or window.model.plan_id
    assert new_plan != old_plan and seen["year"] == 2027
    assert len(window.model.task_ids()) == 11
    assert window.plan_combo.count() == 2
    assert "示例县" in window.tracking.dashboard.origin.text()
    assert service.plan(new_plan).year == 2027


def test_the_overview_in_sight_reads_edits_after_they_are_painted_once_for_several(dated_window, qtbot,
                                                                                  monkeypatch):
    """A tick while the overview is shown: the tree repaints first, the overview follows in the next
    turn of the event loop, once for however many Changes came."""
    window = dated_window
    window.tracking.show_overview()
    dash = window.tracking.dashboard
    qtbot.waitUntil(dash.isVisible)
    before = dash.unfinished.count
    reads = []
    real = dash.refresh
    monkeypatch.setattr(dash, "refresh", lambda: (reads.append(1), real()))
    for label in ("1.", "2."):
        window.ctx.announce(window.service.set_status(node(window, label), Status.DONE))
    assert reads == [] and dash.unfinished.count == before
    qtbot.waitUntil(lambda: reads == [1])
    assert dash.unfinished.count == before - 2
    qtbot.wait(10)
    assert reads == [1]
