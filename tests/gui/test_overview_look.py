"""The overview as the clerk reads it: section names elided with the whole name in a tooltip,
a legend for the chart's colours, no "0" parts in breakdowns, zero figures greyed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from core.domain.records import Rollup
from core.domain.status import Status
from gui.tree.labels import STATUS_COLORS, status_names, status_parts_text
from gui.window.dashboard import BAR_PARTS
from tests.gui.dated import window_on


def _overview(window, qtbot):
    window.tracking.show_overview()
    dashboard = window.tracking.dashboard
    qtbot.waitUntil(dashboard.isVisible)
    dashboard.refresh()
    return dashboard


def test_a_long_section_name_is_elided_and_whole_in_its_tooltip(sample_window, qtbot):
    sample_window.resize(1100, 760)
    chart = _overview(sample_window, qtbot).chart
    chart.resize(420, chart.height())
    full = chart.rows[0][1]
    shown = chart.shown_name(0)
    assert shown != full and shown.endswith("…") and full.startswith(shown[:-1])
    middle = QPoint(10, chart.ROW // 2)
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, middle, chart.mapToGlobal(middle)))
    assert full in chart.tooltip_at(middle.y())
    assert full in QToolTip.text()
    assert chart.tooltip_at(chart.ROW * len(chart.rows) + 5) is None  # below the last bar: nothing


def test_the_chart_has_a_legend_for_each_colour_it_paints(sample_window, qtbot):
    legend = _overview(sample_window, qtbot).legend
    names = status_names()
    assert legend.isVisible()
    painted = [(STATUS_COLORS[s].name(), names[s]) for s in BAR_PARTS]
    assert [(color.name(), name) for color, name in legend.entries[:len(BAR_PARTS)]] == painted
    assert legend.entries[-1][1] == names[Status.TODO]  # the empty track: not started yet


def test_a_breakdown_never_names_a_status_no_task_has(qapp):
    r = Rollup()
    for status in (Status.DONE, Status.DONE, Status.TODO):
        r.add(status, overdue=False)
    names = status_names()
    text = status_parts_text(r)
    assert names[Status.DONE] in text and "2" in text and names[Status.TODO] in text
    assert names[Status.ONGOING] not in text and "0" not in text


def test_a_section_tooltip_lists_only_the_statuses_it_holds(sample_window, qtbot):
    chart = _overview(sample_window, qtbot).chart
    names = status_names()
    for row, (_node, _name, r) in enumerate(chart.rows):
        parts = chart.tooltip_at(row * chart.ROW + 2).splitlines()[-1]  # after the name and roll-up
        assert parts == status_parts_text(r)
        for status in Status:
            if not r.counts[status]:
                assert names[status] not in parts


def test_a_figure_counting_nothing_is_grey_and_cannot_filter(sample_window, qtbot):
    dashboard = _overview(sample_window, qtbot)
    zero = [f for f in dashboard.figures if f.isVisible() and f.count == 0]
    some = [f for f in dashboard.figures if f.isVisible() and f.count > 0]
    assert zero and some  # the fresh sample has nothing done and several not started
    assert all(not f.isEnabled() for f in zero)
    assert all(f.isEnabled() for f in some)


def test_every_cell_of_the_due_list_has_its_whole_text_in_a_tooltip(qtbot, db_path, settings):
    with window_on(qtbot, db_path, settings, dt.date(2026, 6, 20)) as window:
        window.importer.open_sample()
        due = _overview(window, qtbot).due_list
        assert due.topLevelItemCount() > 0
        for row in range(due.topLevelItemCount()):
            item = due.topLevelItem(row)
            for col in range(due.columnCount()):
                if item.text(col):
                    assert item.toolTip(col), (row, col)
            assert item.text(2) in item.toolTip(2)
