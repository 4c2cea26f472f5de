"""Export speed: a plan of 1,000 tasks to the Word 台账, the Word 报告 and the Excel 台账.

    .venv/bin/python benchmarks/export_bench.py [TASKS]

Targets (issue): ≤ 3 s median to .docx, ≤ 2 s median to .xlsx. Prints median seconds.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.data import synthetic_plan  # noqa: E402
from core.domain.status import Status  # noqa: E402
from core.export import ExportOptions, export_plan  # noqa: E402
from core.service.facade import PlanService  # noqa: E402

CASES = [("docx 台账", ExportOptions(reporter="示例单位"), 3.0),
         ("docx 报告", ExportOptions(style="report", reporter="示例单位"), 3.0),
         ("xlsx 台账", ExportOptions(format="xlsx", reporter="示例单位"), 2.0)]
REPEAT = 5


def main() -> None:
    tasks = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        svc = PlanService(Path(tmp) / "bench.sqlite3")
        try:
            plan_id = svc.import_plan(synthetic_plan(2026, tasks)).plan_id
            ids = [n.id for n in svc.tree(plan_id) if n.is_task]
            svc.set_statuses(ids[::3], Status.DONE)
            for node_id in ids[::5]:
                svc.set_note(node_id, "已按要求在门户网站专栏发布相关信息，并同步推送政务新媒体，接受社会监督。")
            print(f"{'export of ' + str(tasks) + ' tasks':24}{'median s':>10}{'budget':>8}")
            for name, opts, budget in CASES:
                times = []
                for i in range(REPEAT):
                    start = time.perf_counter()
                    export_plan(svc, plan_id, opts, Path(tmp) / f"out{i}.{opts.format}")
                    times.append(time.perf_counter() - start)
                median = statistics.median(times)
                print(f"{name:24}{median:>10.2f}{budget:>8.1f}  {'ok' if median <= budget else 'OVER'}")
        finally:
            svc.close()


if __name__ == "__main__":
    main()
