"""On opening, the tasks overdue or due within 7 days are announced once a day in a bar (no
dialog), after the tree has painted; its buttons filter the tree to them."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication

from core.domain.settings import CURRENT_PLAN, DUE_NOTICE_DAY
from core.service.facade import PlanService
from gui.window.main_window import MainWindow

# the sample plan on 25 June 2026: 12. (1月31日前) and 13. (3月底前) overdue; 2. and 7. due on 30 June
JUNE_25 = dt.date(2026, 6, 25)


@pytest.fixture
def clock():
    return [JUNE_25]


@pytest.fixture
def dated_service(db_path, clock):
    service = PlanService(db_path, today=lambda: clock[0])
    yield service
    service.close()


def _open(qtbot, service, settings, show: bool = True) -> MainWindow:
    window = MainWindow(service, settings)
    qtbot.addWidget(window)
    if show:
        window.show()
    return window


def _sample(qtbot, service, settings) -> None:
    """Import the sample in a first window and close it, as on the day the plan arrived."""
    first = _open(qtbot, service, settings, show=False)
    first.importer.open_sample()
    first.close()


def _announced(qtbot, service, settings) -> MainWindow:
    """The sample imported, then a window opened on it that has said what is near."""
    _sample(qtbot, service, settings)
    window = _open(qtbot, service, settings)
    with qtbot.waitSignal(window.due_notice.checked, timeout=3000):
        pass
    return window


def test_overdue_and_due_soon_are_announced_in_a_bar_not_a_dialog(qtbot, dated_service, settings):
    window = _announced(qtbot, dated_service, settings)
    bar = window.due_notice.bar
    assert bar is not None and bar.isVisible()
    assert QApplication.activeModalWidget() is None
    assert "2" in bar.label.text() and bar.show_overdue.isVisible() and bar.show_soon.isVisible()
    bar.show_overdue.click()
    assert window.filter_bar.due.currentData() == "overdue"
    assert window.proxy.shown == 2
    bar.show_soon.click()
    assert window.filter_bar.due.currentData() == 7
    assert window.proxy.shown == 2  # 2. and 7., due on 30 June
    bar.close_button.click()
    assert not bar.isVisible()
    window.close()


def test_the_figures_follow_the_tasks_ticked_while_the_bar_is_up(qtbot, dated_service, settings):
    from core.domain.status import Status

    window = _announced(qtbot, dated_service, settings)
    bar = window.due_notice.bar
    overdue = [n.id for n in dated_service.tree(window.model.plan_id) if n.is_overdue(JUNE_25)]
    assert len(overdue) == 2 and bar.show_overdue.isVisible()
    window.select_node(overdue[0])
    window.tracking.status_actions[2].trigger()  # 已完成
    assert dated_service.node(overdue[0]).status is Status.DONE
    qtbot.waitUntil(lambda: bar.label.text().startswith("1"))  # 1 overdue; 2 due within a week
    window.select_node(overdue[1])
    window.tracking.status_actions[2].trigger()
    qtbot.waitUntil(lambda: not bar.show_overdue.isVisible())
    assert bar.isVisible() and bar.show_soon.isVisible()  # 2. and 7. are still due within a week
    window.close()


def test_the_notice_comes_once_a_day(qtbot, dated_service, settings, clock):
    _sample(qtbot, dated_service, settings)
    window = _open(qtbot, dated_service, settings)
    qtbot.waitUntil(lambda: window.due_notice.checked_on is not None)
    assert dated_service.get(DUE_NOTICE_DAY) == JUNE_25.isoformat()
    window.close()

    again = _open(qtbot, dated_service, settings)
    qtbot.waitUntil(lambda: again.due_notice.checked_on is not None)
    assert again.due_notice.bar is None  # same day: nothing said, nothing built
    again.close()

    clock[0] = JUNE_25 + dt.timedelta(days=1)
    next_day = _open(qtbot, dated_service, settings)
    qtbot.waitUntil(lambda: next_day.due_notice.checked_on is not None)
    assert next_day.due_notice.bar is not None and next_day.due_notice.bar.isVisible()
    next_day.close()


def test_nothing_is_counted_before_the_tree_has_painted(qtbot, dated_service, settings):
    _sample(qtbot, dated_service, settings)
    window = _open(qtbot, dated_service, settings, show=False)
    qtbot.wait(50)
    assert window.due_notice.checked_on is None  # built and loaded, never painted: not looked at yet
    window.show()
    qtbot.waitUntil(lambda: window.due_notice.checked_on is not None)
    window.close()


def test_a_plan_with_nothing_near_says_nothing(qtbot, dated_service, settings, clock):
    clock[0] = dt.date(2026, 1, 2)  # before every dated deadline but 1月31日前, a month away
    _sample(qtbot, dated_service, settings)
    window = _open(qtbot, dated_service, settings)
    qtbot.waitUntil(lambda: window.due_notice.checked_on is not None)
    assert window.due_notice.bar is None
    assert dated_service.get(DUE_NOTICE_DAY) == ""
    window.close()


def test_the_notice_goes_when_another_plan_is_shown(qtbot, dated_service, settings, sample_plan):
    _sample(qtbot, dated_service, settings)
    other = dated_service.import_plan(sample_plan, source_name="another").plan_id
    window = _open(qtbot, dated_service, settings)
    qtbot.waitUntil(lambda: window.due_notice.bar is not None and window.due_notice.bar.isVisible())
    window.refresh_plans(other)
    assert not window.due_notice.bar.isVisible()  # it spoke of the plan shown before
    window.close()


def test_at_start_up_the_day_is_kept_once_the_opening_check_has_passed(qtbot, db_path, settings, sample_plan,
                                                                        monkeypatch):
    import threading

    from core.service import opening
    from gui.app.launch import start_window

    svc = PlanService(db_path)
    svc.put(CURRENT_PLAN, svc.import_plan(sample_plan, source_name="sample").plan_id)  # as the last session left it
    svc.close()
    release = threading.Event()  # the file's check, on its worker thread, lasts until the notice has spoken
    real_check = opening.check_integrity
    monkeypatch.setattr(opening, "check_integrity", lambda path: (release.wait(10), real_check(path))[1])
    window = start_window(db_path, settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: hasattr(window, "due_notice"))  # built right after the first paint
    qtbot.waitUntil(lambda: window.due_notice.checked_on is not None)
    assert window.due_notice.bar is not None and window.due_notice.bar.isVisible()  # 2026's 12. is long overdue
    assert window.service.get(DUE_NOTICE_DAY) == ""  # not written while the check runs: that write would wait
    release.set()
    with qtbot.waitSignal(window.opening_checks.finished, timeout=10000):
        pass
    qtbot.waitUntil(lambda: window.service.get(DUE_NOTICE_DAY) == window.service.today().isoformat())
    window.opening_checks.wait()
    window.close()
    window.service.close()
