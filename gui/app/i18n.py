"""Chinese by default: install the app's translation and Qt's own, and a font that has Chinese.

The .qm files are built by tools/build_translations.py (at build/CI time; *.qm is not in git).
Running from a checkout where the .qm was never built, the .ts source is read directly by a
small QTranslator — no compiler at run time, nothing written into the source tree.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from core.paths import resource_path

if TYPE_CHECKING:
    from core.messages import Lang

APP_CATALOG = "taizhang"
CJK_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
             "Source Han Sans SC", "WenQuanYi Micro Hei", "SimSun", "Noto Sans CJK JP")


class TsTranslator(QTranslator):
    """Translations read straight from a Qt Linguist .ts file (finished entries only)."""

    def __init__(self, ts_path: Path, parent=None) -> None:
        super().__init__(parent)
        self._table: dict[tuple[str, str], str] = {}
        import xml.etree.ElementTree as ET  # only where no .qm was built: not at an installed app's start

        root = ET.parse(ts_path).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for msg in context.iter("message"):
                tr = msg.find("translation")
                if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                text = tr.findtext("numerusform") if msg.get("numerus") == "yes" else tr.text
                if text:  # Chinese has one plural form; Qt puts the count in for %n afterwards
                    self._table[(name, msg.findtext("source") or "")] = text

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D401 (Qt's name)
        return self._table.get((context, source_text))  # None: a null QString, so Qt asks the next one

    def isEmpty(self) -> bool:
        return not self._table


def app_translator(lang: str) -> QTranslator | None:
    """The app's own translation for `lang`: the compiled .qm, else (or when the .ts was edited since
    the .qm was built, as in a checkout after a merge) the .ts source."""
    qm = resource_path("i18n", f"{APP_CATALOG}_{lang}.qm")
    ts = resource_path("i18n", f"{APP_CATALOG}_{lang}.ts")
    if qm.exists() and not (ts.exists() and ts.stat().st_mtime > qm.stat().st_mtime):
        translator = QTranslator()
        if translator.load(str(qm)):
            return translator
    if ts.exists():
        from xml.etree.ElementTree import ParseError

        try:
            return TsTranslator(ts)
        except ParseError:
            return None
    return None


def install_translations(app: QCoreApplication, lang: str = "zh_CN") -> list[QTranslator]:
    """Install the app's and Qt's translations for `lang` ('en' installs none)."""
    installed: list[QTranslator] = []
    if not lang or lang.lower().startswith("en"):
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return installed
    QLocale.setDefault(QLocale(lang))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{lang}", qt_dir):
        installed.append(qtbase)
    own = app_translator(lang)
    if own is not None:
        own.setParent(app)
        installed.append(own)
    for translator in installed:
        app.installTranslator(translator)
    return installed


def ui_language() -> Lang:
    """The language core's catalogue is shown in: Chinese under the Chinese locale that
    `install_translations` sets for zh_CN, English otherwise (`--lang en`, or none installed)."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def use_cjk_font(app: QApplication) -> None:
    """Keep the platform font if it has Chinese; otherwise take the first good CJK family."""
    current = app.font()
    if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(current.family()):
        return
    families = set(QFontDatabase.families())
    for family in CJK_FONTS:
        if family in families:
            font = QFont(family, current.pointSize())
            app.setFont(font)
            return
