"""我的单位: the clerk ticks their unit(s) once, from the units the plans name.

Below the list the dialog says which collective names ("市直各单位", "各有关单位"…) in the plans
take those units in, so the clerk sees why 我的任务 lists a task that does not name them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.domain.collective_units import covers, is_collective
from gui.tree.collation import sorted_for_display


class MyUnitsDialog(QDialog):
    """Tick your units; `units()` gives the ticked names in list order."""

    def __init__(self, parent: QWidget | None, all_units: list[str], mine: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My unit"))
        self.all_units = all_units
        intro = QLabel(self.tr("Tick the unit(s) you work for. “My tasks” then shows the tasks assigned to "
                               "them, by name or through names such as 市直各单位 or 各有关单位."))
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a unit"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget()
        named = sorted_for_display(u for u in all_units if not is_collective(u))  # pinyin order
        for name in dict.fromkeys([*mine, *named]):
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in mine else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.itemChanged.connect(self._show_collectives)
        self.list.itemActivated.connect(self._toggle)
        self.collectives = QLabel()
        self.collectives.setWordWrap(True)
        self.collectives.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.collectives)
        layout.addWidget(buttons)
        self.resize(440, 520)
        self._show_collectives()
        self.search.setFocus()

    def units(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def _filter(self, text: str) -> None:
        needle = text.strip()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(needle) and needle not in item.text())

    def _toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _show_collectives(self, *_args) -> None:
        mine = self.units()
        names = [u for u in self.all_units if is_collective(u) and any(covers(u, me) for me in mine)]
        self.collectives.setText(self.tr("Also meant by: %1").replace("%1", "、".join(names)) if names else "")
        self.collectives.setVisible(bool(names))
