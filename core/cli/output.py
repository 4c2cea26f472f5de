"""What the commands print: the JSON shapes scripts read (`--json`) and the text lines a clerk reads.

The shapes are the CLI's contract (tests/test_cli*.py hold them); the words come from the
domain records, so `list`, `status`, `merge` and `diff` say what the window says.
"""

from __future__ import annotations

import sys

from core.domain.status import Status
from core.errors import UsageError
from core.messages import cli_line as message
from core.messages import term
from core.parse.parsed_plan import ROLE_ZH


def rollup_json(r) -> dict:
    return {"tasks": r.total, "counts": {s.zh: r.counts[s] for s in Status}, "done": r.done,
            "applicable": r.applicable, "overdue": r.overdue, "percentage": round(r.percent, 1)}


def task_json(t) -> dict:
    from core.domain.deferral import deferral_sentence

    d = t.deferral
    deferral = None if d is None else {"date": d.due.isoformat(), "reason": d.reason, "approval": d.approval,
                                       "text": deferral_sentence(t)}
    latest = t.latest_entry
    return {"id": t.id, "label": t.label, "title": t.title, "units": t.units,
            "deadlines": [{"text": d.text, "date": d.date.isoformat() if d.date else None} for d in t.deadlines],
            "due": t.final_due().isoformat() if t.final_due() else None, "deferral": deferral,
            "status": t.status.zh, "note": t.note,
            "latest_progress": None if latest is None else entry_json(latest)}


def entry_json(e) -> dict:
    return {"id": e.id, "date": e.day.isoformat(), "text": e.text, "status": e.status.zh if e.status else None}


def value_text(name: str, value) -> str:
    if value is None or value == "":
        return "（空）"
    if name == "status":
        return value.zh
    return value.isoformat() if hasattr(value, "isoformat") else f"“{value}”"


FIELD_ZH = {"status": "状态", "note": "完成情况", "completed_on": "完成日期"}




def merge_json(plan) -> dict:
    def val(name, v):
        return None if v is None else (v.zh if name == "status" else (v.isoformat() if hasattr(v, "isoformat") else v))

    return {"plan": plan.plan_id, "items": [
        {"id": i.node_id, "title": i.title, "kind": i.kind, "files": sorted(i.files),
         "changes": {k: {"value": val(k, p.value), "file": p.file, "unit": p.unit} for k, p in i.changes.items()},
         "entries": [{"text": p.value, "file": p.file, "unit": p.unit} for p in i.entries],
         "conflicts": [{"field": c.field, "reason": c.reason, "current": val(c.field, c.current),
                        "proposals": [{"file": p.file, "unit": p.unit, "value": val(c.field, p.value)}
                                      for p in c.proposals]} for c in i.conflicts]} for i in plan.items],
        "unmatched": [{"file": r.file, "sheet": r.sheet, "row": r.row, "text": r.text} for r in plan.unmatched],
        "problems": [message(UsageError(p.code, file=p.file, row=p.row, detail=p.detail)) for p in plan.problems]}


def print_merge(plan, applied: bool) -> None:
    changed, conflicting = plan.of_kind("changed"), plan.of_kind("conflicting")
    unchanged = plan.of_kind("unchanged")
    done_word = "已应用" if applied else "将应用"
    print(f"{done_word}改动 {len(changed) + sum(1 for i in conflicting if i.changes or i.entries)} 项任务：")
    for item in plan.items:
        parts = [f"{FIELD_ZH[k]} → {value_text(k, p.value)}（{p.source}）" for k, p in item.changes.items()]
        parts += [f"新增进展“{p.value}”（{p.source}）" for p in item.entries]
        if parts:
            print(f"  [{item.node_id}] {item.title}：" + "；".join(parts))
    print(f"冲突 {len(conflicting)} 项（未应用；用 --take 文件 选定一方）：" if conflicting else "冲突 0 项")
    for item in conflicting:
        for c in item.conflicts:
            offers = "；".join(f"{p.file}（{p.unit}）写 {value_text(c.field, p.value)}" for p in c.proposals)
            print(f"  [{item.node_id}] {item.title}：{FIELD_ZH[c.field]}现为 {value_text(c.field, c.current)}；"
                  f"{offers}（{term(f'conflict_{c.reason}')}）")
    print(f"无变化 {len(unchanged)} 项")
    if plan.unmatched:
        print(f"未能对应到任务的行 {len(plan.unmatched)} 行：")
        for r in plan.unmatched:
            print(f"  {r.file} {r.sheet} 第 {r.row} 行：{r.text[:40]}")
    for p in plan.problems:
        notice(message(UsageError(p.code, file=p.file, row=p.row, detail=p.detail)))


def diff_json(d) -> dict:
    def side(info):
        return None if info is None else {"id": info.id, "label": info.label, "text": info.text or info.title,
                                          "units": info.units, "deadlines": [x.text for x in info.deadlines]}

    return {"kind": d.kind, "old": side(d.old), "new": side(d.new), "similarity": round(d.score, 3),
            "carried": d.carried, "marked": d.marked_text if d.kind == "reworded" else None,
            "units_changed": {ROLE_ZH[r]: {"old": a, "new": b} for r, (a, b) in d.units.items()},
            "deadlines_changed": None if d.deadlines is None else {"old": d.deadlines[0], "new": d.deadlines[1]}}


def notice(text: str) -> None:
    """One line on stderr that is not an error (the exit code stays 0)."""
    print(f"提示：{text}", file=sys.stderr)


def diff_counts(diff) -> dict[str, int]:
    """How many tasks of each kind a plan diff holds (the `diff` command's summary and JSON)."""
    return {"new": len(diff.of_kind("new")), "dropped": len(diff.of_kind("dropped")),
            "reworded": len(diff.of_kind("reworded")), "same": len(diff.of_kind("same")),
            "units_changed": len(diff.units_changed), "deadlines_changed": len(diff.deadlines_changed),
            "carried": len(diff.carried)}


def print_diff(old, new, diff, counts: dict[str, int]) -> None:
    """The plan diff as lines: a summary, then + new, - dropped, ~ reworded, and unit and deadline changes."""
    print(f"[{old.id}] {old.title} → [{new.id}] {new.title}")
    print(f"新增 {counts['new']} 项，删除 {counts['dropped']} 项，改写 {counts['reworded']} 项，相同 {counts['same']} 项；"
          f"单位变化 {counts['units_changed']} 项，时限变化 {counts['deadlines_changed']} 项；结转 {counts['carried']} 项")

    def name(info) -> str:
        return f"{info.label}{(info.text or info.title)[:60]}"

    for d in diff.tasks:
        tag = "（结转）" if d.carried else ""
        if d.kind == "new":
            print(f"+ 新增 [{d.new.id}] {name(d.new)}")
        elif d.kind == "dropped":
            print(f"- 删除 [{d.old.id}] {name(d.old)}")
        elif d.kind == "reworded":
            print(f"~ 改写 [{d.old.id}→{d.new.id}]{tag} {d.marked_text}")
        for role, (a, b) in d.units.items():
            print(f"  单位 [{d.old.id}→{d.new.id}]{tag} {d.new.label}{d.new.title}：{ROLE_ZH[role]} "
                  f"{'、'.join(a) or '（无）'} → {'、'.join(b) or '（无）'}")
        if d.deadlines:
            print(f"  时限 [{d.old.id}→{d.new.id}]{tag} {d.new.label}{d.new.title}：{'、'.join(d.deadlines[0]) or '（无）'}"
                  f" → {'、'.join(d.deadlines[1]) or '（无）'}")
