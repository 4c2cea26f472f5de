"""The clerk's daily tracking, wired into the main window, in three parts by job:

- gui/tree_filtering.py — the filter bar, the tree's expansion across filters, my units;
- gui/overview_wiring.py — the overview, the supporting-material and history tabs;
- gui/tracking_actions.py — the View and Task menus, status keys, structure edits.

The window stays the owner of the tree, the model and the panel; these parts only connect
widgets of their own to them, and learn what changed from EditContext.changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from core.status import Status
from gui.overview_wiring import OverviewWiring
from gui.tracking_actions import TrackingActions
from gui.tree_filtering import TreeFiltering


class DailyTracking(QObject):
    """Everything of the daily-tracking issue that hangs off one MainWindow."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.filtering = TreeFiltering(window)
        self.overview = OverviewWiring(window, self.filtering)
        self.actions = TrackingActions(window, self.filtering, self.overview)
        self.structure = self.actions.structure
        self.carry_action = self.actions.carry_action

    # the widgets built with the first plan
    @property
    def dashboard(self):
        return self.overview.dashboard

    @property
    def evidence(self):
        return self.overview.evidence

    @property
    def history(self):
        return self.overview.history

    @property
    def evidence_tab(self) -> int:
        return self.overview.evidence_tab

    def show_overview(self) -> None:
        self.overview.show_overview()

    def set_status(self, status: Status) -> None:
        self.actions.set_status(status)
