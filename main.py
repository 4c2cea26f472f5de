"""要点台账 Taizhang: the window by default, and a command line for everything else.

Every command goes through core's service; errors come out as one Chinese line on stderr
with a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core.errors import TaizhangError, message
from core.version import __version__


def _print_tree(nodes, depth: int = 0) -> None:
    for node in nodes:
        extras = []
        for role, names in node.units.items():
            if names:
                extras.append(f"{role}: {'、'.join(names)}")
        for d in node.deadlines:
            extras.append(f"{d.text} → {d.date.isoformat() if d.date else '—'}")
        tail = f"  [{'; '.join(extras)}]" if extras else ""
        print(f"{'  ' * depth}{node.label}{node.title}{tail}")
        _print_tree(node.children, depth + 1)


def cmd_parse(args: argparse.Namespace) -> int:
    from core.importer import parse_file

    plan = parse_file(Path(args.file))
    if args.json:
        sys.stdout.write(plan.to_json() + "\n")
        return 0
    meta = [plan.title, str(plan.year or ""), plan.issuer or "", plan.doc_number or "",
            plan.date.isoformat() if plan.date else ""]
    print(" | ".join(meta))
    _print_tree(plan.nodes)
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="main.py", description="要点台账：政务公开工作要点的任务台账")
    ap.add_argument("--version", action="version", version=f"Taizhang {__version__}")
    sub = ap.add_subparsers(dest="command")
    p = sub.add_parser("parse", help="读取一份工作要点文件并显示解析结果（不写数据库）")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="输出解析 JSON")
    p.set_defaults(func=cmd_parse)
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    if not getattr(args, "func", None):
        ap.print_help()
        return 0
    try:
        return args.func(args)
    except TaizhangError as err:
        print(f"错误：{message(err)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
