"""The keyboard way through the day, and what the window remembers."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from core.domain.status import Status
from gui.tree.plan_tree_model import UNITS
from gui.window.main_window import MainWindow


def test_ctrl_number_sets_the_status_and_undoes(sample_window, qtbot):
    window = sample_window
    task = window.model.task_ids()[0]
    window.select_node(task)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.service.node(task).status is Status.DOING
    qtbot.keyClick(window.tree, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.service.node(task).status is Status.NA
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.service.node(task).status is Status.DOING


def test_enter_edits_the_note_and_escape_returns_to_the_tree(sample_window, qtbot):
    window = sample_window
    window.activateWindow()
    task = window.model.task_ids()[1]
    window.select_node(task)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.panel.note_edit
    window.panel.note_edit.insertPlainText("已完成")
    qtbot.keyClick(window.panel.note_edit, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.tree
    assert window.service.node(task).note == "已完成"  # saved on the way out


def test_ctrl_f_goes_to_search_and_down_comes_back(sample_window, qtbot):
    window = sample_window
    window.activateWindow()
    window.tree.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.filter_bar.search
    qtbot.keyClick(window.filter_bar.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.tree


def test_column_widths_are_remembered(sample_window, service, settings, qtbot):
    sample_window.tree.header().resizeSection(UNITS, 333)
    sample_window.close()
    again = MainWindow(service, QSettings(settings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert again.tree.header().sectionSize(UNITS) == 333
    again.close()
