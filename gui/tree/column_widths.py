"""How the plan tree's columns share the window's width.

The item text stretches; units, deadline, status and progress are as wide as their longest
text, within limits (a share of the width, so a maximised window gives them more and a narrow
one still leaves the item text readable). What does not fit is elided and shown whole in the
cell's tooltip. A column the clerk drags to a width keeps it (remembered in QSettings: it is
this screen's layout, not the plan's); a double-click on its edge makes it automatic again.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QTreeView

USER_WIDTHS_KEY = "tree/column_widths"  # "column:width" pairs of the columns the clerk sized
SAMPLED = 24  # only the longest texts (by characters) are measured: cheap on a 5,000-task plan
PADDING = 18  # the cell's margins and the focus frame


@dataclass(frozen=True)
class Want:
    """What a column would like: its content's width, never less than `low`, never more than
    `share` of the width available (nor `high_px` when given)."""

    content: int
    low: int
    share: float
    high_px: int | None = None

    def ideal(self, available: int) -> int:
        high = max(self.low, int(available * self.share))
        if self.high_px is not None:
            high = min(high, max(self.low, self.high_px))
        return max(self.low, min(self.content, high))


def share_widths(available: int, wants: dict[int, Want], stretch_min: int) -> dict[int, int]:
    """Widths for the fixed columns, leaving at least `stretch_min` to the stretching one.

    When they do not fit, each gives up in proportion to what it has above its minimum, so
    a long unit list shrinks before the status column does.
    """
    widths = {col: want.ideal(available) for col, want in wants.items()}
    room = max(0, available - stretch_min)
    excess = sum(widths.values()) - room
    if excess > 0:
        give = {col: widths[col] - wants[col].low for col in widths}
        total = sum(give.values())
        if total > 0:
            for col in widths:
                widths[col] -= min(give[col], round(excess * give[col] / total))
    return widths


class ColumnSizer(QObject):
    """Keeps a QTreeView's fixed columns sized to their content and to the view's width."""

    def __init__(self, tree: QTreeView, model: QAbstractItemModel, settings: QSettings,
                 limits: dict[int, tuple[int, int, float]], stretch: int, stretch_min_chars: int = 16) -> None:
        """`model`: the rows behind any filter, so the widths do not jump while the clerk filters;
        its `column_texts(col)` gives every row's text, `cell_text(index, col)` one cell's, without a
        Qt call per cell.
        `limits`: column → (fewest characters, typical characters until measured, largest share).

        A plan loaded is measured once the tree has painted it (tens of ms on 5,000 tasks: never
        before the first paint); rows added or edited later are measured alone."""
        super().__init__(tree)
        self.tree, self.model, self.settings = tree, model, settings
        self.limits, self.stretch = limits, stretch
        self.stretch_min_chars = stretch_min_chars
        self.user: dict[int, int] = self._load_user_widths()
        self._applying = False
        em = self._em()
        self.content: dict[int, int] = {col: typical * em for col, (_low, typical, _share) in limits.items()}
        self._widths: dict[str, int] = {}  # text -> its width in the tree's font (_advance)
        self.pending = True  # a plan loaded and not measured yet: done after the tree's next paint
        self._scheduled = False
        header = tree.header()
        header.sectionResized.connect(self._section_resized)
        header.sectionHandleDoubleClicked.connect(self.make_automatic)
        model.modelReset.connect(self._reset)
        model.rowsInserted.connect(self._rows_inserted)
        model.dataChanged.connect(self._data_changed)
        tree.installEventFilter(self)
        tree.viewport().installEventFilter(self)

    # -- measuring -----------------------------------------------------------------------
    def _em(self) -> int:
        return self.tree.fontMetrics().horizontalAdvance("中")

    def _reset(self) -> None:
        self.pending = True
        self.tree.viewport().update()  # the paint that follows measures it

    def measure(self) -> None:
        """The width of each fixed column's longest text (and of its header), then apply."""
        self.pending = self._scheduled = False
        self._widths.clear()  # the font may have changed since
        model, fm = self.model, self.tree.fontMetrics()
        for col in self.limits:
            longest = heapq.nlargest(SAMPLED, set(model.column_texts(col)), key=len)
            header = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            self.content[col] = max([fm.horizontalAdvance(t) for t in longest] + [fm.horizontalAdvance(header)]) + PADDING
        self.apply()

    def _data_changed(self, top, bottom, roles=()) -> None:
        """An edited row may hold a longer text (a deferred deadline): widen if it needs to. A
        change that names its roles without the text (a tick box, a colour) cannot widen anything."""
        if roles and Qt.ItemDataRole.DisplayRole not in roles:
            return
        rows = [top.sibling(row, 0) for row in range(top.row(), bottom.row() + 1)]
        self._grow(rows, [c for c in self.limits if top.column() <= c <= bottom.column()])

    def _rows_inserted(self, parent, first: int, last: int) -> None:
        """Rows put in (a task added, a section restored with its tasks): measure those alone."""
        rows, stack = [], [self.model.index(row, 0, parent) for row in range(first, last + 1)]
        while stack:
            index = stack.pop()
            rows.append(index)
            stack.extend(self.model.index(row, 0, index) for row in range(self.model.rowCount(index)))
        self._grow(rows, list(self.limits))

    def _grow(self, rows: list, columns: list[int]) -> None:
        if self.pending:
            return  # the whole plan is measured after its first paint anyway
        grew, text_of, advance = False, self.model.cell_text, self._advance
        for col in columns:
            for index in rows:
                text = text_of(index, col)  # the model's own text, without a Qt call per cell
                width = advance(text) + PADDING if text else 0
                if width > self.content.get(col, 0):
                    self.content[col], grew = width, True
        if grew:
            self.apply()

    def _advance(self, text: str) -> int:
        """The width of `text` in the tree's font, kept: an edit measures the same few texts again
        and again (status names, "3/25", a unit list), and measuring CJK text is the dear part."""
        known = self._widths
        width = known.get(text)
        if width is None:
            if len(known) > 4096:
                known.clear()
            width = known[text] = self.tree.fontMetrics().horizontalAdvance(text)
        return width

    # -- applying ------------------------------------------------------------------------
    def available(self) -> int:
        return self.tree.viewport().width()

    def wants(self) -> dict[int, Want]:
        em = self._em()
        return {col: Want(self.content.get(col, low * em), low * em, share)
                for col, (low, _typical, share) in self.limits.items() if col not in self.user}

    def apply(self) -> None:
        """Size every automatic column for the width the view has now."""
        available = self.available()
        if available <= 0:
            return
        fixed_user = sum(self.user.values())
        widths = share_widths(available - fixed_user, self.wants(), self.stretch_min_chars * self._em())
        header = self.tree.header()
        self._applying = True
        try:
            for col, width in {**widths, **self.user}.items():
                if header.sectionSize(col) != width:
                    header.resizeSection(col, width)
        finally:
            self._applying = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self.apply)  # once the viewport has its new size
        elif (self.pending and not self._scheduled and event.type() == QEvent.Type.Paint
              and watched is self.tree.viewport() and self.model.rowCount() > 0):
            self._scheduled = True
            QTimer.singleShot(0, self.measure)  # after this paint has reached the screen
        return super().eventFilter(watched, event)

    # -- the clerk's own widths ----------------------------------------------------------
    def _section_resized(self, col: int, _old: int, new: int) -> None:
        if self._applying or col not in self.limits or not self.tree.isVisible():
            return
        self.user[col] = new
        self._save_user_widths()

    def make_automatic(self, col: int) -> None:
        """Forget the width the clerk gave `col`: it follows its content again."""
        if self.user.pop(col, None) is not None:
            self._save_user_widths()
        self.apply()

    def _load_user_widths(self) -> dict[int, int]:
        out: dict[int, int] = {}
        for pair in str(self.settings.value(USER_WIDTHS_KEY, "") or "").split(","):
            col, _, width = pair.partition(":")
            if col.isdigit() and width.isdigit() and int(col) in self.limits and int(width) > 0:
                out[int(col)] = int(width)
        return out

    def _save_user_widths(self) -> None:
        self.settings.setValue(USER_WIDTHS_KEY, ",".join(f"{c}:{w}" for c, w in sorted(self.user.items())))
