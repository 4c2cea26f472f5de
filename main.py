"""要点台账 Taizhang: the window by default, and a command line for everything else.

Every command goes through core's service; an expected failure comes out as one Chinese line
on stderr with a non-zero exit, never a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

WINDOW_LANGS = ("zh_CN", "en")


def window_only(argv: list[str]) -> tuple[Path | None, str] | None:
    """(database, language) when the arguments only start the window — none, or just --db and --lang —
    else None, for argparse to read. The clerk's start-up then loads neither argparse nor the command
    line's modules before the window (issue 16); a value argparse would refuse goes to argparse."""
    db, lang, rest = None, "zh_CN", list(argv)
    while rest:
        option = rest.pop(0)
        name, eq, value = option.partition("=")
        if name not in ("--db", "--lang"):
            return None
        if not eq:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        if name == "--lang":
            if value not in WINDOW_LANGS:
                return None
            lang = value
        else:
            db = Path(value) if value else None
    return db, lang


def run_window(db: Path | None, lang: str) -> int:
    """The main window on `db` (the default database when None)."""
    from core.paths import default_db_path
    from gui.app.launch import run_gui

    return run_gui(db if db is not None else default_db_path(), lang=lang)


if __name__ == "__main__" and (_window := window_only(sys.argv[1:])) is not None:
    sys.exit(run_window(*_window))

# the command line's modules: not loaded when the clerk only starts the window
import argparse  # noqa: E402
import json  # noqa: E402

from core.cli.output import (  # noqa: E402
    diff_counts,
    diff_json,
    entry_json,
    merge_json,
    notice,
    print_diff,
    print_merge,
    rollup_json,
    task_json,
)
from core.cli.zh_argparse import EXIT_ERROR, ZhArgumentParser  # noqa: E402
from core.domain.status import Status  # noqa: E402
from core.errors import TaizhangError, UsageError  # noqa: E402
from core.messages import cli_line as message  # noqa: E402
from core.parse.parsed_plan import ROLE_ZH  # noqa: E402
from core.version import __version__  # noqa: E402

EXIT_BROKEN_PIPE = 141  # what a shell shows for a tool stopped by SIGPIPE (`… | head`)


def _db_path(args: argparse.Namespace) -> Path:
    from core.paths import default_db_path

    return Path(args.db) if args.db else default_db_path()


def _service(args: argparse.Namespace, readonly: bool = False):
    """The service on --db; `readonly` for commands that only read (works on a locked USB stick)."""
    from core.service.facade import PlanService

    svc = PlanService(_db_path(args), readonly=readonly)
    for warning in svc.warnings:  # e.g. the daily backup found the disk full: say so, carry on
        print(f"警告：{message(warning)}", file=sys.stderr)
    return svc


def _print_tree(nodes, depth: int = 0) -> None:
    for node in nodes:
        extras = [f"{ROLE_ZH[r]}：{'、'.join(n)}" for r, n in node.units.items() if n]
        extras += [f"{d.text}→{d.date.isoformat() if d.date else '无日期'}" for d in node.deadlines]
        tail = f"  〔{'；'.join(extras)}〕" if extras else ""
        print(f"{'  ' * depth}{node.label}{node.title}{tail}")
        _print_tree(node.children, depth + 1)


def _print_import_warnings(plan) -> None:
    """What the import dialog asks the clerk to look at (pages cut, doubtful OCR lines, tasks with
    no unit…), from the same checks and catalogue, as `警告：` lines on stderr; listed items indented."""
    from core.parse.checks import check_plan

    for warning in check_plan(plan):
        print(f"警告：{message(warning)}", file=sys.stderr)
        for text, _path in warning.items:
            print(f"  {text}", file=sys.stderr)


def cmd_parse(args: argparse.Namespace) -> int:
    from core.parse.source import parse_source

    plan = parse_source(Path(args.file)).plan
    if args.json:
        sys.stdout.write(plan.to_json() + "\n")
    else:
        date = plan.date.isoformat() if plan.date else ""
        print(" | ".join([plan.title, str(plan.year or ""), plan.issuer or "", plan.doc_number or "", date]))
        _print_tree(plan.nodes)
    sys.stdout.flush()
    _print_import_warnings(plan)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from core.parse.source import parse_source

    read = parse_source(Path(args.file))  # read once: the hash is of the bytes parsed
    plan = read.plan
    svc = _service(args)
    try:
        same = [] if args.again else svc.plans_like(read.sha256, plan.title, plan.year)
        if same:  # the window asks; a script must say --again to mean it
            raise UsageError("plan_already_imported", plan_id=same[0].id, title=same[0].title)
        result = svc.import_plan(plan, source_name=read.source.name, sha256=read.sha256).result
    finally:
        svc.close()
    print(f"已导入计划 {result.plan_id}：{plan.title}（{result.sections} 个分组，{result.tasks} 项任务，"
          f"{result.units} 个单位，{result.deadlines} 个时限）")
    if args.json:
        print(json.dumps(result.__dict__, ensure_ascii=False))
    sys.stdout.flush()
    _print_import_warnings(plan)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    svc = _service(args, readonly=True)
    try:
        plans = svc.list_plans()
    finally:
        svc.close()
    if args.json:
        out = [{"id": p.id, "title": p.title, "year": p.year, **rollup_json(p.rollup)} for p in plans]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if not plans:
        print("数据库中还没有计划。用 `python main.py import 文件` 导入工作要点。")
    for p in plans:
        r = p.rollup
        counts = "，".join(f"{s.zh} {r.counts[s]}" for s in Status)
        print(f"[{p.id}] {p.year or '—'} {p.title}：已完成 {r.done}/{r.applicable}（{r.percent:.0f}%），"
              f"逾期 {r.overdue}；{counts}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from core.domain.records import TaskFilter

    flt = TaskFilter(unit=args.unit, statuses={Status.parse(s) for s in args.status} if args.status else None,
                     overdue=args.overdue, text=args.search, role=args.role, due_within=args.due_within,
                     mine=args.mine)
    svc = _service(args, readonly=True)
    try:
        tasks = svc.find_tasks(args.plan, flt)
    finally:
        svc.close()
    if not tasks:
        notice(_nothing_found(args))
    if args.json:
        print(json.dumps([task_json(t) for t in tasks], ensure_ascii=False, indent=2))
        return 0
    for t in tasks:
        units = "、".join(t.all_units) or "—"
        dls = "、".join(d.text for d in t.deadlines) or "—"
        if t.deferral is not None:
            from core.domain.deferral import due_words

            dls += f"→延期至{due_words(t.deferral.due)}"
        print(f"{t.id:>5}  {t.status.zh:<4}  {t.label}{t.title}  〔{units}；{dls}〕")
    return 0


def _nothing_found(args: argparse.Namespace) -> str:
    """Why `list` printed no task, in the clerk's words: the unit, or the filters as a whole."""
    others = args.status or args.overdue or args.search or args.due_within is not None or args.mine or args.role
    if args.unit and not others:
        return f"计划 {args.plan} 中没有点名“{args.unit.strip()}”的任务（单位名称须与计划中的写法一致，简繁体均可）"
    if not (args.unit or others):
        return f"计划 {args.plan} 中还没有任务"
    return f"计划 {args.plan} 中没有符合筛选条件的任务"


def cmd_mine(args: argparse.Namespace) -> int:
    svc = _service(args, readonly=not args.set)
    try:
        if args.set:
            svc.set_my_units(args.set)
        units = svc.my_units()
    finally:
        svc.close()
    print("本单位：" + ("、".join(units) if units else "（未设置，用 mine --set 单位名称 设置）"))
    return 0


def _edit_node(args: argparse.Namespace, edit):
    """Run one edit of task --node (a service call) and return the task as it is afterwards."""
    svc = _service(args)
    try:
        edit(svc)
        return svc.node(args.node)
    finally:
        svc.close()


def cmd_mark(args: argparse.Namespace) -> int:
    import datetime as dt

    if args.status is None and args.note is None and args.date is None:
        raise UsageError("mark_nothing")
    status = Status.parse(args.status) if args.status is not None else None
    try:
        day = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise UsageError("bad_date", value=args.date) from None
    # status, note and date in one transaction
    node = _edit_node(args, lambda svc: svc.mark(args.node, status, args.note, day))
    print(f"{node.label}{node.title}：{node.status.zh}")
    if day is not None:
        print(f"完成日期：{node.completed_on.isoformat() if node.completed_on else '—'}")
    return 0


def cmd_defer(args: argparse.Namespace) -> int:
    from core.domain.deferral import deferral_sentence
    from core.domain.periods import parse_day

    day = parse_day(args.to)
    node = _edit_node(args, lambda svc: svc.defer(args.node, day, args.reason, args.approval or ""))
    print(f"{node.label}{node.title}：{deferral_sentence(node)}")
    return 0


def cmd_progress(args: argparse.Namespace) -> int:
    from core.domain.entries import entry_line
    from core.domain.periods import parse_day

    day = parse_day(args.date) if args.date else None
    start, end = _period_args(args)
    if args.add is None and (args.date or args.status):
        raise UsageError("cli_required", names="--add")
    writes = args.add is not None or args.compose or args.remove is not None
    svc = _service(args, readonly=not writes)
    try:
        if args.remove is not None:
            if args.remove not in {e.id for e in svc.entries(args.node)}:
                raise UsageError("entry_not_found", entry_id=args.remove)
            svc.remove_entry(args.remove)
        if args.add is not None:
            svc.add_entry(args.node, args.add, day, Status.parse(args.status) if args.status else None)
        if args.compose:
            svc.set_note(args.node, svc.composed_note(args.node))
        node = svc.node(args.node)
        entries = svc.entries(args.node, start, end)
    finally:
        svc.close()
    if args.json:
        print(json.dumps({"id": node.id, "status": node.status.zh, "note": node.note,
                          "entries": [entry_json(e) for e in entries]}, ensure_ascii=False, indent=2))
        return 0
    print(f"{node.label}{node.title}（{node.status.zh}）")
    for e in entries:
        print(f"{e.id:>5}  {entry_line(e, with_year=True)}")
    if not entries:
        notice("该任务还没有进展记录" if start is None and end is None else "该时段内没有进展记录")
    if args.compose:
        print(f"完成情况：{node.note}")
    return 0


def cmd_collect(args: argparse.Namespace) -> int:
    if not args.unit and not args.all_units:
        raise UsageError("collect_needs_unit")
    svc = _service(args, readonly=True)
    try:
        path, units = svc.collect(args.plan, Path(args.out), None if args.all_units else args.unit)
        counts = [len(svc.unit_tasks(args.plan, u)) for u in units]
    finally:
        svc.close()
    print(f"已生成填报表：{path}（" + "；".join(f"{u} {n} 项" for u, n in zip(units, counts, strict=True)) + "）")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    take = Path(args.take).name if args.take else None
    svc = _service(args, readonly=not args.apply)
    try:
        svc.plan(args.plan)
        returned = svc.read_returns([Path(f) for f in args.files])
        if args.apply:
            plan = svc.apply_merge(args.plan, returned, take).result
        else:
            plan = svc.merge_preview(args.plan, returned, take)
    finally:
        svc.close()
    if args.json:
        print(json.dumps({**merge_json(plan), "applied": args.apply}, ensure_ascii=False, indent=2))
        return 0
    print_merge(plan, args.apply)
    if not args.apply:
        print("以上为预览，尚未写入。加 --apply 应用没有冲突的改动。")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    if len(args.plan) != 2:
        raise UsageError("diff_needs_two")
    svc = _service(args, readonly=True)
    try:
        old, new = (svc.plan(p) for p in args.plan)
        diff = svc.plan_diff(old.id, new.id)
    finally:
        svc.close()
    if args.out:
        from core.export.writer import write_atomically

        out = Path(args.out)
        if out.suffix.lower() == ".xlsx":
            from core.export.diff_xlsx import write_diff_xlsx as write
        elif out.suffix.lower() == ".docx":
            from core.export.diff_docx import write_diff_docx as write
        else:
            raise UsageError("export_wrong_suffix", suffix=out.suffix, format="xlsx/docx", path=str(out))
        print(f"已导出：{write_atomically(out, lambda tmp: write(diff, old.title, new.title, tmp))}")
    counts = diff_counts(diff)
    if args.json:
        print(json.dumps({"old_plan": old.id, "new_plan": new.id, "counts": counts,
                          "tasks": [diff_json(d) for d in diff.tasks]}, ensure_ascii=False, indent=2))
        return 0
    print_diff(old, new, diff, counts)
    return 0


def _period_args(args: argparse.Namespace, today=None):
    """(first day, last day) from --period (around `today`, else the real today) or --from/--to (None: open)."""
    import datetime as dt

    from core.domain.periods import day_range, parse_day, period_range

    if getattr(args, "period", None):
        if args.date_from or args.date_to:
            raise UsageError("cli_conflict", name="--period", other="--from/--to")
        return period_range(args.period, today or dt.date.today())
    start = parse_day(args.date_from) if getattr(args, "date_from", None) else None
    end = parse_day(args.date_to) if getattr(args, "date_to", None) else None
    return day_range(start, end)


def cmd_delete(args: argparse.Namespace) -> int:
    svc = _service(args)
    try:
        plan = svc.plan(args.plan)
        if not args.yes:  # a command line cannot ask; it must be told
            raise UsageError("delete_needs_yes", plan_id=plan.id, title=plan.title)
        kept = svc.delete_plan(plan.id).result
    finally:
        svc.close()
    print(f"已删除计划 {plan.id}：{plan.title}（删除前的数据已备份到 {kept}）")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from core.service.facade import PlanService

    problems = PlanService.check_database(_db_path(args))
    if problems:
        for p in problems:
            print(message(p), file=sys.stderr)
        return 1
    print(f"数据库完好：{_db_path(args)}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from core.errors import StoreError
    from core.service.facade import PlanService

    if args.list:  # needs no open database, so it also works on one that is damaged
        found = PlanService.backups_of(_db_path(args))
        for b in found:
            counts = f"{b.plans} 个计划，{b.tasks} 项任务" if b.plans is not None else "无法读取"
            print(f"{b.created:%Y-%m-%d %H:%M:%S}  {b.reason_text():<6}  {counts}  {b.path}")
        if not found:
            print(f"还没有备份（备份放在 {PlanService.backup_folder(_db_path(args))}）")
        return 0
    if args.restore:  # an open window, a foreign file: refused, nothing touched
        PlanService.check_restorable(_db_path(args), Path(args.restore))
    try:
        svc = _service(args)
    except StoreError as err:
        if not args.restore or err.code not in ("db_damaged", "db_empty", "db_not_taizhang", "db_too_new"):
            raise
        aside = PlanService.replace_with_backup(_db_path(args), Path(args.restore))
        print(f"已从备份恢复：{args.restore}（无法打开的原文件已改名保留为 {aside}）")
        return 0
    try:
        if args.restore:
            svc.restore_backup(Path(args.restore))
            print(f"已从备份恢复：{args.restore}（恢复前的数据也已备份）")
        else:
            print(f"已备份到：{svc.backup_now('manual')}")
    finally:
        svc.close()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    import dataclasses
    import datetime as dt

    from core.export import ExportOptions, default_file_name, write_export
    from core.export.target import export_target

    try:
        as_of = dt.date.fromisoformat(args.as_of) if args.as_of else None
    except ValueError:
        raise UsageError("bad_date", value=args.as_of) from None
    opts = ExportOptions(style=args.style, unit=args.unit, mine=args.mine, reporter=args.reporter, as_of=as_of,
                         script=args.script,
                         statuses=frozenset(Status.parse(s) for s in args.status) if args.status else None,
                         sections=args.sections, evidence=args.evidence, pending_list=args.pending_list)
    if args.progress:
        start, end = _period_args(args, as_of)
        opts = dataclasses.replace(opts, progress=True, progress_from=start, progress_to=end)
    elif args.period or args.date_from or args.date_to:
        raise UsageError("cli_required", names="--progress")
    svc = _service(args, readonly=True)
    try:
        out, fmt = export_target(args.out, args.format, lambda f: default_file_name(
            svc, args.plan, dataclasses.replace(opts, format=f)))
        opts = dataclasses.replace(opts, format=fmt)
        path, data = write_export(svc, args.plan, opts, out)
    finally:
        svc.close()
    print(f"已导出：{path}")
    print(f"共 {len(data.tasks)} 项任务，其中 {len(data.pending)} 项缺少完成情况"
          + ("（报告正文未列入，见附件）" if data.pending and opts.style == "report" and opts.format == "docx"
             else ""))
    return 0


def _global_options(parser: argparse.ArgumentParser, default) -> None:
    """--db and --lang, before the command (`main.py --db X list`) or after it (`main.py list --db X`)."""
    parser.add_argument("--db", metavar="PATH", default=default, help="使用指定的数据库文件（默认在用户数据目录）")
    parser.add_argument("--lang", default="zh_CN" if default is None else default, choices=["zh_CN", "en"],
                        help="界面语言")


def build_parser() -> argparse.ArgumentParser:
    ap = ZhArgumentParser(prog="main.py", description="要点台账：政务公开工作要点的任务台账。不带命令时打开窗口。")
    ap.add_argument("--version", action="version", version=f"Taizhang {__version__}", help="显示版本号并退出")
    _global_options(ap, None)
    ap.add_argument("--self-test", action="store_true", help="在临时数据库上自检整个流程后退出")
    # after the command the options only override what was given before it (SUPPRESS: no default)
    common = ZhArgumentParser(add_help=False)
    common._optionals.title = "通用选项（也可写在命令之前）"
    _global_options(common, argparse.SUPPRESS)
    sub = ap.add_subparsers(dest="command", metavar="命令")

    def command(name: str, help_text: str):
        return sub.add_parser(name, help=help_text, description=help_text, parents=[common])

    p = command("parse", "读取工作要点文件并显示解析结果（不写数据库）")
    p.add_argument("file", metavar="文件")
    p.add_argument("--json", action="store_true", help="输出解析 JSON")
    p.set_defaults(func=cmd_parse)

    p = command("import", "导入工作要点文件（任何 parse 能读的格式，或解析 JSON）")
    p.add_argument("file", metavar="文件")
    p.add_argument("--json", action="store_true", help="另起一行输出 JSON 结果")
    p.add_argument("--again", action="store_true", help="同一文件（或同名同年份的计划）已导入过时，仍再导入一份")
    p.set_defaults(func=cmd_import)

    p = command("status", "各计划的完成情况")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=cmd_status)

    p = command("list", "列出一个计划的任务")
    p.add_argument("--plan", type=int, required=True, metavar="ID", help="计划编号（见 status）")
    p.add_argument("--unit", metavar="U", help="只列出点名该单位的任务（简繁体、全角半角通查）")
    p.add_argument("--status", action="append", metavar="S", help=STATUS_HELP)
    p.add_argument("--overdue", action="store_true", help="只列出已逾期的任务")
    p.add_argument("--due-within", type=int, metavar="DAYS", help="只列出 DAYS 天内到期的未完成任务")
    p.add_argument("--role", choices=["lead", "responsible", "cooperating"],
                   help="配合 --unit/--mine：该单位的角色（牵头/责任/配合）")
    p.add_argument("--mine", action="store_true", help="只列出本单位的任务（含“市直各单位”等统称）")
    p.add_argument("--search", metavar="TEXT", help="按文字查找（简繁体通查）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=cmd_list)

    p = command("mine", "查看或设置本单位（用于“我的任务”）")
    p.add_argument("--set", nargs="+", metavar="UNIT", help="设置本单位名称（可多个）")
    p.set_defaults(func=cmd_mine)

    p = command("mark", "设置任务状态、完成情况或完成日期")
    p.add_argument("--node", type=int, required=True, metavar="ID", help="任务编号（见 list）")
    p.add_argument("--status", metavar="S", help=STATUS_HELP)
    p.add_argument("--note", metavar="TEXT", help="完成情况")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="完成日期（详情面板中的完成日期）")
    p.set_defaults(func=cmd_mark)

    p = command("defer", "延期：改定任务的完成时限（原时限保留，逾期按新时限判断）")
    p.add_argument("--node", type=int, required=True, metavar="ID", help="任务编号（见 list）")
    p.add_argument("--to", required=True, metavar="YYYY-MM-DD", help="新的完成时限")
    p.add_argument("--reason", required=True, metavar="TEXT", help="延期原因")
    p.add_argument("--approval", metavar="TEXT", help="批准人或批准文号")
    p.set_defaults(func=cmd_defer)

    p = command("progress", "任务的进展记录：--add 新增一条，不带 --add 时列出")
    p.add_argument("--node", type=int, required=True, metavar="ID", help="任务编号（见 list）")
    p.add_argument("--add", metavar="TEXT", help="新增一条进展")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="进展日期（默认今天）")
    p.add_argument("--status", metavar="S", help="当时的状态（最新一条的状态同时成为任务状态）；" + STATUS_HELP)
    p.add_argument("--remove", type=int, metavar="ENTRY", help="删除编号为 ENTRY 的一条进展（编号见列表第一列）")
    p.add_argument("--compose", action="store_true", help="用全部进展生成“完成情况”")
    _period_options(p)
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=cmd_progress)

    p = command("collect", "收集填报：为单位生成填报用的 Excel 表（结构列锁定，状态下拉选择）")
    p.add_argument("--plan", type=int, required=True, metavar="ID", help="计划编号（见 status）")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--unit", action="append", metavar="U", help="单位名称（可重复；含点名统称的任务）")
    group.add_argument("--all-units", action="store_true", help="计划点名的全部单位，每个单位一个工作表")
    p.add_argument("--out", required=True, metavar="FILE", help="输出的 .xlsx 文件")
    p.set_defaults(func=cmd_collect)

    p = command("merge", "合并单位交回的填报表：默认只显示预览，加 --apply 才写入")
    p.add_argument("--plan", type=int, required=True, metavar="ID", help="计划编号（见 status）")
    p.add_argument("files", nargs="+", metavar="FILE", help="交回的填报表（可多个）")
    p.add_argument("--apply", action="store_true", help="应用没有冲突的改动（一次写入，可撤销）")
    p.add_argument("--take", metavar="FILE", help="有冲突时采用该文件的填报")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=cmd_merge)

    p = command("diff", "比较两个计划：新增、删除、改写的任务，单位和时限的变化（按文字内容对应，不按位置）")
    p.add_argument("--plan", type=int, action="append", required=True, metavar="ID",
                   help="两次：先旧计划，再新计划（如 --plan 1 --plan 2）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument("--out", metavar="FILE", help="另存对照表：.xlsx 或 .docx（改写处删去的字标红划线、新增的字标蓝）")
    p.set_defaults(func=cmd_diff)

    p = command("delete", "删除一个计划及其全部任务和进展（先自动备份；须加 --yes 确认）")
    p.add_argument("--plan", type=int, required=True, metavar="ID", help="计划编号（见 status）")
    p.add_argument("--yes", action="store_true", help="确认删除")
    p.set_defaults(func=cmd_delete)

    p = command("backup", "立即备份数据库；--list 列出备份；--restore 从备份恢复")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--list", action="store_true", help="列出已有备份")
    group.add_argument("--restore", metavar="FILE", help="从该备份恢复（会先备份当前数据）")
    p.set_defaults(func=cmd_backup)

    p = command("export", "导出落实情况：Word 台账或报告（.docx），Excel 台账（.xlsx）")
    p.add_argument("--plan", type=int, required=True, metavar="ID", help="计划编号（见 status）")
    p.add_argument("--format", choices=["docx", "xlsx"],
                   help="docx 或 xlsx（默认按 --out 的扩展名，没有扩展名时为 docx）")
    p.add_argument("--style", choices=["ledger", "report"], default="ledger", help="Word 样式：台账（横向表格）或报告（公文）")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--unit", metavar="U", help="只导出该单位承担的任务（与“我的任务”相同，含统称）；也作填报单位")
    scope.add_argument("--mine", action="store_true", help="只导出本单位（mine --set）承担的任务")
    p.add_argument("--reporter", metavar="UNIT", help="填报单位（不给 --unit 且未设置本单位时）")
    p.add_argument("--script", choices=["simplified", "traditional", "original"], default="original",
                   help="文字：简体、繁体，或与计划原文相同（默认）；全文统一")
    p.add_argument("--no-pending-list", dest="pending_list", action="store_false",
                   help="报告不附“待补充完成情况的任务”清单")
    p.add_argument("--status", nargs="+", action="extend", metavar="S", help="只导出这些状态的任务")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="截至日期：按历史记录导出当日的状态和完成情况（默认今天）")
    p.add_argument("--sections", dest="sections", action="store_true", default=True, help="带分组标题（默认）")
    p.add_argument("--tasks-only", dest="sections", action="store_false", help="只列任务")
    p.add_argument("--evidence", action="store_true", help="加“佐证材料”列")
    p.add_argument("--progress", action="store_true", help="加“进展”（台账一列，报告一段）；时段见 --period、--from、--to")
    _period_options(p)
    p.add_argument("--out", metavar="FILE", help="输出文件，或文件夹（以 / 结尾或已存在：其中的默认文件名）")
    p.set_defaults(func=cmd_export)

    p = command("check", "检查数据库是否完好")
    p.set_defaults(func=cmd_check)
    return ap


def _period_options(p: argparse.ArgumentParser) -> None:
    from core.domain.periods import PERIODS

    p.add_argument("--period", choices=PERIODS, help="只看这一时段的进展")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="进展起始日期")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="进展结束日期")


STATUS_HELP = "状态（可重复）：未开始 进行中 已完成 持续推进 不适用（繁体、英文代码 todo/doing/done/ongoing/na 亦可）"


def _quiet_broken_pipe() -> int:
    """`main.py list … | head` closed our stdout: stop quietly, as Unix tools do.

    Python's own recipe (signal module docs): point stdout at devnull so the flush at exit does
    not fail again, and exit as a process killed by SIGPIPE would (128 + 13).
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_BROKEN_PIPE


def main(argv: list[str] | None = None) -> int:
    ap = build_parser()
    try:
        args = ap.parse_args(argv)
        if args.self_test:
            from gui.app.launch import self_test

            return self_test(lang=args.lang)
        if not getattr(args, "func", None):
            return run_window(Path(args.db) if args.db else None, args.lang)
        code = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the try, not at interpreter exit
        return code
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except TaizhangError as err:
        print(f"错误：{message(err)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: one line for the user, the traceback only when debugging
        if os.environ.get("TAIZHANG_DEBUG"):
            raise
        print(f"错误：程序内部错误（{type(exc).__name__}: {exc}）", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
