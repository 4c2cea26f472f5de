"""Write synthetic 政务公开工作要点 plans, as other offices write them, with their gold readings.

    .venv/bin/python tools/make_unseen.py [--out DIR] [--seed N] [--family a,b,...] [--count N]
    .venv/bin/python tools/make_unseen.py --sample     # rewrite tests/fixtures/unseen/ (on purpose only)

Families (tools/unseen/): a short web pages (city/county/district/province plans with site noise,
numbering families, damaged numbers; tables copied as text; department duty lists with no title
or a metadata block; 片区 copies; a page saved as .html); b one-line bodies (prose plans,
flattened 分解表, department 实施方案, 片区 copies); c tables in containers (.html, .docx, .xlsx
台账, web systems' HTML as .xls/.doc) and Word automatic numbering; d two-part documents (prose,
then a 任务分解 table); e other encodings and scripts (GB18030, UTF-16, traditional, traditional
with pinyin) and text copied out of a PDF; f binary .doc/.xls and PDF (only where LibreOffice is
installed); h the kinds of a–e again, written with words (places, units, header words, clause
wordings, tasks) the other families never use, to show a parser that learned this generator's
word lists rather than the genre. Output: DIR/plans/<stem>.<ext> and DIR/gold/<stem>.json, the layout
../shared/eval/score.py reads. The same seed always writes the same bytes (family f: the same
text). The sample (--sample) holds every family but f, so it does not depend on LibreOffice.

Gold conventions (those of ../shared/eval/gold, see its README): a head is the node's first
clause, at most 18 characters; labels as printed (alternatives for a damaged "（）", a 序号 cell
"一"/"一、", a phase "第一阶段："/"第一阶段"); units are every unit named for the node, lead only
where the plan says 牵头/主办 (a 责任单位 or 牵头及责任单位 column gives no lead); a task whose
unit cell is merged with the one above has those units; deadlines are the dated limits (month
ends for "8月底前" or a bare month in a deadline column), while "8月前" (either end), 年内 and
phase spans are optional_deadlines; rows of a 任务分解 or 工作计划表 that repeat the prose tasks
are not nodes, their units and limits belong to the prose tasks; a closing paragraph is an
optional node; the title is the plan's own (the 通知's when the 通知 is the plan), and issuer or
date read from a site's 来源/发布时间 line are allowed only where the page prints them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.unseen.families import FAMILIES, PORTABLE, Doc, available  # noqa: E402

SAMPLE_DIR = ROOT / "tests" / "fixtures" / "unseen"
SAMPLE = {"seed": 7, "count": 2}


def generate(seed: int, families: list[str], count: int | None = None) -> list[Doc]:
    """Every document of the chosen families; each drawn from its own seeded generator."""
    docs = []
    for fam in families:
        build, default = FAMILIES[fam]
        for i in range(count if count is not None else default):
            doc = build(random.Random(f"{seed}:{fam}:{i}"), i, seed)
            doc.name = f"{fam}{i:02d}_{doc.name}"
            docs.append(doc)
    return docs


def write(docs: list[Doc], out: Path) -> None:
    (out / "plans").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (out / "plans" / f"{doc.name}.{doc.ext}").write_bytes(doc.data)
        (out / "gold" / f"{doc.name}.json").write_text(
            json.dumps(doc.gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="folder to write plans/ and gold/ into (default: a new temp dir)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--family", help="comma-separated letters, e.g. a,c (default: every family this machine can write)")
    ap.add_argument("--count", type=int, help="documents per family (default: each family's own)")
    ap.add_argument("--sample", action="store_true", help="rewrite the committed sample in tests/fixtures/unseen")
    args = ap.parse_args(argv)
    families = [f.strip() for f in args.family.split(",") if f.strip()] if args.family else available()
    unknown = [f for f in families if f not in FAMILIES]
    if unknown:
        ap.error(f"unknown family {', '.join(unknown)}; choose from {', '.join(FAMILIES)}")
    missing = [f for f in families if f not in available()]
    if missing:
        print(f"make_unseen: family {', '.join(missing)} needs LibreOffice (soffice), which is not installed",
              file=sys.stderr)
        return 2
    if not args.family and "f" not in families:
        print("make_unseen: family f (.doc/.xls) skipped: LibreOffice (soffice) is not installed", file=sys.stderr)
    if args.sample:
        out = SAMPLE_DIR
        for old in list(out.glob("plans/*")) + list(out.glob("gold/*")):
            old.unlink()
        docs = generate(SAMPLE["seed"], PORTABLE, SAMPLE["count"])
    else:
        out = args.out or Path(tempfile.mkdtemp(prefix="unseen-"))
        docs = generate(args.seed, families, args.count)
    write(docs, out)
    print(f"{len(docs)} documents in {out}/plans, gold in {out}/gold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
