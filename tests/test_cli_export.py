"""`main.py export` as a script uses it: the file lands under its default name; errors are one line."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample_plan.json"


def run(db: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, str(ROOT / "main.py"), "--db", str(db), *args]
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)


@pytest.fixture
def imported(db_path):
    assert run(db_path, "import", str(SAMPLE)).returncode == 0
    assert run(db_path, "mine", "--set", "县政府办公室").returncode == 0
    return db_path


def test_export_report_to_a_folder_uses_the_default_name(imported, tmp_path):
    res = run(imported, "export", "--plan", "1", "--style", "report", "--as-of", "2026-07-01",
              "--out", str(tmp_path))
    assert res.returncode == 0, res.stderr
    out = tmp_path / "示例县2026年政务公开工作要点落实情况报告_20260701.docx"
    assert str(out) in res.stdout
    assert "共 15 项任务，其中 15 项缺少完成情况" in res.stdout
    paras = [p.text for p in docx.Document(str(out)).paragraphs]
    assert paras.index("2026年7月1日") == paras.index("县政府办公室") + 1


def test_export_xlsx_with_filters(imported, tmp_path):
    out = tmp_path / "x.xlsx"
    res = run(imported, "export", "--plan", "1", "--format", "xlsx", "--unit", "县政府办公室",
              "--status", "未开始", "进行中", "--tasks-only", "--out", str(out))
    assert res.returncode == 0, res.stderr
    ws = openpyxl.load_workbook(out).active
    units = [r[2] for r in ws.iter_rows(min_row=4, values_only=True)]
    assert units and all("本单位" in u for u in units)


def _count(res) -> int:
    return int(res.stdout.split("共 ")[1].split(" 项任务")[0])


def test_export_for_a_unit_counts_its_collective_tasks_and_mine_the_clerks(imported, tmp_path):
    res = run(imported, "export", "--plan", "1", "--unit", "县教育局", "--out", str(tmp_path / "教育.docx"))
    assert res.returncode == 0, res.stderr
    named = run(imported, "list", "--plan", "1", "--unit", "县教育局", "--json").stdout.count('"id"')
    mine = run(imported, "list", "--plan", "1", "--mine", "--json").stdout.count('"id"')
    res_mine = run(imported, "export", "--plan", "1", "--mine", "--out", str(tmp_path / "我的.docx"))
    assert res_mine.returncode == 0 and _count(res_mine) == mine
    info = docx.Document(str(tmp_path / "我的.docx")).paragraphs[1].text
    assert info.startswith("填报单位：县政府办公室")
    assert run(imported, "mine", "--set", "县教育局").returncode == 0  # 我的任务 for that unit
    as_mine = run(imported, "list", "--plan", "1", "--mine", "--json").stdout.count('"id"')
    assert _count(res) == as_mine > named  # 县直各单位 counts, as in 我的任务


def test_mark_sets_the_completion_date_and_the_export_prints_it(imported, tmp_path):
    res = run(imported, "mark", "--node", "3", "--status", "已完成", "--note", "已发布。", "--date", "2026-06-18")
    assert res.returncode == 0, res.stderr
    assert "完成日期：2026-06-18" in res.stdout
    out = tmp_path / "r.docx"
    assert run(imported, "export", "--plan", "1", "--style", "report", "--out", str(out)).returncode == 0
    assert "已发布。（完成日期：2026年6月18日）" in [p.text for p in docx.Document(str(out)).paragraphs]
    res = run(imported, "mark", "--node", "3", "--date", "2026-13-01")
    assert res.returncode == 2 and "日期格式不正确" in res.stderr
    res = run(imported, "mark", "--node", "3")
    assert res.returncode == 2 and res.stderr.startswith("错误：请至少给出")


def test_traditional_script_and_no_pending_list(imported, tmp_path):
    res = run(imported, "export", "--plan", "1", "--style", "report", "--script", "traditional",
              "--as-of", "2026-07-01", "--no-pending-list", "--out", str(tmp_path))
    assert res.returncode == 0, res.stderr
    out = tmp_path / "示例縣2026年政務公開工作要點落實情況報告_20260701.docx"
    paras = [p.text for p in docx.Document(str(out)).paragraphs]
    assert paras[0].replace("\n", "").startswith("關於示例縣") and "附件" not in paras


def test_export_without_a_reporting_unit_asks_for_one(db_path, tmp_path):
    assert run(db_path, "import", str(SAMPLE)).returncode == 0
    res = run(db_path, "export", "--plan", "1", "--out", str(tmp_path / "a.docx"))
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "--unit" in res.stderr
    assert not (tmp_path / "a.docx").exists()
    res = run(db_path, "export", "--plan", "1", "--reporter", "县政务公开办", "--out", str(tmp_path / "a.docx"))
    assert res.returncode == 0, res.stderr


def test_export_errors_are_one_chinese_line(imported, tmp_path):
    res = run(imported, "export", "--plan", "1", "--unit", "无此单位", "--out", str(tmp_path / "a.docx"))
    assert res.returncode == 2 and res.stderr.strip() == "错误：没有符合筛选条件的任务，未生成文件"
    res = run(imported, "export", "--plan", "1", "--as-of", "2026-02-30", "--out", str(tmp_path / "a.docx"))
    assert res.returncode == 2 and "日期格式不正确" in res.stderr
    assert not (tmp_path / "a.docx").exists()


def test_export_to_a_folder_path_ending_in_a_separator_writes_inside_it(imported, tmp_path):
    folder = tmp_path / "报送"  # not there yet: the trailing / says it is a folder
    res = run(imported, "export", "--plan", "1", "--as-of", "2026-07-01", "--out", f"{folder}{os.sep}")
    assert res.returncode == 0, res.stderr
    assert [p.name for p in folder.iterdir()] == ["示例县2026年政务公开工作要点落实情况台账_20260701.docx"]
    res = run(imported, "export", "--plan", "1", "--format", "xlsx", "--as-of", "2026-07-01", "--out", str(folder))
    assert res.returncode == 0 and (folder / "示例县2026年政务公开工作要点落实情况台账_20260701.xlsx").is_file()


def test_export_reads_the_format_from_the_extension(imported, tmp_path):
    res = run(imported, "export", "--plan", "1", "--out", str(tmp_path / "台账.xlsx"))
    assert res.returncode == 0, res.stderr
    assert openpyxl.load_workbook(tmp_path / "台账.xlsx").active.max_row > 3
    res = run(imported, "export", "--plan", "1", "--style", "report", "--out", str(tmp_path / "报告"))
    assert res.returncode == 0 and docx.Document(str(tmp_path / "报告.docx")).paragraphs


@pytest.mark.parametrize("out, fmt", [("x.txt", None), ("x.txt", "docx"), ("x.xlsx", "docx"), ("x.docx", "xlsx"),
                                      ("x.doc", None)])
def test_export_refuses_a_name_whose_extension_is_not_the_formats(imported, tmp_path, out, fmt):
    res = run(imported, "export", "--plan", "1", "--out", str(tmp_path / out), *(["--format", fmt] if fmt else []))
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：导出文件名的扩展名") and "与导出格式" in lines[0]
    assert list(tmp_path.glob("x.*")) == []


def test_export_file_honours_the_umask(imported, tmp_path):
    cmd = [sys.executable, str(ROOT / "main.py"), "--db", str(imported), "export", "--plan", "1"]
    for mask, mode in ((0o022, 0o644), (0o077, 0o600)):
        out = tmp_path / f"umask-{mask:o}.docx"
        res = subprocess.run([*cmd, "--out", str(out)], capture_output=True, text=True, encoding="utf-8", cwd=ROOT,
                             timeout=120, preexec_fn=lambda m=mask: os.umask(m))
        assert res.returncode == 0, res.stderr
        assert stat.S_IMODE(out.stat().st_mode) == mode


def test_a_plan_title_past_the_file_name_limit_gets_a_shortened_default_name(db_path, tmp_path):
    import json

    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["title"] = "关于印发" + "某某县人民政府办公室" * 12 + "2026年政务公开工作要点的通知"  # ~420 bytes
    plan = tmp_path / "长标题.json"
    plan.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run(db_path, "import", str(plan)).returncode == 0
    assert run(db_path, "mine", "--set", "县政府办公室").returncode == 0  # the 填报单位
    for fmt in ("docx", "xlsx"):
        res = run(db_path, "export", "--plan", "1", "--format", fmt, "--as-of", "2026-07-01", "--out", str(tmp_path))
        assert res.returncode == 0, res.stderr
    names = sorted(p.name for p in tmp_path.glob("关于印发*"))
    assert len(names) == 2
    for name in names:
        assert len(name.encode("utf-8")) <= 200
        assert "…落实情况台账_20260701." in name and name.startswith("关于印发某某县人民政府办公室")
