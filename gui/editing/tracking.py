"""The clerk's daily tracking, wired into the main window, in three parts by job:

- gui/tree/filtering.py — the filter bar, the tree's expansion across filters, my units;
- gui/window/overview_wiring.py — the overview, the supporting-material and history tabs;
- gui/editing/tracking_actions.py — the View and Task menus, status keys, structure edits.

The window stays the owner of the tree, the model and the panel; these parts only connect
widgets of their own to them, and learn what changed from EditContext.changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from gui.tree.filtering import TreeFiltering
from gui.window.overview_wiring import OverviewWiring


class DailyTracking(QObject):
    """Everything of the daily-tracking issue that hangs off one MainWindow.

    Callers keep using one object (window.tracking.dashboard, .show_overview(), .carry_action…):
    a name not found here is looked up in the actions, then the filtering, then the overview part.
    """

    ALIASES = {"filter_from_overview": ("filtering", "filter_from")}  # names from before the split
    PARTS = ("actions", "filtering", "overview")

    def __init__(self, window, deferred: bool = False) -> None:
        """`deferred`: the actions part waits for build_actions() (the window's start-up, after its
        first paint); its menus and keys are not in that paint, and the clerk's input waits anyway."""
        super().__init__(window)
        self.window = window
        self.filtering = TreeFiltering(window)
        self.overview = OverviewWiring(window, self.filtering)
        self.actions = None
        if not deferred:
            self.build_actions()

    def build_actions(self) -> None:
        from gui.editing.tracking_actions import TrackingActions

        self.actions = TrackingActions(self.window, self.filtering, self.overview)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self.ALIASES:
            part, name = self.ALIASES[name]
            return getattr(self.__dict__[part], name)
        for part in self.PARTS:
            obj = self.__dict__.get(part)
            if obj is not None and hasattr(obj, name):
                return getattr(obj, name)
        raise AttributeError(name)
