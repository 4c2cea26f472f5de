"""The app's icon (resources/icon/, drawn by tools/make_icon.py) for every window's title bar."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from core.paths import resource_path


def app_icon() -> QIcon:
    """Every drawn size, so Qt picks the sharp one for the title bar, taskbar and Alt+Tab."""
    icon = QIcon()
    for png in sorted(resource_path("icon").glob("taizhang-*.png")):
        icon.addFile(str(png))
    return icon
