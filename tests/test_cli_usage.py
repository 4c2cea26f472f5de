"""The command line tried as a new user would: Chinese one-line mistakes, options anywhere, pipes,
traditional script, duplicate imports and deleting a plan."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample_plan.json"


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=120, **kwargs)


def one_chinese_line(res: subprocess.CompletedProcess) -> str:
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and "Traceback" not in res.stderr, res.stderr
    assert "usage" not in res.stderr and "error:" not in res.stderr
    return lines[0]


@pytest.fixture
def imported(db_path):
    res = run("--db", str(db_path), "import", str(SAMPLE))
    assert res.returncode == 0, res.stderr
    return db_path


TRADITIONAL_PLAN = {
    "title": "某市2025年政務公開工作要點", "year": 2025, "issuer": None, "doc_number": None, "date": None,
    "nodes": [{"label": "一、", "title": "推進政務公開", "text": "推進政務公開", "deadlines": [],
               "units": {"lead": [], "responsible": [], "cooperating": []},
               "children": [
                   {"label": "1.", "title": "公開年度報告", "text": "公開年度報告", "deadlines": [], "children": [],
                    "units": {"lead": ["市政府辦公室"], "responsible": ["市財政局"], "cooperating": []}},
                   {"label": "2.", "title": "規範依申請公開", "text": "規範依申請公開", "deadlines": [], "children": [],
                    "units": {"lead": ["市司法局"], "responsible": [], "cooperating": ["市政府辦公室"]}},
                   {"label": "3.", "title": "優化政府網站", "text": "優化政府網站", "deadlines": [], "children": [],
                    "units": {"lead": ["ＸＸ市大數據局"], "responsible": [], "cooperating": []}}]}],
}


@pytest.fixture
def traditional(db_path, tmp_path):
    path = tmp_path / "繁體計劃.json"
    path.write_text(json.dumps(TRADITIONAL_PLAN, ensure_ascii=False), encoding="utf-8")
    assert run("--db", str(db_path), "import", str(path)).returncode == 0
    return db_path


# -- argparse's mistakes, in Chinese -----------------------------------------------------------
@pytest.mark.parametrize("args, words", [
    (["frobnicate"], ["未知命令：frobnicate", "list"]),
    (["list"], ["缺少必需的参数：--plan"]),
    (["list", "--plan", "一"], ["--plan 需要一个整数", "一"]),
    (["list", "--plan"], ["--plan 后面缺少值"]),
    (["export", "--plan", "1", "--format", "pdf"], ["--format 的值 pdf 无效", "docx、xlsx"]),
    (["backup", "--list", "--restore", "x.sqlite3"], ["--restore 不能与 --list 同时使用"]),
    (["status", "--colour"], ["不认识的参数：--colour"]),
    (["--lang", "fr", "status"], ["--lang 的值 fr 无效"]),
    (["export", "--plan", "1", "--st", "x"], ["--st 不明确", "--style、--status"]),
    (["status", "--json=1"], ["--json 不带值"]),
    (["parse"], ["缺少必需的参数：文件"]),
])
def test_usage_mistakes_are_one_chinese_line_with_exit_2(db_path, args, words):
    res = run("--db", str(db_path), *args)
    assert res.returncode == 2
    line = one_chinese_line(res)
    assert all(w in line for w in words), line
    assert not db_path.exists()  # a mistake never opens (let alone creates) the database


def test_help_has_chinese_headings_and_lists_every_command():
    text = run("--help").stdout
    assert text.startswith("用法：main.py") and "选项" in text and "显示本帮助并退出" in text
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in text
    for command in ("parse", "import", "status", "list", "mark", "delete", "export", "backup", "check"):
        assert command in text
    sub = run("export", "--help")
    assert sub.returncode == 0 and sub.stdout.startswith("用法：main.py export") and "--db" in sub.stdout


def test_db_is_accepted_after_the_command_too(imported, tmp_path):
    after = run("status", "--json", "--db", str(imported))
    before = run("--db", str(imported), "status", "--json")
    assert after.returncode == 0, after.stderr
    assert json.loads(after.stdout) == json.loads(before.stdout) and json.loads(after.stdout)[0]["tasks"] == 15
    other = tmp_path / "other.sqlite3"  # given twice, the one after the command wins
    assert run("--db", str(other), "list", "--plan", "1", "--json", "--db", str(imported)).returncode == 0


# -- pipes ---------------------------------------------------------------------------------------
def test_output_into_a_closed_pipe_ends_quietly(imported):
    """`main.py list --plan 1 | head -0`: the reader is gone before we write; no 程序内部错误."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(imported), "list", "--plan", "1"],
                              stdout=write_end, stderr=subprocess.PIPE, cwd=ROOT, timeout=120)
    finally:
        os.close(write_end)
    assert proc.returncode == 141, proc.stderr.decode()
    assert proc.stderr == b""


def test_a_pipe_into_head_gets_the_first_lines(imported):
    shell = f'"{sys.executable}" "{ROOT / "main.py"}" --db "{imported}" list --plan 1 | head -n 2'
    res = subprocess.run(["sh", "-c", shell], capture_output=True, text=True, encoding="utf-8", cwd=ROOT,
                         timeout=120)
    assert len(res.stdout.splitlines()) == 2 and res.stderr == ""


# -- units and statuses in either script ----------------------------------------------------------
def test_unit_in_simplified_finds_a_traditional_plans_tasks(traditional):
    tasks = json.loads(run("--db", str(traditional), "list", "--plan", "1", "--unit", "市政府办公室", "--json").stdout)
    assert [t["label"] for t in tasks] == ["1.", "2."]
    lead = run("--db", str(traditional), "list", "--plan", "1", "--unit", "市政府办公室", "--role", "lead", "--json")
    assert [t["label"] for t in json.loads(lead.stdout)] == ["1."]
    wide = run("--db", str(traditional), "list", "--plan", "1", "--unit", "XX市大数据局", "--json")
    assert [t["label"] for t in json.loads(wide.stdout)] == ["3."]  # full-width ＸＸ in the plan


def test_export_unit_folds_scripts_like_list(traditional, tmp_path):
    import openpyxl

    out = tmp_path / "台账.xlsx"
    res = run("--db", str(traditional), "export", "--plan", "1", "--unit", "市政府办公室", "--out", str(out))
    assert res.returncode == 0, res.stderr
    rows = [r for r in openpyxl.load_workbook(out).active.iter_rows(min_row=4, values_only=True)
            if isinstance(r[0], int)]  # task rows; a section row holds its heading in column A
    assert len(rows) == 2


def test_a_unit_that_matches_nothing_says_so(imported, tmp_path):
    res = run("--db", str(imported), "list", "--plan", "1", "--unit", "无此单位")
    assert res.returncode == 0 and res.stdout == ""
    assert res.stderr.strip() == "提示：计划 1 中没有点名“无此单位”的任务（单位名称须与计划中的写法一致，简繁体均可）"
    res = run("--db", str(imported), "list", "--plan", "1", "--status", "已完成", "--json")
    assert json.loads(res.stdout) == [] and res.stderr.strip() == "提示：计划 1 中没有符合筛选条件的任务"
    empty = tmp_path / "空计划.json"
    empty.write_text('{"title": "空计划", "year": 2026, "nodes": []}', encoding="utf-8")
    assert run("--db", str(imported), "import", str(empty)).returncode == 0
    res = run("--db", str(imported), "list", "--plan", "2")
    assert res.returncode == 0 and res.stderr.strip() == "提示：计划 2 中还没有任务"


@pytest.mark.parametrize("word, shown", [("進行中", "进行中"), ("持續推進", "持续推进"), ("不適用", "不适用"),
                                         ("done", "已完成"), ("ONGOING", "持续推进"), ("ｔｏｄｏ", "未开始")])
def test_mark_accepts_a_status_in_either_script_or_its_code(imported, word, shown):
    node = json.loads(run("--db", str(imported), "list", "--plan", "1", "--json").stdout)[0]["id"]
    res = run("--db", str(imported), "mark", "--node", str(node), "--status", word)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip().endswith(f"：{shown}")


# -- importing twice, deleting -----------------------------------------------------------------------
def test_importing_the_same_file_twice_is_refused_unless_again(imported):
    res = run("--db", str(imported), "import", str(SAMPLE))
    assert res.returncode == 2
    assert "已经导入过（计划 1：示例县2026年政务公开工作要点）" in one_chinese_line(res) and "--again" in res.stderr
    assert len(json.loads(run("--db", str(imported), "status", "--json").stdout)) == 1
    again = run("--db", str(imported), "import", "--again", str(SAMPLE))
    assert again.returncode == 0 and "已导入计划 2" in again.stdout


def test_an_imported_plan_carries_the_hash_of_the_file_read(imported):
    import hashlib

    from core.service.facade import PlanService

    svc = PlanService(imported, readonly=True)
    try:
        assert svc.plan(1).source_sha256 == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
        assert svc.plan(1).source_name == SAMPLE.name
    finally:
        svc.close()


def test_a_copy_with_the_same_title_and_year_is_refused_too(imported, tmp_path):
    copy = tmp_path / "另存的副本.json"
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["nodes"] = data["nodes"][:1]  # other content, same plan
    copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    res = run("--db", str(imported), "import", str(copy))
    assert res.returncode == 2 and "已经导入过" in one_chinese_line(res)


def test_delete_needs_yes_and_backs_up_first(imported):
    res = run("--db", str(imported), "delete", "--plan", "1")
    assert res.returncode == 2 and "请加 --yes" in one_chinese_line(res)
    assert len(json.loads(run("--db", str(imported), "status", "--json").stdout)) == 1
    res = run("--db", str(imported), "delete", "--plan", "1", "--yes")
    assert res.returncode == 0, res.stderr
    assert json.loads(run("--db", str(imported), "status", "--json").stdout) == []
    kept = Path(res.stdout.split("备份到 ")[1].rstrip("）\n"))
    assert kept.is_file() and "删除计划之前" in run("--db", str(imported), "backup", "--list").stdout
    restored = run("--db", str(imported), "backup", "--restore", str(kept))
    assert restored.returncode == 0, restored.stderr
    assert json.loads(run("--db", str(imported), "status", "--json").stdout)[0]["tasks"] == 15
    assert run("--db", str(imported), "check").returncode == 0
    missing = run("--db", str(imported), "delete", "--plan", "42", "--yes")
    assert missing.returncode == 2 and "找不到编号为 42 的计划" in one_chinese_line(missing)
