"""Kill the program at random moments while it imports, marks, exports and backs up; then check
that the database is intact and that every write it acknowledged is still there.

    .venv/bin/python tools/kill_test.py --kills 200        prints one summary line, exit 0 when clean

A worker process mixes the four actions in a random order per round; after each mark it prints
`ack <node> <seq> <import token>` (the note it just saved carries the sequence number). After SIGKILL the
database must pass `check`, no plan may be half-imported, and for every acknowledged mark whose
plan still exists the note's sequence must be at least the acknowledged one.
"""

from __future__ import annotations

import argparse
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORKER = r"""
import random, sys, uuid
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from core.export import ExportOptions, export_plan
from core.parse.parsed_plan import ParsedPlan
from core.service.facade import PlanService
from core.domain.status import Status
plan = ParsedPlan.from_json(open(sys.argv[3], encoding="utf-8").read())
rng, out = random.Random(int(sys.argv[4])), Path(sys.argv[5])
seq = int(sys.argv[6])
svc = PlanService(sys.argv[1])
print("ready", flush=True)
statuses = list(Status)
while True:
    plans = [p.id for p in svc.list_plans(with_rollups=False)]
    action = rng.choice(["import", "mark", "mark", "mark", "export", "backup", "delete"] if plans else ["import"])
    if action == "import":
        svc.import_plan(plan, sha256=uuid.uuid4().hex)  # a token naming this import (ids are reused)
    elif action == "mark":
        pid = rng.choice(plans)
        token = svc.plan(pid).source_sha256
        for node in [n for n in svc.tree(pid) if n.is_task][: rng.randint(1, 6)]:
            seq += 1
            svc.mark(node.id, rng.choice(statuses), f"第{seq}次")
            print("ack", node.id, seq, token, flush=True)
    elif action == "export":
        fmt = rng.choice(["docx", "xlsx"])
        export_plan(svc, rng.choice(plans), ExportOptions(format=fmt), out / f"out.{fmt}")
    elif action == "backup":
        svc.backup_now("manual")
    elif len(plans) > 2:
        victim = rng.choice(plans)
        svc.delete_plan(victim)
"""

NODES_PER_PLAN = 21  # resources/sample_plan.json: 6 sections + 15 tasks


def _verify(db: Path, acked: dict[int, tuple[int, str]]) -> list[str]:
    from core.messages import cli_line
    from core.store.health import check_database

    problems = [cli_line(p) for p in check_database(db)]
    con = sqlite3.connect(db)
    try:
        sizes = con.execute("SELECT p.id, count(n.id) FROM plan p LEFT JOIN node n ON n.plan_id = p.id "
                            "GROUP BY p.id").fetchall()
        problems += [f"plan {pid} has {n} nodes" for pid, n in sizes if n != NODES_PER_PLAN]
        rows = dict(con.execute("SELECT p.node_id, p.note FROM progress p"))
        owner = dict(con.execute("SELECT n.id, p.source_sha256 FROM node n JOIN plan p ON p.id = n.plan_id"))
    finally:
        con.close()
    imports = set(owner.values())
    for node, (seq, token) in acked.items():
        if owner.get(node) != token:  # ids of a deleted plan are reused by later imports
            if token in imports:
                problems.append(f"acknowledged node {node} vanished from its plan")
            continue  # its whole plan was deleted (acknowledged, or in flight when killed)
        note = rows.get(node, "")
        got = int(note[1:-1]) if note.startswith("第") and note.endswith("次") else -1
        if got < seq:
            problems.append(f"node {node}: acknowledged note {seq}, found {note!r}")
    return problems


def run(kills: int, seed: int = 20261201, folder: Path | None = None, verbose: bool = False) -> tuple[int, int]:
    """(kills done, kills after which something was wrong)."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="taizhang-kill-") as tmp:
        base = Path(folder or tmp)
        db, out = base / "kill.sqlite3", base / "out"
        out.mkdir(exist_ok=True)
        acked: dict[int, tuple[int, str]] = {}
        seq, bad = 0, 0
        for k in range(kills):
            proc = subprocess.Popen([sys.executable, "-c", WORKER, str(db), str(ROOT),
                                     str(ROOT / "resources" / "sample_plan.json"), str(rng.randrange(1 << 30)),
                                     str(out), str(seq)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
            first = proc.stdout.readline().strip()
            if first != "ready":
                raise SystemExit(f"worker did not start: {first} {proc.stderr.read()}")
            time.sleep(rng.uniform(0.02, 0.6))
            proc.send_signal(signal.SIGKILL)
            rest, _ = proc.communicate(timeout=30)
            for line in rest.split("\n")[:-1]:  # a line the kill cut short was never acknowledged
                parts = line.split()
                if parts[:1] == ["ack"]:
                    acked[int(parts[1])] = (int(parts[2]), parts[3])
                    seq = max(seq, int(parts[2]))
            seq += 1000  # a mark in flight at the kill may have landed: the next worker starts past it
            problems = _verify(db, acked)
            if problems:
                bad += 1
                print(f"kill {k + 1}: " + "; ".join(problems[:5]), file=sys.stderr)
            elif verbose:
                print(f"kill {k + 1}: ok ({len(acked)} nodes acknowledged)")
        return kills, bad


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=200)
    ap.add_argument("--seed", type=int, default=20261201)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.time()
    kills, bad = run(args.kills, args.seed, verbose=args.verbose)
    print(f"{kills} kills during import/mark/export/backup/delete: {bad} with integrity errors or lost "
          f"acknowledged writes ({time.time() - t0:.0f} s)")
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
