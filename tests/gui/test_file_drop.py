"""Getting a file in as the clerk does: drop it (or several) from the desktop onto the window or
the import dialog, paste from WPS as from Word, pick any readable type in the file dialog."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from gui.window.file_drop import plan_file_filters

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DOC = FIXTURES / "doc" / "002_0b33f68d6bab1fb5.numbered.doc"
WPS = FIXTURES / "wps" / "004_def7ff238cca8790.numbered.wps"
XLS = FIXTURES / "xls" / "003_b0058e0bd144e67c.taizhang.xls"


def files_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drop(widget, mime: QMimeData) -> bool:
    """A real drag-enter then drop on `widget`; returns whether the drag was accepted."""
    pos = QPoint(widget.width() // 2, widget.height() // 2)
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def shown(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.outcome is not None or dialog.source.message_box.isVisible(), timeout=15000)


def test_dropping_a_word97_file_on_the_window_opens_it_for_import(window, qtbot):
    assert drop(window, files_mime(DOC))
    dialog = window.importer.dialog
    shown(qtbot, dialog)
    assert dialog.outcome.source.path == DOC
    assert dialog.title_edit.text() == "江門市蓬江區民政局2021年政務公開工作要點分工方案"
    assert [n.label for n in dialog.model.plan.nodes][:3] == ["一、", "二、", "三、"]


def test_dropping_several_files_opens_them_one_after_another(window, qtbot):
    assert drop(window, files_mime(WPS, XLS))
    first = window.importer.dialog
    shown(qtbot, first)
    assert first.outcome.source.path == WPS
    first.reject()
    qtbot.waitUntil(lambda: window.importer.dialog is not None and window.importer.dialog is not first,
                    timeout=5000)
    second = window.importer.dialog
    shown(qtbot, second)
    assert second.outcome.source.path == XLS and not window.importer.queue


def test_dropping_on_the_import_dialog_reads_the_file_there(window, qtbot, tmp_path):
    dialog = window.importer.open_dialog()
    renamed = tmp_path / "工作要点（OA 导出）.doc"  # an OA system's RTF saved as .doc
    shutil.copy(FIXTURES / "rtf" / "000_fe581c8cd0bdab04.table.rtf", renamed)
    assert drop(dialog, files_mime(renamed, XLS))
    shown(qtbot, dialog)
    assert dialog.outcome.source.path == renamed
    assert dialog.model.plan.title == "珠海市2019年政务公开工作要点分工方案"
    assert window.importer.queue == [XLS]  # opened when this dialog closes


def test_a_drag_without_files_is_refused(window, qtbot, tmp_path):
    text = QMimeData()
    text.setText("一、加强政策解读")
    assert not drop(window, text)
    folder = QMimeData()
    folder.setUrls([QUrl.fromLocalFile(str(tmp_path))])
    assert not drop(window, folder)
    assert window.importer.dialog is None


WPS_CLIPBOARD = (
    "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000002000\r\nStartFragment:0000000800\r\n"
    "EndFragment:0000001900\r\n"
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">'
    '<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId '
    'content=Word.Document><meta name=Generator content="WPS Office"><meta name=Originator content="WPS Office">'
    '<style>@list l0:level1{mso-level-number-format:chinese-counting;mso-level-text:"%1、";}</style></head><body>'
    '<!--StartFragment--><p class=MsoNormal align=center style="text-align:center;"><b><span style="font-family:'
    '方正小标宋简体;font-size:22.0000pt;">某县2024年政务公开工作要点</span></b><o:p></o:p></p>'
    '<p class=MsoNormal style="text-indent:32.0000pt;mso-list:l0 level1 lfo1;"><![if !supportLists]><span '
    'style="font-family:黑体;mso-list:Ignore;">一、</span><![endif]><span style="font-family:黑体;">加强政策解读'
    '</span><o:p></o:p></p><p class=MsoNormal style="text-indent:32.0000pt;"><span style="font-family:仿宋_GB2312;">'
    "1.做好政策文件解读。责任单位：县政府办公室。2024年6月底前完成。</span></p>"
    '<p class=MsoNormal style="mso-list:l0 level1 lfo1;"><![if !supportLists]><span style="mso-list:Ignore;">'
    "二、</span><![endif]><span>推进决策公开</span></p><p class=MsoNormal><span>1.公开重大决策草案。责任单位："
    "县发展改革局。</span></p><!--EndFragment--></body></html>")


def test_paste_from_wps_reads_its_clipboard_html_like_words(window, qtbot):
    mime = QMimeData()
    mime.setHtml(WPS_CLIPBOARD)
    mime.setText("某县2024年政务公开工作要点 一、加强政策解读 1.做好政策文件解读。")
    dialog = window.importer.open_dialog()
    dialog.paste(mime)
    shown(qtbot, dialog)
    plan = dialog.model.plan
    assert plan.title == "某县2024年政务公开工作要点" and plan.year == 2024
    assert [(n.label, n.title) for n in plan.nodes] == [("一、", "加强政策解读"), ("二、", "推进决策公开")]
    assert plan.nodes[0].children[0].units["responsible"] == ["县政府办公室"]


def test_paste_of_rtf_only_reads_the_rtf(window, qtbot):
    mime = QMimeData()
    rtf = (FIXTURES / "rtf" / "000_fe581c8cd0bdab04.table.rtf").read_bytes()
    mime.setData("text/rtf", rtf)
    dialog = window.importer.open_dialog()
    dialog.paste(mime)
    shown(qtbot, dialog)
    assert dialog.model.plan.title == "珠海市2019年政务公开工作要点分工方案"


def test_file_dialog_lists_every_readable_type_in_chinese(zh_translation):
    filters = plan_file_filters().split(";;")
    first = filters[0]
    assert first.startswith("工作要点文件 (")
    for pattern in ("*.docx", "*.doc", "*.wps", "*.xlsx", "*.xls", "*.et", "*.pdf", "*.ofd", "*.html", "*.txt",
                    "*.rtf", "*.png", "*.jpg", "*.json"):
        assert pattern in first.split("(")[1].rstrip(")").split()
    assert any(f.startswith("Word 和 WPS 文字文档 (*.docx *.doc *.wps") for f in filters)
    assert filters[-1] == "所有文件 (*)"


def test_a_dropped_scan_shows_which_page_is_being_recognised(window, qtbot, tmp_path, monkeypatch, zh_translation):
    import threading

    from test_workers import fake_scanner, scan_file

    release = threading.Event()
    fake_scanner(monkeypatch, [], on_page=lambda: release.wait(5))
    assert drop(window, files_mime(scan_file(tmp_path, 3)))
    bar = window.importer.dialog.source.progress
    qtbot.waitUntil(lambda: bar.format() == "正在识别扫描件：第 1 页，共 3 页…", timeout=5000)
    release.set()
    shown(qtbot, window.importer.dialog)
    assert window.importer.dialog.outcome.plan.nodes[0].label == "一、"
