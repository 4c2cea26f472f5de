"""The detail panel filled for a task, a section and nothing, and filled again without churn:
a status key refills it for the same task, and every show or hide lays the panel out again."""

from __future__ import annotations

from core.domain.status import Status
from gui.editing.commands import SetStatusCommand


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
