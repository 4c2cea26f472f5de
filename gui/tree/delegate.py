"""The title column: search hits highlighted, the clerk's role on a task as a badge, and the tick box.

Hits are found on the folded text (core.domain.textfold keeps indices), so 规范 marks 規範 in place.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from gui.tree.filter_proxy import TaskFilterProxy
from gui.tree.labels import role_badges

HIT_COLOR = QColor("#ffe082")
HIT_TEXT = QColor("#000000")
_MOUSE = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick)
BADGE_COLORS = {"lead": QColor("#6a1b9a"), "responsible": QColor("#1565c0"), "cooperating": QColor("#546e7a")}


def hit_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Where `needle` (already folded and lower-cased) occurs in `text`, as (start, end)."""
    if not needle:
        return []
    from core.domain.textfold import fold

    hay = fold(text).lower()
    if len(hay) != len(text):  # lower() changed a length (rare non-CJK letters): no marks
        return []
    spans, start = [], hay.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = hay.find(needle, start + len(needle))
    return spans


class TreeDelegate(QStyledItemDelegate):
    """The title column's delegate: draws the cell itself only when there is a hit or a badge.

    Every visible title is painted again on each search keystroke, so what does not change from
    cell to cell (font metrics, the badges' pictures) is made once per font, not once per cell.
    """

    def __init__(self, proxy: TaskFilterProxy, parent=None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.badges = role_badges()
        self._fonts: list[tuple[QFont, QFontMetrics]] = []  # the tree shows two: plain and bold
        self._badge_pixmaps: dict[tuple, QPixmap] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        proxy = self.proxy
        role = proxy.my_role(proxy.item(index)) if proxy.my_units else None
        if role is None and not proxy.needle:  # nothing to mark: Qt's own paint, all in C++
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)  # once: each role it reads is a call into the model
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        spans = hit_spans(opt.text, self.proxy.needle)
        if not spans and role is None:  # what QStyledItemDelegate.paint draws, without asking again
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
            return
        text = opt.text
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        rect = rect.adjusted(margin, 0, -margin, 0)
        if role is not None:
            badge = self._badge(opt.font, role, rect.height(), painter.device().devicePixelRatioF())
            size = badge.deviceIndependentSize()
            left = rect.right() - int(size.width())
            painter.drawPixmap(left, rect.center().y() - int(size.height()) // 2, badge)
            rect.setRight(left - 6)
        fm = self._metrics(opt.font)
        shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, max(0, rect.width()))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        # initStyleOption put the model's ForegroundRole into the palette's Text
        color = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(color)
        painter.drawText(rect, flags, shown)
        limit = len(shown) - 1 if shown != text else len(shown)  # an elided tail ends in "…"
        for start, end in spans:
            if start >= limit:
                break
            end = min(end, limit)
            x = rect.left() + fm.horizontalAdvance(shown[:start])
            hit = QRect(x, rect.top() + 1, fm.horizontalAdvance(shown[start:end]), rect.height() - 2)
            painter.fillRect(hit, HIT_COLOR)
            painter.setPen(HIT_TEXT)
            painter.drawText(QRect(x, rect.top(), hit.width() + 2, rect.height()), flags, shown[start:end])
        painter.restore()

    def editorEvent(self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem,  # noqa: N802
                    index: QModelIndex) -> bool:
        """Ticking: a left click on the tick box, or Space on the current row, ticks the task or the
        section (the model's setData pushes the undoable command). Qt's delegate ticks a cell only when
        its flags say it can be ticked, and the filtered tree leaves flags to Qt (gui/tree/filter_proxy.py);
        every title cell with a tick box can be ticked, so the box itself is the sign here."""
        state = index.data(Qt.ItemDataRole.CheckStateRole)
        if state is None or not option.state & QStyle.StateFlag.State_Enabled:
            return False
        kind = event.type()
        if kind in _MOUSE:
            if event.button() != Qt.MouseButton.LeftButton or not self._tick_box(option, index).contains(
                    event.position().toPoint()):
                return False
            if kind != QEvent.Type.MouseButtonRelease:
                return True  # a press or a double click on the box is the tick's, not the row's
        elif kind != QEvent.Type.KeyPress or event.key() not in (Qt.Key.Key_Space, Qt.Key.Key_Select):
            return False
        ticked = Qt.CheckState(state) == Qt.CheckState.Checked
        return model.setData(index, Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked,
                             Qt.ItemDataRole.CheckStateRole)

    def _tick_box(self, option: QStyleOptionViewItem, index: QModelIndex) -> QRect:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        return style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, opt, widget)

    def _metrics(self, font: QFont) -> QFontMetrics:
        for known, metrics in self._fonts:
            if known == font:
                return metrics
        metrics = QFontMetrics(font)
        self._fonts = [*self._fonts[-3:], (QFont(font), metrics)]
        return metrics

    def _badge(self, font: QFont, role: str, room: int, ratio: float) -> QPixmap:
        """A small rounded label naming the clerk's role, drawn once per font, height and screen."""
        key = (font.key(), role, room, ratio)
        pixmap = self._badge_pixmaps.get(key)
        if pixmap is None:
            pixmap = self._badge_pixmaps[key] = self._draw_badge(font, role, room, ratio)
        return pixmap

    def _draw_badge(self, font: QFont, role: str, room: int, ratio: float) -> QPixmap:
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        fm = QFontMetrics(small)
        text = self.badges[role]
        width, height = fm.horizontalAdvance(text) + 10, max(1, min(room - 2, fm.height() + 2))
        pixmap = QPixmap(round(width * ratio), round(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE_COLORS[role])
        painter.drawRoundedRect(QRect(0, 0, width, height), 4, 4)
        painter.setFont(small)
        painter.setPen(QColor("white"))
        painter.drawText(QRect(0, 0, width, height), int(Qt.AlignmentFlag.AlignCenter), text)
        painter.end()
        return pixmap
