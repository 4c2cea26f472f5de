"""`main.py export` as a script uses it: the file lands under its default name; errors are one line."""

from __future__ import annotations

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
    return db_path


def test_export_report_to_a_folder_uses_the_default_name(imported, tmp_path):
    res = run(imported, "export", "--plan", "1", "--style", "report", "--as-of", "2026-07-01",
              "--out", str(tmp_path))
    assert res.returncode == 0, res.stderr
    out = tmp_path / "示例县2026年政务公开工作要点落实情况报告_20260701.docx"
    assert str(out) in res.stdout
    assert docx.Document(str(out)).paragraphs[-1].text == "2026年7月1日"


def test_export_xlsx_with_filters(imported, tmp_path):
    out = tmp_path / "x.xlsx"
    res = run(imported, "export", "--plan", "1", "--format", "xlsx", "--unit", "县政府办公室",
              "--status", "未开始", "进行中", "--tasks-only", "--out", str(out))
    assert res.returncode == 0, res.stderr
    ws = openpyxl.load_workbook(out).active
    units = [r[2] for r in ws.iter_rows(min_row=4, values_only=True)]
    assert units and all("县政府办公室" in u for u in units)


def test_export_errors_are_one_chinese_line(imported, tmp_path):
    res = run(imported, "export", "--plan", "1", "--unit", "无此单位", "--out", str(tmp_path / "a.docx"))
    assert res.returncode == 2 and res.stderr.strip() == "错误：没有符合筛选条件的任务，未生成文件"
    res = run(imported, "export", "--plan", "1", "--as-of", "2026-02-30", "--out", str(tmp_path / "a.docx"))
    assert res.returncode == 2 and "日期格式不正确" in res.stderr
    assert not (tmp_path / "a.docx").exists()
