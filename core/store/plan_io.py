"""Writing a parsed plan into the tables, and reading a plan's whole tree back in bulk."""

from __future__ import annotations

import datetime as dt

from peewee import fn

from core.domain.records import DeadlineInfo, DeferralInfo, EntryInfo, ImportResult, NodeInfo, Rollup
from core.domain.status import OPEN_STATUSES, Status
from core.messages import term
from core.parse.parsed_plan import ROLES, ParsedNode, ParsedPlan
from core.store.db import database
from core.store.tables import Deadline, Deferral, Entry, Node, NodeUnit, Plan, Progress, Unit, now


def _unit_ids(names: set[str]) -> dict[str, int]:
    """Ids for unit names, creating the missing ones."""
    known = {u.name: u.id for u in Unit.select().where(Unit.name.in_(list(names)))} if names else {}
    for name in sorted(names - known.keys()):
        known[name] = Unit.create(name=name).id
    return known


def unit_names() -> list[str]:
    """Every unit some plan names, by name."""
    return [u.name for u in Unit.select(Unit.name).order_by(Unit.name)]


def insert_plan(parsed: ParsedPlan, source_name: str | None, sha256: str | None) -> ImportResult:
    """Insert a plan; the caller holds the transaction."""
    plan = Plan.create(
        title=parsed.title or source_name or term("untitled_plan"),
        year=parsed.year,
        issuer=parsed.issuer,
        doc_number=parsed.doc_number,
        issue_date=parsed.date,
        source_name=source_name,
        source_sha256=sha256,
    )
    names = {n.strip() for node in parsed.walk() for r in ROLES for n in node.units.get(r, []) if n.strip()}
    unit_ids = _unit_ids(names)
    result = ImportResult(plan_id=plan.id, sections=0, tasks=0, units=len(names), deadlines=0)
    nodes: list[tuple] = []
    links: list[tuple] = []
    deadlines: list[tuple] = []
    progress: list[tuple] = []
    next_id = (Node.select(fn.MAX(Node.id)).scalar() or 0) + 1  # the ids SQLite would give, known up front
    at = now()

    def add(node: ParsedNode, parent_id: int | None, position: int) -> None:
        nonlocal next_id
        node_id, next_id = next_id, next_id + 1
        nodes.append((node_id, plan.id, parent_id, position, node.label, node.title or node.text[:60],
                      node.text or node.title))
        for role in ROLES:
            for i, name in enumerate(dict.fromkeys(n.strip() for n in node.units.get(role, []))):
                if name:
                    links.append((node_id, unit_ids[name], role, i))
        for i, d in enumerate(node.deadlines):
            deadlines.append((node_id, i, d.text, d.date))
        result.deadlines += len(node.deadlines)
        if node.children:
            result.sections += 1
            for i, child in enumerate(node.children):
                add(child, node_id, i)
        else:
            result.tasks += 1
            progress.append((node_id, Status.TODO.value, "", at))

    for i, node in enumerate(parsed.nodes):
        add(node, None, i)
    _insert_rows(Node, (Node.id, Node.plan, Node.parent, Node.position, Node.label, Node.title, Node.text), nodes)
    _insert_rows(NodeUnit, (NodeUnit.node, NodeUnit.unit, NodeUnit.role, NodeUnit.position), links)
    _insert_rows(Deadline, (Deadline.node, Deadline.position, Deadline.text, Deadline.due), deadlines)
    _insert_rows(Progress, (Progress.node, Progress.status, Progress.note, Progress.updated_at), progress)
    return result


def _insert_rows(model, fields: tuple, rows: list[tuple]) -> None:
    """Many rows in one executemany. Node by node through peewee, a 1,000-task plan took ~0.4 s to
    store, nearly all of it building SQL text; values still go through each field's db_value."""
    if not rows:
        return
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({", ".join("?" * len(fields))})'
    convert = [f.db_value for f in fields]
    model._meta.database.cursor().executemany(
        sql, [tuple(c(v) for c, v in zip(convert, row, strict=True)) for row in rows])


def _infos(where: str, params: tuple) -> dict[int, NodeInfo]:
    rows = database.execute_sql(
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


def _fill(infos: dict[int, NodeInfo], where: str, params: tuple) -> None:
    """Units, deadlines and progress of the nodes `where` selects (SQL on node n), in plain queries:
    one row a tuple, no per-row model objects (a 500-task tree is on screen at start-up)."""
    sql = database.execute_sql
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
    for node_id, entry_id, day, text, status in _latest_entries(where, params):
        infos[node_id].latest_entry = EntryInfo(id=entry_id, node_id=node_id, day=stored_date(day), text=text,
                                                status=stored_status(status) if status else None)


_ENTRIES = "SELECT e.node_id, e.id, e.day, e.text, e.status FROM entry e JOIN node n ON n.id = e.node_id WHERE {where}"
_NEWEST = ("SELECT e.node_id, e.id, e.day, e.text, e.status FROM node n JOIN entry e ON e.id = (SELECT f.id FROM entry f "
           "WHERE f.node_id = n.id ORDER BY f.day DESC, f.id DESC LIMIT 1) WHERE {where}")


def _latest_entries(where: str, params: tuple) -> list[tuple]:
    """Each node's newest 进展 with a readable date. SQLite picks each node's newest entry through the
    entry table's node index, so a year of monthly entries stays in the database; only a node whose
    newest date does not read (edited by another tool) has its entries read in full."""
    newest = database.execute_sql(_NEWEST.format(where=where), params)
    latest, unreadable = [], []
    for found in newest:
        (latest if stored_date(found[2]) is not None else unreadable).append(found[:5])
    if unreadable:
        ids = tuple(found[0] for found in unreadable)
        query = _ENTRIES.format(where=f"e.node_id IN ({', '.join('?' * len(ids))})") + " ORDER BY e.day DESC, e.id DESC"
        seen: set[int] = set()
        for found in database.execute_sql(query, ids):
            if found[0] not in seen and stored_date(found[2]) is not None:
                seen.add(found[0])
                latest.append(found)
    return latest


def deferral_info(row: Deferral) -> DeferralInfo | None:
    """A stored 延期; one whose date is unreadable (edited by another tool) is left out."""
    due = stored_date(row.due)
    if due is None:
        return None
    return DeferralInfo(id=row.id, due=due, reason=row.reason, approval=row.approval, at=stored_time(row.at))


def entry_info(row: Entry) -> EntryInfo | None:
    """A stored 进展 entry; an unknown status word reads as none, an unreadable date drops it."""
    day = stored_date(row.day)
    if day is None:
        return None
    status = stored_status(row.status) if row.status else None
    return EntryInfo(id=row.id, node_id=row.node_id, day=day, text=row.text, status=status)


def load_tree(plan_id: int) -> dict[int, NodeInfo]:
    """Every node of a plan, ordered parents-first by position, in four queries."""
    infos = _infos("n.plan_id = ?", (plan_id,))
    if infos:
        for info in sorted(infos.values(), key=lambda i: i.position):
            if info.parent_id is not None:
                infos[info.parent_id].child_ids.append(info.id)
        _fill(infos, "n.plan_id = ?", (plan_id,))
    return infos


def load_nodes(node_ids: list[int]) -> dict[int, NodeInfo]:
    """Just these nodes (any plan), with their child ids; missing ids are left out."""
    infos: dict[int, NodeInfo] = {}
    for start in range(0, len(node_ids), 500):
        chunk = node_ids[start:start + 500]
        where = f"n.id IN ({', '.join('?' * len(chunk))})"
        part = _infos(where, tuple(chunk))
        children = database.execute_sql(
            f"SELECT n.id, n.parent_id FROM node n WHERE n.parent_id IN ({', '.join('?' * len(chunk))}) "
            "ORDER BY n.position", tuple(chunk))
        for child_id, parent_id in children:
            part[parent_id].child_ids.append(child_id)
        _fill(part, where, tuple(chunk))
        infos.update(part)
    return infos


_TASK_STATES = """
    SELECT n.plan_id, p.status,
           coalesce((SELECT f.due FROM deferral f WHERE f.node_id = n.id AND date(f.due) IS NOT NULL
                     ORDER BY f.id DESC LIMIT 1),
                    (SELECT max(d.due) FROM deadline d WHERE d.node_id = n.id))
    FROM progress p JOIN node n ON n.id = p.node_id
    WHERE NOT EXISTS (SELECT 1 FROM node c WHERE c.parent_id = n.id) {where}
"""


def plan_rollups(db, today: dt.date, plan_id: int | None = None) -> dict[int, Rollup]:
    """Every plan's roll-up in one query, without loading trees (the plan list and status bar).

    The SQL form of NodeInfo.is_overdue (the latest 延期 date, else the last deadline): a test
    holds the two to the same answers.
    """
    where, params = ("AND n.plan_id = ?", (plan_id,)) if plan_id is not None else ("", ())
    out: dict[int, Rollup] = {}
    today_text = today.isoformat()
    for pid, status, due in db.execute_sql(_TASK_STATES.format(where=where), params):
        status = stored_status(status)
        overdue = status in OPEN_STATUSES and due is not None and str(due) < today_text
        out.setdefault(pid, Rollup()).add(status, overdue)
    return out


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
