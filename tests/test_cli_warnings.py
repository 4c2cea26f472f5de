"""`parse` and `import` say on stderr what the import dialog warns of, from the same checks and
catalogue, while `parse --json`'s stdout stays exactly the plan's JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import core.readers.ocr as ocr
import core.readers.pdf as pdf
import main
from core.messages import cli_line
from core.parse.checks import check_plan
from core.parse.source import parse_file

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
# A plan with a task that names no unit and a numbering that skips 2: two things to check.
DOUBTFUL = "示例市2026年政务公开工作要点\n一、公开重点\n1.推进决策公开。\n3.做好政策解读。责任单位：市政府办公室\n"


def run(*args: str, db: Path | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, str(ROOT / "main.py")] + (["--db", str(db)] if db else []) + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)


def warning_lines(stderr: str) -> list[str]:
    return [line.removeprefix("警告：") for line in stderr.splitlines() if line.startswith("警告：")]


@pytest.fixture
def doubtful(tmp_path: Path) -> Path:
    path = tmp_path / "要点.txt"
    path.write_text(DOUBTFUL, encoding="utf-8")
    return path


def test_parse_json_keeps_stdout_to_the_json_and_warns_on_stderr(doubtful):
    res = run("parse", "--json", str(doubtful))
    assert res.returncode == 0, res.stderr
    plan = parse_file(doubtful)
    assert res.stdout == plan.to_json() + "\n"
    warnings = check_plan(plan)
    assert {"no_units", "numbering_gap"} <= {w.code for w in warnings}
    assert warning_lines(res.stderr) == [cli_line(w) for w in warnings]
    # what a warning lists (here the task without a unit, the task after the gap) follows it, indented
    assert "  1.推进决策公开" in res.stderr.splitlines() and "  3.做好政策解读" in res.stderr.splitlines()


def test_parse_without_json_warns_too(doubtful):
    res = run("parse", str(doubtful))
    assert res.returncode == 0 and "推进决策公开" in res.stdout
    assert warning_lines(res.stderr) == [cli_line(w) for w in check_plan(parse_file(doubtful))]


def test_import_warns_after_saving_and_keeps_its_stdout(doubtful, db_path):
    res = run("import", str(doubtful), db=db_path)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("已导入计划 1") and "警告" not in res.stdout
    assert warning_lines(res.stderr) == [cli_line(w) for w in check_plan(parse_file(doubtful))]


def test_a_plan_with_nothing_to_check_prints_no_warning(tmp_path):
    path = tmp_path / "要点.txt"
    path.write_text("示例市2026年政务公开工作要点\n一、公开重点\n1.推进决策公开。责任单位：市政府办公室\n",
                    encoding="utf-8")
    assert check_plan(parse_file(path)) == []
    res = run("parse", "--json", str(path))
    assert res.returncode == 0 and res.stderr == ""


def test_parse_says_the_pages_a_reader_cut(monkeypatch, capsys):
    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    assert main.main(["parse", "--json", str(FIXTURES / "pdf" / "002_0b33f68d6bab1fb5.pdf")]) == 0
    out, err = capsys.readouterr()
    json.loads(out)
    assert "文件共 6 页，只读取了前 2 页，其后的内容没有导入" in warning_lines(err)


BOXES = [  # (left, top, right, bottom, text, confidence) in pixels, as rapidocr returns them
    (250, 150, 1050, 200, "某县2024年政务公开工作要点", 0.98),
    (250, 260, 600, 300, "一、加强政策解读", 0.97),
    (310, 330, 1080, 370, "1.做好政策文件解读工作，确保政策解读与政策文", 0.95),
    (250, 390, 900, 430, "件同步起草。责任单位：县政府办公室。", 0.62),
]


def test_parse_lists_the_doubtful_lines_of_a_scan(monkeypatch, capsys):
    """The recogniser is replaced by its boxes (the OCR extra may be absent); the notes, the checks
    and the CLI's printing of them are the real ones."""
    monkeypatch.setattr(ocr, "recognise", lambda image: list(BOXES))

    def read_image(data: bytes, name: str):
        scan = ocr.Scan()
        scan.add_page(None, 0, scale=ocr.RENDER_DPI / 72)
        return scan.document(name, None)

    monkeypatch.setattr(ocr, "read_image", read_image)
    assert main.main(["parse", "--json", str(FIXTURES / "scan" / "page1.png")]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["title"] == "某县2024年政务公开工作要点"
    lines = warning_lines(err)
    assert "这是扫描件，文字由识别得出（1 页），请对照原件核对" in lines
    assert "1 行文字识别把握不大，请重点核对" in lines
    assert "  件同步起草。责任单位：县政府办公室。" in err.splitlines()
