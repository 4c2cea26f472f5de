"""The clerk's fixes to a parsed plan before it is saved: merging two nodes and splitting one.

Pure functions on ParsedNode (no Qt, no store), so the preview's undo commands stay thin and the
rules — what a merged node keeps, where a split's units come from — are tested in core.
"""

from __future__ import annotations

from core.domain.deadline_dates import deadline_date
from core.parse.parsed_plan import ROLES, ParsedDeadline, ParsedNode

FIELDS: tuple[str, ...] = ("label", "title", "text", "units", "deadlines")


def fields_of(node: ParsedNode) -> dict:
    """A copy of the node's own fields (not its children), to restore on undo."""
    return {"label": node.label, "title": node.title, "text": node.text,
            "units": {r: list(node.units.get(r, [])) for r in ROLES},
            "deadlines": [ParsedDeadline(d.text, d.date) for d in node.deadlines]}


def apply_fields(node: ParsedNode, fields: dict) -> dict:
    """Set some of the node's fields; returns their previous values."""
    old = fields_of(node)
    for name, value in fields.items():
        if name not in FIELDS:
            raise KeyError(name)
        if name == "units":
            value = {r: list(value.get(r, [])) for r in ROLES}
        elif name == "deadlines":
            value = [ParsedDeadline(d.text, d.date) for d in value]
        setattr(node, name, value)
    return {name: old[name] for name in fields}


def set_title(node: ParsedNode, title: str) -> dict:
    """The fields a new title changes: the title, and the text when it began with the old title."""
    changes: dict = {"title": title}
    if node.title and node.text.startswith(node.title):
        changes["text"] = title + node.text[len(node.title):]
    elif not node.text.strip():
        changes["text"] = title
    return changes


def merged_fields(target: ParsedNode, node: ParsedNode) -> dict:
    """`target`'s fields once `node` is merged into it: texts joined, units and deadlines united."""
    text = "\n".join(t for t in (target.text.strip() or target.title, node.text.strip() or node.title) if t)
    units = {r: list(dict.fromkeys([*target.units.get(r, []), *node.units.get(r, [])])) for r in ROLES}
    seen = {(d.text, d.date) for d in target.deadlines}
    deadlines = [*target.deadlines, *(d for d in node.deadlines if (d.text, d.date) not in seen)]
    return {"title": target.title or node.title, "text": text, "units": units, "deadlines": deadlines}


def default_split(text: str) -> int:
    """Where a split most likely goes: the last line break, else after the first sentence."""
    body = text.rstrip()
    if "\n" in body:
        return body.rindex("\n") + 1
    for i, ch in enumerate(body[:-1]):
        if ch in "。；;！？!?":
            return i + 1
    return len(body) // 2


def split_node(node: ParsedNode, at: int, year: int | None) -> tuple[dict, ParsedNode] | None:
    """`node`'s new fields and the node that follows it when its text is cut at `at`.

    Each half takes the units and deadlines its own text names, as the parser would have;
    units and deadlines that came from table cells (no half names them) stay with both halves.
    None when either half would be empty.
    """
    from core.parse.deadlines import find_deadlines
    from core.parse.draft import first_sentence
    from core.parse.labels import split_label
    from core.parse.units import inline_units

    first, second = node.text[:at].strip(), node.text[at:].strip()
    if not first or not second:
        return None
    label, rest = split_label(second)
    found = [inline_units(half)[0] for half in (first, rest)]
    named = any(any(u.values()) for u in found)
    dates = [find_deadlines(half, year) for half in (first, rest)]
    dated = any(dates)
    keep = fields_of(node)
    new = ParsedNode(label=label.printed if label else "", title=first_sentence(rest), text=rest,
                     units={r: list(found[1].get(r, []) if named else keep["units"][r]) for r in ROLES},
                     deadlines=dates[1] if dated else list(keep["deadlines"]))
    changes = {"title": node.title if first.startswith(node.title) and node.title else first_sentence(first),
               "text": first}
    if named:
        changes["units"] = {r: list(found[0].get(r, [])) for r in ROLES}
    if dated:
        changes["deadlines"] = dates[0]
    return changes, new


def redated(plan, year: int | None) -> dict:
    """{node path: deadlines} for the nodes whose deadline dates change when the plan's year does.

    A deadline printed without a year ("6月底前") means the plan's year; one that names its
    year keeps its date. Deadlines no rule dates stay as they are (core.domain.deadline_dates).
    """
    from core.parse.checks import walk_paths

    out: dict = {}
    for path, node, _ in walk_paths(plan):
        new = [ParsedDeadline(d.text, deadline_date(d.text, year, d.date)) for d in node.deadlines]
        if new != node.deadlines:
            out[path] = new
    return out
