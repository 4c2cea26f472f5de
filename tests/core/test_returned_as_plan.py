"""A unit's returned fill-in workbook handed to the importer (the clerk drags the e-mailed file in,
or runs `import` on it): told from a plan by its hidden sheet, refused with the way to merge it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.collect.fillin import META_SHEET
from core.collect.returns import FillinMark, fillin_mark
from core.errors import InputError
from core.parse.source import parse_source
from tests.core import fill_builders

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
OFFICE = "县政府办公室"


@pytest.fixture
def sent(svc, plan, tmp_path) -> Path:
    path, _units = svc.collect(plan, tmp_path / "办公室.xlsx", [OFFICE])
    return path


def test_our_workbook_is_known_with_its_plan_as_sent_and_saved_again(sent, plan):
    assert fillin_mark(sent) == FillinMark(plan)
    assert fillin_mark(sent.read_bytes()) == FillinMark(plan)
    wb = load_workbook(sent)  # a unit fills a cell and saves: the hidden sheet goes back with it
    wb.worksheets[0]["F4"] = "已完成"
    wb.save(sent)
    assert fillin_mark(sent) == FillinMark(plan)


def test_plans_ledgers_and_damaged_files_are_not_returns(tmp_path):
    retyped = fill_builders.retyped(tmp_path / "财政局自己的表.xlsx")  # no hidden sheet: not ours to claim
    damaged = tmp_path / "坏.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    docx = next((FIXTURES / "docx").glob("*.docx"), None)
    for path in [retyped, damaged, ROOT / "resources" / "sample_plan.json", *([docx] if docx else [])]:
        assert fillin_mark(path) is None, path
    assert fillin_mark(b"") is None


def test_a_sheet_named_like_ours_without_our_format_is_not_a_return(sent):
    wb = load_workbook(sent)
    wb[META_SHEET]["B1"] = "someone-else"
    wb.save(sent)
    assert fillin_mark(sent) is None


def test_parse_source_refuses_a_return_naming_its_plan(sent, plan):
    with pytest.raises(InputError) as caught:
        parse_source(sent)
    assert caught.value.code == "fill_is_return"
    assert caught.value.params == {"path": str(sent), "plan_id": plan}


def _cli(*args, db):
    cmd = [sys.executable, str(ROOT / "main.py"), "--db", str(db), *args]
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)


def test_import_and_parse_on_the_command_line_point_to_merge_and_write_nothing(svc, plan, sent, db_path):
    before = [p.id for p in svc.list_plans(with_rollups=False)]
    svc.close()
    line = (f"错误：{sent} 是单位交回的填报表（计划 {plan}），不是工作计划，未导入；"
            f"请用 merge --plan {plan} {sent} 合并")
    for args in (["import", str(sent)], ["parse", "--json", str(sent)], ["parse", str(sent)]):
        res = _cli(*args, db=db_path)
        assert res.returncode != 0 and res.stdout == ""
        assert res.stderr.strip() == line, args
    from core.service.facade import PlanService

    again = PlanService(db_path)
    try:
        assert [p.id for p in again.list_plans(with_rollups=False)] == before
    finally:
        again.close()
    merged = _cli("merge", "--plan", str(plan), str(sent), db=db_path)  # the command it names works
    assert merged.returncode == 0, merged.stderr
