"""Score the current parser on freshly generated unseen material, family by family.

    .venv/bin/python tools/score_unseen.py                  # every family, seed 1
    .venv/bin/python tools/score_unseen.py --family b       # one family (or a,c)
    .venv/bin/python tools/score_unseen.py --seed 5 --count 20 --verbose --keep

Generates each family with tools/make_unseen.py into a temp dir and runs ../shared/eval/score.py
on it with the parser command (default `.venv/bin/python main.py parse --json`), then prints one
table per family and a summary: each family's micro totals, how many of its documents the parser
failed on (refused or crashed), and the mean overall over all documents. Exits 2 when ../shared
(score.py) is absent; --min F exits 1 when the total overall is below F.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.make_unseen import generate, write  # noqa: E402
from tools.unseen.families import FAMILIES, available  # noqa: E402

METRICS = ("nodes", "tree", "labels", "units", "lead", "deadlines", "meta", "overall")
DEFAULT_PARSER = f"{ROOT / '.venv' / 'bin' / 'python'} {ROOT / 'main.py'} parse --json"


def score(score_py: Path, parser: str, out: Path, verbose: bool) -> tuple[str, dict, int]:
    """score.py's table (or its verbose log), its totals, and how many documents the parser
    failed on (refused or crashed), for one folder of plans and gold."""
    base = [sys.executable, str(score_py), "--parser", parser, str(out / "plans"), str(out / "gold")]
    shown = subprocess.run(base + (["--verbose"] if verbose else []), capture_output=True, text=True, cwd=ROOT)
    totals = subprocess.run(base + ["--json"], capture_output=True, text=True, cwd=ROOT)
    failed = sum("parser failed" in line for line in shown.stderr.splitlines())
    return shown.stdout + shown.stderr, json.loads(totals.stdout), failed


def kind_of(name: str) -> str:
    """The kind a generated document's name gives: a03_table-text-city → table, b01_scheme → scheme."""
    return name.split("_", 1)[-1].split("-", 1)[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--family", help="comma-separated letters (default: every family this machine can write)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, help="documents per family (default: each family's own)")
    ap.add_argument("--parser", default=DEFAULT_PARSER)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--verbose", action="store_true", help="score.py's list of every mismatch")
    ap.add_argument("--keep", action="store_true", help="keep the generated folder and print its path")
    ap.add_argument("--min", type=float)
    args = ap.parse_args(argv)
    score_py = args.shared / "eval" / "score.py"
    if not score_py.is_file():
        print(f"score_unseen: {score_py} not found; the shared folder (../shared) is needed to score",
              file=sys.stderr)
        return 2
    families = [f.strip() for f in args.family.split(",") if f.strip()] if args.family else available()
    unknown = [f for f in families if f not in FAMILIES]
    if unknown:
        ap.error(f"unknown family {', '.join(unknown)}; choose from {', '.join(FAMILIES)}")
    if any(f not in available() for f in families):
        print("score_unseen: family f needs LibreOffice (soffice), which is not installed", file=sys.stderr)
        return 2
    if "f" not in families and not args.family:
        print("score_unseen: family f (.doc/.xls) skipped: LibreOffice (soffice) is not installed", file=sys.stderr)
    tmp = Path(tempfile.mkdtemp(prefix="unseen-score-"))
    summary, refused = {}, {}
    for fam in families:
        out = tmp / fam
        write(generate(args.seed, [fam], args.count), out)
        table, totals, failed = score(score_py, args.parser, out, args.verbose)
        print(f"== family {fam}\n{table}")
        summary[fam] = totals
        refused[fam] = failed
    print(f"{'family':10}" + "".join(f"{k:>8}" for k in METRICS) + "  failed")
    for fam, totals in summary.items():
        t = totals["total"]
        print(f"{fam:10}" + "".join("     -  " if t.get(k) is None else f"{t[k]:8.3f}" for k in METRICS)
              + f"  {refused[fam]:>3}/{len(totals['documents'])}")
    docs = sum(len(t["documents"]) for t in summary.values())
    overall = sum(t["total"]["overall"] * len(t["documents"]) for t in summary.values()) / max(docs, 1)
    print(f"{'all':10}{'':>56}{overall:8.3f}   ({docs} documents, mean of family overalls by document count)")
    print("\nby kind of document (mean overall of its documents):")
    kinds: dict[str, list[float]] = {}
    for fam, totals in summary.items():
        for name, scores in totals["documents"].items():
            kinds.setdefault(f"{fam} {kind_of(name)}", []).append(scores["overall"])
    for kind, values in kinds.items():
        print(f"  {kind:24}{sum(values) / len(values):7.3f}   ({len(values)})")
    if args.keep:
        print(f"material kept in {tmp}")
    else:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    if args.min is not None and overall < args.min:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
