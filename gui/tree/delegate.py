"""Paints the title column: search hits highlighted, and the clerk's role on a task as a badge.

Hits are found on the folded text (core.domain.textfold keeps indices), so 规范 marks 規範 in place.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from gui.tree.filter_proxy import TaskFilterProxy
from gui.tree.labels import role_badges

HIT_COLOR = QColor("#ffe082")
HIT_TEXT = QColor("#000000")
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
    """The title column's delegate: draws the cell itself only when there is a hit or a badge."""

    def __init__(self, proxy: TaskFilterProxy, parent=None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.badges = role_badges()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        item = self.proxy.item(index)
        role = self.proxy.my_role(item)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        spans = hit_spans(opt.text, self.proxy.needle)
        if not spans and role is None:
            super().paint(painter, option, index)
            return
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        rect = rect.adjusted(margin, 0, -margin, 0)
        painter.save()
        if role is not None:
            rect.setRight(self._paint_badge(painter, rect, opt.font, role) - 6)
        painter.setFont(opt.font)
        fm = QFontMetrics(opt.font)
        shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, max(0, rect.width()))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        color = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        if foreground is not None and not selected:
            color = QColor(foreground.color() if hasattr(foreground, "color") else foreground)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
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

    def _paint_badge(self, painter: QPainter, rect: QRect, font: QFont, role: str) -> int:
        """A small rounded label at the right end of `rect`; returns its left edge."""
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        fm = QFontMetrics(small)
        text = self.badges[role]
        width, height = fm.horizontalAdvance(text) + 10, min(rect.height() - 2, fm.height() + 2)
        badge = QRect(rect.right() - width, rect.center().y() - height // 2, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE_COLORS[role])
        painter.drawRoundedRect(badge, 4, 4)
        painter.setFont(small)
        painter.setPen(QColor("white"))
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), text)
        return badge.left()
