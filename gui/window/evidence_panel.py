"""佐证材料 of one task: files (copied beside the database) and links, opened with the system viewer.

Files can also be dropped onto the list. Adding and removing are undo commands
(gui/editing/evidence_commands.py): a removed copy waits in the trash until the window next opens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from core.errors import TaizhangError
from gui.editing.evidence_commands import AttachFileCommand, AttachLinkCommand, RemoveEvidenceCommand
from gui.errors import show_error
from gui.window.compact import CompactHeight

LAST_DIR_KEY = "evidence/last_dir"
ID_ROLE = Qt.ItemDataRole.UserRole


class _DropList(CompactHeight, QListWidget):
    files_dropped = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


class EvidencePanel(QWidget):
    """The list of one task's supporting material, with add, open and remove."""

    count_changed = Signal(int)

    def __init__(self, ctx, settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.settings = ctx, settings
        self.node_id: int | None = None
        self.records = {}
        style = self.style()
        self.file_icon = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        self.link_icon = style.standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon)
        self.list = _DropList()
        self.list.setIconSize(QSize(16, 16))
        self.list.setToolTip(self.tr("Double-click to open; drop files here to attach them"))
        self.list.itemActivated.connect(self.open_item)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.list.files_dropped.connect(self.attach_files)
        self.add_file = QPushButton(self.tr("Attach file…"))
        self.add_file.clicked.connect(self.choose_files)
        self.add_link = QPushButton(self.tr("Add link…"))
        self.add_link.clicked.connect(self.ask_link)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(lambda: self.open_item(self.list.currentItem()))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        for button in (self.add_file, self.add_link, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._update_buttons()
        ctx.changed.connect(self._changed)

    def show_node(self, node_id: int | None) -> None:
        self.node_id = node_id
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        self.records = {}
        svc = self.ctx.service
        records = svc.evidence(self.node_id) if self.node_id is not None and svc is not None else []
        for rec in records:
            self.records[rec.id] = rec
            item = QListWidgetItem(self.file_icon if rec.kind == "file" else self.link_icon, rec.name)
            stamp = rec.added_at.strftime("%Y-%m-%d %H:%M") if rec.added_at else ""
            where = rec.target if rec.kind == "link" else str(rec.path)
            item.setToolTip(f"{where}\n{stamp}" + (f"\nSHA-256 {rec.sha256}" if rec.sha256 else ""))
            item.setData(ID_ROLE, rec.id)
            self.list.addItem(item)
        self._update_buttons()
        self.count_changed.emit(len(records))

    def _update_buttons(self, *_args) -> None:
        has_task = self.node_id is not None
        self.add_file.setEnabled(has_task)
        self.add_link.setEnabled(has_task)
        chosen = self.list.currentItem() is not None
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # -- adding --------------------------------------------------------------------------
    def choose_files(self) -> None:
        start = str(self.settings.value(LAST_DIR_KEY, str(Path.home())))
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach supporting material"), start)
        if paths:
            self.settings.setValue(LAST_DIR_KEY, str(Path(paths[0]).parent))
            self.attach_files([Path(p) for p in paths])

    def attach_files(self, paths: list[Path]) -> None:
        """Attach the files as one undo step (each copied in; one that cannot be is named and skipped)."""
        if self.node_id is None or not paths:
            return
        stack = self.ctx.stack
        if len(paths) > 1:
            stack.beginMacro(self.tr("Attach %n file(s)", "", len(paths)))
        for path in paths:
            stack.push(AttachFileCommand(self.ctx, self.node_id, path, initiator=self))
        if len(paths) > 1:
            stack.endMacro()
        self.refresh()  # once for the batch; the Changes it announced name this list

    def ask_link(self) -> None:
        if self.node_id is None:
            return
        url, ok = QInputDialog.getText(self, self.tr("Add link"),
                                       self.tr("Address of the published page (for example on the portal):"),
                                       QLineEdit.EchoMode.Normal, "https://")
        if not ok or not url.strip() or url.strip() == "https://":
            return
        self.ctx.push(AttachLinkCommand(self.ctx, self.node_id, url.strip(), initiator=self))
        self.refresh()

    # -- opening and removing ------------------------------------------------------------
    def open_item(self, item: QListWidgetItem | None) -> None:
        rec = self.records.get(item.data(ID_ROLE)) if item is not None else None
        if rec is None:
            return
        if rec.kind == "file":
            if rec.path is None or not rec.path.exists():
                show_error(self, TaizhangError("file_missing", path=str(rec.path)))
                return
            url = QUrl.fromLocalFile(str(rec.path))
        else:
            url = QUrl.fromUserInput(rec.target)
        QDesktopServices.openUrl(url)

    def remove_current(self) -> None:
        item = self.list.currentItem()
        rec = self.records.get(item.data(ID_ROLE)) if item is not None else None
        if rec is None:
            return
        text = (self.tr("Remove “%1”? Edit ▸ Undo brings it back.") if rec.kind == "file"
                else self.tr("Remove the link “%1”? Edit ▸ Undo brings it back.")).replace("%1", rec.name)
        answer = QMessageBox.question(self, self.tr("Remove supporting material"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        command = RemoveEvidenceCommand(self.ctx, rec.id, rec.name, initiator=self)
        self.ctx.push(command)
        if command.snapshot is None:  # it failed (the error is shown): show what is really there
            self.refresh()
            return
        self.list.takeItem(self.list.row(item))  # this list made the change: it drops the row itself
        del self.records[rec.id]
        self._update_buttons()
        self.count_changed.emit(len(self.records))

    def _changed(self, change) -> None:
        """Supporting material changed by someone else (not this list): show it afresh."""
        if "evidence" in change.fields and change.initiator is not self and self.node_id in change.nodes:
            self.refresh()
