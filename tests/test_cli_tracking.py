"""`defer` and `progress` on the command line: what a script sees on stdout, stderr and the exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample_plan.json"


def run(*args: str, db: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, str(ROOT / "main.py"), "--db", str(db), *args]
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)


@pytest.fixture
def imported(db_path):
    assert run("import", str(SAMPLE), db=db_path).returncode == 0
    return db_path


def _task(db, deadline_text):
    tasks = json.loads(run("list", "--plan", "1", "--json", db=db).stdout)
    return next(t for t in tasks if any(d["text"] == deadline_text for d in t["deadlines"]))


def test_defer_moves_the_deadline_and_list_json_shows_it(imported):
    task = _task(imported, "8月底前")
    assert task["deferral"] is None and task["due"] == "2026-08-31"
    res = run("defer", "--node", str(task["id"]), "--to", "2026-10-31", "--reason", "需与省级平台对接",
              "--approval", "县政府办公室 〔2026〕8号", db=imported)
    assert res.returncode == 0, res.stderr
    assert "原定8月底前，经批准延期至10月底前（原因：需与省级平台对接）" in res.stdout
    again = _task(imported, "8月底前")
    assert again["due"] == "2026-10-31" and again["deadlines"][0]["date"] == "2026-08-31"
    assert again["deferral"] == {"date": "2026-10-31", "reason": "需与省级平台对接", "approval": "县政府办公室 〔2026〕8号",
                                 "text": "原定8月底前，经批准延期至10月底前（原因：需与省级平台对接）"}
    plain = run("list", "--plan", "1", db=imported).stdout
    assert "8月底前→延期至10月底前" in plain


@pytest.mark.parametrize(("args", "error"), [
    (["--to", "2026-13-01", "--reason", "x"], "错误：日期格式不正确：2026-13-01（应为 2024-07-01）"),
    (["--to", "2026-08-31", "--reason", "x"], "错误：新的时限 2026-08-31 与现在的时限相同，无需延期"),
    (["--to", "2026-10-31", "--reason", " "], "错误：延期须写明原因（--reason）"),
])
def test_defer_mistakes_are_one_chinese_line(imported, args, error):
    task = _task(imported, "8月底前")
    res = run("defer", "--node", str(task["id"]), *args, db=imported)
    assert (res.returncode, res.stderr.strip(), res.stdout) == (2, error, "")


def test_progress_add_then_list_and_json(imported):
    task = _task(imported, "9月15日前")
    node = str(task["id"])
    res = run("progress", "--node", node, "--add", "已完成初稿", "--date", "2026-07-20", "--status", "进行中", db=imported)
    assert res.returncode == 0, res.stderr
    assert "2026年7月20日：已完成初稿（进行中）" in res.stdout
    run("progress", "--node", node, "--add", "印发实施", "--date", "2026-09-05", db=imported)
    listing = run("progress", "--node", node, db=imported)
    assert listing.stdout.index("已完成初稿") < listing.stdout.index("印发实施")
    out = json.loads(run("progress", "--node", node, "--json", "--from", "2026-09-01", db=imported).stdout)
    assert out["status"] == "进行中" and [e["text"] for e in out["entries"]] == ["印发实施"]
    assert out["entries"][0]["date"] == "2026-09-05" and out["entries"][0]["status"] is None
    latest = _task(imported, "9月15日前")["latest_progress"]
    assert latest["text"] == "印发实施"
    first = json.loads(run("progress", "--node", node, "--json", db=imported).stdout)["entries"][0]["id"]
    wrong = run("progress", "--node", node, "--remove", "999", db=imported)
    assert (wrong.returncode, wrong.stderr.strip()) == (2, "错误：找不到该进展记录")
    removed = run("progress", "--node", node, "--remove", str(first), db=imported)
    assert removed.returncode == 0 and "已完成初稿" not in removed.stdout and "印发实施" in removed.stdout
    run("progress", "--node", node, "--add", "已完成初稿", "--date", "2026-07-20", db=imported)
    composed = run("progress", "--node", node, "--compose", db=imported)
    assert "完成情况：7月20日，已完成初稿；9月5日，印发实施。" in composed.stdout
    assert _task(imported, "9月15日前")["note"] == "7月20日，已完成初稿；9月5日，印发实施。"


def test_progress_listing_does_not_write_and_mistakes_are_one_line(imported):
    task = _task(imported, "9月15日前")
    before = imported.stat().st_mtime_ns
    empty = run("progress", "--node", str(task["id"]), db=imported)
    assert empty.returncode == 0 and "提示：该任务还没有进展记录" in empty.stderr
    assert imported.stat().st_mtime_ns == before
    for args, error in ((["--add", " "], "错误：进展内容不能为空"),
                        (["--from", "2026-09-01", "--to", "2026-08-01"], "错误：起始日期 2026-09-01 晚于结束日期 2026-08-01"),
                        (["--date", "2026-09-01"], "错误：缺少必需的参数：--add。用 --help 查看用法")):
        res = run("progress", "--node", str(task["id"]), *args, db=imported)
        assert (res.returncode, res.stderr.strip()) == (2, error)
    res = run("progress", "--node", "9999", db=imported)
    assert (res.returncode, res.stderr.strip()) == (2, "错误：找不到编号为 9999 的事项")
