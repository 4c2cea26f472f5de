"""Write a plan out as prose paragraphs: notice head, title, numbered tasks with their units."""

from __future__ import annotations

import random

from tools.unseen import vocab
from tools.unseen.compose import Office
from tools.unseen.plan import Node, Plan, cn_date, limit_in_column

# Unit clauses by role style: {L} lead, {R} responsible, {C} cooperating.
CLAUSES = {
    "lead_resp": ["（牵头单位：{L}；责任单位：{R}）", "（牵头单位：{L}，责任单位：{R}）",
                  " 牵头单位：{L}；责任单位：{R}。", "（牵头部门：{L}；责任部门：{R}）"],
    "lead_coop": ["（{L}牵头，{C}配合）", "（牵头单位：{L}；配合单位：{C}）", "（主办：{L}；协办：{C}）",
                  "（牵头单位：{L}，协办单位：{C}）"],
    "resp": ["（责任单位：{R}）", " 责任单位：{R}。", "【责任单位：{R}】", "（责任部门：{R}）"],
}


def join_units(rng: random.Random, units: list[str], sep: str) -> str:
    """Units run together with the document's separator; now and then 和 between the last two."""
    if len(units) >= 2 and rng.random() < 0.12:
        return sep.join(units[:-1]) + "和" + units[-1]
    return sep.join(units)


def unit_clause(rng: random.Random, n: Node, form: str, sep: str) -> str:
    """The units in the clause's wording; where the clause itself parts its roles with a comma
    ("X牵头，Y配合"), the units within a role are parted with 、 as offices write them."""
    if not n.units:
        return ""
    if sep == "，" and ("牵头，" in form or "，责任" in form or "，协办" in form or "，配合" in form):
        sep = "、"
    responsible = join_units(rng, n.responsible, sep)
    if len(n.responsible) >= 3 and "，" not in form and rng.random() < 0.3:
        # one list, two separators: "X、Y，Z、W" (named units, then the collective ones)
        half = len(n.responsible) // 2
        responsible = "、".join(n.responsible[:half]) + "，" + "、".join(n.responsible[half:])
    return form.format(L=join_units(rng, n.lead, sep), R=responsible, C=join_units(rng, n.cooperating, sep))


def node_paragraphs(rng: random.Random, nodes: list[Node], forms: dict[str, str], sep: str,
                    heading_stop: str, split_labels: bool = False, limit_year: int | None = None) -> list[str]:
    """Each node as one paragraph: label + title (+ 。 + body) + unit clause. `split_labels`
    puts a heading's label on a line of its own, as some sites' copied text does; with
    `limit_year`, some brackets also give the time limit ("；完成时限：9月底前）")."""
    out: list[str] = []
    for n in nodes:
        if n.children and not n.body and not n.units:
            gap = "\n" if split_labels and n.label and rng.random() < 0.7 else ""
            out.append(f"{n.label}{gap}{n.title}{heading_stop}")
        else:
            text = n.title + "。" + (n.body + "。" if n.body else "")
            style = "lead_resp" if n.lead and n.responsible else "lead_coop" if n.lead else "resp"
            clause = unit_clause(rng, n, forms[style], sep)
            if limit_year and clause[-1:] in "）】" and clause and not n.limits and rng.random() < 0.2:
                lim = limit_in_column(rng, limit_year)
                clause = clause[:-1] + rng.choice(LIMIT_KEYS) + lim.text + clause[-1]
                n.limits.append(lim)
            if clause.startswith(" "):
                text += clause.strip()
            elif clause:
                text = text.rstrip("。") + clause + "。"
            out.append(n.label + text)
        out.extend(node_paragraphs(rng, n.children, forms, sep, heading_stop, split_labels, limit_year))
    return out


LIMIT_KEYS = ["；完成时限：", "，完成时限：", "；时限："]  # a time limit added inside a unit bracket
DEPT_CLAUSES = {"resp": ["（责任科室：{R}）", "（责任股室：{R}）", "（负责科室：{R}）", "（责任处室：{R}）"],
                "lead_coop": ["（责任处室：{L}牵头，{C}配合）", "（责任科室：{L}牵头，{C}配合）"]}


def pick_forms(rng: random.Random, dept: bool = False) -> dict[str, str]:
    """The document's unit clause for each role style (a department names its 科室/处室)."""
    forms = {k: rng.choice(v) for k, v in CLAUSES.items()}
    if dept:
        forms.update({k: rng.choice(v) for k, v in DEPT_CLAUSES.items()})
    return forms


def notice_title(rng: random.Random, o: Office, title: str) -> str:
    """The 通知 that carries a plan: "X关于印发Y的通知", the plan's title bare or in 《》."""
    return f"{o.issuer}关于印发{title}的通知" if rng.random() < 0.75 else f"{o.issuer}关于印发《{title}》的通知"


def notice_paragraphs(rng: random.Random, plan: Plan, o: Office, notice_title: str, signed: str) -> list[str]:
    """The 通知 that carries the plan: title, 文号, addressees, one line, signature, date."""
    m = plan.meta
    paras = [notice_title]
    if m.doc_number:
        paras.append(m.doc_number)
    paras.append("，".join(rng.sample(o.collective, min(3, len(o.collective)))) + "：")
    forms = [f"现将《{m.title}》印发给你们，请结合实际认真贯彻执行。",
             f"《{m.title}》已经研究同意，现印发给你们，请抓好落实。"]
    if o.level in ("province", "city", "county", "district") and not o.place.endswith("片区"):
        forms.append(f"经{o.place}人民政府同意，现将《{m.title}》印发给你们，请认真组织实施。")
    paras.append(rng.choice(forms))
    paras += [o.issuer, signed]
    if rng.random() < 0.6:
        paras.append("（此件公开发布）")
    return paras


def intro(rng: random.Random, plan: Plan, o: Office) -> str:
    upper = rng.choice([f"{plan.meta.year}年政务公开工作要点", "国务院办公厅关于印发政务公开工作要点的通知"])
    who = {"province": "全省", "city": "全市", "county": "全县", "district": "全区"}.get(o.level, "本单位")
    forms = vocab.INTRO if plan.meta.year >= 2018 else vocab.INTRO[:2]
    return rng.choice(forms).format(upper=upper, upper_no=f"国办发〔{plan.meta.year}〕{rng.randint(5, 30)}号",
                                          who=who, year=plan.meta.year)


def signed_text(rng: random.Random, d) -> str:
    """The signature date as printed: 2021年6月3日, 二〇二一年六月三日, or with ○ for 〇 as many
    offices type it."""
    return rng.choice([f"{d.year}年{d.month}月{d.day}日", f"{d.year}年{d.month}月{d.day}日", cn_date(d),
                       cn_date(d).replace("〇", "○")])
