"""The plan diff as a table: one row per task of either plan, the reworded text with the removed
characters struck through in red and the added ones underlined in blue (as the exports mark them).

A QAbstractTableModel over core.domain.plan_diff's TaskDiff list, filtered by kind; a delegate
draws the cells as rich text so the marks show and long texts wrap.
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from core.domain.plan_diff import PlanDiff, TaskDiff, task_text
from gui.tree.labels import role_names

KIND, OLD, NEW, CHANGES, CARRIED = range(5)
RICH_ROLE = Qt.ItemDataRole.UserRole + 1  # a cell's text as HTML
DIFF_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's TaskDiff
REMOVED_COLOR, ADDED_COLOR = "#c00000", "#0050b3"
KIND_COLORS = {"new": QColor("#2e7d32"), "dropped": QColor("#c62828"), "reworded": QColor("#0050b3"),
               "same": QColor("#616161"), "adjusted": QColor("#b26a00")}
FILTERS = ("changes", "new", "dropped", "reworded", "units", "deadlines", "carried", "all")
translate = QCoreApplication.translate


def kind_names() -> dict[str, str]:
    return {"new": translate("DiffView", "New"), "dropped": translate("DiffView", "Dropped"),
            "reworded": translate("DiffView", "Reworded"), "same": translate("DiffView", "Same"),
            "adjusted": translate("DiffView", "Adjusted")}


def shown_kind(d: TaskDiff) -> str:
    """The kind the table names: a task worded the same whose units or deadline moved is "adjusted"."""
    return "adjusted" if d.kind == "same" and (d.units or d.deadlines) else d.kind


def filter_names() -> dict[str, str]:
    return {"changes": translate("DiffView", "All changes"), "new": translate("DiffView", "New tasks"),
            "dropped": translate("DiffView", "Dropped tasks"), "reworded": translate("DiffView", "Reworded tasks"),
            "units": translate("DiffView", "Units changed"), "deadlines": translate("DiffView", "Deadlines changed"),
            "carried": translate("DiffView", "Carried over"), "all": translate("DiffView", "Every task")}


def shown(diff: PlanDiff, which: str) -> list[TaskDiff]:
    """The tasks a filter keeps, in the diff's order (the new plan's, then the dropped ones)."""
    keep = {"changes": lambda d: d.kind != "same" or bool(d.units or d.deadlines),
            "new": lambda d: d.kind == "new", "dropped": lambda d: d.kind == "dropped",
            "reworded": lambda d: d.kind == "reworded", "units": lambda d: bool(d.units),
            "deadlines": lambda d: bool(d.deadlines), "carried": lambda d: d.carried,
            "all": lambda d: True}[which]
    return [d for d in diff.tasks if keep(d)]


def count(diff: PlanDiff, which: str) -> int:
    return len(shown(diff, which))


def marked_html(d: TaskDiff) -> str:
    """The new text (the old one for a dropped task) with the reworded runs marked."""
    if d.kind != "reworded" or not d.words:
        info = d.new or d.old
        return html.escape(f"{info.label}{task_text(info)}")
    parts = [html.escape(d.new.label)]
    for op, text in d.words:
        piece = html.escape(text)
        if op == "-":
            parts.append(f'<s style="color:{REMOVED_COLOR}">{piece}</s>')
        elif op == "+":
            parts.append(f'<u style="color:{ADDED_COLOR}">{piece}</u>')
        else:
            parts.append(piece)
    return "".join(parts)


def changes_text(d: TaskDiff) -> str:
    """Units and deadlines that moved, a line each ("牵头单位：A → A、B")."""
    none = translate("DiffView", "(none)")
    roles = role_names()
    lines = [f"{roles.get(r, r)}：{'、'.join(a) or none} → {'、'.join(b) or none}" for r, (a, b) in d.units.items()]
    if d.deadlines:
        lines.append(translate("DiffView", "Deadline: %1 → %2").replace("%1", "、".join(d.deadlines[0]) or none)
                     .replace("%2", "、".join(d.deadlines[1]) or none))
    return "\n".join(lines)


class DiffModel(QAbstractTableModel):
    """The rows of one filter of a plan diff."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.diff: PlanDiff | None = None
        self.which = "changes"
        self.rows: list[TaskDiff] = []

    def show_diff(self, diff: PlanDiff | None, which: str | None = None) -> None:
        self.beginResetModel()  # another comparison or filter: every row is another row
        self.diff = diff
        self.which = which or self.which
        self.rows = shown(diff, self.which) if diff is not None else []
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (translate("DiffView", "Change"), translate("DiffView", "Old plan's task"),
                    translate("DiffView", "New plan's task"), translate("DiffView", "Units and deadlines"),
                    translate("DiffView", "Carried over"))[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        d, column = self.rows[index.row()], index.column()
        if role == DIFF_ROLE:
            return d
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(d, column)
        if role == RICH_ROLE:
            return marked_html(d) if column == NEW and d.new is not None else html.escape(self._text(d, column))
        if role == Qt.ItemDataRole.ForegroundRole and column == KIND:
            return KIND_COLORS[shown_kind(d)]
        return None

    def _text(self, d: TaskDiff, column: int) -> str:
        if column == KIND:
            return kind_names()[shown_kind(d)]
        if column == OLD:
            return f"{d.old.label}{task_text(d.old)}" if d.old else ""
        if column == NEW:
            if d.new is None:
                return ""
            return f"{d.new.label}{d.marked_text if d.kind == 'reworded' else task_text(d.new)}"
        if column == CHANGES:
            return changes_text(d)
        return translate("DiffView", "Yes") if d.carried else ""


class RichTextDelegate(QStyledItemDelegate):
    """Draws a cell's RICH_ROLE HTML, wrapped to the column's width."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        text = index.data(RICH_ROLE) or ""
        colour = index.data(Qt.ItemDataRole.ForegroundRole)
        if colour is not None:
            text = f'<span style="color:{QColor(colour).name()}">{text}</span>'
        doc.setHtml(text.replace("\n", "<br>"))
        doc.setTextWidth(max(option.rect.width(), 40))
        return doc

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text, option.palette.highlightedText().color())
        painter.save()
        painter.translate(option.rect.topLeft())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        view = option.widget
        if view is not None and hasattr(view, "columnWidth"):
            opt.rect.setWidth(view.columnWidth(index.column()))
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)
