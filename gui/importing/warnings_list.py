"""The import preview's warnings in a list that leads to the node (their words: core/messages.py).

Clicking a warning selects the node it speaks of; a warning that lists several tasks or lines
opens to show them, and each listed task selects itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QStyle, QTreeWidget, QTreeWidgetItem, QWidget

from core.messages import say
from core.parse.checks import ImportWarning
from gui.app.i18n import ui_language

translate = QCoreApplication.translate
PATH_ROLE = Qt.ItemDataRole.UserRole
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
META_CODES = {"no_title": "title", "no_year": "year"}  # warnings about a field, not a node


def warning_text(warning: ImportWarning) -> str:
    """A warning as one line in the interface's language, from core's catalogue."""
    return say(warning, ui_language())


class WarningsList(QTreeWidget):
    """One row per warning, with what it lists as child rows."""

    node_chosen = Signal(object)  # a node path
    field_chosen = Signal(str)  # "title" or "year"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(False)
        self.itemClicked.connect(self._chosen)
        self.itemActivated.connect(self._chosen)
        self._icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._ok_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)

    def show_warnings(self, warnings: list[ImportWarning]) -> None:
        """Replace the list, keeping open the warnings that were open."""
        opened = {self.topLevelItem(i).data(0, CODE_ROLE) for i in range(self.topLevelItemCount())
                  if self.topLevelItem(i).isExpanded()}
        self.clear()
        if not warnings:
            item = QTreeWidgetItem([translate("ImportWarnings", "Nothing to check: the plan looks complete.")])
            item.setIcon(0, self._ok_icon)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(item)
            return
        for warning in warnings:
            top = QTreeWidgetItem([warning_text(warning)])
            top.setIcon(0, self._icon)
            top.setToolTip(0, warning_text(warning))
            top.setData(0, PATH_ROLE, warning.path)
            top.setData(0, CODE_ROLE, warning.code)
            for text, path in warning.items:
                child = QTreeWidgetItem([text])
                child.setToolTip(0, text)
                child.setData(0, PATH_ROLE, path)
                top.addChild(child)
            self.addTopLevelItem(top)
            top.setExpanded(warning.code in opened)

    def codes(self) -> list[str]:
        return [c for i in range(self.topLevelItemCount()) if (c := self.topLevelItem(i).data(0, CODE_ROLE))]

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        code = item.data(0, CODE_ROLE)
        if code in META_CODES:
            self.field_chosen.emit(META_CODES[code])
            return
        if item.childCount() and item.parent() is None:
            item.setExpanded(True)
        path = item.data(0, PATH_ROLE)
        if path:
            self.node_chosen.emit(tuple(path))


def error_hint(code: str) -> str:
    """What to do next when a file cannot be imported (the message itself says what went wrong)."""
    hints = {
        "scanned": translate("ImportWarnings", "The sender can usually also provide the Word, WPS or OFD file."),
        "no_plan": translate("ImportWarnings", "Check that this is the work plan. You can also copy the plan's "
                                               "text from the web page or Word and choose Paste from clipboard."),
        "bad_encoding": translate("ImportWarnings", "Open the file in Notepad or WPS, save it as UTF-8 text, "
                                                    "then import it again."),
        "corrupt": translate("ImportWarnings", "Open the file in Word, WPS or Excel and save a new copy, then "
                                               "import that copy."),
        "unsupported_format": translate("ImportWarnings", "Save the plan as Word (.docx) or copy its text, then "
                                                          "import it again."),
    }
    return hints.get(code, "")
