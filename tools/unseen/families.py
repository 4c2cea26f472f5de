"""The families of synthetic plans, by letter: builder and how many documents a run writes.

A builder takes (rng, index, seed): its own seeded generator, its place in the family (which
picks the kind of document), and the run's seed (for documents that share text, like 片区 copies).
"""

from __future__ import annotations

import random

from tools.unseen.dept_families import dept_scheme, pianqu_copy
from tools.unseen.table_families import breakdown_one_line, family_c, family_d
from tools.unseen.text_families import (
    Doc,
    dept_list,
    family_e,
    one_line_text,
    page_text,
    plan_gold,
    prose_plan,
)


def family_a(rng: random.Random, i: int, seed: int) -> Doc:
    """Short web pages: government plans, department duty lists, 片区 copies of one plan."""
    if i >= 9:
        w, kind = pianqu_copy(rng, seed, i), "pianqu"
    elif i % 3 == 2:
        w, kind = dept_list(rng), "dept"
    else:
        w = prose_plan(rng)
        kind = w.plan.level
    return Doc("a", kind, "txt", page_text(rng, w).encode("utf-8"), plan_gold(w))


def family_b(rng: random.Random, i: int, seed: int) -> Doc:
    """One-line bodies: prose plans, provincial/district 分解表 flattened, department 实施方案."""
    kind = i % 3
    if kind == 0:
        text, gold, level = breakdown_one_line(rng)
        return Doc("b", f"breakdown-{level}", "txt", text.encode("utf-8"), gold)
    w = dept_scheme(rng) if kind == 1 else prose_plan(rng)
    name = "scheme" if kind == 1 else f"prose-{w.plan.level}"
    return Doc("b", name, "txt", one_line_text(rng, w).encode("utf-8"), plan_gold(w))


FAMILIES = {
    "a": (family_a, 11),
    "b": (family_b, 9),
    "c": (family_c, 9),
    "d": (family_d, 6),
    "e": (family_e, 5),
}

__all__ = ["Doc", "FAMILIES"]
