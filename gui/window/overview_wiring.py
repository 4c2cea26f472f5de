"""The right-hand side of the main window: the overview (dashboard) when no item is selected,
the detail panel with its supporting-material and history tabs when one is.

What needs the database is built when the first plan is shown, so the start-up shell stays
light. Part of the main window's daily tracking (gui/editing/tracking.py).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject

from core.domain.records import Change


class OverviewWiring(QObject):
    """Builds the overview, evidence and history widgets and keeps them in step with the plan."""

    def __init__(self, window, filtering) -> None:
        super().__init__(window)
        self.window = w = window
        self.filtering = filtering
        self.dashboard = None
        self.evidence = None
        self.history = None
        self.evidence_tab = self.history_tab = -1
        w.filter_bar.changed.connect(lambda _flt: self._show_right())
        w.tree.selectionModel().currentRowChanged.connect(lambda *_: self._show_right())
        w.panel.task_shown.connect(self._task_shown)
        w.ctx.changed.connect(self._changed)
        w.plan_shown.connect(self._plan_shown)

    def _plan_shown(self, plan_id) -> None:
        self.window.after_first_paint(lambda: self._show_plan(plan_id))  # the tree paints first

    def _show_plan(self, plan_id) -> None:
        w = self.window
        if w.service is None or plan_id != w.model.plan_id:
            return
        if self.dashboard is None:
            self._build_service_widgets()
        carried = w.service.carried_from(plan_id) if plan_id is not None else None
        self.dashboard.carried_from = (self.tr("Carried over from “%1”").replace("%1", w.service.plan(carried).title)
                                       if carried else "")
        self.dashboard.mark_dirty()
        self._show_right()

    def _build_service_widgets(self) -> None:
        from gui.window.dashboard import Dashboard
        from gui.window.evidence_panel import EvidencePanel
        from gui.window.history_view import HistoryView

        w = self.window
        self.dashboard = Dashboard(w.model)
        self.dashboard.proxy = w.proxy
        self.dashboard.filter_requested.connect(self.filtering.filter_from)
        self.dashboard.node_requested.connect(self.filtering.show_node)
        w.right.addWidget(self.dashboard)
        self.evidence = EvidencePanel(w.ctx, w.settings)
        self.history = HistoryView(w.ctx)
        self.evidence_tab = w.panel.add_tab(self.evidence, self.tr("Supporting material"))
        self.history_tab = w.panel.add_tab(self.history, self.tr("History"))
        self.evidence.count_changed.connect(self._evidence_count)
        w.model.modelReset.connect(self.dashboard.mark_dirty)

    def show_overview(self) -> None:
        w = self.window
        w.tree.selectionModel().clearSelection()
        w.tree.setCurrentIndex(QModelIndex())
        self._show_right()

    def _show_right(self) -> None:
        w = self.window
        show_panel = w.tree.currentIndex().isValid() or self.dashboard is None
        w.right.setCurrentWidget(w.panel if show_panel else self.dashboard)

    def show_evidence_tab(self) -> bool:
        """Bring the supporting-material tab forward; False before the first plan built it."""
        if self.evidence is None:
            return False
        self.window.panel.tabs.setCurrentIndex(self.evidence_tab)
        return True

    def _task_shown(self, node_id) -> None:
        if self.evidence is not None:
            self.evidence.show_node(node_id)
            self.history.show_node(node_id)

    def _evidence_count(self, n: int) -> None:
        title = self.tr("Supporting material") + (f" ({n})" if n else "")
        self.window.panel.tabs.setTabText(self.evidence_tab, title)

    def _changed(self, change: Change) -> None:
        if self.dashboard is not None and (change.plan_id == self.window.model.plan_id
                                           or "my_units" in change.fields):
            self.dashboard.refresh_soon()
        if self.history is not None and self.history.node_id in change.nodes:
            self.history.refresh()
