"""Department 实施方案 and 通知 whose body is the task list, and plans copied out by 片区.

The 实施方案 closes each task with "（责任处室：X牵头，Y配合）", labels its phases "第一阶段：…
（2018年2月1日—4月30日）" and may attach a 工作计划表 laid out as two column pairs side by side.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random

from tools.unseen import compose, pages, prose
from tools.unseen.compose import Office
from tools.unseen.plan import Limit, Meta, Node, Plan
from tools.unseen.tables import Cell, Grid, flatten
from tools.unseen.text_families import Written

SAFEGUARDS = [("加强组织领导", "主要负责同志亲自抓，分管负责同志具体抓，形成一级抓一级的工作格局"),
              ("强化督促检查", "办公室定期调度任务进展，对推进不力的及时督促整改"),
              ("注重宣传引导", "及时总结推广好的经验做法，营造良好工作氛围"),
              ("严格考核问责", "将任务完成情况纳入年度考核，作为评先评优的重要依据")]
PHASES = [("动员部署", "印发方案，明确任务分工和完成时限"), ("组织实施", "各处室按照分工抓好落实，按月报送进展"),
          ("总结评估", "对照任务逐项总结，形成总结报告报送上级")]
SCHEME_SECTIONS = ["指导思想", "工作目标", "主要任务", "实施步骤", "保障措施"]
# a 片区's own units, and its "all of them" names
PIANQU_UNITS = (["片区办公室", "片区经济发展局", "片区社会事业局", "片区规划建设局", "片区综合执法局", "片区党群工作部"],
                ["各村（社区）", "片区各部门", "辖区各单位", "各有关单位"])
LEAD_COOP = {"hall": ["（责任处室：{L}牵头，{C}配合）", "（责任单位：{L}牵头，{C}配合）"],
             "bureau": ["（责任科室：{L}牵头，{C}配合）", "（责任股室：{L}牵头，{C}配合）", "（责任单位：{L}牵头，{C}配合）"]}


def phase_nodes(rng: random.Random, year: int) -> list[Node]:
    """Three phases with date ranges; their dates stay neutral (a phase is a span, not a limit)."""
    a = rng.randint(1, 4)
    b = a + rng.randint(2, 3)
    c = b + rng.randint(2, 3)
    out = []
    for i, ((name, what), m, nxt) in enumerate(zip(PHASES, (a, b, c), (b, c, 13), strict=True)):
        end_m = nxt - 1
        last = calendar.monthrange(year, end_m)[1]
        span = rng.choice([f"（{year}年{m}月1日—{end_m}月{last}日）", f"（{year}年{m}月—{end_m}月）",
                           f"（{m}月1日至{end_m}月{last}日）"])
        out.append(Node(f"第{'一二三'[i]}阶段：", f"{name}{span}", what, label_alts=[f"第{'一二三'[i]}阶段"],
                        limits=[Limit(span, [], [dt.date(year, m, 1).isoformat(),
                                                 dt.date(year, end_m, last).isoformat()])]))
    return out


def pairs_grid(rng: random.Random, tasks: list[Node]) -> Grid:
    """The 工作计划表 laid out as two column pairs side by side: 工作任务|责任处室|工作任务|责任处室."""
    unit_word = rng.choice(["责任处室", "责任科室", "责任单位"])
    grid = Grid(["工作任务", unit_word, "工作任务", unit_word])
    for k in range(0, len(tasks), 2):
        row: list[Cell | None] = []
        for t in tasks[k:k + 2]:
            row += [Cell(t.title), Cell("、".join(t.lead + t.cooperating))]
        grid.rows.append(row + [Cell(""), Cell("")] * (2 - len(tasks[k:k + 2])))
    return grid


def plan_table_pairs(rng: random.Random, tasks: list[Node], sep: str) -> str:
    """The side-by-side 工作计划表 as a one-line page's text has it: every cell run together."""
    return rng.choice(["附件：工作计划表", "附件 工作计划表"]) + sep + flatten(pairs_grid(rng, tasks), rng)


def dept_scheme(rng: random.Random, attach: bool = True) -> Written:
    """A department's 实施方案 (sections, tasks with a lead+cooperating bracket, phases, safeguards)
    or its 通知 whose body is the task list; either may carry a side-by-side 工作计划表."""
    o = compose.office(rng, rng.choice(["hall", "bureau"]))
    year = rng.randint(2016, 2023)
    signed = compose.issue_date(rng, year)
    roles = compose.roles_for(rng, o, "lead_coop")
    tasks = compose.flat_duties(rng, o, year, roles, rng.randint(5, 8))
    forms = {"lead_coop": rng.choice(LEAD_COOP[o.level]), "resp": "（责任处室：{R}）", "lead_resp": "（牵头处室：{L}；责任处室：{R}）"}
    as_notice = rng.random() < 0.35
    if as_notice:
        title = f"{o.issuer}关于做好{year}年政务公开工作的通知"
        compose.numbering(rng, tasks, ["cn"])
        meta = Meta(title, year, o.issuer, o.doc_number(rng, year) if rng.random() < 0.6 else None, signed.isoformat())
        plan = Plan(meta, tasks, o.level, o.place)
        head = [title] + ([meta.doc_number] if meta.doc_number else [])
        head.append("，".join(rng.sample(o.collective, 2)) + "：")
        body = [f"为做好{year}年政务公开工作，现将有关事项通知如下："]
        body += prose.node_paragraphs(rng, tasks, forms, "、", "")
        body += [o.issuer, prose.signed_text(rng, signed)]
        ntitle = title
    else:
        title = compose.plan_title(rng, o, year, "方案")
        compose.numbering(rng, tasks, ["paren_cn"])
        names = SCHEME_SECTIONS
        guide = Node("一、", names[0], "以习近平新时代中国特色社会主义思想为指导，全面落实上级关于政务公开的决策部署"
                     if year >= 2018 else "深入贯彻落实上级关于全面推进政务公开工作的决策部署")
        # "到2021年底" is a goal, not a time limit; a reader that dates it is neither right nor wrong
        goal = Node("二、", names[1], f"到{year}年底，本系统政务公开制度体系更加完善，公开质量明显提升",
                    limits=[Limit(f"到{year}年底", [], [f"{year}-12-31"])])
        steps = Node("四、", names[3], children=phase_nodes(rng, year))
        guard = Node("五、", names[4], children=[Node(f"（{'一二三四'[i]}）", t, b)
                                                   for i, (t, b) in enumerate(rng.sample(SAFEGUARDS, 3))])
        sections = [guide, goal, Node("三、", names[2], children=tasks), steps, guard]
        meta = Meta(title, year, o.issuer, o.doc_number(rng, year) if rng.random() < 0.6 else None, signed.isoformat())
        plan = Plan(meta, sections, o.level, o.place)
        ntitle = prose.notice_title(rng, o, title)
        head = prose.notice_paragraphs(rng, plan, o, ntitle, prose.signed_text(rng, signed))
        body = [title, "为深入推进政务公开工作，结合工作实际，制定本方案。"]
        for sec in sections:
            body.append(f"{sec.label}{sec.title}")
            if sec.body:
                body.append(sec.body + "。")
            elif sec is steps or sec is guard:
                body += [f"{p.label}{p.title}。{p.body}。" for p in sec.children]
            else:
                body += prose.node_paragraphs(rng, sec.children, forms, "、", "")
    if attach and rng.random() < 0.4:
        body.append(plan_table_pairs(rng, tasks, rng.choice([" ", ""])))
    return Written(plan, head, body, [], [], ntitle)


def pianqu_office(rng: random.Random, host: Office) -> Office:
    """One of the 片区 (sub-areas) of a district or county, issuing its own copy of the plan."""
    name = host.place + rng.choice(["东部", "西部", "南部", "北部", "中心", "滨海", "高新", "城东"]) + "片区"
    return Office("district", name, name + "管理局", host.prefix + "片", list(PIANQU_UNITS[0]), list(PIANQU_UNITS[1]))


def pianqu_copy(rng: random.Random, seed: int, i: int) -> Written:
    """Near-identical copies of one plan issued by different 片区: the text is shared by every copy
    of the run (drawn from the run's seed), the issuer and the units are each copy's own."""
    base = random.Random(f"{seed}:pianqu")
    host = compose.office(base, base.choice(["district", "county"]))
    year = base.randint(2018, 2024)
    nodes = compose.sectioned_plan(base, host, year, depth=2, roles=compose.roles_for(base, host, "none"))
    compose.numbering(base, nodes, ["cn", "paren_cn"], run_on=base.random() < 0.5)
    o = pianqu_office(rng, host)
    roles = compose.roles_for(rng, o, rng.choice(["lead_resp", "resp", "lead_coop"]))
    for sec in nodes:
        for t in sec.children:
            compose.assign_units(rng, t, o, roles)
    title = f"{o.place}{year}年政务公开工作要点"
    signed = compose.issue_date(rng, year)
    meta = Meta(title, year, o.issuer, o.doc_number(rng, year) if rng.random() < 0.5 else None, signed.isoformat())
    plan = Plan(meta, nodes, "district", o.place)
    ntitle = prose.notice_title(rng, o, title)
    head = prose.notice_paragraphs(rng, plan, o, ntitle, prose.signed_text(rng, signed))
    body = [title, prose.intro(base, plan, host)] + prose.node_paragraphs(rng, nodes, prose.pick_forms(rng), "、", "", limit_year=year)
    published = pages.page_date(rng, signed)
    return Written(plan, head, body, pages.header_noise(rng, o.issuer, published),
                   pages.footer_noise(rng, o.issuer), ntitle)
