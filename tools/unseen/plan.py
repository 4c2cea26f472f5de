"""The plan a synthetic document is written from, and the gold reading it implies.

A `Plan` is what the office meant (meta, sections, tasks, units by role, time limits with
their dates); renderers write it out as a web page, a flattened line, a table, …; `gold()`
turns it into the eval gold format (../shared/eval/README.md) the same way for every renderer.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from dataclasses import dataclass, field

CN_DIGITS = "零一二三四五六七八九"
HEAD_MAX = 18


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 14 → 十四, 23 → 二十三 (the numerals of 一、 and （一）)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def cn_year(year: int) -> str:
    return "".join("〇" if c == "0" else CN_DIGITS[int(c)] for c in str(year))


def cn_date(d: dt.date) -> str:
    """二〇二一年六月三日, as a notice's signature block prints it."""
    return f"{cn_year(d.year)}年{cn_number(d.month)}月{cn_number(d.day)}日"


@dataclass
class Limit:
    """One time limit as printed, with the dates it counts for and the ones left neutral."""

    text: str
    dates: list[str] = field(default_factory=list)
    optional: list[str] = field(default_factory=list)


def _month_end(year: int, month: int) -> str:
    return dt.date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def limit_in_text(rng: random.Random, year: int) -> Limit:
    """A time limit the way a task sentence says it, dated by the eval conventions.

    "X月底前" is the month's last day, "年底前" 12-31, "上半年" 06-30, "三季度末前" 09-30, a day
    its own date; "X月前" is read either way (end of X−1 or of X), so both stay neutral; "年内"
    and "全年" are neutral 12-31 (as the shared gold treats them).
    """
    kind = rng.choice(["month_end"] * 4 + ["day"] * 2 + ["year_end"] * 2 + ["half", "quarter", "month_before",
                                                                             "within_year", "next_year",
                                                                             "dated_day", "cn_month"])
    if kind == "month_end":
        m = rng.randint(3, 11)
        return Limit(rng.choice([f"{m}月底前", f"{m}月底前", f"{m}月末前", f"{m}月份底前"]), [_month_end(year, m)])
    if kind == "cn_month":
        m = rng.randint(3, 11)
        return Limit(f"{cn_number(m)}月底前", [_month_end(year, m)])
    if kind == "dated_day":
        m, d = rng.randint(3, 12), rng.choice([1, 10, 15, 20, 30])
        return Limit(f"{year}年{m}月{d}日前", [dt.date(year, m, d).isoformat()])
    if kind == "day":
        m, d = rng.randint(3, 11), rng.choice([10, 15, 20, 25, 30])
        return Limit(f"{m}月{d}日前", [dt.date(year, m, d).isoformat()])
    if kind == "year_end":
        return Limit(rng.choice(["年底前", f"{year}年底前", "12月底前"]), [f"{year}-12-31"])
    if kind == "half":
        return Limit("上半年", [f"{year}-06-30"])
    if kind == "quarter":
        q = rng.choice([2, 3, 3])
        text = rng.choice([f"{cn_number(q)}季度末前", f"第{cn_number(q)}季度前", f"第{cn_number(q)}季度末"])
        return Limit(text, [_month_end(year, q * 3)])
    if kind == "month_before":
        m = rng.randint(4, 11)
        return Limit(f"{m}月前", [], [_month_end(year, m - 1), _month_end(year, m)])
    if kind == "within_year":
        return Limit("年内", [], [f"{year}-12-31"])
    m = rng.randint(1, 3)
    return Limit(f"{year + 1}年{m}月底前", [_month_end(year + 1, m)])


def limit_in_column(rng: random.Random, year: int) -> Limit:
    """A time limit as a deadline column holds it: dated, stepped, or "长期推进"."""
    kind = rng.choice(["plain"] * 4 + ["full_year", "steps", "steps", "ongoing", "ongoing", "quarterly"])
    if kind == "plain":
        return limit_in_text(rng, year)
    if kind == "full_year":
        m = rng.randint(5, 11)
        if rng.random() < 0.4:  # "2021年8月前": before August or by its end, read either way
            return Limit(f"{year}年{m}月前", [], [_month_end(year, m - 1), _month_end(year, m)])
        return Limit(f"{year}年{m}月底前", [_month_end(year, m)])
    if kind == "steps":
        a, b = sorted(rng.sample(range(3, 12), 2))
        first, second = rng.choice([("公布计划", "公布结果"), ("完成摸底", "完成整改"), ("启动", "完成")])
        sep = rng.choice([",", "，", "；", " "])
        return Limit(f"{a}月{first}{sep}{b}月{second}", [_month_end(year, a), _month_end(year, b)])
    if kind == "quarterly":
        return Limit(rng.choice(["每季度", "按季度更新", "每月更新"]))
    return Limit(rng.choice(["长期推进", "长期坚持", "持续推进", "常态化开展"]))


@dataclass
class Node:
    """A section or task: its label as printed, its text, units by role and time limits."""

    label: str
    title: str
    body: str = ""
    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    limits: list[Limit] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    optional: bool = False
    label_alts: list[str] = field(default_factory=list)
    shared: bool = False                 # in a table: shares the unit cell of the task above
    column_limit: Limit | None = None    # in a table: the deadline column's cell

    @property
    def units(self) -> list[str]:
        seen: list[str] = []
        for u in self.lead + self.responsible + self.cooperating:
            if u not in seen:
                seen.append(u)
        return seen

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


@dataclass
class Meta:
    title: object
    year: int
    issuer: object = None
    doc_number: object = None
    date: object = None


@dataclass
class Plan:
    meta: Meta
    nodes: list[Node]
    level: str = "city"   # province / city / county / district / bureau / hall
    place: str = ""

    def walk(self):
        for n in self.nodes:
            yield from n.walk()


def head_of(text: str) -> str:
    """The first characters of a node's text: its first clause, at most HEAD_MAX characters."""
    cut = len(text)
    for mark in "。；;：:！？（(":
        i = text.find(mark)
        if 0 < i < cut:
            cut = i
    return text[:min(cut, HEAD_MAX)].rstrip("，,、 ")


def gold_node(n: Node, convert=lambda s: s, text_of=None) -> dict:
    """One node in the gold format; `convert` maps script (simplified → traditional)."""
    text = text_of(n) if text_of else n.title + ("。" + n.body if n.body else "")
    label = [convert(x) for x in [n.label] + n.label_alts] if n.label_alts else convert(n.label)
    out = {"label": label, "head": head_of(convert(text)),
           "units": [convert(u) for u in n.units], "lead": [convert(u) for u in n.lead],
           "deadlines": sorted({d for lim in n.limits for d in lim.dates}),
           "optional_deadlines": sorted({d for lim in n.limits for d in lim.optional}),
           "children": [gold_node(c, convert, text_of) for c in n.children]}
    if n.optional:
        out["optional"] = True
    return out


def gold(plan: Plan, convert=lambda s: s, text_of=None) -> dict:
    m = plan.meta

    def conv(v):
        if isinstance(v, list):
            return [conv(x) for x in v]
        return convert(v) if isinstance(v, str) else v

    return {"title": conv(m.title), "year": m.year, "issuer": conv(m.issuer),
            "doc_number": conv(m.doc_number), "date": m.date,
            "nodes": [gold_node(n, convert, text_of) for n in plan.nodes]}
