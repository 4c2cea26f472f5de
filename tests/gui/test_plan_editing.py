"""Editing the plan after import in the real window: each action is one undo step, and the tree
keeps what was open and selects what was edited."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core.domain.deadline_dates import deadline_lines
from gui.editing.item_dialog import ItemDialog


def labels_under(window, node_id: int | None) -> list[str]:
    model = window.model
    item = model.item(model.index_of(node_id)) if node_id is not None else model.root()
    return [child.info.label for child in item.children]


def node(window, label: str) -> int:
    return next(i for i in window.model.node_ids() if window.model.item(window.model.index_of(i)).info.label == label)


def current_label(window) -> str:
    return window.proxy.item(window.tree.currentIndex()).info.label


def test_ctrl_down_moves_a_task_and_undo_moves_it_back(sample_window, qtbot):
    window = sample_window
    section = node(window, "二、")
    window.select_node(node(window, "5."))
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert labels_under(window, section)[:2] == ["6.", "5."]
    assert current_label(window) == "5."  # the moved task stays selected
    assert window.tree.isExpanded(window.proxy.index_of(section))  # its section stayed open
    window.undo_action.trigger()
    assert labels_under(window, section)[:2] == ["5.", "6."]
    window.redo_action.trigger()
    assert labels_under(window, section)[:2] == ["6.", "5."]


def test_indent_and_outdent_from_the_keyboard_undo(sample_window, qtbot):
    window = sample_window
    six = node(window, "6.")
    window.select_node(six)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert window.service.node(six).parent_id == node(window, "5.")
    qtbot.keyClick(window.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert window.service.node(six).parent_id == node(window, "二、")
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert labels_under(window, node(window, "二、")) == ["5.", "6.", "7.", "8."]


def test_deleting_a_section_asks_and_undo_brings_it_back(sample_window, monkeypatch):
    window = sample_window
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    window.select_node(node(window, "四、"))
    window.tracking.structure.delete.trigger()
    assert asked and "3" in asked[0][2]
    assert labels_under(window, None) == ["一、", "二、", "三、"]
    assert window.model.total_rollup().total == 12
    window.undo_action.trigger()
    assert labels_under(window, None) == ["一、", "二、", "三、", "四、"]
    assert current_label(window) == "四、"


def test_deleting_a_task_needs_no_question_and_undoes(sample_window, monkeypatch):
    window = sample_window
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (_ for _ in ()).throw(AssertionError("asked")))
    window.select_node(node(window, "7."))
    window.tracking.structure.delete.trigger()
    assert "7." not in labels_under(window, node(window, "二、"))
    assert current_label(window) == "8."  # the next task is selected
    window.undo_action.trigger()
    assert "7." in labels_under(window, node(window, "二、"))


def test_adding_a_task_through_the_dialog_is_one_undo_step(sample_window, monkeypatch):
    window = sample_window

    def fill(dialog):
        assert dialog.label.text() == "3."  # the number after 2.
        dialog.title_edit.setText("公开政策问答库")
        dialog.units["lead"].setText("县政府办公室、县财政局")
        dialog.deadlines.setPlainText("9月底前")
        return True

    monkeypatch.setattr(ItemDialog, "exec", fill)
    section = node(window, "（一）")
    window.select_node(node(window, "2."))
    count = window.ctx.stack.count()
    window.tracking.structure.add_after.trigger()
    assert labels_under(window, section) == ["1.", "2.", "3."]
    added = window.service.node(node(window, "3."))
    assert added.title == "公开政策问答库"
    assert added.units["lead"] == ["县政府办公室", "县财政局"]
    assert added.deadlines[0].date == dt.date(2026, 9, 30)
    assert current_label(window) == "3."
    assert window.ctx.stack.count() == count + 1
    window.undo_action.trigger()
    assert labels_under(window, section) == ["1.", "2."]


def retitle(window, task: int, title: str, monkeypatch) -> None:
    """Edit ▸ Edit item on `task`, changing only its title."""
    def edit(dialog):
        dialog.title_edit.setText(title)
        return True

    monkeypatch.setattr(ItemDialog, "exec", edit)
    window.select_node(task)
    window.tracking.structure.edit.trigger()


def test_editing_an_item_renames_it_and_undo_restores(sample_window, monkeypatch):
    window = sample_window
    task = node(window, "5.")

    retitle(window, task, "做好就业信息公开", monkeypatch)
    assert window.service.node(task).title == "做好就业信息公开"
    assert window.model.data(window.model.index_of(task)) == "5. 做好就业信息公开"
    window.undo_action.trigger()
    assert window.service.node(task).title.startswith("做好就业创业")


def test_editing_an_item_keeps_a_deadline_date_its_wording_does_not_give(sample_window, monkeypatch):
    """A date picked in the import preview for "按上级要求" survives editing the item's title."""
    window = sample_window
    task = node(window, "5.")
    picked = dt.date(2026, 9, 1)
    window.service.set_deadlines(task, [("按上级要求", picked), ("6月底前", dt.date(2026, 6, 30))])
    window.model.load(window.model.plan_id)

    retitle(window, task, "做好就业信息公开", monkeypatch)
    assert [(d.text, d.date) for d in window.service.node(task).deadlines] == [
        ("按上级要求", picked), ("6月底前", dt.date(2026, 6, 30))]
    stack = window.ctx.stack
    assert stack.command(stack.index() - 1).childCount() == 1  # the rename alone: deadlines untouched


def test_deadline_lines_are_read_like_the_importer_reads_them():
    assert deadline_lines("6月底前\n\n长期坚持", 2026) == [("6月底前", dt.date(2026, 6, 30)), ("长期坚持", None)]


def test_a_new_section_goes_after_the_selected_ones_section(sample_window, monkeypatch):
    window = sample_window

    def fill(dialog):
        assert dialog.label.text() == "三、"
        dialog.title_edit.setText("深化基层政务公开")
        return True

    monkeypatch.setattr(ItemDialog, "exec", fill)
    window.select_node(node(window, "5."))
    window.tracking.structure.add_section.trigger()
    assert labels_under(window, None) == ["一、", "二、", "三、", "三、", "四、"]
    assert window.model.root().children[2].info.title == "深化基层政务公开"
    window.undo_action.trigger()
    assert labels_under(window, None) == ["一、", "二、", "三、", "四、"]


def test_next_labels_follow_the_plans_numbering():
    from gui.editing.structure_actions import next_label

    assert [next_label(x) for x in ("3.", "（2）", "三、", "（九）", "十、", "附件")] == \
        ["4.", "（3）", "四、", "（十）", "十一、", ""]
