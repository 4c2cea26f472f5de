"""The families of synthetic plans, by letter: builder and how many documents a run writes.

A builder takes (rng, index, seed): its own seeded generator, its place in the family (which
picks the kind of document), and the run's seed (for documents that share text, like 片区 copies).
"""

from __future__ import annotations

import random

from tools.unseen import legacy
from tools.unseen.containers import html_page
from tools.unseen.dept_families import dept_scheme, pianqu_copy
from tools.unseen.table_families import breakdown_one_line, family_c, family_d, table_as_text
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
    """Short web pages: government plans in prose or as a table copied as text, department duty
    lists, 片区 copies of one plan."""
    i %= 12  # each run of twelve: four prose plans, two tables copied as text, three duty lists,
    #          two 片区 copies, one page saved as .html
    if i in (3, 7):
        return table_as_text(rng)
    if i == 11:  # the page saved as .html rather than copied as text
        w = prose_plan(rng)
        data = html_page(rng, w.notice_title, [p.replace("\n", " ") for p in w.head + w.body], None, [],
                         w.header, w.footer, rng.choice(["utf-8", "gbk"]))
        return Doc("a", f"page-{w.plan.level}", "html", data, plan_gold(w))
    if i >= 9:
        w, kind = pianqu_copy(rng, seed, i), "pianqu"
    elif i % 3 == 2:
        w, kind = dept_list(rng), "dept"
    else:
        w = prose_plan(rng)
        kind = f"prose-{w.plan.level}"
    text = page_text(rng, w)
    return Doc("a", kind, "txt", text.encode("utf-8"), plan_gold(w, parts=[text]))


def family_b(rng: random.Random, i: int, seed: int) -> Doc:
    """One-line bodies: prose plans, provincial/district 分解表 flattened, department 实施方案,
    片区 copies of one plan."""
    kind = i % 4
    if kind == 0:
        text, gold, level = breakdown_one_line(rng)
        return Doc("b", f"breakdown-{level}", "txt", text.encode("utf-8"), gold)
    if kind == 3:
        w, name = pianqu_copy(rng, seed + 1, i), "pianqu"
    else:
        w = dept_scheme(rng) if kind == 1 else prose_plan(rng)
        name = "scheme" if kind == 1 else f"prose-{w.plan.level}"
    text = one_line_text(rng, w)
    return Doc("b", name, "txt", text.encode("utf-8"), plan_gold(w, parts=[text]))


def family_h(rng: random.Random, i: int, seed: int) -> Doc:
    """Families a–e in turn (and their kinds in turn), written with the held-out words."""
    from tools.unseen.holdout import holdout_words

    fam = BASE[i % len(BASE)]
    with holdout_words():
        doc = FAMILIES[fam][0](rng, i, seed)
    return Doc("h", f"{fam}-{doc.name}", doc.ext, doc.data, doc.gold)


FAMILIES = {
    "a": (family_a, 24),
    "b": (family_b, 20),
    "c": (family_c, 24),
    "d": (family_d, 16),
    "e": (family_e, 14),
    "f": (legacy.family_f, 10),
    "h": (family_h, 30),
}
BASE = ["a", "b", "c", "d", "e"]  # the families h rewrites with its own words
# Families written with nothing but Python; f needs LibreOffice and is left out when it is absent.
PORTABLE = BASE + ["h"]


def available() -> list[str]:
    """The families this machine can write, in letter order."""
    return sorted(PORTABLE + (["f"] if legacy.available() else []))

__all__ = ["Doc", "FAMILIES", "PORTABLE", "available"]
