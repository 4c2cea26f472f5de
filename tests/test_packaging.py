"""build.spec ships only the Qt modules the app imports; a new import of another one must be added there."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def spec_qt_modules() -> set[str]:
    match = re.search(r"^QT_MODULES_USED = (\{.*?\})$", (ROOT / "build.spec").read_text(encoding="utf-8"), re.M)
    return ast.literal_eval(match.group(1))


def test_the_app_imports_only_the_qt_modules_build_spec_ships():
    used = set()
    for path in [ROOT / "main.py", *(ROOT / "gui").rglob("*.py"), *(ROOT / "core").rglob("*.py")]:
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used and used <= spec_qt_modules(), f"add to QT_MODULES_USED in build.spec: {used - spec_qt_modules()}"


def test_the_qtgui_hook_keeps_only_the_listed_plugins():
    spec = importlib.util.spec_from_file_location("qtgui_hook", ROOT / "packaging" / "hooks" / "hook-PySide6.QtGui.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    plugins = {"platforms": ["qxcb", "qwindows"], "styles": None}
    assert hook.keep("/qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib", plugins)
    assert hook.keep("/qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms", plugins)
    assert hook.keep("C:\\qt\\plugins\\platforms\\qwindows.dll", "PySide6\\plugins\\platforms", plugins)
    assert hook.keep("/qt/plugins/styles/libqmodernwindowsstyle.so", "PySide6/Qt/plugins/styles", plugins)
    assert not hook.keep("/qt/plugins/platforms/libqwayland.so", "PySide6/Qt/plugins/platforms", plugins)
    assert not hook.keep("/qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/platformthemes", plugins)


def ocr_modules() -> list[str]:
    match = re.search(r"^OCR_MODULES = (\[.*?\])", (ROOT / "build.spec").read_text(encoding="utf-8"), re.M | re.S)
    assert match, "build.spec lists the OCR extra's modules in OCR_MODULES"
    return ast.literal_eval(match.group(1))


def test_only_the_ocr_reader_imports_the_ocr_extra_and_the_default_bundle_leaves_it_out():
    """The default bundle excludes OCR_MODULES; a stray import of one elsewhere would break it."""
    excluded = {m.split(".")[0] for m in ocr_modules()}
    allowed = {ROOT / "core" / "readers" / "ocr.py"}
    stray = []
    for path in sorted((ROOT / "core").rglob("*.py")) + sorted((ROOT / "gui").rglob("*.py")) + [ROOT / "main.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n.split(".")[0] in excluded for n in names) and path not in allowed:
                stray.append(f"{path.relative_to(ROOT)}: {names}")
    assert not stray
    ocr_source = (ROOT / "core" / "readers" / "ocr.py").read_text(encoding="utf-8")
    assert all(name in excluded for name in ("rapidocr_onnxruntime", "numpy", "PIL")) and "rapidocr_onnxruntime" in ocr_source
    pinned = (ROOT / "requirements-ocr.txt").read_text(encoding="utf-8")
    assert "rapidocr-onnxruntime==" in pinned and "rapidocr" not in (ROOT / "requirements.txt").read_text(encoding="utf-8")
