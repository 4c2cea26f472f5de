"""The right-hand panel: everything about the selected node, and the clerk's edits of a task.

Every edit is written at once through an undo command; the note after a short idle pause,
and also when the editor loses focus, the selection moves or the window closes. A deferred
deadline shows struck through beside the approved one, with buttons to defer and take it back
(gui/window/deadline_box.py); the 进展 tab lists the task's dated entries (gui/window/entries_panel.py), and 由进展生成 writes
the 完成情况 from them.

The task's text and fields scroll; the tabs below them (进展, supporting material, history) do
not, so their fields and buttons stay in sight on a 1280×800 screen however long the task's
text is. The two share the height through a splitter the clerk can drag.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.domain.records import Change
from gui.editing.commands import EditContext, SetCompletedOnCommand, SetNoteCommand, SetStatusCommand
from gui.tree.labels import STATUS_ORDER, role_names, rollup_text, status_names
from gui.tree.plan_tree_model import PlanTreeModel, TreeItem, short_name
from gui.window.compact import CompactHeight
from gui.window.deadline_box import DeadlineBox
from gui.window.entries_panel import EntriesPanel
from gui.window.steady import set_steady_text, steady_label

NOTE_IDLE_MS = 800
# a task's fields that leave its text, units and deadlines as they were (core.domain.records.Change.fields)
PROGRESS_FIELDS = frozenset({"status", "completed_on", "note", "entries", "evidence", "deferral"})


def _label(wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


class _NoteEdit(CompactHeight, QPlainTextEdit):
    """The 完成情况 editor: six lines asked for, more when the panel has room."""

    ROWS = 6


class DetailPanel(QWidget):
    """Shows one section (text and roll-up) or one task (text, units, deadlines and progress)."""

    task_shown = Signal(object)  # the task now shown (its id), or None: for the tabs below the note
    leave_note = Signal()  # Esc in the note or the 进展 field: back to the tree
    defer_requested = Signal()  # the 延期… button: the window's action asks for the new date

    def __init__(self, ctx: EditContext, model: PlanTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.model = ctx, model
        self.node_id: int | None = None
        self._loading = False
        self._fitting = False
        self._status_names = status_names()
        self.setMinimumWidth(280)

        self.placeholder = QLabel(self.tr("Select a task on the left to see and record its progress."))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)

        self.heading = _label()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.text = _label()
        self.rollup = _label()
        self.units = {role: _label() for role in role_names()}
        self.deadline_box = DeadlineBox(ctx)
        self.deadline_box.defer_requested.connect(self.defer_requested)
        self.deadline_box.installEventFilter(self)
        self.deadlines = self.deadline_box.label
        self.defer_button, self.undefer_button = self.deadline_box.defer_button, self.deadline_box.undefer_button

        info_form = QFormLayout()
        info_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        info_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for role, name in role_names().items():
            info_form.addRow(name + self.tr(":"), self.units[role])
        info_form.addRow(self.tr("Deadline:"), self.deadline_box)
        self.progress_row = QLabel(self.tr("Progress:"))
        info_form.addRow(self.progress_row, self.rollup)
        self.info_form = info_form

        self.task_box = self._build_task_box()

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addSpacing(6)
        layout.addLayout(info_form)
        layout.addSpacing(6)
        layout.addWidget(self.task_box, 1)
        layout.addStretch(0)
        self.body_layout = layout
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.scroll)
        self.split.addWidget(self.tabs)
        self.split.setStretchFactor(0, 1)  # the room beyond what each asks for, shared evenly
        self.split.setStretchFactor(1, 1)
        self.split_chosen = False  # the clerk dragged it (or a saved height came back): keep theirs
        self.split.splitterMoved.connect(self._split_moved)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.split)

        self.note_timer = QTimer(self)
        self.note_timer.setSingleShot(True)
        self.note_timer.setInterval(NOTE_IDLE_MS)
        self.note_timer.timeout.connect(self.flush_note)
        ctx.changed.connect(self.on_change)
        ctx.pending.changed.connect(self._mark_unsaved)
        self.show_item(None)

    def _build_task_box(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        self.status_combo = QComboBox()
        for status in STATUS_ORDER:
            self.status_combo.addItem(self._status_names[status], status)
        self.status_combo.activated.connect(self._status_chosen)
        form.addRow(self.tr("Status:"), self.status_combo)

        self.has_date = QCheckBox(self.tr("Recorded"))
        self.has_date.setToolTip(self.tr("Untick when the task has no completion date"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.has_date.clicked.connect(self._date_edited)
        self.date_edit.dateChanged.connect(self._date_edited)
        row = QHBoxLayout()
        row.addWidget(self.has_date)
        row.addWidget(self.date_edit)
        row.addStretch()
        form.addRow(self.tr("Completion date:"), row)

        self.note_edit = _NoteEdit()
        self.note_edit.setPlaceholderText(self.tr("What was done, with dates and links to the published "
                                                  "pages… Saved automatically."))
        self.note_edit.setMinimumHeight(120)
        self.note_edit.textChanged.connect(self._note_typed)
        self.note_edit.installEventFilter(self)
        form.addRow(self.tr("Progress note:"), self.note_edit)
        self.updated = steady_label()  # its time changes with every edit: it keeps its size
        self.updated.setEnabled(False)
        self.compose_button = QPushButton(self.tr("Write from progress entries"))
        self.compose_button.setToolTip(self.tr("Replace the note with the progress entries, oldest first "
                                               "(Undo takes it back)"))
        self.compose_button.clicked.connect(self.compose_note)
        under_note = QHBoxLayout()
        under_note.addWidget(self.updated)
        under_note.addStretch(1)
        under_note.addWidget(self.compose_button)
        form.addRow("", under_note)
        # 进展 here; supporting material and history, added by the window; below the scroll (__init__)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setVisible(False)
        self.tabs.setMinimumHeight(150)
        self.entries = EntriesPanel(self.ctx)
        self.entries_tab = self.tabs.addTab(self.entries, self.tr("Progress entries"))
        self.entries.count_changed.connect(self._entries_count)
        self.task_shown.connect(self.entries.show_node)
        self.entries.leave.connect(self.leave_note)
        return box

    def _entries_count(self, n: int) -> None:
        self.tabs.setTabText(self.entries_tab, self.tr("Progress entries") + (f" ({n})" if n else ""))
        self.compose_button.setEnabled(bool(n))

    def restore_split(self, state) -> bool:
        """The height the clerk gave the tabs last session (QSplitter.saveState)."""
        self.split_chosen = self.split.restoreState(state)
        return self.split_chosen

    def _split_moved(self, *_args) -> None:
        if not self._fitting:
            self.split_chosen = True

    def fit_fields(self) -> None:
        """Until the clerk drags the splitter: the fields get the height they need, between 38% and
        65% of the panel, so a short task shows no scroll bar and a long one leaves the tabs room."""
        total = sum(self.split.sizes())
        body = self.scroll.widget()
        if self.split_chosen or total <= 0 or not self.tabs.isVisibleTo(self):
            return
        width = self.scroll.width() - 2 * self.scroll.frameWidth()  # as if no scroll bar were needed
        need = body.heightForWidth(width) if body.hasHeightForWidth() else body.sizeHint().height()
        top = max(int(total * 0.38), min(need + 2 * self.scroll.frameWidth(), int(total * 0.65)))
        if self.split.sizes() == [top, total - top]:
            return  # setting them again repaints the whole panel
        self._fitting = True
        try:
            self.split.setSizes([top, total - top])
        finally:
            self._fitting = False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_fields()

    def ensureWidgetVisible(self, widget: QWidget) -> None:  # noqa: N802 - QScrollArea's name
        """Scroll the fields to `widget`; the tabs below them are always in sight."""
        if self.scroll.widget().isAncestorOf(widget):
            self.scroll.ensureWidgetVisible(widget)

    def add_tab(self, widget: QWidget, title: str) -> int:
        index = self.tabs.addTab(widget, title)
        self.tabs.setVisible(self.task_box.isVisibleTo(self))  # only under a task
        return index

    # -- showing -------------------------------------------------------------------------
    def show_item(self, item: TreeItem | None) -> None:
        """Show `item` (None: the placeholder), saving any pending note of the previous one first."""
        self.flush_note()
        new_id = item.info.id if item is not None and item.info is not None else None
        same = new_id == self.node_id
        self.node_id = new_id
        self._fill(item, keep_note=same)
        if not same:
            self.task_shown.emit(new_id if item is not None and item.is_task else None)

    def on_change(self, change: Change) -> None:
        """Show what the change moved: a status key on the task shown touches its progress fields
        and its deadline's overdue mark, a task ticked under the section shown only its roll-up;
        what else the panel holds is as it was, and setting it again would lay the panel out anew."""
        node_id = self.node_id
        if node_id is None or (node_id not in change.nodes and node_id not in change.rollups):
            return
        item = self.model.item(self.model.index_of(node_id))
        if item.info is None:
            return
        if node_id not in change.nodes:
            self.rollup.setText(rollup_text(item.rollup))
        elif change.fields <= PROGRESS_FIELDS and item.is_task and not change.structure:
            self.deadline_box.show_info(item.info)  # its overdue mark; if that takes another line, the
            self._fill_task(item.info, keep_note=True)  # box grows and the fields are fitted (eventFilter)
        else:
            self._fill(item, keep_note=True)

    def _fill(self, item: TreeItem | None, keep_note: bool) -> None:
        info = item.info if item is not None else None
        empty = info is None
        same = not empty and info.text.rstrip("。.；; ") == info.title.rstrip("。.；; ")  # the heading says it
        text = "" if empty or same else info.text
        rows = dict.fromkeys(range(self.info_form.rowCount()), not empty)
        if not empty:  # a section shows only what it has
            for role, label in self.units.items():
                rows[self._row_of(label)] = info.is_task or bool(info.units.get(role))
            rows[self._row_of(self.deadline_box)] = info.is_task or bool(info.deadlines)
            rows[self._row_of(self.progress_row)] = not info.is_task
        self._show([(self.placeholder, empty), (self.heading, not empty), (self.text, bool(text)),
                    (self.task_box, not empty and info.is_task),
                    (self.tabs, self.tabs.count() > 0 and not empty and info.is_task)], rows)
        if empty:
            return
        self.heading.setText(f"{info.label} {info.title}".strip())
        self.text.setText(text)
        for role, label in self.units.items():
            label.setText("、".join(info.units.get(role, [])) or "—")
        self.deadline_box.show_info(info)
        self.rollup.setText(rollup_text(item.rollup))
        if info.is_task:
            self._fill_task(info, keep_note)
            QTimer.singleShot(0, self.fit_fields)  # once the splitter has laid out the tabs shown

    def _row_of(self, widget) -> int:
        return self.info_form.getWidgetPosition(widget)[0]

    def _show(self, widgets: list[tuple[QWidget, bool]], rows: dict[int, bool]) -> None:
        """Show and hide what the item needs, touching only what changes: each change lays the
        whole panel out and repaints it, and a status key fills the panel again for the same task."""
        for widget, visible in widgets:  # (a child never shown or hidden yet follows its parent: set it)
            if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide) or widget.isHidden() == visible:
                widget.setVisible(visible)
        for row, visible in rows.items():
            if self.info_form.isRowVisible(row) != visible:
                self.info_form.setRowVisible(row, visible)

    def _fill_task(self, info, keep_note: bool) -> None:
        self._loading = True
        try:
            self.status_combo.setCurrentIndex(STATUS_ORDER.index(info.status))
            self.has_date.setChecked(info.completed_on is not None)
            day = info.completed_on or self.ctx.service.today()
            self.date_edit.setDate(QDate(day.year, day.month, day.day))
            self.date_edit.setEnabled(info.completed_on is not None)
            held = self.ctx.pending.note(info.id)  # typed, refused by the disk, waiting: keep showing it
            note = info.note if held is None else held
            typing = keep_note and self.note_timer.isActive()
            if not typing and self.note_edit.toPlainText() != note:
                self.note_edit.setPlainText(note)
            stamp = info.updated_at.strftime("%Y-%m-%d %H:%M") if info.updated_at else ""
            set_steady_text(self.updated, self.tr("Last changed %1").replace("%1", stamp) if stamp else "")
        finally:
            self._loading = False
        self._mark_unsaved()

    def _mark_unsaved(self) -> None:
        """Say so under the note while its text waits to be saved (see gui/window/retry.py)."""
        waiting = self.node_id is not None and self.ctx.pending.note(self.node_id) is not None
        if waiting:
            set_steady_text(self.updated, self.tr("Not saved yet: will be saved automatically once possible"))
        self.updated.setEnabled(waiting)  # dark text while unsaved, greyed when it is a plain date

    def _current(self):
        item = self.model.item(self.model.index_of(self.node_id)) if self.node_id is not None else None
        return item.info if item is not None and item.info is not None and item.info.is_task else None

    # -- editing -------------------------------------------------------------------------
    def _status_chosen(self, row: int) -> None:
        info = self._current()
        status = STATUS_ORDER[row]
        if info is None or info.status is status:
            return
        text = self.tr("Set “%1” to %2").replace("%1", short_name(info))
        self.ctx.push(SetStatusCommand(self.ctx, [info], status, text.replace("%2", self._status_names[status])))

    def _date_edited(self, *_args) -> None:
        info = self._current()
        if self._loading or info is None:
            return
        self.date_edit.setEnabled(self.has_date.isChecked())
        new = self.date_edit.date().toPython() if self.has_date.isChecked() else None
        if new != info.completed_on:
            self.ctx.push(SetCompletedOnCommand(self.ctx, info.id, info.completed_on, new))

    def _note_typed(self) -> None:
        if not self._loading:
            self.note_timer.start()

    def flush_note(self) -> None:
        """Save the note now if it differs from the stored one."""
        self.note_timer.stop()
        info = self._current()
        if info is None:
            return
        text = self.note_edit.toPlainText()
        if text != info.note:
            self.ctx.push(SetNoteCommand(self.ctx, info.id, info.note, text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.deadline_box and event.type() == QEvent.Type.Resize
                and event.size().height() != event.oldSize().height()):
            QTimer.singleShot(0, self.fit_fields)  # the deadlines took more lines or fewer: the fields follow
        if watched is self.note_edit and event.type() == QEvent.Type.FocusOut:
            self.flush_note()
        if (watched is self.note_edit and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Escape):
            self.flush_note()
            self.leave_note.emit()
            return True
        return super().eventFilter(watched, event)

    def compose_note(self) -> None:
        """Write the 完成情况 from the 进展 entries (core.domain.entries.compose_note), as one undo step."""
        self.flush_note()
        info = self._current()
        if info is None:
            return
        composed = self.ctx.service.composed_note(info.id)
        if not composed or composed == info.note:
            return
        if info.note.strip():
            answer = QMessageBox.question(
                self, self.tr("Write from progress entries"),
                self.tr("Replace the note with the progress entries? Edit ▸ Undo brings the old note back."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.ctx.push(SetNoteCommand(self.ctx, info.id, info.note, composed,
                                     text=self.tr("Write “%1” from progress").replace("%1", short_name(info))))
