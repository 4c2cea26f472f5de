"""QtGui as PyInstaller's own hook collects it, less the plugins Taizhang never loads.

build.spec lists the plugins to keep (hooksconfig "taizhang_qt" → "plugins"). Dropping them
here, before PyInstaller follows their library dependencies, also keeps out what only they
need: GTK and Cairo for the GTK theme, QtSvg, the Wayland and EGLFS libraries, QtNetwork.
"""

from PyInstaller.utils.hooks import get_hook_config, logger
from PyInstaller.utils.hooks.qt import pyside6_library_info


def keep(src: str, dest_dir: str, plugins: dict) -> bool:
    """True for Qt libraries, and for the plugins build.spec keeps (type listed, name listed or all)."""
    dest_dir = dest_dir.replace("\\", "/")
    if "/plugins/" not in dest_dir + "/":
        return True
    names = plugins.get(dest_dir.rsplit("/plugins/", 1)[-1], [])
    stem = src.replace("\\", "/").rsplit("/", 1)[-1].split(".", 1)[0]
    stem = stem[3:] if stem.startswith("lib") else stem
    return names is None or stem in names


def hook(hook_api):
    hiddenimports, binaries, datas = pyside6_library_info.collect_module("PySide6.QtGui")
    plugins = get_hook_config(hook_api, "taizhang_qt", "plugins")
    if plugins is not None:
        kept = [(src, dest) for src, dest in binaries if keep(src, dest, plugins)]
        logger.info("taizhang: QtGui plugins kept %d of %d", len(kept), len(binaries))
        binaries = kept
    hook_api.add_imports(*hiddenimports)
    hook_api.add_binaries(binaries)
    hook_api.add_datas(datas)
