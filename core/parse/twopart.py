"""Stage: a plan that gives its tasks twice — prose 工作要点 first, then a 任务分解 table — read once.

Provincial and city offices issue the 要点 as prose and attach a 任务分解表 (or 责任分工表) that
repeats each task with its 牵头/责任单位 and 完成时限; departments do the same with a 工作计划表
after their 实施方案. The prose gives the tree, the table gives who and when. A table row is
matched to the prose node it repeats by the characters they share (scripts folded, so a
traditional table still meets simplified prose), preferring the next node in reading order;
its unit and time cells move onto that node and the table's copy of the task is dropped.
Rows that match nothing stay where the table was, so nothing the table says is lost.
"""

from __future__ import annotations

import re

from core.domain.textfold import fold
from core.parse.draft import Draft

_NOT_TEXT = re.compile(r"[^0-9A-Za-z\u3400-\u9fff]")
_MATCH = 0.6  # share of a row's character pairs found in the prose node
_KEY_CHARS = 40  # a row's opening words are enough; tables shorten the prose after that
_MIN_PROSE = 3
_CLOSE = 0.08  # candidates this near the best are told apart by reading order


def _pairs(text: str, limit: int | None = None) -> set[str]:
    key = _NOT_TEXT.sub("", fold(text))
    if limit is not None:
        key = key[:limit]
    return {key[i:i + 2] for i in range(len(key) - 1)}


def _parented(roots: list[Draft]) -> list[tuple[Draft | None, Draft]]:
    """(parent, node) for every node, in reading order."""
    out: list[tuple[Draft | None, Draft]] = []
    stack: list[tuple[Draft | None, Draft]] = [(None, r) for r in reversed(roots)]
    while stack:
        parent, node = stack.pop()
        out.append((parent, node))
        stack.extend((node, c) for c in reversed(node.children))
    return out


def _match(rows: list[Draft], prose: list[Draft]) -> dict[int, Draft]:
    """Row index → the prose node it repeats."""
    keys = [_pairs(p.text) for p in prose]
    found: dict[int, Draft] = {}
    cursor = 0
    for k, row in enumerate(rows):
        mine = _pairs(row.title or row.text, _KEY_CHARS)
        if len(mine) < 3:
            continue
        scores = [len(mine & key) / len(mine) for key in keys]
        best = max(scores, default=0.0)
        if best < _MATCH:
            continue
        near = [i for i, s in enumerate(scores) if s >= best - _CLOSE]
        pick = next((i for i in near if i >= cursor), near[0])
        found[k] = prose[pick]
        cursor = pick
    return found


def _table_runs(roots: list[Draft]) -> list[tuple[list[Draft], list[Draft]]]:
    """(siblings, run): each run of table drafts standing side by side under one parent — one table."""
    out: list[tuple[list[Draft], list[Draft]]] = []
    for siblings in [roots] + [n.children for _p, n in _parented(roots) if not n.from_table]:
        run: list[Draft] = []
        for node in [*siblings, None]:
            if node is not None and node.from_table:
                run.append(node)
                continue
            if run:
                out.append((siblings, run))
            run = []
    return out


def fold_repeated_tables(roots: list[Draft]) -> list[Draft]:
    """The tree with each table that repeats the prose folded into it (see the module doc)."""
    prose = [n for _p, n in _parented(roots) if not n.from_table]
    if len(prose) < _MIN_PROSE:
        return roots
    for siblings, run in _table_runs(roots):
        rows = [n for _p, n in _parented(run)]
        found = _match(rows, prose)
        leaves = [k for k, n in enumerate(rows) if not n.children]
        matched = [k for k in leaves if k in found]
        if len(matched) < 2 or len(matched) * 2 < len(leaves):
            continue  # a table of its own, not a repetition of the prose
        for k, target in found.items():
            _take(target, rows[k])
        ids = {id(rows[k]) for k in found}
        kept = [n for n in (_unmatched(top, ids) for top in run) if n is not None]
        at = next(i for i, n in enumerate(siblings) if n is run[0])
        siblings[at:at + len(run)] = kept
    return roots


def _take(target: Draft, row: Draft) -> None:
    """Move a row's unit and time cells onto the prose node it repeats."""
    for cell in row.unit_cells:
        if cell not in target.unit_cells:
            target.unit_cells.append(cell)
    for cell in row.time_cells:
        if cell not in target.time_cells:
            target.time_cells.append(cell)


def _unmatched(node: Draft, matched: set[int]) -> Draft | None:
    """The part of a table subtree that matched nothing (None when every row found its node)."""
    had_rows = bool(node.children)
    node.children = [c for c in (_unmatched(c, matched) for c in node.children) if c is not None]
    if node.children or not (had_rows or id(node) in matched):
        return node
    return None  # matched, or a group whose every row found its node
