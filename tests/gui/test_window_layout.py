"""The window at the clerk's screen size: columns that share the width, tooltips with the full
text, and the supporting-material buttons in sight at 1280×800."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from PySide6.QtCore import Qt

from core.parse.source import parse_text
from gui.tree.column_widths import USER_WIDTHS_KEY, Want, share_widths
from gui.tree.plan_tree_model import DEADLINE, PROGRESS, STATUS, TITLE, UNITS
from tests.gui.dated import window_on

PLAN = """某市2026年政务公开工作要点
一、深化重点领域信息公开
1. 做好财政预决算公开，6月底前、11月底前分别公开上半年和全年执行情况。牵头单位：市财政局、市审计局、市发展改革委、市国资委
2. 推进重大建设项目信息公开，年底前完成。责任单位：市发展改革委
二、强化组织保障
3. 加强政务公开队伍建设，9月底前组织一次业务培训。牵头单位：市政府办公室
"""


@pytest.fixture
def clerk_font(qapp, zh_translation):
    """The Chinese UI in the CJK font the app picks at start-up (taller than the test default)."""
    from gui.app.i18n import use_cjk_font

    before = qapp.font()
    use_cjk_font(qapp)
    yield qapp.font()
    qapp.setFont(before)


def _fixed(window) -> dict[int, int]:
    header = window.tree.header()
    return {col: header.sectionSize(col) for col in (TITLE, UNITS, DEADLINE, STATUS, PROGRESS)}


def _text_width(window, text: str) -> int:
    return window.tree.fontMetrics().horizontalAdvance(text)


def _show_plan(window, service) -> int:
    plan_id = service.import_plan(parse_text(PLAN), source_name="plan.txt").plan_id
    window.refresh_plans(plan_id)
    window.tree.expandAll()
    return plan_id


def test_share_widths_gives_content_its_room_and_shrinks_the_widest_first():
    wants = {1: Want(content=300, low=80, share=0.3), 2: Want(content=120, low=60, share=0.2)}
    assert share_widths(2000, wants, 200) == {1: 300, 2: 120}  # room for all: as wide as the text
    assert share_widths(600, wants, 200)[1] == 180  # capped at its share of the width
    narrow = share_widths(400, wants, 260)
    assert sum(narrow.values()) <= 140 + 1 and narrow[1] >= 80 and narrow[2] >= 60
    assert narrow[1] - 80 >= narrow[2] - 60  # the long unit list gave up more than the short column


def test_deadline_with_several_milestones_is_not_cut_off_maximised(qtbot, db_path, settings):
    with window_on(qtbot, db_path, settings, dt.date(2026, 7, 15)) as window:
        window.resize(1280, 800)
        _show_plan(window, window.service)
        model = window.model
        first = next(i for i in model.task_ids() if model.item(model.index_of(i)).info.label == "1.")
        text = model.data(model.index_of(first, DEADLINE))
        assert "11月底前" in text and text != "11月底前"  # the next of two milestones
        qtbot.waitUntil(lambda: _fixed(window)[DEADLINE] >= _text_width(window, text))
        status = model.data(model.index_of(first, STATUS))
        assert _fixed(window)[STATUS] >= _text_width(window, status)
        widths = _fixed(window)
        assert widths[TITLE] > widths[UNITS]  # the item text keeps the most room


def test_a_narrow_window_still_leaves_the_item_text_readable(sample_window, qtbot):
    sample_window.resize(760, 600)
    em = sample_window.tree.fontMetrics().horizontalAdvance("中")
    qtbot.waitUntil(lambda: _fixed(sample_window)[TITLE] >= 15 * em)
    assert _fixed(sample_window)[UNITS] >= 6 * em


def test_a_column_the_clerk_sizes_keeps_its_width_until_double_clicked(qtbot, service, settings, sample_window):
    from gui.window.main_window import MainWindow

    header = sample_window.tree.header()
    header.resizeSection(UNITS, 333)  # as a drag of the column's edge does
    assert settings.value(USER_WIDTHS_KEY) == f"{UNITS}:333"
    sample_window.resize(1100, 700)
    qtbot.wait(20)
    assert header.sectionSize(UNITS) == 333
    sample_window.close()

    again = MainWindow(service, settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.tree.header().sectionSize(UNITS) == 333)
    again.tree.header().sectionHandleDoubleClicked.emit(UNITS)
    assert again.tree.header().sectionSize(UNITS) != 333
    assert not settings.value(USER_WIDTHS_KEY)
    again.close()


def test_every_cell_showing_text_has_its_full_text_in_a_tooltip(qtbot, db_path, settings):
    with window_on(qtbot, db_path, settings, dt.date(2026, 7, 15)) as window:
        _show_plan(window, window.service)
        model = window.model
        for node_id in model.node_ids():
            for col in (TITLE, UNITS, DEADLINE, STATUS, PROGRESS):
                shown = model.data(model.index_of(node_id, col))
                if not shown:
                    continue
                tip = model.data(model.index_of(node_id, col), Qt.ItemDataRole.ToolTipRole)
                assert tip, (node_id, col, shown)
                tip = html.unescape(re.sub(r"<[^>]+>", "", tip))
                for part in shown.split("、") if col == UNITS else [re.split(r"[（(]", shown)[0].strip()]:
                    assert part in tip, (col, part, tip)


def test_supporting_material_buttons_are_in_sight_at_1280x800(clerk_font, qtbot, service, settings):
    from gui.window.main_window import MainWindow

    sample_window = MainWindow(service, settings)
    qtbot.addWidget(sample_window)
    sample_window.show()
    sample_window.importer.open_sample()
    sample_window.resize(1280, 800)
    long_task = max(sample_window.model.task_ids(),
                    key=lambda i: len(sample_window.model.item(sample_window.model.index_of(i)).info.text))
    sample_window.select_node(long_task)
    evidence = sample_window.tracking.evidence
    assert sample_window.tracking.show_evidence_tab()  # one tab among 进展 and 变更记录
    qtbot.waitExposed(sample_window)
    qtbot.waitUntil(lambda: evidence.add_file.isVisible())
    for button in (evidence.add_file, evidence.add_link, evidence.open_button, evidence.remove_button):
        # the part of the button not clipped by any scroll area or the window's edge, once laid out
        qtbot.waitUntil(lambda b=button: b.visibleRegion().boundingRect() == b.rect())
        corner = button.mapTo(sample_window, button.rect().bottomRight())
        assert sample_window.rect().contains(corner)
    sample_window.close()


def _distance(a, b) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_my_tasks_pressed_is_filled_with_the_selection_colour(qtbot):
    from PySide6.QtGui import QPalette

    from gui.window.filter_bar import FilterBar

    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.set_my_units(["县政府办公室"])
    bar.show()
    qtbot.waitExposed(bar)
    highlight = bar.mine.palette().color(QPalette.ColorRole.Highlight)
    button = bar.mine
    off = button.grab().toImage().pixelColor(4, button.height() // 2)
    button.setChecked(True)
    on = button.grab().toImage().pixelColor(4, button.height() // 2)
    assert _distance(on, highlight) < 40  # pressed: the selection colour, not a faint sunken frame
    assert _distance(off, highlight) > 120


def test_task_count_is_in_normal_text_and_never_clipped(sample_window, qtbot):
    bar = sample_window.filter_bar
    sample_window.resize(1280, 800)
    bar.search.setText("公开")
    qtbot.waitUntil(lambda: "/" in bar.count.text() or "of" in bar.count.text())
    assert bar.count.isEnabled()  # a disabled label is drawn pale grey
    qtbot.waitUntil(lambda: bar.count.width() >= bar.count.fontMetrics().horizontalAdvance(bar.count.text()))
    assert bar.count.visibleRegion().boundingRect() == bar.count.rect()


def test_columns_are_measured_only_after_the_tree_has_painted(qtbot, service, settings, sample_plan):
    from gui.window.main_window import MainWindow

    service.import_plan(sample_plan, source_name="sample")
    window = MainWindow(service, settings)
    qtbot.addWidget(window)
    qtbot.wait(30)
    assert window.column_sizer.pending  # loaded but never painted: nothing measured yet
    window.show()
    qtbot.waitUntil(lambda: not window.column_sizer.pending)
    window.close()


def test_filtering_does_not_make_the_columns_jump(sample_window, qtbot):
    sample_window.resize(1280, 800)
    qtbot.waitUntil(lambda: not sample_window.column_sizer.pending)
    qtbot.wait(20)
    before = _fixed(sample_window)
    sample_window.filter_bar.search.setText("培训")
    qtbot.wait(20)
    assert _fixed(sample_window) == before


def test_a_deferred_deadline_widens_its_column(sample_window, service, qtbot):
    sample_window.resize(1280, 800)
    qtbot.waitUntil(lambda: not sample_window.column_sizer.pending)
    model = sample_window.model
    task = next(i for i in model.task_ids() if model.item(model.index_of(i)).info.label == "14.")
    sample_window.ctx.announce(service.defer(task, dt.date(2027, 3, 31), "等待上级部署"))
    text = model.data(model.index_of(task, DEADLINE))
    assert "→" in text
    qtbot.waitUntil(lambda: _fixed(sample_window)[DEADLINE] >= _text_width(sample_window, text))


def test_a_tick_box_or_colour_change_is_not_measured(sample_window, qtbot, monkeypatch):
    """Only a change of a cell's text can widen its column; a status key's tick box and colours cannot."""
    qtbot.waitUntil(lambda: not sample_window.column_sizer.pending)
    sizer, model = sample_window.column_sizer, sample_window.model
    measured = []
    monkeypatch.setattr(sizer, "_grow", lambda rows, columns: measured.append(columns))
    index = model.index_of(model.task_ids()[0])
    model.dataChanged.emit(index, index.siblingAtColumn(DEADLINE), [Qt.ItemDataRole.CheckStateRole,
                                                                    Qt.ItemDataRole.ForegroundRole])
    assert measured == []
    model.dataChanged.emit(index, index.siblingAtColumn(DEADLINE), [Qt.ItemDataRole.DisplayRole])
    assert measured and DEADLINE in measured[0]


def test_the_height_given_to_the_material_tabs_is_remembered(qtbot, service, settings, sample_window):
    from gui.window.main_window import MainWindow

    sample_window.resize(1280, 800)
    sample_window.select_node(sample_window.model.task_ids()[0])
    split = sample_window.panel.split
    qtbot.waitUntil(lambda: split.sizes()[1] > 0)
    total = sum(split.sizes())
    split.setSizes([total - 300, 300])
    split.splitterMoved.emit(total - 300, 1)  # as the clerk's drag of the handle does
    sample_window.close()
    again = MainWindow(service, settings)
    qtbot.addWidget(again)
    again.show()
    again.select_node(again.model.task_ids()[0])
    share = 300 / total  # the splitter keeps the proportion when the panel's height differs

    def kept() -> bool:
        sizes = again.panel.split.sizes()
        return sizes[1] > 0 and abs(sizes[1] / sum(sizes) - share) < 0.02
    qtbot.waitUntil(kept)
    again.close()


def test_material_tabs_show_under_a_task_only(sample_window, qtbot):
    model, panel = sample_window.model, sample_window.panel
    section = next(i for i in model.node_ids() if not model.item(model.index_of(i)).is_task)
    sample_window.select_node(model.task_ids()[0])
    qtbot.waitUntil(panel.tabs.isVisible)
    sample_window.select_node(section)
    qtbot.waitUntil(lambda: not panel.tabs.isVisible())
    assert panel.heading.isVisible()  # the section itself is shown, without a task's tabs


def test_column_texts_are_what_the_cells_show(sample_window):
    model = sample_window.model
    for col in (UNITS, DEADLINE, STATUS, PROGRESS):
        shown = [model.data(model.index_of(i, col)) for i in model.node_ids()]
        assert list(model.column_texts(col)) == [t for t in shown if t]
        assert [model.cell_text(model.index_of(i), col) for i in model.node_ids()] == [t or "" for t in shown]


def test_the_fields_get_the_height_they_need_until_the_clerk_drags_the_splitter(clerk_font, qtbot, service,
                                                                               settings):
    from gui.window.main_window import MainWindow

    window = MainWindow(service, settings)
    qtbot.addWidget(window)
    window.resize(1280, 900)  # room for the fields of a short task and the tabs' share
    window.show()
    window.importer.open_sample()
    panel = window.panel
    window.select_node(window.model.task_ids()[0])
    qtbot.waitUntil(lambda: panel.tabs.isVisible() and sum(panel.split.sizes()) > 0)

    def fitted() -> bool:  # the fields as tall as they need (a short task), the rest to the tabs
        top, tabs = panel.split.sizes()
        need = panel.scroll.widget().heightForWidth(panel.scroll.width())
        return need <= top <= max(need, 0.38 * (top + tabs)) + 8 and tabs >= 0.35 * (top + tabs) - 1
    qtbot.waitUntil(fitted)
    qtbot.waitUntil(lambda: not panel.scroll.verticalScrollBar().isVisible())  # nothing to scroll
    fitted_sizes = panel.split.sizes()

    panel.split.setSizes([200, sum(fitted_sizes) - 200])
    panel.split.splitterMoved.emit(200, 1)  # the clerk drags the handle
    window.select_node(window.model.task_ids()[2])
    assert panel.split.sizes()[0] == 200  # their height stays, task after task
    window.close()
    assert settings.value("window/detail_split") is not None


def test_a_splitter_never_dragged_is_not_saved(sample_window, settings):
    sample_window.select_node(sample_window.model.task_ids()[0])
    sample_window.close()
    assert settings.value("window/detail_split") is None  # the next session fits the fields again
