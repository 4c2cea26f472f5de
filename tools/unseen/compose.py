"""Compose a random plan: who issues it, its sections, tasks, units by role and time limits."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from tools.unseen import vocab
from tools.unseen.plan import Limit, Node, cn_number, limit_in_text

LEVEL_PREFIX = {"province": "省", "city": "市", "county": "县", "district": "区"}


@dataclass
class Office:
    """The issuing office and the units its plan hands tasks to."""

    level: str            # province / city / county / district / bureau / hall
    place: str            # 江西省, 岳阳市, 会昌县, 章贡区, or a department's full name
    issuer: str           # 发文机关
    prefix: str           # 文号 prefix, e.g. 岳政办发
    specific: list[str]   # named units (bureaus, offices, sections)
    collective: list[str]  # "all of them" names

    def doc_number(self, rng: random.Random, year: int) -> str:
        bracket = rng.choice([("〔", "〕")] * 4 + [("[", "]"), ("（", "）")])
        return f"{self.prefix}{bracket[0]}{year}{bracket[1]}{rng.randint(2, 68)}号"


def office(rng: random.Random, level: str) -> Office:
    """An office of the level; departments are a bureau of a county/city or a provincial 厅."""
    if level == "province":
        place, short = rng.choice(vocab.PROVINCES)
        return Office(level, place, place + rng.choice(["人民政府办公厅", "政务公开领导小组办公室"]),
                      short + rng.choice(["政办发", "政办函", "府厅字"]),
                      [f"省{b[1]}" for b in vocab.BUREAUS] + vocab.OFFICES["province"],
                      vocab.COLLECTIVE["province"])
    if level in ("city", "county", "district"):
        pool = {"city": vocab.CITIES, "county": vocab.COUNTIES, "district": vocab.DISTRICTS}[level]
        place, short = rng.choice(pool)
        p = LEVEL_PREFIX[level]
        issuer = place + rng.choice(["人民政府办公室"] * 3 + ["政务公开工作领导小组"])
        return Office(level, place, issuer, short + rng.choice(["政办发", "府办发", "政办字", "府办函"]),
                      [p + b[0] for b in vocab.BUREAUS] + vocab.OFFICES[level], vocab.COLLECTIVE[level])
    if level == "bureau":
        host_level = rng.choice(["city", "county", "district"])
        pool = {"city": vocab.CITIES, "county": vocab.COUNTIES, "district": vocab.DISTRICTS}[host_level]
        place, short = rng.choice(pool)
        core = rng.choice(vocab.BUREAUS)[0]
        name = place + core
        return Office(level, name, name, short + core[:2] + rng.choice(["发", "字", "办"]),
                      vocab.DEPT_SECTIONS["bureau"], vocab.DEPT_SECTIONS["bureau_all"])
    place, short = rng.choice(vocab.PROVINCES)
    core = rng.choice(vocab.BUREAUS)[1]
    name = place + core
    return Office("hall", name, name, short + core[:2] + rng.choice(["发", "函"]),
                  vocab.DEPT_SECTIONS["hall"], vocab.DEPT_SECTIONS["hall_all"])


def plan_title(rng: random.Random, o: Office, year: int, kind: str = "要点") -> str:
    whole = {"province": "全省", "city": "全市", "county": "全县", "district": "全区"}.get(o.level, "")
    if kind == "要点":
        forms = [f"{o.place}{year}年政务公开工作要点", f"{year}年{o.place}政务公开工作要点"]
        if whole:
            forms.append(f"{year}年{whole}政务公开工作要点")
        if o.level not in ("bureau", "hall"):
            forms.append(f"{o.place}{year}年政务公开工作要点分工方案")
        return rng.choice(forms)
    if kind == "分解表":
        return rng.choice([f"{year}年{o.place}政务公开工作任务分解表",
                           f"{year}年{whole or o.place}政务公开重点任务分工表",
                           f"{o.place}{year}年政务公开工作台账"])
    return rng.choice([f"{o.place}{year}年政务公开工作实施方案", f"{o.place}推进政务公开工作实施方案"])


def issue_date(rng: random.Random, year: int) -> dt.date:
    return dt.date(year, rng.randint(2, 7), rng.randint(1, 28))


@dataclass
class Roles:
    """How a document assigns units: which roles a task gets and how many of each."""

    style: str  # lead_resp / resp / lead_coop / none
    shared_collective: list[str]


def roles_for(rng: random.Random, o: Office, style: str | None = None) -> Roles:
    style = style or rng.choice(["lead_resp", "lead_resp", "resp", "lead_coop", "none"])
    k = rng.randint(1, 3)
    return Roles(style, rng.sample(o.collective, k))


def assign_units(rng: random.Random, n: Node, o: Office, roles: Roles) -> None:
    """Fill a task's units by the document's role style."""
    if roles.style == "none":
        return
    # most tasks name one to three units; a few name a long run of them (a 三大攻坚战 kind of task)
    count = rng.choice([1, 1, 1, 2, 2, 3]) if rng.random() > 0.08 else rng.randint(5, min(9, len(o.specific)))
    named = rng.sample(o.specific, count)
    together = roles.shared_collective if rng.random() < 0.7 else rng.sample(o.collective, rng.randint(1, 2))
    if roles.style == "lead_resp":
        n.lead, n.responsible = named, list(together)
    elif roles.style == "lead_coop":
        n.lead, n.cooperating = named, list(together)
    else:
        n.responsible = named + list(together) if rng.random() < 0.6 else list(together)


def task_body(rng: random.Random, sentences: list[str], year: int, p_limit: float) -> tuple[str, list[Limit]]:
    """One to three body sentences, perhaps one with a time limit and one undated one."""
    body = rng.sample(sentences, rng.randint(1, len(sentences)))
    limits: list[Limit] = []
    if rng.random() < p_limit:
        lim = limit_in_text(rng, year)
        later = _later_limit(rng, year, lim) if rng.random() < 0.2 else None
        if later is not None:  # two steps in one sentence: "6月底前完成摸底，10月底前完成整改"
            text = rng.choice(vocab.TWO_STEP_SENTENCES).format(a=lim.text, b=later.text)
            limits.append(later)
        else:
            text = rng.choice(vocab.DEADLINE_SENTENCES).format(dl=lim.text)
        body.insert(rng.randint(0, len(body)), text)
        limits.append(lim)
    if rng.random() < 0.15:
        body.append(rng.choice(vocab.UNDATED_SENTENCES))
    if rng.random() < 0.12:
        cited = rng.choice(vocab.REFERENCE_SENTENCES)
        body.insert(rng.randint(0, len(body)), cited)
        if "全年" in cited:  # a whole-year figure: dating it 12-31 is neither right nor wrong
            limits.append(Limit("全年", [], [f"{year}-12-31"]))
    return "".join(body).rstrip("。"), limits


def _limit_key(lim: Limit) -> str:
    return max(lim.dates or lim.optional or ["9999"])


def _later_limit(rng: random.Random, year: int, first: Limit) -> Limit | None:
    """A second time limit that falls after the first (a plan's steps run forward)."""
    for _ in range(8):
        later = limit_in_text(rng, year)
        if later.dates and min(later.dates) > _limit_key(first):
            return later
    return None


def pick_topics(rng: random.Random, n_sections: int) -> list[tuple[str, list]]:
    topics = rng.sample(vocab.TOPICS, min(n_sections, len(vocab.TOPICS)))
    return [(t, rng.sample(tasks, min(len(tasks), rng.randint(1, 5)))) for t, tasks in topics]


def sectioned_plan(rng: random.Random, o: Office, year: int, *, depth: int = 2, roles: Roles | None = None,
                   p_limit: float = 0.35, n_sections: int | None = None) -> list[Node]:
    """Sections → tasks (→ items when depth is 3); labels are filled in by `numbering`."""
    roles = roles or roles_for(rng, o)
    nodes: list[Node] = []
    size = rng.choice([rng.randint(3, 6)] * 6 + [2, rng.randint(7, 10)])  # now and then a short or a long plan
    for heading, tasks in pick_topics(rng, n_sections or size):
        sec = Node("", heading, rng.choice(vocab.SECTION_LEADS) if rng.random() < 0.12 else "")
        for title, sentences in tasks:
            if depth == 3 and rng.random() < 0.6:
                task = Node("", title)
                for s in rng.sample(sentences, len(sentences)):
                    body, limits = task_body(rng, [s], year, p_limit)
                    item = Node("", body, limits=limits)
                    assign_units(rng, item, o, roles)
                    task.children.append(item)
            else:
                body, limits = task_body(rng, sentences, year, p_limit)
                task = Node("", title, body, limits=limits)
                assign_units(rng, task, o, roles)
            sec.children.append(task)
        nodes.append(sec)
    return nodes


def flat_duties(rng: random.Random, o: Office, year: int, roles: Roles, count: int | None = None) -> list[Node]:
    """A department's short list: 6–8 duties, no sections."""
    pool = [t for _, tasks in vocab.TOPICS for t in tasks]
    duties = []
    for title, sentences in rng.sample(pool, count or rng.randint(6, 8)):
        body, limits = task_body(rng, sentences, year, 0.3)
        n = Node("", title, body, limits=limits)
        assign_units(rng, n, o, roles)
        duties.append(n)
    return duties


# ---- numbering -------------------------------------------------------------------------------

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


# How each numbering family prints its n-th label: {c} Chinese numeral, {n} digits, {m} the
# digit's mark (. 、 ．), {o} the circled digit.
LABEL_FORMS = {"cn": "{c}、", "paren_cn": "（{c}）", "digit": "{n}{m}", "paren_digit": "（{n}）", "circled": "{o}",
               "shi": "{c}是", "digit_close": "{n}）", "paren_digit_half": "({n})"}


def label(kind: str, n: int, digit_mark: str = ".") -> str:
    """The label of the n-th item of a numbering family, as printed."""
    return LABEL_FORMS[kind].format(c=cn_number(n), n=n, m=digit_mark, o=CIRCLED[n - 1] if n <= len(CIRCLED) else n)


SCHEMES = {
    "cn/paren_cn/digit": ["cn", "paren_cn", "digit"],
    "cn/digit/paren_digit": ["cn", "digit", "paren_digit"],
    "digit/paren_digit/circled": ["digit", "paren_digit", "circled"],
    "cn/shi": ["cn", "shi", "circled"],
    "paren_cn/digit/paren_digit_half": ["paren_cn", "digit", "paren_digit_half"],
    "digit/digit_close/circled": ["digit", "digit_close", "circled"],
    "cn/paren_cn/digit_close": ["cn", "paren_cn", "digit_close"],
}


def numbering(rng: random.Random, nodes: list[Node], families: list[str], *, run_on: bool = False,
              digit_mark: str = ".", damage: bool = False, mixed_marks: bool = False) -> None:
    """Give every node its label: level i uses families[i]; `run_on` numbers the second level
    across sections (（四） under 二、); `damage` skips or repeats one number somewhere, or
    (for （一）) prints the brackets with the numeral lost, "（）", as a damaged copy does;
    `mixed_marks` types an odd "1、" among "1." (or the other way round), as hand-typed plans do."""
    counters = [0] * len(families)
    damaged = not damage

    def visit(items: list[Node], depth: int) -> None:
        nonlocal damaged
        if depth > 0 and not (run_on and depth == 1):
            counters[depth] = 0
        for node in items:
            counters[depth] += 1
            if not damaged and counters[depth] > 2 and rng.random() < 0.3:
                counters[depth] += rng.choice([1, -1])  # a skipped or a repeated number
                damaged = True
            mark = digit_mark
            if mixed_marks and rng.random() < 0.15:
                mark = rng.choice([m for m in (".", "、", "．") if m != digit_mark])
            node.label = label(families[depth], max(counters[depth], 1), mark)
            if not damaged and families[depth] == "paren_cn" and counters[depth] > 1 and rng.random() < 0.15:
                node.label, node.label_alts = "（）", [node.label]
                damaged = True
            if depth + 1 < len(families):
                visit(node.children, depth + 1)
            elif node.children:
                raise ValueError("tree deeper than its numbering")

    visit(nodes, 0)
