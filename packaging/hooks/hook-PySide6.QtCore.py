"""QtCore as PyInstaller's own hook collects it, with Qt's translations only in the UI languages.

build.spec lists the languages (hooksconfig "taizhang_qt" → "languages"); gui/app/i18n.py loads
qtbase_<lang>.qm for Qt's own buttons and dialogs, so the other 90-odd catalogs are dead weight.
"""

from PyInstaller.utils.hooks import get_hook_config
from PyInstaller.utils.hooks.qt import pyside6_library_info


def hook(hook_api):
    hiddenimports, binaries, datas = pyside6_library_info.collect_module("PySide6.QtCore")
    languages = get_hook_config(hook_api, "taizhang_qt", "languages")
    if languages is not None:
        wanted = {f"qtbase_{lang}.qm" for lang in languages}
        datas = [(src, dest) for src, dest in datas if src.replace("\\", "/").rsplit("/", 1)[-1] in wanted]
    hook_api.add_imports(*hiddenimports)
    hook_api.add_binaries(binaries)
    hook_api.add_datas(datas)
