"""生成填报表: fill-in workbooks for the units the clerk chooses, one file each or one for all.

The units listed are those the plan names; each counts the tasks it must report on, those that
name it and those a collective name (县直各单位, 各乡镇人民政府) takes it in. A unit the plan reaches
only through a collective name (a township) can be added by name. The folder is remembered
(QSettings: how the clerk likes the dialog; the plan stays in the database).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QCursor, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import TaizhangError
from core.filenames import safe_file_name
from gui.dialogs.export_dialog import documents_dir
from gui.errors import show_error

GROUP = "collect"
UNIT_ROLE = Qt.ItemDataRole.UserRole


def workbook_name(unit: str | None, day) -> str:
    """填报表_县财政局_20260910.xlsx (填报表_全部单位_… for one workbook of all units)."""
    who = unit if unit is not None else "全部单位"
    return safe_file_name(f"填报表_{who}_{day:%Y%m%d}.xlsx", fallback="填报表", strip_folders=False)


class CollectDialog(QDialog):
    """Which units, one file each or one for all, and where; 生成 writes the workbooks."""

    def __init__(self, service, plan_id: int, parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.service, self.plan_id, self.settings = service, plan_id, settings
        self.written: list[Path] = []
        self.setWindowTitle(self.tr("Make fill-in workbooks"))
        intro = QLabel(self.tr("Each unit gets an Excel workbook of its tasks: the task columns are locked, "
                               "the unit fills in status, completion note, completion date and progress, and "
                               "sends it back. Bring the returned files in with “Import filled workbooks…”."))
        intro.setWordWrap(True)
        self.units = QListWidget()
        for unit in service.collect_units(plan_id):
            self._add_unit(unit, len(service.unit_tasks(plan_id, unit)))
        self.all_button = QPushButton(self.tr("Select all"))
        self.none_button = QPushButton(self.tr("Select none"))
        self.all_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        self.none_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        self.other_edit = QLineEdit()
        self.other_edit.setPlaceholderText(self.tr("Another unit, e.g. a township the plan names only as "
                                                   "各乡镇人民政府"))
        self.other_button = QPushButton(self.tr("Add"))
        self.other_button.clicked.connect(self.add_other_unit)
        self.other_edit.returnPressed.connect(self.add_other_unit)
        self.each = QRadioButton(self.tr("One workbook per unit"))
        self.together = QRadioButton(self.tr("One workbook for all chosen units (a sheet each)"))
        self.each.setChecked(True)
        shape = QButtonGroup(self)
        shape.addButton(self.each)
        shape.addButton(self.together)
        self.folder_edit = QLineEdit(str(self._remembered_folder()))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.summary = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.make_button = buttons.addButton(self.tr("Make workbooks"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.make)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Units (tasks to report on):")))
        layout.addWidget(self.units, 1)
        row = QHBoxLayout()
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addStretch(1)
        layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.other_edit, 1)
        row.addWidget(self.other_button)
        layout.addLayout(row)
        layout.addWidget(self.each)
        layout.addWidget(self.together)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Save in folder:")))
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.units.itemChanged.connect(self._update_summary)
        self.each.toggled.connect(self._update_summary)
        self._update_summary()
        self.resize(560, 620)

    # -- units ---------------------------------------------------------------------------
    def _add_unit(self, unit: str, tasks: int) -> QListWidgetItem:
        item = QListWidgetItem(self.tr("%1 (%2 tasks)").replace("%1", unit).replace("%2", str(tasks)))
        item.setData(UNIT_ROLE, unit)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.units.addItem(item)
        return item

    def _check_all(self, state: Qt.CheckState) -> None:
        for row in range(self.units.count()):
            self.units.item(row).setCheckState(state)

    def chosen_units(self) -> list[str]:
        items = (self.units.item(r) for r in range(self.units.count()))
        return [i.data(UNIT_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]

    def add_other_unit(self) -> None:
        """Add the typed unit, if the plan gives it any task (through a collective name)."""
        unit = self.other_edit.text().strip()
        if not unit:
            return
        for row in range(self.units.count()):
            if self.units.item(row).data(UNIT_ROLE) == unit:
                self.units.item(row).setCheckState(Qt.CheckState.Checked)
                self.other_edit.clear()
                return
        tasks = len(self.service.unit_tasks(self.plan_id, unit))
        if not tasks:
            QMessageBox.information(self, self.windowTitle(),
                                    self.tr("The plan gives “%1” no task, not even through a collective name "
                                            "such as 县直各单位.").replace("%1", unit))
            return
        self.units.scrollToItem(self._add_unit(unit, tasks))
        self.other_edit.clear()

    def _update_summary(self, *_args) -> None:
        units = self.chosen_units()
        if not units:
            self.summary.setText(self.tr("Choose at least one unit."))
        elif self.each.isChecked():
            self.summary.setText(self.tr("Makes %1 workbooks, one per unit.").replace("%1", str(len(units))))
        else:
            self.summary.setText(self.tr("Makes one workbook with a sheet for each of %1 units.")
                                 .replace("%1", str(len(units))))
        self.make_button.setEnabled(bool(units))

    # -- folder --------------------------------------------------------------------------
    def _remembered_folder(self) -> Path:
        folder = self.settings.value(f"{GROUP}/folder", "", type=str) if self.settings is not None else ""
        return Path(folder) if folder and Path(folder).is_dir() else documents_dir()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save fill-in workbooks in"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    # -- making --------------------------------------------------------------------------
    def planned_files(self) -> list[tuple[Path, list[str]]]:
        """(file, its units) for what 生成 would write."""
        folder, day, units = Path(self.folder_edit.text().strip()), self.service.today(), self.chosen_units()
        if self.each.isChecked():
            return [(folder / workbook_name(u, day), [u]) for u in units]
        return [(folder / workbook_name(None, day), units)]

    def make(self) -> None:
        folder = Path(self.folder_edit.text().strip())
        if not self.folder_edit.text().strip() or not folder.is_dir():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose an existing folder to save the workbooks in."))
            return
        planned = self.planned_files()
        existing = [p for p, _ in planned if p.exists()]
        if existing and not self._confirm_replace(existing):
            return
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            for path, units in planned:
                written, _ = self.service.collect(self.plan_id, path, units)
                self.written.append(written)
        except TaizhangError as err:
            QApplication.restoreOverrideCursor()
            show_error(self, err, self.windowTitle())
            return
        QApplication.restoreOverrideCursor()
        if self.settings is not None:
            self.settings.setValue(f"{GROUP}/folder", str(folder))
        self._offer_folder(folder)
        self.accept()

    def _confirm_replace(self, existing: list[Path]) -> bool:
        names = "\n".join(p.name for p in existing[:8]) + ("\n…" if len(existing) > 8 else "")
        answer = QMessageBox.question(self, self.windowTitle(),
                                      self.tr("These files already exist in the folder:\n%1\nReplace them?")
                                      .replace("%1", names))
        return answer == QMessageBox.StandardButton.Yes

    def _offer_folder(self, folder: Path) -> None:
        """Say where the workbooks are, with a button that opens the folder."""
        box = QMessageBox(QMessageBox.Icon.Information, self.windowTitle(),
                          self.tr("Made %1 fill-in workbooks in:\n%2\nSend each unit its file; import the "
                                  "returned files with “Import filled workbooks…”.")
                          .replace("%1", str(len(self.written))).replace("%2", str(folder)), parent=self)
        open_button = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
