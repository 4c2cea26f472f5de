"""What an export shows: the plan's rows after the clerk's filters, and the figures to sum them up.

Gathered once from the service's public methods (plan, tree, setting), so the Word and Excel
writers only lay out plain rows and never ask the store anything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from core.errors import UsageError
from core.filenames import safe_file_name
from core.model import ROLE_ZH
from core.queries import role_of
from core.status import Status
from core.textclean import clean_text
from core.views import DeadlineInfo, NodeInfo, PlanSummary, Rollup

FORMATS = ("docx", "xlsx")
STYLES = ("ledger", "report")
MY_UNIT_SETTING = "my_unit_name"
SUMMARY_ORDER = (Status.DONE, Status.ONGOING, Status.DOING, Status.TODO, Status.NA)
DEFAULT_NAME_BYTES = 200  # a default name stays well inside the 255 bytes a file name may have


@dataclass(frozen=True)
class ExportOptions:
    """The export dialog's choices (and `main.py export`'s flags)."""

    format: str = "docx"  # "docx" or "xlsx"
    style: str = "ledger"  # "ledger" or "report" (Word only)
    unit: str | None = None  # only tasks naming this unit; also the 填报单位
    statuses: frozenset[Status] | None = None  # None: every status
    as_of: dt.date | None = None  # 截至日期; None: the service's today
    sections: bool = True  # show the plan's section headings, or tasks only
    evidence: bool = False  # add the 佐证材料 column


@dataclass
class Row:
    """One section heading or task as the export shows it."""

    node: NodeInfo
    depth: int
    is_task: bool
    seq: int = 0  # running task number, 1-based; 0 for sections
    overdue: bool = False
    evidence: list[str] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.node.label}{self.node.title}"

    @property
    def task_text(self) -> str:
        text = self.node.text or self.node.title
        return text if text.startswith(self.node.title) else f"{self.node.title}。{text}"

    @property
    def units_text(self) -> str:
        """Units in the plan's order, the lead unit(s) first and marked （牵头）."""
        lead = self.node.units.get("lead", [])
        names = [f"{u}（牵头）" for u in lead]
        names += [u for u in self.node.all_units if u not in lead]
        return "、".join(names)

    @property
    def unit_lines(self) -> list[str]:
        """For narrow table cells: "牵头：…" on a line of its own, then the other units."""
        lead = self.node.units.get("lead", [])
        rest = [u for u in self.node.all_units if u not in lead]
        lines = [f"{ROLE_ZH['lead']}：{'、'.join(lead)}"] if lead else []
        return lines + (["、".join(rest)] if rest else [])

    @property
    def deadline_text(self) -> str:
        return "、".join(d.text for d in self.node.deadlines if d.text)

    @property
    def status_text(self) -> str:
        return self.node.status.zh + ("（逾期）" if self.overdue else "")


@dataclass
class ExportData:
    plan: PlanSummary
    options: ExportOptions
    as_of: dt.date
    reporter: str  # 填报单位
    rows: list[Row]  # sections (when asked) and tasks, in plan order
    summary: Rollup  # over every task in scope (the unit filter), whatever the status filter

    @property
    def tasks(self) -> list[Row]:
        return [r for r in self.rows if r.is_task]

    def groups(self) -> list[tuple[Row | None, list[Row]]]:
        """(top-level section, the rows under it); tasks-only exports are one group."""
        if not self.options.sections:
            return [(None, self.rows)]
        out: list[tuple[Row | None, list[Row]]] = []
        for row in self.rows:
            if row.depth == 0 and not row.is_task:
                out.append((row, []))
            elif not out or (row.depth == 0 and out[-1][0] is not None):
                out.append((None, [row]))
            else:
                out[-1][1].append(row)
        return out


def gather(service, plan_id: int, options: ExportOptions) -> ExportData:
    """The rows and figures of one export; raises if no task passes the filters."""
    if options.format not in FORMATS:
        raise UsageError("bad_export_format", format=options.format)
    plan = _clean_plan(service.plan(plan_id))
    tree = [_clean_node(n) for n in service.tree(plan_id)]
    as_of = options.as_of or service.today()
    unit = clean_text(options.unit).strip() or None
    options = dataclasses.replace(options, unit=unit)
    by_id = {n.id: n for n in tree}
    depth: dict[int, int] = {}
    for n in tree:
        depth[n.id] = 0 if n.parent_id is None else depth[n.parent_id] + 1
    summary = Rollup()
    chosen: list[NodeInfo] = []
    for n in tree:
        if not n.is_task or (unit and role_of(n, [unit], exact=True) is None):
            continue
        summary.add(n.status, n.is_overdue(as_of))
        if options.statuses is None or n.status in options.statuses:
            chosen.append(n)
    if not chosen:
        raise UsageError("export_empty")
    keep = {n.id for n in chosen}
    if options.sections:
        for n in chosen:
            parent = n.parent_id
            while parent is not None and parent not in keep:
                keep.add(parent)
                parent = by_id[parent].parent_id
    rows: list[Row] = []
    seq = 0
    for n in tree:
        if n.id not in keep:
            continue
        row = Row(node=n, depth=depth[n.id], is_task=n.is_task)
        if n.is_task:
            seq += 1
            row.seq, row.overdue = seq, n.is_overdue(as_of)
            if options.evidence:
                row.evidence = [clean_text(e.name) for e in service.evidence(n.id)]
        rows.append(row)
    reporter = unit or clean_text(service.setting(MY_UNIT_SETTING)) or plan.issuer or ""
    return ExportData(plan=plan, options=options, as_of=as_of, reporter=reporter, rows=rows,
                      summary=summary)


def _clean_plan(plan: PlanSummary) -> PlanSummary:
    """The plan's printed fields without control characters (a database from before they were cleaned)."""
    return dataclasses.replace(plan, title=clean_text(plan.title), issuer=clean_text(plan.issuer) or None,
                               doc_number=clean_text(plan.doc_number) or None)


def _clean_node(n: NodeInfo) -> NodeInfo:
    return dataclasses.replace(
        n, label=clean_text(n.label), title=clean_text(n.title), text=clean_text(n.text), note=clean_text(n.note),
        units={role: [clean_text(u) for u in names] for role, names in n.units.items()},
        deadlines=[DeadlineInfo(clean_text(d.text), d.date) for d in n.deadlines])


def zh_date(day: dt.date) -> str:
    """2024年7月1日: Arabic numerals, no leading zeros (GB/T 9704 §7.3.5)."""
    return f"{day.year}年{day.month}月{day.day}日"


def percent_text(r: Rollup) -> str:
    text = f"{r.percent:.1f}"
    return text[:-2] if text.endswith(".0") else text


def default_file_name(service, plan_id: int, options: ExportOptions) -> str:
    """<plan title>落实情况台账_<date>.docx (报告 for the report style), safe on Windows; a long title
    is cut (with …) so the name stays under DEFAULT_NAME_BYTES, the kind, date and extension whole."""
    kind = "报告" if options.format == "docx" and options.style == "report" else "台账"
    day = (options.as_of or service.today()).strftime("%Y%m%d")
    tail = f"落实情况{kind}_{day}.{options.format}"
    room = DEFAULT_NAME_BYTES - len(tail.encode("utf-8"))
    return safe_file_name(service.plan(plan_id).title, max_bytes=room, fallback="计划", strip_folders=False) + tail


def header_lines(data: ExportData) -> list[str]:
    """填报单位 and 截至日期, then the summary counts (also used by the Excel summary)."""
    r = data.summary
    shown = [s for s in SUMMARY_ORDER if s is not Status.NA or r.counts[s]]
    counts = "，".join(f"{s.zh} {r.counts[s]} 项" for s in shown)
    lines = [f"填报单位：{data.reporter or '—'}　　　　截至日期：{zh_date(data.as_of)}",
             f"任务总数 {r.total} 项：{counts}；逾期 {r.overdue} 项；完成率 {percent_text(r)}%。"]
    notes = []
    if data.options.unit:
        notes.append(f"仅含涉及{data.options.unit}的任务")
    if data.options.statuses is not None:
        names = "、".join(s.zh for s in Status if s in data.options.statuses)
        notes.append(f"本表列出其中状态为{names}的 {len(data.tasks)} 项")
    if notes:
        lines.append("（" + "；".join(notes) + "。）")
    return lines
