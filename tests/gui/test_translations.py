"""Chinese is the default UI: every string is translated, and the .ts matches the code."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from core.errors import TaizhangError
from core.paths import resource_path
from tools import build_translations

TS = resource_path("i18n", "taizhang_zh_CN.ts")
ROOT = Path(__file__).resolve().parents[2]


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for msg in context.iter("message"):
            out[(context.findtext("name"), msg.findtext("source"))] = msg.find("translation")
    return out


def test_every_translation_is_finished():
    found = messages(TS)
    assert len(found) > 50
    unfinished = [key for key, tr in found.items() if tr is None or tr.get("type")
                  or not (tr.findtext("numerusform") or tr.text or "").strip()]  # %n messages: <numerusform>
    assert not unfinished, f"untranslated: {unfinished}"


def test_translation_file_is_up_to_date_with_the_code(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists() and not shutil.which("pyside6-lupdate"):
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in build_translations.gui_sources()]  # gui/ and its sub-packages
    subprocess.run([str(lupdate) if lupdate.exists() else "pyside6-lupdate", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True)
    missing = set(messages(fresh)) - set(messages(TS))
    assert not missing, f"run tools/build_translations.py --update and translate: {missing}"


def test_chinese_is_installed_by_default(zh_translation):
    from PySide6.QtCore import QCoreApplication

    from gui.app.i18n import ui_language

    assert QCoreApplication.translate("PlanTreeModel", "Item") == "事项"
    assert ui_language() == "zh"


def test_errors_are_shown_in_the_catalogues_chinese(zh_translation):
    from gui.errors import error_text

    assert error_text(TaizhangError("db_locked", path="D:/台账.sqlite3")) == \
        "数据库正被另一个程序使用：D:/台账.sqlite3"
    assert error_text(TaizhangError("no_such_code")) == "操作失败。"  # a bug's code still says something


def test_errors_are_shown_in_english_in_the_english_ui(en_translation):
    from gui.errors import error_text

    assert error_text(TaizhangError("db_locked", path="D:/x.sqlite3")) == \
        "The database is being used by another program: D:/x.sqlite3"


def test_no_catalogue_message_is_left_in_the_ts():
    """Core's words live in core/messages.py only; a copy in the .ts would be a second catalogue."""
    from core.messages import CATALOGUE

    sources = {source for _, source in messages(TS)}
    english = {w.en for w in CATALOGUE.values()} | {w.cli[1] for w in CATALOGUE.values() if w.cli}
    sentences = {e for e in english if len(e.split()) >= 3}  # a lone "Done" may be a button's own word
    assert not sources & sentences


def test_self_test_passes_in_a_fresh_process():
    result = subprocess.run([sys.executable, "-c", "import sys, gui; sys.exit(gui.self_test())"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_a_checkout_without_built_qm_still_speaks_chinese(qapp):
    from gui.app.i18n import TsTranslator

    translator = TsTranslator(TS)
    assert not translator.isEmpty()
    assert translator.translate("WelcomePage", "Open the sample") == "打开示例"
    assert not translator.translate("WelcomePage", "no such text")


def test_qt_own_dialog_buttons_are_chinese_too(zh_translation):
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, "t", "x", QMessageBox.StandardButton.Close)
    assert box.button(QMessageBox.StandardButton.Close).text() == "关闭"


def test_status_names_are_cores_own_in_chinese(zh_translation):
    from core.domain.status import Status
    from gui.tree.labels import status_names

    assert status_names() == {Status.TODO: "未开始", Status.DOING: "进行中", Status.DONE: "已完成",
                              Status.ONGOING: "持续推进", Status.NA: "不适用"}
    assert status_names() == {s: s.zh for s in Status}


def test_status_names_are_english_under_lang_en(en_translation):
    from core.domain.status import Status
    from gui.tree.labels import status_names

    assert status_names()[Status.NA] == "Not applicable"


def test_translations_are_gathered_from_gui_sub_packages_too(tmp_path, monkeypatch):
    for d in ("window", "dialogs"):
        (tmp_path / "gui" / d).mkdir(parents=True)
    for name in ("gui/window/main_window.py", "gui/dialogs/export_dialog.py"):
        (tmp_path / name).write_text("", encoding="utf-8")
    monkeypatch.setattr(build_translations, "ROOT", tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in build_translations.gui_sources()] == [
        "gui/dialogs/export_dialog.py", "gui/window/main_window.py"]


def test_a_qm_older_than_its_ts_gives_way_to_the_ts(qapp, tmp_path, monkeypatch):
    """After a merge the .ts holds new strings a stale .qm lacks; the checkout must speak them."""
    import os

    from gui.app import i18n

    old_ts = tmp_path / "old.ts"  # what the .qm was built from: the string came later
    old_ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
                      "<context><name>WelcomePage</name><message><source>Import a plan…</source>"
                      "<translation>导入工作要点…</translation></message></context></TS>", encoding="utf-8")
    subprocess.run([build_translations.tool("pyside6-lrelease"), str(old_ts), "-qm",
                    str(tmp_path / "taizhang_zh_CN.qm")], check=True, capture_output=True)
    os.utime(tmp_path / "taizhang_zh_CN.qm", (1, 1))
    shutil.copy(TS, tmp_path / "taizhang_zh_CN.ts")
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: tmp_path / parts[-1])
    translator = i18n.app_translator("zh_CN")
    assert isinstance(translator, i18n.TsTranslator)
    assert translator.translate("WelcomePage", "Open the sample") == "打开示例"


def test_import_warnings_show_the_catalogues_words_in_the_ui_language(qtbot, zh_translation):
    from core.parse.checks import ImportWarning
    from gui.importing.warnings_list import WarningsList

    shown = WarningsList()
    qtbot.addWidget(shown)
    shown.show_warnings([ImportWarning("no_year"), ImportWarning("noise_skipped", {"count": 2}, None,
                                                                 (("打印本页", None),))])
    assert [shown.topLevelItem(i).text(0) for i in range(2)] == ["年份未识别，请确认",
                                                                  "以下内容疑似网页杂项，未导入（2 行）："]


def test_backup_reasons_show_the_catalogues_words_in_each_language(qtbot, qapp, tmp_path):
    import datetime as dt

    from PySide6.QtCore import QLocale

    from core.store.backup import BackupInfo
    from gui.app.i18n import install_translations
    from gui.dialogs.backup_dialog import BackupList

    infos = [BackupInfo(tmp_path / f"t-{r}.sqlite3", dt.datetime(2026, 7, 1, 9), r, 1, 15)
             for r in ("daily", "import", "delete", "weekly")]
    shown = BackupList()
    qtbot.addWidget(shown)
    installed = install_translations(qapp, "zh_CN")
    try:
        shown.fill(infos)
        assert [shown.topLevelItem(i).text(1) for i in range(4)] == ["每日（自动）", "导入之前", "删除计划之前", "weekly"]
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    install_translations(qapp, "en")
    try:
        shown.fill(infos)
        assert shown.topLevelItem(1).text(1) == "Before an import"
    finally:
        QLocale.setDefault(QLocale.c())


def test_unit_roles_are_cores_names_in_each_language(zh_translation):
    from core.parse.parsed_plan import ROLE_ZH
    from gui.tree.labels import role_badges, role_names

    assert role_badges() == ROLE_ZH == {"lead": "牵头", "responsible": "责任", "cooperating": "配合"}
    assert role_names() == {"lead": "牵头单位", "responsible": "责任单位", "cooperating": "配合单位"}


def test_unit_roles_are_english_under_lang_en(en_translation):
    from gui.tree.labels import role_badges, role_names

    assert role_badges()["responsible"] == "Resp." and role_names()["lead"] == "Lead unit"
