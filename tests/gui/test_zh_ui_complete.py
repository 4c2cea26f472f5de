"""The clerk sees Chinese everywhere: every window and dialog in gui/, walked under the zh_CN
translation, shows no English source text of the .ts; `--lang en` shows the English; dates and
sorting follow the UI language.

Every QDialog / QMainWindow subclass in gui/ is found and built here from its constructor's
parameter names (WORLD below). A new dialog whose parameters it does not know fails
`test_every_window_and_dialog_is_walked` with the name to add.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import xml.etree.ElementTree as ET

import pytest

from core.paths import resource_path

TS = resource_path("i18n", "taizhang_zh_CN.ts")
CJK = re.compile(r"[\u3400-\u9fff]")
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
ALLOWED_LATIN = {"Word", "Excel", "WPS", "PDF", "HTML", "docx", "xlsx", "txt", "pdf", "html", "json",
                 "Taizhang", "sqlite3", "SQLite"}


# -- what the walk reads ----------------------------------------------------------------------
def english_sources() -> tuple[set[str], list[re.Pattern]]:
    """The English the Chinese UI must not show: the .ts source texts and core's catalogue's English
    (core/messages.py), exact ones, and patterns for those with %1- or {name}-style fields."""
    from core.messages import CATALOGUE

    exact, patterns = set(), []
    sources = [normalise(msg.findtext("source") or "") for msg in ET.parse(TS).getroot().iter("message")]
    sources += [normalise(w.en) for w in CATALOGUE.values()]
    for src in sources:
        if not ENGLISH_WORD.search(re.sub(r"%\w|\{\w+\}", "", src)):
            continue
        if re.search(r"%\w|\{\w+\}", src):
            field = re.compile(r"%\w|\\\{\w+\\\}")
            patterns.append(re.compile("^" + field.sub(".*", re.escape(src).replace("\\%", "%")) + "$", re.DOTALL))
        else:
            exact.add(src)
    return exact, patterns


def normalise(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)  # rich text → its words
    text = re.sub(r"&(?=\w)", "", text).replace("&&", "&")  # mnemonics
    return " ".join(text.split())


def visible_texts(root) -> dict[str, str]:
    """Every text the clerk can see in `root` and its children: text → where it was found."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QMenu,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
        QTreeWidget,
        QWidget,
    )

    found: dict[str, str] = {}

    def add(text, where: str) -> None:
        if text and normalise(str(text)):
            found.setdefault(normalise(str(text)), where)

    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__}({w.objectName() or ''})"
        add(w.toolTip(), f"{name}.toolTip")
        add(w.statusTip(), f"{name}.statusTip")
        add(w.whatsThis(), f"{name}.whatsThis")
        if w.isWindow():
            add(w.windowTitle(), f"{name}.windowTitle")
        if isinstance(w, QLabel | QAbstractButton):
            add(w.text(), f"{name}.text")
        elif isinstance(w, QGroupBox | QMenu):
            add(w.title(), f"{name}.title")
        elif isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            add(w.placeholderText(), f"{name}.placeholderText")
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w.itemText(i), f"{name}.item[{i}]")
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add(w.tabText(i), f"{name}.tab[{i}]")
                add(w.tabToolTip(i), f"{name}.tabToolTip[{i}]")
        if isinstance(w, QTreeWidget):
            header = w.headerItem()
            for col in range(header.columnCount()):
                add(header.text(col), f"{name}.header[{col}]")
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            root_index = w.rootIndex()
            try:
                columns = model.columnCount(root_index)
            except TypeError:  # list models keep columnCount private: one column
                columns = 1
            for col in range(columns):
                add(model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole),
                    f"{name}.header[{col}]")
                add(model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole),
                    f"{name}.headerToolTip[{col}]")
            for row in range(min(model.rowCount(root_index), 20)):
                for col in range(columns):
                    index = model.index(row, col, root_index)
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.data(index, role)
                        if isinstance(value, str):
                            add(value, f"{name}.cell[{row},{col}]")
    for action in {*root.findChildren(QAction), *(a for w in widgets for a in w.actions())}:
        for attr in ("text", "toolTip", "iconText", "statusTip"):
            add(getattr(action, attr)(), f"QAction({action.text()}).{attr}")
    return found


FILE_NAME = re.compile(r"^(?:[A-Za-z]:)?[\w./\\ ~-]*\.\w{2,8}$")  # a path or file name, shown as is


def untranslated(texts: dict[str, str]) -> list[str]:
    exact, patterns = english_sources()
    bad = []
    for text, where in texts.items():
        if FILE_NAME.match(text):
            continue
        if text in exact or any(p.match(text) for p in patterns):
            bad.append(f"{where}: {text!r} (English of the .ts or of core/messages.py)")
        elif not CJK.search(text) and set(ENGLISH_WORD.findall(text)) - ALLOWED_LATIN:
            bad.append(f"{where}: {text!r} (English, and not in the .ts at all)")
    return bad


# -- building every window and dialog ------------------------------------------------------------
def gui_classes():
    """Every QDialog / QMainWindow subclass defined in a gui/ module."""
    from PySide6.QtWidgets import QDialog, QMainWindow

    import gui

    classes = []
    # walk_packages, not iter_modules: a dialog moved into a gui/ sub-package is still built
    for info in sorted(pkgutil.walk_packages(gui.__path__, "gui."), key=lambda m: m.name):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, QDialog | QMainWindow):
                classes.append(cls)
    return classes


@pytest.fixture
def world(qtbot, zh_translation, service, sample_plan, settings, tmp_path):
    """What constructors ask for, by parameter name: the sample plan in a real window."""
    from gui.window.main_window import MainWindow

    window = MainWindow(service, settings)
    qtbot.addWidget(window)
    window.show()
    plan_id = window.importer.open_sample()
    tasks = [n for n in service.tree(plan_id) if n.is_task]
    returned = _returned_files(service, plan_id, tmp_path)
    values = {
        "service": service, "plan_id": plan_id, "settings": settings, "parent": window, "window": window,
        "ctx": window.ctx, "db_path": service.db_path, "err": None, "backups": [], "info": tasks[0],
        "title": sample_plan.title, "year": sample_plan.year, "unfinished": 3, "text": tasks[0].title,
        "all_units": service.all_units(), "mine": service.all_units()[:1], "today": service.today(),
        "paths": returned,
    }
    yield values
    window.close()


def _returned_files(service, plan_id: int, folder):
    """For the merge dialog: a unit's filled workbook (a change, a 进展, a clash with an edit made
    after sending it, a row of its own) and a file that is no workbook."""
    from openpyxl import load_workbook

    unit = "县政府办公室"
    path, _ = service.collect(plan_id, folder / "办公室.xlsx", [unit])
    first, second = (t.id for t in service.unit_tasks(plan_id, unit)[:2])
    service.set_note(second, "台账员已登记")
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    ws["E4"], ws["F4"], ws["H4"], ws["F5"] = "已完成", "已完成", "9月已培训", "单位写的"
    ws.append([None, "一项本单位自己加的工作"])
    wb.save(path)
    assert ws["I4"].value == first and ws["I5"].value == second
    junk = folder / "坏.xlsx"
    junk.write_text("not a workbook")
    return [path, junk]


def build(cls, world):
    kwargs = {}
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    for p in params:
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.name in world:
            kwargs[p.name] = world[p.name]
        elif p.default is p.empty:
            pytest.fail(f"{cls.__module__}.{cls.__qualname__}: add a value for “{p.name}” to the world "
                        f"fixture in {__name__}")
    return cls(**kwargs)


def test_every_window_and_dialog_is_walked(qtbot, world):
    from PySide6.QtWidgets import QApplication

    problems = []
    classes = gui_classes()
    assert {c.__name__ for c in classes} >= {"MainWindow", "ExportDialog"}
    for cls in classes:
        widget = build(cls, world)
        qtbot.addWidget(widget)
        widget.show()
        QApplication.processEvents()
        problems += [f"{cls.__name__} › {p}" for p in untranslated(visible_texts(widget))]
        widget.close()
    assert not problems, "untranslated text in the Chinese UI:\n" + "\n".join(problems)


def test_main_window_in_each_state_is_chinese(qtbot, zh_translation, service, settings):
    """Empty database (welcome page), a plan with a task chosen, and with a section chosen."""
    from PySide6.QtWidgets import QApplication

    from gui.window.main_window import MainWindow

    window = MainWindow(service, settings)
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    texts = visible_texts(window)
    plan_id = window.importer.open_sample()
    nodes = service.tree(plan_id)
    for node in (next(n for n in nodes if n.is_task), next(n for n in nodes if not n.is_task)):
        window.select_node(node.id)
        QApplication.processEvents()
        texts |= visible_texts(window)
    window.close()
    assert not untranslated(texts), "\n".join(untranslated(texts))
    assert any(CJK.search(t) for t in texts)


def test_lang_en_shows_the_english_interface(qtbot, qapp, service, settings):
    from PySide6.QtCore import QCoreApplication, QLocale

    from gui.app.i18n import install_translations
    from gui.window.main_window import MainWindow

    assert install_translations(qapp, "en") == []
    try:
        window = MainWindow(service, settings)
        qtbot.addWidget(window)
        menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
        assert menus and all(not CJK.search(m) for m in menus), menus
        texts = visible_texts(window)
        assert not [t for t in texts if CJK.search(t) and t not in (service.db_path.name,)], texts
        assert QCoreApplication.translate("Labels", "Not applicable") == "Not applicable"
        assert QLocale().language() == QLocale.Language.English
        window.close()
    finally:
        QLocale.setDefault(QLocale.c())


# -- dates and sorting ----------------------------------------------------------------------------
def test_chinese_ui_uses_the_zh_cn_locale_and_iso_dates(qtbot, world):
    from PySide6.QtCore import QDate, QLocale
    from PySide6.QtWidgets import QDateEdit

    assert QLocale().name() == "zh_CN"
    assert QLocale().toString(QDate(2026, 7, 1), "yyyy年M月d日") == "2026年7月1日"
    edits = []
    for cls in gui_classes():
        widget = build(cls, world)
        qtbot.addWidget(widget)
        edits += [(cls.__name__, e.displayFormat()) for e in widget.findChildren(QDateEdit)]
        widget.close()
    assert edits, "no date field found"
    assert {fmt for _, fmt in edits} == {"yyyy-MM-dd"}, edits


def test_unit_names_sort_by_pinyin_in_the_chinese_ui(zh_translation):
    from gui.tree.collation import sorted_for_display

    names = ["住建局", "市政府办公室", "财政局", "安徽省数据资源局", "第10组", "第2组"]
    assert sorted_for_display(names) == ["安徽省数据资源局", "财政局", "第2组", "第10组", "市政府办公室", "住建局"]


def test_plural_messages_read_from_the_ts_get_their_count(qapp):
    """A checkout without the built .qm reads the .ts; its %n messages must not come out blank."""
    from PySide6.QtCore import QCoreApplication

    from gui.app.i18n import TsTranslator

    plural = [(ctx.findtext("name"), msg.findtext("source"))
              for ctx in ET.parse(TS).getroot().iter("context") for msg in ctx.iter("message")
              if msg.get("numerus") == "yes"]
    assert plural
    translator = TsTranslator(TS)
    qapp.installTranslator(translator)
    try:
        for context, source in plural:
            text = QCoreApplication.translate(context, source, None, 3)
            assert CJK.search(text) and "%n" not in text and "3" in text, (context, source, text)
    finally:
        qapp.removeTranslator(translator)


def test_import_dialog_with_a_plan_read_is_chinese(qtbot, world):
    """The preview, its warnings and the node editor (deadline rows too) once a file is read."""
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    plan = Path(__file__).resolve().parents[1] / "fixtures" / "txt" / "003_b0058e0bd144e67c.utf16le_nobom.txt"
    dialog = world["window"].importer.open_dialog(plan)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
    from gui.window.node_editor import DeadlineRow

    texts, deadline_rows = {}, 0
    for path in ((0,), (0, 0), (1, 1)):  # a section, a task, a task with a deadline (（五）)
        dialog.view.select(path)
        QApplication.processEvents()
        texts |= visible_texts(dialog)
        deadline_rows += len(dialog.findChildren(DeadlineRow))
    dialog.reject()
    assert deadline_rows, "no task with a deadline was shown in the node editor"
    assert not untranslated(texts), "\n".join(untranslated(texts))
