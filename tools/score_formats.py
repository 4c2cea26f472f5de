"""Score the reader fixtures with ../shared/eval/score.py, one run per format.

    .venv/bin/python tools/score_formats.py [FORMAT ...]   (default: every folder in tests/fixtures)

score.py pairs every gold file NNN_x.json with a document named NNN_x.*, so each fixture is
linked into a temporary folder under its plan's gold name (and its gold beside, in a second
folder), one pair of folders per format, and score.py runs on them as on ../shared/plans. Prints score.py's table per format; exit 1 if a format scores
below its bar (0.95, scans 0.85 — issue 15).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
TOTAL = re.compile(r"^TOTAL.*?([\d.]+)\s*$", re.M)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("formats", nargs="*")
    ap.add_argument("--fixtures", type=Path, default=FIXTURES, help="a folder of <format>/ folders")
    args = ap.parse_args(argv)
    fixtures = args.fixtures
    gold = SHARED / "eval" / "gold"
    formats = args.formats or sorted(p.name for p in fixtures.iterdir() if p.is_dir() and p.name != "schemas")
    failed = []
    for fmt in formats:
        cases = sorted((fixtures / fmt).glob("[0-9][0-9][0-9]_*"))
        if not cases:
            continue
        with tempfile.TemporaryDirectory() as docs, tempfile.TemporaryDirectory() as golds:
            for case in cases:
                answer = next(gold.glob(case.name[:3] + "_*.json"))
                (Path(docs) / (answer.stem + case.suffix)).symlink_to(case)
                if not (Path(golds) / answer.name).exists():
                    (Path(golds) / answer.name).symlink_to(answer)
            parser = f'"{sys.executable}" "{ROOT / "main.py"}" parse --json'
            res = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--parser", parser, docs, golds],
                                 capture_output=True, text=True, encoding="utf-8", timeout=3600)
        print(f"== {fmt} ({', '.join(c.name for c in cases)})\n{res.stdout.strip()}\n{res.stderr.strip()}\n")
        total = TOTAL.search(res.stdout)
        bar = 0.85 if fmt == "scan" else 0.95
        if not total or float(total.group(1)) < bar:
            failed.append(fmt)
    if failed:
        print("below the bar: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
