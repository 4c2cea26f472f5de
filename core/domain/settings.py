"""The settings kept in the database, each declared once: key, type, default, and what it is for.

Domain settings live in the plan database (they travel with it to another PC); window state
lives in QSettings. The service reads and writes these through `PlanService.get` / `put`,
so a key, its type and its default are never spelled twice (Vorta's store/settings.py).
"""

from __future__ import annotations


class SettingSpec:
    """One setting: stored as text under `key`; `kind` is str, int or list (one item a line).

    A plain class, not a dataclass: the window reads these at start-up.
    """

    __slots__ = ("key", "kind", "default", "doc")

    def __init__(self, key: str, kind: type, default: object, doc: str) -> None:
        self.key, self.kind, self.default, self.doc = key, kind, default, doc

    def __repr__(self) -> str:
        return f"SettingSpec({self.key!r})"

    def decode(self, text: str | None) -> object:
        """The stored text as a value; the default when unset or unreadable."""
        if text is None:
            return list(self.default) if isinstance(self.default, list) else self.default  # never the shared one
        if self.kind is list:
            return [line for line in text.split("\n") if line.strip()]
        if self.kind is int:
            try:
                return int(text)
            except ValueError:
                return self.default
        return text

    def encode(self, value: object) -> str:
        if self.kind is list:
            return "\n".join(str(v) for v in value)
        return str(value)


MY_UNITS: SettingSpec = SettingSpec(
    "my_units", list, [], "The clerk's own units: “my tasks” lists what names them (collective names too); "
                          "the first is the reporting unit exports print when none is chosen.")
CURRENT_PLAN: SettingSpec = SettingSpec(
    "gui.current_plan", int, None, "The plan the window showed last, shown again at start-up.")
CURRENT_NODE: SettingSpec = SettingSpec(
    "gui.current_node", int, None, "The item selected last, selected again at start-up.")

TREE_FILTER: SettingSpec = SettingSpec(
    "gui.tree_filter", str, "", "The filter bar's choices (status, role, deadline, unit, my tasks) when the window "
                                "closed, put back at start-up; kept with the data because they name its units "
                                "(core.domain.filters.filter_to_text).")
DUE_NOTICE_DAY: SettingSpec = SettingSpec(
    "gui.due_notice_day", str, "", "The day (ISO date) the window last announced tasks overdue or due within "
                                   "7 days: once a day is enough, and it is this database's tasks it spoke of.")

SETTINGS: dict[str, SettingSpec] = {s.key: s for s in (MY_UNITS, CURRENT_PLAN, CURRENT_NODE, TREE_FILTER,
                                                        DUE_NOTICE_DAY)}
