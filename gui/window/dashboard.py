"""The plan's overview, shown when no item is selected: progress, counts, sections, what is due.

Every figure is a button: clicking one filters the tree to those tasks. The per-section chart
is painted here with QPainter; a click on a section shows it in the tree.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from core.domain.due import DUE_SOON_DAYS, HORIZON_DAYS
from core.domain.records import Rollup, TaskFilter
from core.domain.status import OPEN_STATUSES, Status
from gui.tree.labels import (
    DUE_SOON_COLOR,
    OVERDUE_COLOR,
    STATUS_COLORS,
    STATUS_ORDER,
    rollup_text,
    status_names,
    status_parts_text,
)
from gui.window.due_soon import DueSoonList
from gui.window.recent_progress import RecentProgressList

TODO_COLOR = QColor("#9e9e9e")
BAR_PARTS = (Status.DONE, Status.ONGOING, Status.DOING)  # painted left to right; the rest is track


class Figure(QToolButton):
    """A big number over a caption; clicking it applies `flt` to the tree."""

    def __init__(self, caption: str, flt: TaskFilter, color: QColor | None = None) -> None:
        super().__init__()
        self.caption, self.flt, self.color = caption, flt, color
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        self.set_count(0)

    def set_count(self, n: int) -> None:
        """A zero is shown greyed and cannot be clicked: it would only filter the tree to nothing."""
        self.count = n
        self.setText(f"{n}\n{self.caption}")
        self.setEnabled(n > 0)
        color = self.color if self.color is not None and n else None
        self.setStyleSheet(f"QToolButton {{ color: {color.name()}; }}" if color is not None else "")


class SectionChart(QWidget):
    """One bar per top-level section: done, ongoing and in progress out of the applicable tasks."""

    section_clicked = Signal(int)
    ROW = 30

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[int, str, Rollup]] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[tuple[int, str, Rollup]]) -> None:
        self.rows = rows
        self.setFixedHeight(max(1, len(rows)) * self.ROW)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, max(1, len(self.rows)) * self.ROW)

    def _row_at(self, y: int) -> int | None:
        row = y // self.ROW
        return row if 0 <= row < len(self.rows) else None

    def _layout(self) -> tuple[int, int, int]:
        """x where the bar starts, its width, and the width of the figure after it."""
        fm = self.fontMetrics()
        figure = fm.horizontalAdvance("000/000 " + self.tr("%1 overdue").replace("%1", "00")) + 8
        longest = max((fm.horizontalAdvance(name) for _node, name, _r in self.rows), default=0)
        name = min(longest, int(self.width() * 0.45), fm.horizontalAdvance("中") * 20)
        return name + 8, max(40, self.width() - name - 8 - figure), figure

    def shown_name(self, row: int) -> str:
        """The section's name as painted: elided to the room it has (the tooltip gives it whole)."""
        bar_x, _w, _f = self._layout()
        return self.fontMetrics().elidedText(self.rows[row][1], Qt.TextElideMode.ElideRight, bar_x - 8)

    def tooltip_at(self, y: int) -> str | None:
        """The full name, the roll-up and which statuses its tasks have, for the row at `y`."""
        row = self._row_at(y)
        if row is None:
            return None
        _node, name, r = self.rows[row]
        parts = status_parts_text(r)
        return "\n".join(x for x in (name, rollup_text(r), parts) if x)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        bar_x, bar_w, _ = self._layout()
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        track = self.palette().color(QPalette.ColorRole.Mid)
        track.setAlpha(70)
        for i, (_node, _name, r) in enumerate(self.rows):
            top = i * self.ROW
            painter.setPen(text_color)
            painter.drawText(QRect(0, top, bar_x - 8, self.ROW), int(Qt.AlignmentFlag.AlignVCenter),
                             self.shown_name(i))
            bar = QRect(bar_x, top + 8, bar_w, self.ROW - 16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(bar, 3, 3)
            x = bar.left()
            for status in BAR_PARTS:
                n = r.counts[status]
                if not n or not r.applicable:
                    continue
                width = round(bar_w * n / r.applicable)
                painter.setBrush(STATUS_COLORS[status])
                painter.drawRoundedRect(QRect(x, bar.top(), width, bar.height()), 3, 3)
                x += width
            figure = QRect(bar.right() + 8, top, self.width() - bar.right() - 8, self.ROW)
            painter.setPen(text_color)
            done = f"{r.done}/{r.applicable} "
            painter.drawText(figure, int(Qt.AlignmentFlag.AlignVCenter), done)
            if r.overdue:
                painter.setPen(OVERDUE_COLOR)
                painter.drawText(figure.adjusted(fm.horizontalAdvance(done), 0, 0, 0), int(Qt.AlignmentFlag.AlignVCenter),
                                 self.tr("%1 overdue").replace("%1", str(r.overdue)))
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        row = self._row_at(int(event.position().y()))
        self.setCursor(Qt.CursorShape.PointingHandCursor if row is not None else Qt.CursorShape.ArrowCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self._row_at(int(event.position().y()))
        if row is not None and event.button() == Qt.MouseButton.LeftButton:
            self.section_clicked.emit(self.rows[row][0])

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            tip = self.tooltip_at(int(event.pos().y()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


class ChartLegend(QWidget):
    """What the chart's colours mean: one swatch and name per painted part, then the track."""

    SWATCH = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        names = status_names()
        track = self.palette().color(QPalette.ColorRole.Mid)
        track.setAlpha(70)
        self.entries: list[tuple[QColor, str]] = [(STATUS_COLORS[s], names[s]) for s in BAR_PARTS]
        self.entries.append((track, names[Status.TODO]))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for color, name in self.entries:
            swatch = QLabel()
            pixmap = QPixmap(self.SWATCH, self.SWATCH)
            pixmap.fill(color)
            swatch.setPixmap(pixmap)
            layout.addWidget(swatch)
            layout.addWidget(QLabel(name))
            layout.addSpacing(10)
        layout.addStretch(1)


class Dashboard(QScrollArea):
    """Overview of the plan in a PlanTreeModel; refreshed when shown after a change."""

    filter_requested = Signal(object)  # core.domain.records.TaskFilter
    node_requested = Signal(int)  # a section or task to show in the tree

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.carried_from = ""
        self._dirty = True
        self._scheduled = False  # a refresh waits for the next turn of the event loop
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        names = status_names()

        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.origin = QLabel()
        self.origin.setEnabled(False)
        self.origin.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setMinimumHeight(22)
        self.summary = QLabel()

        self.figures: list[Figure] = []
        grid = QGridLayout()
        grid.setSpacing(2)
        for i, status in enumerate(STATUS_ORDER):
            self._figure(grid, 0, i, names[status], TaskFilter(statuses={status}), STATUS_COLORS.get(status))
        self.overdue = self._figure(grid, 1, 0, self.tr("Overdue"), TaskFilter(overdue=True), OVERDUE_COLOR)
        self.soon = self._figure(grid, 1, 1, self.tr("Due in %1 days").replace("%1", str(DUE_SOON_DAYS)),
                                 TaskFilter(due_within=DUE_SOON_DAYS), DUE_SOON_COLOR)
        self.unfinished = self._figure(grid, 1, 2, self.tr("Unfinished"), TaskFilter(statuses=set(OPEN_STATUSES)))
        self.mine = self._figure(grid, 1, 3, self.tr("My tasks"), TaskFilter(mine=True))
        self.mine_open = self._figure(grid, 1, 4, self.tr("Mine, unfinished"),
                                      TaskFilter(mine=True, statuses=set(OPEN_STATUSES)))

        self.chart = SectionChart()
        self.chart.section_clicked.connect(self.node_requested)
        self.legend = ChartLegend()
        self.due_list = DueSoonList()
        self.due_list.task_clicked.connect(self.node_requested)
        self.due_list.setMinimumHeight(160)
        self.due_caption = QLabel()
        self.recent = RecentProgressList()
        self.recent.task_clicked.connect(self.node_requested)
        self.recent.setMinimumHeight(120)
        self.recent_caption = self._heading(self.tr("Latest progress"))

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addWidget(self.origin)
        layout.addSpacing(4)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addWidget(self._heading(self.tr("Progress by section")))
        layout.addWidget(self.chart)
        layout.addWidget(self.legend)
        layout.addSpacing(8)
        layout.addWidget(self.due_caption)
        layout.addWidget(self.due_list, 1)
        layout.addSpacing(8)
        layout.addWidget(self.recent_caption)
        layout.addWidget(self.recent, 1)
        self.setWidget(body)
        self.my_units: list[str] = []
        self.proxy = None  # set by the window: it knows the clerk's role on each task

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        return label

    def _figure(self, grid: QGridLayout, row: int, col: int, caption: str, flt: TaskFilter,
                color: QColor | None = None) -> Figure:
        figure = Figure(caption, flt, color)
        figure.clicked.connect(lambda: self.filter_requested.emit(figure.flt))
        grid.addWidget(figure, row, col)
        self.figures.append(figure)
        return figure

    # -- refreshing ----------------------------------------------------------------------
    def mark_dirty(self, *_args) -> None:
        """Another plan is shown: read it now if in sight, else when shown."""
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def refresh_soon(self) -> None:
        """The plan shown changed (an edit): read it again when shown, or, in sight, in the next turn of
        the event loop — once for however many Changes came, after the tree has repainted the rows the
        clerk touched."""
        self._dirty = True
        if self.isVisible() and not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self._refresh_if_dirty)

    def _refresh_if_dirty(self) -> None:
        self._scheduled = False
        if self._dirty and self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        if self._dirty:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._dirty = False
        model = self.model
        svc = model.ctx.service
        if model.plan_id is None or svc is None:
            return
        today = svc.today()
        plan = svc.plan(model.plan_id)
        self.title.setText(plan.title)
        self.origin.setText(self.carried_from)
        self.origin.setVisible(bool(self.carried_from))
        total = model.total_rollup()
        self.progress.setRange(0, max(1, total.applicable))
        self.progress.setValue(total.done)
        self.progress.setFormat(f"{total.percent:.0f}%")
        self.summary.setText(rollup_text(total))
        tasks = [item.info for item in model.items() if item.is_task]
        for figure in self.figures[:len(STATUS_ORDER)]:
            figure.set_count(total.counts[next(iter(figure.flt.statuses))])
        self.overdue.set_count(total.overdue)
        self.soon.set_count(sum(1 for t in tasks if model.due_state(t, today) == "soon"))
        self.unfinished.set_count(sum(total.counts[s] for s in OPEN_STATUSES))
        mine = [t for t in tasks if self.proxy is not None and self.proxy.my_role(model.item(model.index_of(t.id)))]
        for figure, count in ((self.mine, len(mine)),
                              (self.mine_open, sum(1 for t in mine if t.status in OPEN_STATUSES))):
            figure.set_count(count)
            figure.setVisible(bool(self.proxy is not None and self.proxy.my_units))
        self.chart.set_rows([(item.info.id, f"{item.info.label}{item.info.title}", item.rollup)
                             for item in model.root().children])
        count = self.due_list.fill(tasks, today)
        self.due_caption.setText(self.tr("Due soon (overdue, or due within %1 days): %2")
                                 .replace("%1", str(HORIZON_DAYS)).replace("%2", str(count)))
        self.due_caption.setFont(self._heading("").font())
        shown = self.recent.fill(tasks) > 0  # a plan nobody has reported on yet shows no empty list
        self.recent_caption.setVisible(shown)
        self.recent.setVisible(shown)
