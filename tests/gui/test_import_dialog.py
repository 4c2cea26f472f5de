"""The clerk's import: open a file or paste, check and fix the parsed plan, save or cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from gui.importing.dialog import ImportDialog
from gui.importing.preview_model import TITLE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PLAN_TXT = FIXTURES / "txt" / "003_b0058e0bd144e67c.utf16le_nobom.txt"  # 烟台市芝罘区 2024, 14 tasks
PLAN_DOCX = FIXTURES / "docx" / "004_def7ff238cca8790.numbered.docx"


def opened(window, qtbot, path: Path | None = None, mime: QMimeData | None = None) -> ImportDialog:
    """The import dialog as after 导入… (or a paste), once the plan is shown."""
    dialog = window.importer.open_dialog(path) if path else window.importer.open_dialog()
    if mime is not None:
        dialog.paste(mime)
    qtbot.waitUntil(lambda: dialog.outcome is not None or dialog.source.message_box.isVisible(), timeout=15000)
    return dialog


def type_in(widget, text: str) -> None:
    """Chinese typed as an input method commits it (QTest.keyClicks knows only ASCII)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def click(qtbot, dialog: ImportDialog, button: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)


def test_open_fix_and_save_shows_the_fixed_plan_in_the_window(window, qtbot, service, zh_translation):
    dialog = opened(window, qtbot, PLAN_TXT)
    assert dialog.title_edit.text() == "2024年烟台市芝罘区政务公开工作要点"
    assert dialog.year_box.value() == 2024
    assert dialog.summary.text() == "共 4 个分组、14 项任务"
    dialog.view.select((0, 1))
    dialog.editor.title.setFocus()
    dialog.editor.title.selectAll()
    type_in(dialog.editor.title, "以公开助推政策文件落地见效")
    assert dialog.model.data(dialog.model.index_at((0, 1), TITLE)) == "以公开助推政策文件落地见效"
    dialog.editor.units["lead"].setText("")
    type_in(dialog.editor.units["lead"], "区政府办公室、区司法局")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    assert dialog.saved_plan_id is not None
    assert window.model.plan_id == dialog.saved_plan_id
    titles = [n.title for n in service.tree(dialog.saved_plan_id)]
    assert "以公开助推政策文件落地见效" in titles
    fixed = next(n for n in service.tree(dialog.saved_plan_id) if n.title == "以公开助推政策文件落地见效")
    assert fixed.units["lead"] == ["区政府办公室", "区司法局"]
    assert fixed.text.startswith("以公开助推政策文件落地见效")
    assert window.statusBar().currentMessage() == "已导入 4 个分组、14 项任务。"


def test_warnings_select_their_node_and_go_when_fixed(window, qtbot):
    dialog = opened(window, qtbot, PLAN_TXT)
    assert dialog.warnings.codes() == ["no_units", "noise_skipped"]
    units_warning = dialog.warnings.topLevelItem(0)
    dialog.warnings._chosen(units_warning)
    assert dialog.view.current_path() == (0, 0)
    dialog.warnings._chosen(units_warning.child(2))
    assert dialog.view.current_path() == (0, 2)
    noise = dialog.warnings.topLevelItem(1)
    assert "访问次数" in noise.child(0).text(0)

    dialog.view.select((0,))  # units on a section cover its tasks
    type_in(dialog.editor.units["responsible"], "区政府办公室")
    dialog.refresh_checks()
    assert "11 " in dialog.warnings.topLevelItem(0).text(0)


def test_undo_and_redo_inside_the_dialog(window, qtbot):
    dialog = opened(window, qtbot, PLAN_TXT)
    before = dialog.model.plan.to_json()
    dialog.view.select((1, 2))
    dialog.view.merge_action.trigger()
    dialog.view.select((3, 0))
    dialog.view.outdent_action.trigger()
    assert len(dialog.model.plan.nodes) == 5
    dialog.view.undo_action.trigger()
    dialog.view.undo_action.trigger()
    assert dialog.model.plan.to_json() == before
    dialog.view.redo_action.trigger()
    assert len(dialog.model.plan.nodes[1].children) == 3


def test_add_a_missing_task_with_the_next_number(window, qtbot):
    dialog = opened(window, qtbot, PLAN_TXT)
    dialog.view.select((0, 2))
    dialog.view.add_action.trigger()
    assert dialog.view.current_path() == (0, 3)
    assert dialog.model.plan.nodes[0].children[3].label == "(四)"
    type_in(dialog.editor.title, "补充的任务")
    dialog.refresh_checks()
    assert dialog.model.plan.nodes[0].children[3].text == "补充的任务"


def test_pasted_html_is_parsed_in_the_dialog(window, qtbot, service):
    mime = QMimeData()
    mime.setHtml("<html><body><h1>2025年示例县政务公开工作要点</h1>"
                 "<p>一、加强政策公开</p><p>（一）公开惠企政策，6月底前完成。（牵头单位：县发改局）</p>"
                 "<p>（二）做好政策解读。（责任单位：县政府办）</p>"
                 "<p>二、优化平台</p><p>（三）整合政务新媒体。</p></body></html>")
    mime.setText("ignored when HTML is there")
    dialog = opened(window, qtbot, mime=mime)
    plan = dialog.model.plan
    assert plan.year == 2025 and plan.counts() == (2, 3)
    assert plan.nodes[0].children[0].units["lead"] == ["县发改局"]
    assert plan.nodes[0].children[0].deadlines[0].text == "6月底前"
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    [saved] = service.list_plans()
    assert saved.title == "2025年示例县政务公开工作要点" and saved.source_name == "Clipboard"


def test_ctrl_v_pastes_plain_text_into_the_dialog(window, qtbot):
    dialog = window.importer.open_dialog()
    mime = QMimeData()
    mime.setText("2024年某区政务公开工作要点\n一、主动公开\n1.公开财政预决算。责任单位：区财政局。\n2.公开重大项目。")
    window.importer.dialog.paste(mime)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
    assert dialog.model.plan.counts() == (1, 2)


def test_pasted_text_without_numbering_opens_as_flat_tasks_with_a_warning(window, qtbot, zh_translation):
    mime = QMimeData()
    mime.setText("某局2024年政务公开工作安排\n今年重点做好预算公开，按时公开部门预算。\n做好政策解读，及时回应社会关切。")
    dialog = opened(window, qtbot, mime=mime)
    assert dialog.model.plan.counts() == (0, 2)
    assert "no_structure" in dialog.warnings.codes()
    row = dialog.warnings.codes().index("no_structure")
    assert dialog.warnings.topLevelItem(row).text(0).startswith("未找到编号结构，已将 2 个段落逐条列为任务")


def test_cancel_writes_nothing(window, qtbot, service):
    dialog = opened(window, qtbot, PLAN_DOCX)
    assert dialog.model.plan.nodes
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert service.list_plans() == []
    assert window.pages.currentWidget() is window.welcome


def test_stopping_a_parse_drops_its_result(window, qtbot):
    dialog = window.importer.open_dialog(PLAN_DOCX)
    dialog.source.cancel()
    qtbot.wait(800)
    assert dialog.outcome is None
    assert dialog.source.message.text() == "Reading was stopped."
    assert not dialog.save_button.isEnabled()


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("要点.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "文件已损坏"),
    ("说明.txt", "【打印】\n【关闭】\n".encode(), "文件中没有找到工作要点内容"),  # page furniture, no text
    ("要点.json", b"{not json", "解析 JSON 文件格式不正确"),
])
def test_a_bad_file_shows_its_message_in_the_dialog(window, qtbot, tmp_path, zh_translation, name, data, expected):
    bad = tmp_path / name
    bad.write_bytes(data)
    dialog = opened(window, qtbot, bad)
    assert dialog.source.message_box.isVisible()
    assert expected in dialog.source.message.text()
    assert not dialog.save_button.isEnabled()


def test_a_file_gone_before_reading_says_so_in_the_dialog(window, qtbot, tmp_path, zh_translation):
    missing = tmp_path / "不存在.docx"
    dialog = opened(window, qtbot, missing)
    assert f"找不到文件：{missing}" in dialog.source.message.text()
    assert dialog.outcome is None and not dialog.save_button.isEnabled()


def test_an_encrypted_pdf_says_what_to_do(window, qtbot, zh_translation):
    dialog = opened(window, qtbot, FIXTURES / "pdf" / "locked.pdf")
    assert "取消密码" in dialog.source.message.text()


def test_importing_the_same_file_again_asks_first(window, qtbot, service, monkeypatch):
    first = opened(window, qtbot, PLAN_TXT)
    click(qtbot, first, QDialogButtonBox.StandardButton.Save)
    answers = [False, True]
    asked = []
    monkeypatch.setattr(ImportDialog, "_import_again", lambda self, title: asked.append(title) or answers.pop(0))
    again = opened(window, qtbot, PLAN_TXT)
    click(qtbot, again, QDialogButtonBox.StandardButton.Save)
    assert len(service.list_plans()) == 1 and again.isVisible()
    click(qtbot, again, QDialogButtonBox.StandardButton.Save)
    assert len(service.list_plans()) == 2 and asked == [first.model.plan.title] * 2
    assert window.model.plan_id == again.saved_plan_id


def test_welcome_import_button_opens_the_dialog(window, qtbot, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(PLAN_TXT), ""))
    qtbot.mouseClick(window.welcome.import_button, Qt.MouseButton.LeftButton)
    dialog = window.importer.dialog
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
    assert dialog.isVisible() and dialog.model.plan.counts() == (4, 14)
    window.paste_import_action  # noqa: B018 — the File menu offers 从剪贴板导入 too


def test_keyboard_moves_and_undoes_in_the_tree(window, qtbot):
    dialog = opened(window, qtbot, PLAN_TXT)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.view.select((0, 0))
    dialog.view.tree.setFocus()
    first = dialog.model.plan.nodes[0].children[0].title
    qtbot.keyClick(dialog.view.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert dialog.model.plan.nodes[0].children[1].title == first
    assert dialog.view.current_path() == (0, 1)
    qtbot.keyClick(dialog.view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.model.plan.nodes[0].children[0].title == first
    qtbot.keyClick(dialog.view.tree, Qt.Key.Key_Delete)
    assert dialog.model.plan.counts() == (4, 13)
