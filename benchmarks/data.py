"""Synthetic databases for benchmarks: plans shaped like real ones, at a chosen size."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from core.parse.parsed_plan import ParsedDeadline, ParsedNode, ParsedPlan
from core.service.facade import PlanService

CN = "一二三四五六七八九十"


def synthetic_plan(year: int, tasks: int, sections: int = 5, subsections: int = 4) -> ParsedPlan:
    """A plan of `tasks` tasks spread over sections → subsections, with units and deadlines."""
    plan = ParsedPlan(title=f"基准市{year}年政务公开工作要点", year=year, issuer="基准市人民政府办公室")
    per_sub = max(1, tasks // (sections * subsections))
    made = 0
    for s in range(sections):
        sec = ParsedNode(label=f"{CN[s % 10]}、", title=f"第{s + 1}部分重点工作", text=f"第{s + 1}部分重点工作")
        for u in range(subsections):
            sub = ParsedNode(label=f"（{CN[u % 10]}）", title=f"第{u + 1}项工作", text=f"第{u + 1}项工作")
            for t in range(per_sub if (s, u) != (sections - 1, subsections - 1) else tasks - made):
                made += 1
                month = 1 + made % 12
                node = ParsedNode(label=f"{t + 1}.", title=f"推进第{made}项政务公开任务",
                                  text=f"推进第{made}项政务公开任务，规范信息发布，{month}月底前完成。")
                node.units["lead"] = [f"市第{made % 40}局"]
                node.units["cooperating"] = ["市直各单位", f"第{made % 7}区政府"]
                day = dt.date(year, month, 28)
                node.deadlines = [ParsedDeadline(f"{month}月底前", day)]
                sub.children.append(node)
            sec.children.append(sub)
        plan.nodes.append(sec)
    return plan


def build_database(path: Path, plans: int = 10, tasks: int = 500) -> Path:
    svc = PlanService(path)
    try:
        for i in range(plans):
            svc.import_plan(synthetic_plan(2016 + i, tasks))
    finally:
        svc.close()
    return path
