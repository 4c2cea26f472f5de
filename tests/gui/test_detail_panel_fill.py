"""The detail panel filled for a task, a section and nothing, and filled again without churn:
a status key refills it for the same task, and every show or hide lays the panel out again."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

from core.domain.status import Status
from gui.editing.commands import SetStatusCommand
from gui.tree.labels import rollup_text


def _rows(panel) -> dict[str, bool]:
    form = panel.info_form
    names = {panel._row_of(label): role for role, label in panel.units.items()}
    names[panel._row_of(panel.deadline_box)] = "deadline"
    names[panel._row_of(panel.progress_row)] = "progress"
    return {names[row]: form.isRowVisible(row) for row in range(form.rowCount()) if row in names}


def test_a_task_shows_every_row_and_a_section_only_what_it_has(sample_window):
    window, panel = sample_window, sample_window.panel
    task = window.model.task_ids()[0]
    window.select_node(task)
    assert not panel.placeholder.isVisibleTo(panel) and panel.task_box.isVisibleTo(panel)
    rows = _rows(panel)
    assert rows.pop("progress") is False and all(rows.values())
    section = window.model.item(window.model.index_of(task)).parent.info
    window.select_node(section.id)
    rows = _rows(panel)
    assert rows["progress"] is True and rows["deadline"] is bool(section.deadlines)
    assert not panel.task_box.isVisibleTo(panel)
    panel.show_item(None)
    assert panel.placeholder.isVisibleTo(panel) and not panel.heading.isVisibleTo(panel)
    assert not any(_rows(panel).values())
    window.select_node(task)
    assert panel.heading.isVisibleTo(panel) and _rows(panel)["lead"]


def test_ticking_the_task_shown_shows_and_hides_nothing(sample_window, monkeypatch):
    window, panel = sample_window, sample_window.panel
    task = window.model.task_ids()[0]
    window.select_node(task)
    touched = []
    monkeypatch.setattr(panel.info_form, "setRowVisible", lambda *a: touched.append(a))
    for widget in (panel.placeholder, panel.heading, panel.text, panel.task_box, panel.tabs):
        monkeypatch.setattr(widget, "setVisible", lambda *a, w=widget: touched.append((w, *a)))
    info = window.model.item(window.model.index_of(task)).info
    window.ctx.push(SetStatusCommand(window.ctx, [info], Status.DONE, "tick"))
    assert panel.status_combo.currentText() and touched == []
    assert window.model.item(window.model.index_of(task)).info.status is Status.DONE


def _spy_texts(panel, monkeypatch) -> list:
    """Every label of the panel's upper part that is given its text again."""
    set_again = []
    labels = [panel.heading, panel.text, panel.rollup, *panel.units.values()]
    for label in labels:
        monkeypatch.setattr(label, "setText", lambda text, lb=label: set_again.append(lb))
    return set_again


LATE = dt.date(2026, 12, 20)  # most of the sample plan's tasks are overdue by then


@contextmanager
def overdue_task_shown(qtbot, db_path, settings):
    """The window on the sample plan as of LATE, an overdue task selected: (window, its id)."""
    from tests.gui.dated import window_on

    with window_on(qtbot, db_path, settings, LATE) as window:
        window.importer.open_sample()
        model = window.model
        task = next(t for t in model.task_ids() if model.item(model.index_of(t)).info.is_overdue(LATE))
        window.select_node(task)
        qtbot.wait(5)
        yield window, task


def tick(window, task: int, status: Status = Status.DONE) -> None:
    model = window.model
    window.ctx.push(SetStatusCommand(window.ctx, [model.item(model.index_of(task)).info], status, "tick"))


def test_a_status_key_sets_only_the_progress_fields_and_the_overdue_mark(qtbot, db_path, settings, monkeypatch):
    with overdue_task_shown(qtbot, db_path, settings) as (window, task):
        panel = window.panel
        deadlines, mark = panel.deadlines.text(), panel.deadline_box.overdue
        assert mark.text()
        set_again = _spy_texts(panel, monkeypatch)
        tick(window, task)
        assert set_again == []
        assert panel.status_combo.currentData() == Status.DONE and panel.has_date.isChecked()
        assert panel.date_edit.date().toPython() == LATE
        assert mark.text() == "" and panel.deadlines.text() == deadlines  # a task done is overdue no more
        window.undo_action.trigger()
        assert panel.status_combo.currentData() == Status.TODO and not panel.has_date.isChecked()
        assert mark.text() and set_again == []


def test_a_task_ticked_under_the_section_shown_changes_only_its_rollup(sample_window, monkeypatch):
    window, panel = sample_window, sample_window.panel
    task = window.model.task_ids()[0]
    section = window.model.item(window.model.index_of(task)).parent
    window.select_node(section.info.id)
    before = panel.rollup.text()
    fills = []
    monkeypatch.setattr(panel, "_fill", lambda *a, **k: fills.append(a))
    window.ctx.push(SetStatusCommand(window.ctx, [window.model.item(window.model.index_of(task)).info],
                                     Status.DONE, "tick"))
    assert fills == [] and panel.rollup.text() != before
    assert panel.rollup.text() == rollup_text(section.rollup)


def test_renaming_the_task_shown_fills_the_panel_anew(sample_window):
    window, panel = sample_window, sample_window.panel
    task = window.model.task_ids()[0]
    window.select_node(task)
    window.ctx.announce(window.service.rename_node(task, "1.", "新的任务名称", "新的任务名称。"))
    assert "新的任务名称" in panel.heading.text()


def test_the_fields_are_fitted_again_only_when_the_deadlines_change_height(qtbot, db_path, settings, monkeypatch):
    """Fitting measures every wrapped label of the panel (and repaints them): a status key does it
    only when the deadlines, with the overdue mark come or gone, take more or fewer lines."""
    from PySide6.QtCore import QSize

    with overdue_task_shown(qtbot, db_path, settings) as (window, task):
        panel = window.panel
        fits = []
        monkeypatch.setattr(panel, "fit_fields", lambda: fits.append(1))
        tick(window, task)
        qtbot.wait(5)
        assert fits == []  # the mark went, the deadline kept its one line
        box = panel.deadline_box
        box.resize(QSize(box.width() + 10, box.height()))  # wider, as tall: nothing to fit
        qtbot.wait(5)
        assert fits == []
        box.resize(QSize(box.width(), box.height() + 20))  # as when the deadlines wrap onto another line
        qtbot.waitUntil(lambda: bool(fits))


def test_the_overdue_mark_comes_and_goes_without_laying_the_deadlines_out(qtbot, db_path, settings):
    from PySide6.QtCore import QEvent, QObject

    class Layouts(QObject):
        seen = 0

        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.LayoutRequest:
                self.seen += 1
            return False

    with overdue_task_shown(qtbot, db_path, settings) as (window, task):
        panel = window.panel
        mark = panel.deadline_box.overdue
        assert mark.text() and mark.isVisible() and mark.width() >= mark.sizeHint().width()
        layouts = Layouts()
        panel.deadline_box.installEventFilter(layouts)
        tick(window, task)
        qtbot.wait(5)
        assert mark.text() == "" and layouts.seen == 0
