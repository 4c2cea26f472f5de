"""What the clerk should look at before saving a parsed plan: the reader's and parser's notes
and what the checks below find, as warnings.

Computed in core (no Qt) so the CLI and tests can use them; their words are in core/messages.py.
A warning names the node it speaks of by its path (row numbers from the top level), and the
preview re-runs the checks after every edit, so a path always points into the plan as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.parse.labels import bare_label
from core.parse.parsed_plan import ParsedNode, ParsedPlan

NodePath = tuple[int, ...]
MAX_ITEMS = 200  # a warning lists at most this many lines or nodes

@dataclass(frozen=True)
class ImportWarning:
    """One doubt: `code` names it, `params` fill its message, `path` is the node it speaks of,
    and `items` are the further (text, node path or None) it lists — the tasks, the lines."""

    code: str
    params: dict = field(default_factory=dict)
    path: NodePath | None = None
    items: tuple[tuple[str, NodePath | None], ...] = ()


def node_name(node: ParsedNode, limit: int = 30) -> str:
    """Label and title as one short line, for lists."""
    name = f"{node.label}{node.title or (node.text.splitlines() or [''])[0]}".strip()
    return name if len(name) <= limit else name[:limit] + "…"


def node_at(plan: ParsedPlan, path: NodePath) -> ParsedNode:
    """The node at `path` (IndexError when there is none)."""
    siblings, node = plan.nodes, None
    for row in path:
        node = siblings[row]
        siblings = node.children
    if node is None:
        raise IndexError("empty path")
    return node


def walk_paths(plan: ParsedPlan):
    """Yield (path, node, has_units_above) for every node in document order."""
    stack = [((i,), n, False) for i, n in reversed(list(enumerate(plan.nodes)))]
    while stack:
        path, node, above = stack.pop()
        yield path, node, above
        own = above or any(node.units.get(r) for r in node.units)
        stack.extend(((*path, i), c, own) for i, c in reversed(list(enumerate(node.children))))


def check_plan(plan: ParsedPlan) -> list[ImportWarning]:
    """Every warning about `plan`, most important first."""
    out: list[ImportWarning] = [ImportWarning(n.code, dict(n.params), None, tuple((t, None) for t in n.items))
                                for n in getattr(plan, "notes", ())]
    if not plan.nodes:
        out.append(ImportWarning("no_nodes"))
    if not plan.title.strip():
        out.append(ImportWarning("no_title"))
    if plan.year is None:
        out.append(ImportWarning("no_year"))
    no_units: list[tuple[str, NodePath]] = []
    no_text: list[tuple[str, NodePath]] = []
    for path, node, above in walk_paths(plan):
        if not node.title.strip() and not node.text.strip():
            no_text.append((node.label or "…", path))
        elif not node.children and not above and not any(node.units.values()):
            no_units.append((node_name(node), path))
    for code, found in (("no_text", no_text), ("no_units", no_units)):
        if found:
            out.append(ImportWarning(code, {"count": len(found)}, found[0][1], tuple(found[:MAX_ITEMS])))
    out.extend(numbering_gaps(plan))
    if plan.skipped:
        items = tuple((line if len(line) <= 80 else line[:80] + "…", None) for line in plan.skipped[:MAX_ITEMS])
        out.append(ImportWarning("noise_skipped", {"count": len(plan.skipped)}, None, items))
    return out


def numbering_gaps(plan: ParsedPlan) -> list[ImportWarning]:
    """One warning per sibling list whose numbers skip or repeat (一、二、四 or (1)(2)(2)).

    A list may start at 1 or continue the numbering of the same kind from the section before,
    as many plans number (一)…(十四) straight through their parts.
    """
    out: list[ImportWarning] = []
    last: dict[tuple[int, str], int] = {}  # (depth, kind) → last value seen, across sections

    def visit(siblings: list[ParsedNode], parent: ParsedNode | None, prefix: NodePath) -> None:
        gaps: list[tuple[str, NodePath]] = []
        previous: dict[str, int] = {}
        for row, node in enumerate(siblings):
            label = bare_label(node.label) if node.label.strip() else None
            if label is None or not label.value:
                continue
            key = (len(prefix), label.kind)
            if label.kind in previous:
                ok = label.value == previous[label.kind] + 1
            else:
                ok = label.value == 1 or label.value == last.get(key, 0) + 1
            if not ok:
                gaps.append((node_name(node), (*prefix, row)))
            previous[label.kind] = label.value
            last[key] = label.value
        if gaps:
            if parent is None:
                out.append(ImportWarning("numbering_gap_top", {}, gaps[0][1], tuple(gaps)))
            else:
                out.append(ImportWarning("numbering_gap", {"section": node_name(parent, 20)}, gaps[0][1],
                                         tuple(gaps)))
        for row, node in enumerate(siblings):
            if node.children:
                visit(node.children, node, (*prefix, row))

    visit(plan.nodes, None, ())
    return out
