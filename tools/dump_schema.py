"""Write tests/fixtures/schemas/vN.sql for the current schema version, with sample data.

Run once when a schema version is released; the dump then stays forever, and
tests/core/test_migrations.py upgrades it with every later build.
    .venv/bin/python tools/dump_schema.py
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.domain.status import Status  # noqa: E402
from core.parse.parsed_plan import ParsedPlan  # noqa: E402
from core.service.facade import PlanService  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dump.sqlite3"
        svc = PlanService(path, today=lambda: dt.date(2026, 5, 1))
        plan = ParsedPlan.from_json((ROOT / "resources" / "sample_plan.json").read_text(encoding="utf-8"))
        pid = svc.import_plan(plan, source_name="sample_plan.json", sha256="ab" * 32).plan_id
        tasks = [n for n in svc.tree(pid) if n.is_task]
        svc.set_status(tasks[0].id, Status.DONE)
        svc.set_note(tasks[0].id, "已在门户网站发布")
        svc.set_status(tasks[1].id, Status.ONGOING)
        svc.set_status(tasks[2].id, Status.NA)
        svc.set_setting("my_units", "县政府办公室")
        svc.defer(tasks[3].id, dt.date(2027, 3, 31), "需等待上级系统升级", "县政府办公室 〔2026〕5号")  # v4
        svc.add_entry(tasks[1].id, "已完成第一季度公开", dt.date(2026, 3, 31), Status.ONGOING)  # v4
        svc.close()
        con = sqlite3.connect(path)
        version = con.execute("PRAGMA user_version").fetchone()[0]
        app_id = con.execute("PRAGMA application_id").fetchone()[0]  # iterdump keeps neither header field
        lines = [f"PRAGMA user_version = {version};", *([f"PRAGMA application_id = {app_id};"] if app_id else []),
                 *con.iterdump()]
        con.close()
    out = ROOT / "tests" / "fixtures" / "schemas" / f"v{version}.sql"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
