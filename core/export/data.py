"""What an export shows: the plan's rows after the clerk's filters, and the figures to sum them up.

Gathered once from the service's public methods (plan, tree, history, settings), so the Word and
Excel writers only lay out plain rows and never ask the store anything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from core.domain import filters as queries
from core.domain.deferral import deferral_sentence
from core.domain.entries import entry_line
from core.domain.records import DeadlineInfo, NodeInfo, PlanSummary, Rollup
from core.domain.status import Status
from core.domain.textclean import clean_text
from core.domain.textfold import fold
from core.errors import UsageError
from core.export.as_of import as_of as task_as_of
from core.export.script import converter, resolve_script
from core.filenames import safe_file_name
from core.parse.parsed_plan import ROLE_ZH, ROLES

FORMATS = ("docx", "xlsx")
STYLES = ("ledger", "report")
SUMMARY_ORDER = (Status.DONE, Status.ONGOING, Status.DOING, Status.TODO, Status.NA)
DEFAULT_NAME_BYTES = 200  # a default name stays well inside the 255 bytes a file name may have
# "（牵头单位：…；责任单位：…）" and "（X牵头，Y配合）": the unit column already says it
_ROLE_WORDS = re.compile(r"(牵头|责任|配合|协办|主办|主责)(单位|部门)?\s*[:：]|牵头|配合")


@dataclass(frozen=True)
class ExportOptions:
    """The export dialog's choices (and `main.py export`'s flags)."""

    format: str = "docx"  # "docx" or "xlsx"
    style: str = "ledger"  # "ledger" or "report" (Word only)
    unit: str | None = None  # the tasks of this unit, as 我的任务 counts them; also the 填报单位
    mine: bool = False  # the tasks of the clerk's own units (设置我的单位)
    reporter: str | None = None  # 填报单位 when no unit is chosen and none is set as mine
    statuses: frozenset[Status] | None = None  # None: every status
    as_of: dt.date | None = None  # 截至日期: progress as it stood that day; None: today
    sections: bool = True  # show the plan's section headings, or tasks only
    evidence: bool = False  # add the 佐证材料 column
    script: str = "original"  # "simplified", "traditional", or the plan's own
    pending_list: bool = True  # the report lists tasks without 完成情况 in an appendix
    progress: bool = False  # add the 进展 entries (a column in the 台账, a paragraph in the 报告)
    progress_from: dt.date | None = None  # the entries' period; None: open at that end
    progress_to: dt.date | None = None  # None: up to the 截至日期


@dataclass
class Row:
    """One section heading or task as the export shows it."""

    node: NodeInfo
    depth: int
    is_task: bool
    seq: int = 0  # running task number, 1-based; 0 for sections
    overdue: bool = False
    role: str | None = None  # the reporting unit's role on this task (unit and 我的 exports)
    evidence: list[str] = field(default_factory=list)
    progress: list[str] = field(default_factory=list)  # the 进展 entries of the period, one a line

    @property
    def heading(self) -> str:
        return f"{self.node.label}{self.node.title}"

    @property
    def has_note(self) -> bool:
        return bool(self.node.note.strip())

    @property
    def note_lines(self) -> list[str]:
        return [line.strip() for line in self.node.note.splitlines() if line.strip()]

    @property
    def task_text(self) -> str:
        """Title and text, without the bracketed unit assignment the unit column shows."""
        text = strip_unit_brackets(self.node.text or self.node.title, self.node.all_units)
        title = self.node.title
        return text if text.startswith(title) else f"{title}。{text}" if text else title

    @property
    def unit_lines(self) -> list[str]:
        """"牵头：…", "责任：…", "配合：…", lead first, each on a line of its own."""
        return [f"{ROLE_ZH[role]}：{'、'.join(names)}" for role in ROLES
                if (names := self.node.units.get(role))]

    @property
    def role_text(self) -> str:
        return ROLE_ZH[self.role] if self.role else ""

    @property
    def deadline_lines(self) -> list[str]:
        """One deadline a line, so a narrow column never breaks "11月底前" after "11"; a task
        deferred with approval says so in the one sentence reports use (core.domain.deferral)."""
        if self.node.deferral is not None:
            return [deferral_sentence(self.node)]
        return [d.text for d in self.node.deadlines if d.text]

    @property
    def deadline_text(self) -> str:
        return "、".join(self.deadline_lines)


@dataclass
class ExportData:
    plan: PlanSummary
    options: ExportOptions
    as_of: dt.date
    reporter: str  # 填报单位: the unit chosen, else the clerk's own
    rows: list[Row]  # sections (when asked) and tasks, in plan order
    summary: Rollup  # over every task in scope (the unit filter), whatever the status filter
    script: str = "simplified"  # the one script the document prints in
    convert: Callable[[str], str] = str

    @property
    def tasks(self) -> list[Row]:
        return [r for r in self.rows if r.is_task]

    @property
    def pending(self) -> list[Row]:
        """Tasks without a 完成情况: the report leaves them out of its body and lists them apart."""
        return [r for r in self.tasks if not r.has_note]

    @property
    def scope(self) -> str | None:
        """Whose tasks these are, when not the whole plan's."""
        return self.options.unit or (self.reporter if self.options.mine else None)

    def reported_rows(self) -> list[Row]:
        """The rows of the report's body: tasks with a 完成情况 and the sections above them."""
        keep: set[int] = set()
        by_id = {r.node.id: r for r in self.rows}
        for row in self.rows:
            if row.is_task and row.has_note:
                node = row.node
                while node is not None and node.id not in keep:
                    keep.add(node.id)
                    parent = by_id.get(node.parent_id) if node.parent_id is not None else None
                    node = parent.node if parent else None
        return [r for r in self.rows if r.node.id in keep]


def strip_unit_brackets(text: str, units: list[str]) -> str:
    """Drop bracketed groups that assign roles ("(牵头单位:X;责任单位:各县(市)区政府)"), nesting allowed.

    Plans of every kind end a task so; tables and Word 台账 show the units in a column already.
    """
    folded = fold(text)
    out, i = [], 0
    for start, end in _bracket_groups(text):
        inner = folded[start + 1:end - 1]
        if _ROLE_WORDS.search(inner) and (":" in inner or "：" in inner or any(fold(u) in inner for u in units)):
            out.append(text[i:start])
            i = end
    out.append(text[i:])
    return re.sub(r"\s+([。；，])", r"\1", "".join(out)).strip()


def _bracket_groups(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost （…） or (…) group."""
    groups, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "（(":
            if depth == 0:
                start = i
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
            if depth == 0:
                groups.append((start, i + 1))
    return groups


def reporting_unit(service, options: ExportOptions) -> str:
    """The unit chosen, else the name given, else the clerk's own unit; refused when none is known."""
    for name in (options.unit, options.reporter, *service.my_units()):
        if clean_text(name).strip():
            return clean_text(name).strip()
    raise UsageError("export_no_reporter")


def gather(service, plan_id: int, options: ExportOptions) -> ExportData:
    """The rows and figures of one export; raises if no task passes the filters."""
    if options.format not in FORMATS:
        raise UsageError("bad_export_format", format=options.format)
    plan = _clean_plan(service.plan(plan_id))
    tree = service.tree(plan_id)
    reporter = reporting_unit(service, options)
    as_of = options.as_of or service.today()
    if as_of < service.today():  # a past day: progress as it stood then, from the history
        history = service.plan_history(plan_id)
        tree = [task_as_of(n, history.get(n.id, []), as_of) if n.is_task else n for n in tree]
        tree = [_deferral_as_of(service, n, as_of) for n in tree]
    tree = [_clean_node(n) for n in tree]
    unit = clean_text(options.unit).strip() or None
    options = dataclasses.replace(options, unit=unit)
    scope_units = [unit] if unit else service.my_units() if options.mine else []
    if options.mine and not scope_units:
        raise UsageError("export_no_my_units")
    by_id = {n.id: n for n in tree}
    depth: dict[int, int] = {}
    for n in tree:
        depth[n.id] = 0 if n.parent_id is None else depth[n.parent_id] + 1
    summary = Rollup()
    chosen: dict[int, str | None] = {}  # task id → the unit's role
    for n in tree:
        if not n.is_task:
            continue
        role = queries.role_of(n, scope_units, exact=False) if scope_units else None
        if scope_units and role is None:
            continue
        summary.add(n.status, n.is_overdue(as_of))
        if options.statuses is None or n.status in options.statuses:
            chosen[n.id] = role
    if not chosen:
        raise UsageError("export_empty")
    keep = set(chosen)
    if options.sections:
        for node_id in chosen:
            parent = by_id[node_id].parent_id
            while parent is not None and parent not in keep:
                keep.add(parent)
                parent = by_id[parent].parent_id
    progress = (service.plan_entries(plan_id, options.progress_from, options.progress_to or as_of)
                if options.progress else {})
    rows: list[Row] = []
    seq = 0
    for n in tree:
        if n.id not in keep:
            continue
        row = Row(node=n, depth=depth[n.id], is_task=n.is_task)
        if n.is_task:
            seq += 1
            row.seq, row.overdue, row.role = seq, n.is_overdue(as_of), chosen[n.id]
            if options.evidence:
                row.evidence = [clean_text(e.name) for e in service.evidence(n.id)]
            row.progress = [clean_text(entry_line(e)) for e in progress.get(n.id, [])]
        rows.append(row)
    script = plan_script(plan, tree, options.script)
    return ExportData(plan=plan, options=options, as_of=as_of, reporter=reporter, rows=rows,
                      summary=summary, script=script, convert=converter(script))


def _deferral_as_of(service, n: NodeInfo, day: dt.date) -> NodeInfo:
    """The task with the 延期 in force when `day` ended: one approved later did not count yet."""
    if n.deferral is None or n.deferral.at is None or n.deferral.at.date() <= day:
        return n
    earlier = [d for d in service.deferrals(n.id) if d.at is not None and d.at.date() <= day]
    return dataclasses.replace(n, deferral=earlier[-1] if earlier else None)


def plan_script(plan: PlanSummary, tree: list[NodeInfo], script: str) -> str:
    """The script a document of this plan prints in ("original": the one most of its text is in)."""
    return resolve_script(script, [plan.title, *(f"{n.title}{n.text}" for n in tree)])


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
    """<plan title>落实情况台账_<date>.docx (报告 for the report style), safe on Windows, in the
    document's script; a long title is cut (with …) so the name stays under DEFAULT_NAME_BYTES, the
    kind, date and extension whole."""
    kind = "报告" if options.format == "docx" and options.style == "report" else "台账"
    day = (options.as_of or service.today()).strftime("%Y%m%d")
    tail = f"落实情况{kind}_{day}.{options.format}"
    room = DEFAULT_NAME_BYTES - len(tail.encode("utf-8"))
    plan = service.plan(plan_id)
    convert = converter(plan_script(plan, service.tree(plan_id), options.script))
    return convert(safe_file_name(plan.title, max_bytes=room, fallback="计划", strip_folders=False) + tail)


def header_lines(data: ExportData) -> list[str]:
    """填报单位 and 截至日期, then the summary counts (also used by the Excel summary)."""
    r = data.summary
    shown = [s for s in SUMMARY_ORDER if s is not Status.NA or r.counts[s]]
    counts = "，".join(f"{s.zh} {r.counts[s]} 项" for s in shown)
    lines = [f"填报单位：{data.reporter}　　　　截至日期：{zh_date(data.as_of)}",
             f"任务总数 {r.total} 项：{counts}；逾期 {r.overdue} 项；完成率 {percent_text(r)}%。"]
    notes = []
    if data.scope:
        notes.append(f"仅含{data.scope}承担的任务")
    if data.options.statuses is not None:
        names = "、".join(s.zh for s in Status if s in data.options.statuses)
        notes.append(f"本表列出其中状态为{names}的 {len(data.tasks)} 项")
    if notes:
        lines.append("（" + "；".join(notes) + "。）")
    return lines
