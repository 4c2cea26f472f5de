"""The families of synthetic plans, by letter: builder and how many documents a run writes."""

from __future__ import annotations

import random

from tools.unseen.table_families import breakdown_one_line, family_c, family_d
from tools.unseen.text_families import (
    Doc,
    dept_scheme,
    family_a,
    family_e,
    one_line_text,
    plan_gold,
    prose_plan,
)


def family_b(rng: random.Random, i: int) -> Doc:
    """One-line bodies: prose plans, provincial/district 分解表 flattened, department 实施方案."""
    kind = i % 3
    if kind == 0:
        text, gold, level = breakdown_one_line(rng)
        return Doc("b", f"breakdown-{level}", "txt", text.encode("utf-8"), gold)
    w = dept_scheme(rng) if kind == 1 else prose_plan(rng)
    name = "scheme" if kind == 1 else f"prose-{w.plan.level}"
    return Doc("b", name, "txt", one_line_text(rng, w).encode("utf-8"), plan_gold(w))


FAMILIES = {
    "a": (family_a, 9),
    "b": (family_b, 9),
    "c": (family_c, 9),
    "d": (family_d, 6),
    "e": (family_e, 5),
}

__all__ = ["Doc", "FAMILIES"]
