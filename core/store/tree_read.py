"""Reading a plan's tree in plain SQL, through any connection: the store's (peewee's `execute_sql`)
or the read-only one the window's first paint reads with before peewee is loaded.

Each table is one query; rows come back as tuples and become NodeInfo records, with no per-row
model objects and no per-row queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from core.domain.records import ROLES, DeadlineInfo, DeferralInfo, EntryInfo, NodeInfo, PlanSummary
from core.domain.status import Status

Execute = Callable[[str, tuple], Iterable[tuple]]  # (sql, params) -> rows


def _infos(sql: Execute, where: str, params: tuple) -> dict[int, NodeInfo]:
    rows = sql(
        f"SELECT n.id, n.plan_id, n.parent_id, n.position, n.label, n.title, n.text FROM node n WHERE {where} "
        "ORDER BY n.parent_id IS NOT NULL, n.position", params)
    return {node_id: NodeInfo(id=node_id, plan_id=plan_id, parent_id=parent_id, position=position, label=label,
                              title=title, text=text, units={r: [] for r in ROLES})
            for node_id, plan_id, parent_id, position, label, title, text in rows}


# Values outside the schema (a file edited by another tool) read as the nearest harmless value, so
# views and exports keep working; `check` (health.py) lists each one.
def stored_status(value: str) -> Status:
    """The status a progress row holds; an unknown word reads as TODO."""
    try:
        return Status(value)
    except ValueError:
        return Status.TODO


def stored_date(value: object) -> dt.date | None:
    """A stored date, as peewee hands it back (a date) or as SQLite holds it (YYYY-MM-DD, perhaps
    with a time); text that is not one reads as no date."""
    if isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            return dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value).date()
        except ValueError:
            return None
    return None


def stored_time(value: object) -> dt.datetime | None:
    """A stored date and time (peewee's datetime, or SQLite's text of one); anything else is none."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] in " T":
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def _fill(sql: Execute, infos: dict[int, NodeInfo], where: str, params: tuple) -> None:
    """Units, deadlines and progress of the nodes `where` selects (SQL on node n), in plain queries:
    one row a tuple, no per-row model objects (a 500-task tree is on screen at start-up)."""
    links = sql("SELECT nu.node_id, nu.role, u.name FROM node_unit nu JOIN unit u ON u.id = nu.unit_id "
                f"JOIN node n ON n.id = nu.node_id WHERE {where} ORDER BY nu.position", params)
    for node_id, role, name in links:
        if role in ROLES:  # an unknown role is left out (check reports it)
            infos[node_id].units[role].append(name)
    dls = sql(f"SELECT d.node_id, d.text, d.due FROM deadline d JOIN node n ON n.id = d.node_id WHERE {where} "
              "ORDER BY d.position", params)
    for node_id, text, due in dls:
        infos[node_id].deadlines.append(DeadlineInfo(text, stored_date(due)))
    prog = sql("SELECT p.node_id, p.status, p.note, p.completed_on, p.updated_at FROM progress p "
               f"JOIN node n ON n.id = p.node_id WHERE {where}", params)
    for node_id, status, note, completed_on, updated_at in prog:
        info = infos[node_id]
        info.status, info.note = stored_status(status), note
        info.completed_on, info.updated_at = stored_date(completed_on), stored_time(updated_at)
    deferrals = sql("SELECT f.id, f.node_id, f.due, f.reason, f.approval, f.at FROM deferral f "
                    f"JOIN node n ON n.id = f.node_id WHERE {where} ORDER BY f.id", params)
    for deferral_id, node_id, due, reason, approval, at in deferrals:
        if stored_date(due) is not None:  # the latest one counts; an unreadable date is left out
            infos[node_id].deferral = DeferralInfo(id=deferral_id, due=stored_date(due), reason=reason,
                                                   approval=approval, at=stored_time(at))
    for node_id, entry_id, day, text, status in _latest_entries(sql, where, params):
        infos[node_id].latest_entry = EntryInfo(id=entry_id, node_id=node_id, day=stored_date(day), text=text,
                                                status=stored_status(status) if status else None)


_ENTRIES = "SELECT e.node_id, e.id, e.day, e.text, e.status FROM entry e JOIN node n ON n.id = e.node_id WHERE {where}"
_NEWEST = ("SELECT e.node_id, e.id, e.day, e.text, e.status FROM node n JOIN entry e ON e.id = (SELECT f.id FROM entry f "
           "WHERE f.node_id = n.id ORDER BY f.day DESC, f.id DESC LIMIT 1) WHERE {where}")


def _latest_entries(sql: Execute, where: str, params: tuple) -> list[tuple]:
    """Each node's newest 进展 with a readable date. SQLite picks each node's newest entry through the
    entry table's node index, so a year of monthly entries stays in the database; only a node whose
    newest date does not read (edited by another tool) has its entries read in full."""
    newest = sql(_NEWEST.format(where=where), params)
    latest, unreadable = [], []
    for found in newest:
        (latest if stored_date(found[2]) is not None else unreadable).append(found[:5])
    if unreadable:
        ids = tuple(found[0] for found in unreadable)
        query = _ENTRIES.format(where=f"e.node_id IN ({', '.join('?' * len(ids))})") + " ORDER BY e.day DESC, e.id DESC"
        seen: set[int] = set()
        for found in sql(query, ids):
            if found[0] not in seen and stored_date(found[2]) is not None:
                seen.add(found[0])
                latest.append(found)
    return latest


def read_tree(sql: Execute, plan_id: int) -> dict[int, NodeInfo]:
    """Every node of a plan, ordered parents-first by position, in six queries."""
    infos = _infos(sql, "n.plan_id = ?", (plan_id,))
    if infos:
        for info in sorted(infos.values(), key=lambda i: i.position):
            if info.parent_id is not None:
                infos[info.parent_id].child_ids.append(info.id)
        _fill(sql, infos, "n.plan_id = ?", (plan_id,))
    return infos


def read_nodes(sql: Execute, node_ids: list[int]) -> dict[int, NodeInfo]:
    """Just these nodes (any plan), with their child ids; missing ids are left out."""
    infos: dict[int, NodeInfo] = {}
    for start in range(0, len(node_ids), 500):
        chunk = node_ids[start:start + 500]
        where = f"n.id IN ({', '.join('?' * len(chunk))})"
        part = _infos(sql, where, tuple(chunk))
        children = sql(f"SELECT n.id, n.parent_id FROM node n WHERE n.parent_id IN ({', '.join('?' * len(chunk))}) "
                       "ORDER BY n.position", tuple(chunk))
        for child_id, parent_id in children:
            part[parent_id].child_ids.append(child_id)
        _fill(sql, part, where, tuple(chunk))
        infos.update(part)
    return infos


def preorder(infos: dict[int, NodeInfo]) -> list[NodeInfo]:
    """The tree in document order."""
    out: list[NodeInfo] = []
    roots = sorted((i for i in infos.values() if i.parent_id is None), key=lambda i: i.position)
    stack = list(reversed(roots))
    while stack:
        info = stack.pop()
        out.append(info)
        stack.extend(infos[c] for c in reversed(info.child_ids))
    return out


_PLANS = ("SELECT id, title, year, issuer, doc_number, issue_date, source_name, source_sha256, imported_at FROM plan "
          "ORDER BY year IS NULL, year DESC, id DESC")


def read_plans(sql: Execute) -> list[PlanSummary]:
    """Every plan, newest year first (plans without a year last), newest import first within a year;
    roll-ups left empty. The service's listing and the window's first look both read it here."""
    return [PlanSummary(id=i, title=title, year=year, issuer=issuer, doc_number=number,
                        issue_date=stored_date(issued), source_name=source, source_sha256=sha,
                        imported_at=stored_time(imported))
            for i, title, year, issuer, number, issued, source, sha, imported in sql(_PLANS, ())]


def read_settings(sql: Execute, keys: Iterable[str]) -> dict[str, str]:
    """The stored text of the given setting keys (absent keys are left out)."""
    keys = tuple(keys)
    marks = ", ".join("?" * len(keys))
    return dict(sql(f"SELECT key, value FROM setting WHERE key IN ({marks})", keys)) if keys else {}
