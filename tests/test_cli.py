"""The command line as scripts and the checks use it: stdout contracts, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample_plan.json"


def run(*args: str, db: Path | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, str(ROOT / "main.py")] + (["--db", str(db)] if db else []) + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)


@pytest.fixture
def imported(db_path):
    res = run("import", str(SAMPLE), db=db_path)
    assert res.returncode == 0, res.stderr
    return db_path


def test_version_and_help():
    assert run("--version").stdout.startswith("Taizhang ")
    helptext = run("--help").stdout
    for command in ("parse", "import", "status", "list", "mark", "check", "--db", "--self-test"):
        assert command in helptext


def test_import_prints_plan_id_and_counts(db_path):
    res = run("import", str(SAMPLE), db=db_path)
    assert res.returncode == 0
    assert "已导入计划 1" in res.stdout and "15 项任务" in res.stdout


def test_status_json_has_one_object_per_plan(imported):
    run("import", str(SAMPLE), "--again", db=imported)
    plans = json.loads(run("status", "--json", db=imported).stdout)
    assert [p["id"] for p in plans] == [2, 1]
    first = plans[0]
    assert (first["title"], first["year"], first["tasks"]) == ("示例县2026年政务公开工作要点", 2026, 15)
    assert first["counts"]["未开始"] == 15 and first["percentage"] == 0.0
    assert "overdue" in first


def test_mark_then_list_shows_the_change(imported):
    tasks = json.loads(run("list", "--plan", "1", "--json", db=imported).stdout)
    assert len(tasks) == 15
    target = tasks[0]
    assert set(target) >= {"id", "label", "title", "units", "deadlines", "status", "note"}
    res = run("mark", "--node", str(target["id"]), "--status", "已完成", "--note", "已在门户网站发布", db=imported)
    assert res.returncode == 0, res.stderr
    done = json.loads(run("list", "--plan", "1", "--status", "已完成", "--json", db=imported).stdout)
    assert [(t["id"], t["status"], t["note"]) for t in done] == [(target["id"], "已完成", "已在门户网站发布")]
    status = json.loads(run("status", "--json", db=imported).stdout)[0]
    assert status["done"] == 1


def test_list_unit_keeps_tasks_naming_that_unit(imported):
    tasks = json.loads(run("list", "--plan", "1", "--unit", "县教育局", "--json", db=imported).stdout)
    assert [t["label"] for t in tasks] == ["6."]
    assert json.loads(run("list", "--plan", "1", "--search", "年度报告", "--json", db=imported).stdout)[0]["label"] == "12."


@pytest.mark.parametrize("args", [
    ("mark", "--node", "1", "--status", "差不多"),
    ("mark", "--node", "999", "--status", "已完成"),
    ("list", "--plan", "42"),
    ("import", "no-such-file.txt"),
])
def test_errors_are_one_chinese_line_and_nonzero(imported, args):
    res = run(*args, db=imported)
    assert res.returncode != 0
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and "Traceback" not in res.stderr


def test_bad_database_is_reported_not_overwritten(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("not a database", encoding="utf-8")
    res = run("status", db=bad)
    assert res.returncode != 0 and "不是要点台账的数据库" in res.stderr
    assert bad.read_text(encoding="utf-8") == "not a database"


def test_check_reports_an_intact_database(imported):
    res = run("check", db=imported)
    assert res.returncode == 0 and "数据库完好" in res.stdout


def test_mine_filter_uses_the_configured_unit(imported):
    assert "县教育局" in run("mine", "--set", "县教育局", db=imported).stdout
    tasks = json.loads(run("list", "--plan", "1", "--mine", "--json", db=imported).stdout)
    assert [t["label"] for t in tasks] == ["1.", "3.", "6.", "9.", "10.", "12."]
    lead = json.loads(run("list", "--plan", "1", "--mine", "--role", "lead", "--json", db=imported).stdout)
    assert lead == []
    assert run("list", "--plan", "1", "--due-within", "3650", "--json", db=imported).returncode == 0
