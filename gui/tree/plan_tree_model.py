"""The plan's hierarchy as a thin QAbstractItemModel over plain items with cached rows.

The model never writes the store: ticking pushes a SetStatusCommand, and the Change the
service returns comes back through EditContext.changed as precise dataChanged signals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from core.domain.due import due_state
from core.domain.progress import node_rollup
from core.domain.records import PROGRESS_FIELDS, Change, NodeInfo, Rollup
from core.domain.status import OPEN_STATUSES, Status
from gui.editing.commands import EditContext, SetStatusCommand
from gui.tree.item_tree_model import ItemTreeModel
from gui.tree.labels import (
    DUE_SOON_COLOR,
    OVERDUE_COLOR,
    STATUS_COLORS,
    role_names,
    rollup_text,
    status_names,
)

TITLE, UNITS, DEADLINE, STATUS, PROGRESS = range(5)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_TITLE_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsUserCheckable
_LEAF = _FLAGS | Qt.ItemFlag.ItemNeverHasChildren
_TITLE_LEAF = _TITLE_FLAGS | Qt.ItemFlag.ItemNeverHasChildren
ROLES_SHOWN = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.CheckStateRole,
               Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole)
ROLLUP_ROLES = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole]  # a section's figure and its tooltip
CHECK_ROLES = [Qt.ItemDataRole.CheckStateRole]
_UNKNOWN = object()
# the cells of a section that follow its roll-up (data() below): keys of TreeItem.cells
_ROLLUP_CELLS = tuple(int(role) * 8 + col for role, col in (
    (Qt.ItemDataRole.CheckStateRole, TITLE), (Qt.ItemDataRole.ToolTipRole, STATUS),
    (Qt.ItemDataRole.DisplayRole, PROGRESS), (Qt.ItemDataRole.ToolTipRole, PROGRESS)))
_CHECK = {"checked": Qt.CheckState.Checked, "partial": Qt.CheckState.PartiallyChecked,
          "unchecked": Qt.CheckState.Unchecked}

AnyIndex = QModelIndex | QPersistentModelIndex


def short_name(info: NodeInfo, limit: int = 20) -> str:
    """Label and title cut to fit an undo menu entry."""
    name = f"{info.label}{info.title}"
    return name if len(name) <= limit else name[:limit] + "…"


class TreeItem:
    """One node with its parent, children and row number cached (no list.index)."""

    __slots__ = ("info", "parent", "children", "row", "rollup", "cells")

    def __init__(self, info: NodeInfo | None, parent: TreeItem | None, row: int) -> None:
        self.info = info
        self.parent = parent
        self.children: list[TreeItem] = []
        self.row = row
        self.rollup = Rollup()
        self.cells: tuple[int, dict[int, object]] | None = None  # (model generation, role * 8 + column -> data)

    @property
    def is_task(self) -> bool:
        return self.info is not None and self.info.is_task

    def tasks(self) -> list[NodeInfo]:
        """Every task at or under this item."""
        if self.is_task:
            return [self.info]
        return [t for child in self.children for t in child.tasks()]


class PlanTreeModel(ItemTreeModel):
    """Sections and tasks of one plan, with status, progress and roll-ups."""

    def __init__(self, ctx: EditContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan_id: int | None = None
        self._root = TreeItem(None, None, 0)
        self._items: dict[int, TreeItem] = {}
        self._order: list[TreeItem] | None = None  # document order, None once rows moved
        self._today = dt.date.today()
        self._cells_day = self._today  # the day the cached cells were worked out for
        self._generation = 0  # cached cells of an older generation are stale
        self._status_names = status_names()
        self._role_names = role_names()
        self._headers = [self.tr("Item"), self._role_names["responsible"], self.tr("Deadline"),
                         self.tr("Status"), self.tr("Progress")]
        self._bold = QFont()
        self._bold.setBold(True)
        ctx.changed.connect(self.apply_change)

    # -- loading -------------------------------------------------------------------------
    def load(self, plan_id: int | None) -> None:
        """Show a plan (None: nothing); the only place the model resets (edits never do)."""
        svc = self.ctx.service
        self.show_nodes(plan_id, svc.tree(plan_id) if plan_id is not None else [], svc.today() if svc else None)

    def show_nodes(self, plan_id: int | None, nodes: list[NodeInfo], today: dt.date | None) -> None:
        """Show a plan's nodes, given in document order: the service's, or (before the service is
        open, for the window's first paint) core/service/first_look.py's."""
        self.beginResetModel()
        self.plan_id = plan_id
        self._root = TreeItem(None, None, 0)
        self._items = {}
        self._order = None
        self._today = today or dt.date.today()
        self._generation += 1
        for info in nodes:  # parents come before their children
            parent = self._items[info.parent_id] if info.parent_id is not None else self._root
            item = TreeItem(info, parent, len(parent.children))
            parent.children.append(item)
            self._items[info.id] = item
        for item in reversed(self._items.values()):  # children before their parents
            item.rollup = _rollup_of(item, self._today)
        self.endResetModel()

    def today(self) -> dt.date:
        """The service's today; before it is open (the first paint), the day the nodes were read."""
        return self.ctx.service.today() if self.ctx.service is not None else self._today

    def apply_change(self, change: Change) -> None:
        """Refresh exactly the rows a service call changed, and their ancestors' roll-ups.

        An edited row is announced whole (an overdue task is red in every column); an ancestor
        only in its roll-up cells: the figure and its tooltip, and the tick box when it moved.
        Rows added, removed or moved are announced with begin/end Insert/Remove/MoveRows, so
        the view keeps which sections are open and what is selected; no reset.
        """
        if change.plan_id != self.plan_id or self.plan_id is None:
            return
        svc = self.ctx.service
        if change.structure and not self._apply_structure(change):
            self.load(self.plan_id)  # the change does not fit the rows shown: rebuild (never expected)
            return
        items = self._items
        edited = [items[i] for i in change.nodes if i in items]
        if change.fields <= PROGRESS_FIELDS and not change.structure:  # a status key, a note: one row read
            infos = svc.with_progress(item.info for item in edited) if edited else {}
        else:
            infos = svc.nodes(change.nodes) if change.nodes else {}
        above = [items[i] for i in change.rollups - change.nodes if i in items]
        for item in edited:
            item.info = infos.get(item.info.id, item.info)
        checks = {item.info.id: item.rollup.check_state for item in above}
        # Roll-ups are recomputed here from the cached children, deepest first, instead of
        # reloading the whole plan's roll-ups for every tick.
        today = svc.today()
        for item in sorted(edited + above, key=_depth, reverse=True):
            item.rollup = _rollup_of(item, today)
        for item in edited:
            item.cells = None
        for item in above:  # the rest of an ancestor's row is as it was: painted from the cache
            if item.cells is not None:
                for key in _ROLLUP_CELLS:
                    item.cells[1].pop(key, None)
        emit, index = self.dataChanged.emit, self.createIndex
        for item in edited:
            emit(index(item.row, TITLE, item), index(item.row, PROGRESS, item), list(ROLES_SHOWN))
        for item in above:
            if item.rollup.check_state != checks[item.info.id]:
                emit(index(item.row, TITLE, item), index(item.row, TITLE, item), CHECK_ROLES)
            emit(index(item.row, STATUS, item), index(item.row, PROGRESS, item), ROLLUP_ROLES)

    def _parent_item(self, parent_id: int | None) -> TreeItem | None:
        return self._root if parent_id is None else self._items.get(parent_id)

    def _parent_index(self, item: TreeItem) -> QModelIndex:
        return QModelIndex() if item is self._root else self.createIndex(item.row, 0, item)

    def _apply_structure(self, change: Change) -> bool:
        """Move, remove and insert the rows the change names; False when they do not match the tree."""
        for place in change.removed:
            item = self._items.get(place.id)
            if item is None or item.parent is not self._parent_item(place.parent_id):
                return False
            parent = item.parent
            self.beginRemoveRows(self._parent_index(parent), item.row, item.row)
            del parent.children[item.row]
            _renumber(parent, item.row)
            for gone in _subtree(item):
                self._items.pop(gone.info.id, None)
            self._order = None
            self.endRemoveRows()
        for move in change.moved:
            item = self._items.get(move.id)
            src, dst = self._parent_item(move.old.parent_id), self._parent_item(move.new.parent_id)
            if item is None or src is None or dst is None or item.parent is not src or item.row != move.old.row:
                return False
            dest_row = move.new.row + 1 if src is dst and move.new.row > move.old.row else move.new.row
            if not self.beginMoveRows(self._parent_index(src), item.row, item.row, self._parent_index(dst), dest_row):
                return False
            del src.children[item.row]
            _renumber(src, item.row)
            dst.children.insert(move.new.row, item)
            item.parent = dst
            item.cells = None  # a section moved to or from the top is bold or no longer
            _renumber(dst, move.new.row)
            self._order = None
            self.endMoveRows()
        for place in change.added:
            parent = self._parent_item(place.parent_id)
            if parent is None or not 0 <= place.row <= len(parent.children):
                return False
            infos = self._fetch_subtree(place.id)
            self.beginInsertRows(self._parent_index(parent), place.row, place.row)
            item = TreeItem(infos[place.id], parent, place.row)
            parent.children.insert(place.row, item)
            _renumber(parent, place.row)
            self._adopt(item, infos)
            self._order = None
            self.endInsertRows()
        return True

    def _fetch_subtree(self, root_id: int) -> dict:
        """Fresh records of a node and everything under it (a restored section brings its tasks back)."""
        infos, level = {}, [root_id]
        while level:
            found = self.ctx.service.nodes(level)
            infos.update(found)
            level = [c for i in level for c in found[i].child_ids]
        return infos

    def _adopt(self, item: TreeItem, infos: dict) -> None:
        """Register `item` and build its children from `infos`, with their roll-ups."""
        self._items[item.info.id] = item
        for row, child_id in enumerate(item.info.child_ids):
            child = TreeItem(infos[child_id], item, row)
            item.children.append(child)
            self._adopt(child, infos)
        item.rollup = _rollup_of(item, self.ctx.service.today())

    # -- lookups -------------------------------------------------------------------------
    def item(self, index: AnyIndex) -> TreeItem:
        return index.internalPointer() if index.isValid() else self._root

    def index_of(self, node_id: int, column: int = 0) -> QModelIndex:
        item = self._items.get(node_id)
        return self.createIndex(item.row, column, item) if item else QModelIndex()

    def holds(self, item: TreeItem) -> bool:
        """Whether `item` is in the plan shown (not one a structure edit took out, nor the last plan's)."""
        return item.info is not None and self._items.get(item.info.id) is item

    def total_rollup(self) -> Rollup:
        total = Rollup()
        for child in self._root.children:
            total.merge(child.rollup)
        return total

    def node_ids(self) -> list[int]:
        """Every node of the plan shown, in document order."""
        return [item.info.id for item in self.items()]

    def task_ids(self) -> list[int]:
        return [item.info.id for item in self.items() if item.is_task]

    def root(self) -> TreeItem:
        """The invisible item above the top-level sections."""
        return self._root

    def items(self) -> Iterator[TreeItem]:
        """Every item of the plan shown, in document order (walked again after a structure edit)."""
        if self._order is None:
            order, stack = [], list(reversed(self._root.children))
            while stack:
                item = stack.pop()
                order.append(item)
                stack.extend(reversed(item.children))
            self._order = order
        return iter(self._order)

    def column_texts(self, column: int) -> Iterator[str]:
        """What every row shows in `column`, without a Qt call per cell (the column sizer reads
        them all on a 5,000-task plan)."""
        for item in self.items():
            text = self._display(item, column)
            if text:
                yield text

    def cell_text(self, index: AnyIndex, column: int) -> str:
        """What the row of `index` shows in `column` (the column sizer measures an edited row)."""
        if not index.isValid():
            return ""
        return self._display(index.internalPointer(), column) or ""

    def due_state(self, info: NodeInfo, today: dt.date) -> str | None:
        """'overdue', 'soon' or None (core.domain.due is the rule)."""
        return due_state(info, today)

    # -- QAbstractItemModel --------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == PROGRESS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # a task has no children: the view then never asks (a task given one resets the model)
        if index.internalPointer().children:
            return _TITLE_FLAGS if index.column() == TITLE else _FLAGS
        return _TITLE_LEAF if index.column() == TITLE else _LEAF

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item: TreeItem = index.internalPointer()
        info, col = item.info, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, col)
        if role == Qt.ItemDataRole.CheckStateRole and col == TITLE:
            if item.is_task:
                return Qt.CheckState.Checked if info.status is Status.DONE else Qt.CheckState.Unchecked
            return _CHECK[item.rollup.check_state]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            state = self.due_state(info, self.today()) if item.is_task else None
            if state == "overdue":
                return OVERDUE_COLOR
            if state == "soon" and col == DEADLINE:
                return DUE_SOON_COLOR
            if item.is_task and col == STATUS:
                return STATUS_COLORS.get(info.status)
            return None
        if role == Qt.ItemDataRole.FontRole and not item.is_task and item.parent is self._root:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and col == PROGRESS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def multiData(self, index: AnyIndex, roleDataSpan) -> None:  # noqa: N803 (Qt's name)
        """Every role a delegate asks of one cell, in one call: Qt 6's initStyleOption asks seven,
        and each data() call from C++ costs more than the work it does. The answers are data()'s
        own, kept with the item until it changes (apply_change), the plan is shown again or the
        day turns: a status key repaints three rows, scrolling a screenful, all from the cache."""
        if not index.isValid():
            for role_data in roleDataSpan:
                role_data.clearData()
            return
        item: TreeItem = index.internalPointer()
        today = self.today()
        if today != self._cells_day:
            self._cells_day, self._generation = today, self._generation + 1
        cells = item.cells
        if cells is None or cells[0] != self._generation:
            cells = item.cells = (self._generation, {})
        known, col = cells[1], index.column()
        for role_data in roleDataSpan:
            role = role_data.role()
            value = known.get(role * 8 + col, _UNKNOWN)
            if value is _UNKNOWN:
                value = known[role * 8 + col] = self.data(index, role)
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _display(self, item: TreeItem, col: int) -> str | None:
        info = item.info
        if col == TITLE:
            return f"{info.label} {info.title}".strip()
        if col == UNITS:
            return "、".join(info.all_units)
        if col == DEADLINE:
            return self._deadline_display(info)
        if col == STATUS:
            return self._status_names[info.status] if item.is_task else ""
        if col == PROGRESS:
            r = item.rollup
            return "" if item.is_task else f"{r.done}/{r.applicable}"
        return None

    def _deadline_display(self, info: NodeInfo) -> str:
        """A task with several dated milestones shows the next open one, and how many there are;
        a deferred task shows where its deadline moved (8月底前 → 10月底前)."""
        if info.deferral is not None:
            from core.domain.deferral import due_words, original_words

            return f"{original_words(info)} → {due_words(info.deferral.due)}"
        dated = [d for d in info.deadlines if d.date]
        if not info.is_task or len(dated) < 2 or info.status not in OPEN_STATUSES:
            return "；".join(d.text for d in info.deadlines)
        due = info.next_due(self.today())
        current = next(d for d in dated if d.date == due)
        return self.tr("%1 (next of %2)").replace("%1", current.text).replace("%2", str(len(info.deadlines)))

    def _tooltip(self, item: TreeItem, col: int) -> str | None:
        """Rich text, so Qt wraps long texts instead of drawing one screen-wide line."""
        import html  # tooltips are asked for on hover, never for the first paint

        info = item.info
        if col == TITLE:
            text = info.text or info.title
            body = f"<b>{html.escape(info.label)}</b> {html.escape(text)}" + self._latest_line(info)
        elif col == UNITS:
            lines = [f"{self._role_names.get(role, role)}：{'、'.join(names)}"
                     for role, names in info.units.items() if names]
            body = "<br>".join(html.escape(line) for line in lines)
        elif col == DEADLINE:
            body = "<br>".join(html.escape(d.text + (f"（{d.date.isoformat()}）" if d.date else ""))
                               for d in info.deadlines)
            if info.deferral is not None:
                from core.domain.deferral import deferral_sentence

                body += "<br>" + html.escape(deferral_sentence(info))
        elif col in (STATUS, PROGRESS) and not item.is_task:
            body = html.escape(rollup_text(item.rollup))
        elif col == STATUS:
            body = html.escape(self._status_names[info.status]) + self._latest_line(info)
        else:
            return None
        return f"<qt>{body}</qt>" if body else None

    def _latest_line(self, info: NodeInfo) -> str:
        """"<br>最新进展：9月12日：…" for a task with 进展, so the clerk need not open the task."""
        entry = info.latest_entry
        if entry is None:
            return ""
        import html

        from core.domain.entries import entry_line

        return "<br>" + html.escape(self.tr("Latest progress: %1").replace("%1", entry_line(entry)))

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != TITLE:
            return False
        item: TreeItem = index.internalPointer()
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        name = short_name(item.info)
        if checked:  # a section's 不适用 tasks stay as they are; a single task is ticked as asked
            skip = (Status.DONE,) if item.is_task else (Status.DONE, Status.NA)
            tasks = [t for t in item.tasks() if t.status not in skip]
            text = self.tr("Tick “%1”").replace("%1", name)
        else:
            tasks = [t for t in item.tasks() if t.status is Status.DONE]
            text = self.tr("Untick “%1”").replace("%1", name)
        if not tasks:
            return False
        self.ctx.push(SetStatusCommand(self.ctx, tasks, Status.DONE if checked else Status.TODO, text))
        return True


def _depth(item: TreeItem) -> int:
    depth = 0
    while item.parent is not None:
        depth, item = depth + 1, item.parent
    return depth


def _renumber(parent: TreeItem, start: int) -> None:
    """Cached rows of `parent`'s children from `start` on, after one was put in or taken out."""
    for row in range(start, len(parent.children)):
        parent.children[row].row = row


def _subtree(item: TreeItem) -> Iterator[TreeItem]:
    yield item
    for child in item.children:
        yield from _subtree(child)


def _rollup_of(item: TreeItem, today) -> Rollup:
    """The service's roll-up rule (core.domain.progress), from the children's cached roll-ups."""
    return node_rollup(item.info, (child.rollup for child in item.children), today)
