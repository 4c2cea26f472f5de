"""进展 and 延期 in the exports: a 进展 column (Excel and Word 台账) and paragraph (报告) for the
period asked, and the deferral sentence where the deadline is printed."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest
from docx_checks import cell_text
from export_helpers import AS_OF, dated_service, tasks_of, worked_plan

from core.export import ExportOptions, export_plan
from core.export.xlsx_ledger import HEADER_ROW, SHEET_LEDGER

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = "原定6月底前，经批准延期至9月底前（原因：待省级平台上线）"


@pytest.fixture
def service(db_path):
    """The export tests' half-year plan with 进展 in June and July and one 延期."""
    svc = dated_service(db_path)
    first, second = tasks_of(svc, worked_plan(svc, _sample()))[:2]
    svc.add_entry(first.id, "上月的进展", dt.date(2026, 6, 20))
    svc.add_entry(first.id, "本月发布12件", dt.date(2026, 7, 5))
    svc.add_entry(second.id, "清单送审", dt.date(2026, 7, 8), "进行中")
    svc.defer(second.id, dt.date(2026, 9, 30), "待省级平台上线", "县政府办公室")
    yield svc
    svc.close()


def _sample():
    from core.parse.parsed_plan import ParsedPlan

    return ParsedPlan.from_json((ROOT / "resources" / "sample_plan.json").read_text(encoding="utf-8"))


PLAN = 1


def _sheet(path):
    ws = openpyxl.load_workbook(path)[SHEET_LEDGER]
    header = [c.value for c in ws[HEADER_ROW]]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=HEADER_ROW + 1) if isinstance(r[0].value, int)]
    return header, rows


def test_the_excel_ledger_gets_a_progress_column_for_the_period(service, tmp_path):
    opts = ExportOptions(format="xlsx", as_of=AS_OF, progress=True, progress_from=dt.date(2026, 7, 1))
    header, rows = _sheet(export_plan(service, PLAN, opts, tmp_path / "台账.xlsx"))
    assert header[-1] == "进展"
    assert rows[0][-1] == "7月5日：本月发布12件" and rows[1][-1] == "7月8日：清单送审（进行中）"
    assert rows[2][-1] in (None, "")
    assert rows[1][header.index("完成时限")] == SENTENCE


def test_without_the_option_the_ledger_is_as_before(service, tmp_path):
    header, rows = _sheet(export_plan(service, PLAN, ExportOptions(format="xlsx", as_of=AS_OF), tmp_path / "a.xlsx"))
    assert "进展" not in header and rows[1][header.index("完成时限")] == SENTENCE


def test_the_word_ledger_gets_the_column_within_the_page_width(service, tmp_path):
    opts = ExportOptions(format="docx", as_of=AS_OF, progress=True, evidence=True)
    document = docx.Document(str(export_plan(service, PLAN, opts, tmp_path / "台账.docx")))
    table = document.tables[0]
    header = [cell_text(c) for c in table.rows[0].cells]
    assert header == ["序号", "工作任务", "责任单位", "完成时限", "完成情况", "进展", "完成日期", "状态", "佐证材料"]
    body = "\n".join(cell_text(c) for row in table.rows for c in row.cells)
    assert "6月20日：上月的进展" in body and "7月5日：本月发布12件" in body and SENTENCE in body
    from core.export.docx_ledger import COLUMNS, ledger_columns

    for evidence in (False, True):
        assert sum(mm for _, mm, _ in ledger_columns(evidence, True)) == sum(mm for _, mm, _ in COLUMNS)


def test_the_report_gets_a_progress_paragraph(service, tmp_path):
    opts = ExportOptions(format="docx", style="report", as_of=AS_OF, progress=True,
                         progress_from=dt.date(2026, 7, 1), progress_to=dt.date(2026, 7, 31))
    text = "\n".join(p.text for p in docx.Document(str(export_plan(service, PLAN, opts, tmp_path / "r.docx"))).paragraphs)
    assert "进展：7月5日：本月发布12件。" in text and "上月的进展" not in text


def test_export_progress_on_the_command_line(service, db_path, tmp_path):
    service.close()
    out = tmp_path / "台账.xlsx"
    cmd = [sys.executable, str(ROOT / "main.py"), "--db", str(db_path), "export", "--plan", str(PLAN),
           "--as-of", AS_OF.isoformat(), "--progress", "--period", "本月", "--out", str(out)]
    res = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)
    assert res.returncode == 0, res.stderr
    header, rows = _sheet(out)
    assert rows[0][header.index("进展")] == "7月5日：本月发布12件"
    without = [a for a in cmd if a != "--progress"]  # a period alone is a mistake, not silently ignored
    res = subprocess.run(without, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)
    assert (res.returncode, res.stderr.strip()) == (2, "错误：缺少必需的参数：--progress。用 --help 查看用法")


def test_an_export_as_of_a_day_before_a_deferral_judges_by_the_old_deadline(db_path, tmp_path):
    from core.service.facade import PlanService

    svc = PlanService(db_path)  # today is the real day: the 延期 below is recorded today
    try:
        plan = svc.import_plan(_sample()).plan_id
        task = next(n for n in svc.tree(plan) if n.is_task and n.deadlines and n.deadlines[0].text == "6月底前")
        svc.defer(task.id, dt.date(2099, 12, 31), "待定")
        yesterday = svc.today() - dt.timedelta(days=1)
        opts = ExportOptions(format="xlsx", as_of=yesterday, reporter="县政府办公室")
        header, rows = _sheet(export_plan(svc, plan, opts, tmp_path / "昨日.xlsx"))
        row = next(r for r in rows if r[header.index("完成时限")] in ("6月底前", SENTENCE))
        assert row[header.index("完成时限")] == "6月底前"
        today = export_plan(svc, plan, ExportOptions(format="xlsx", reporter="县政府办公室"), tmp_path / "今日.xlsx")
        header, rows = _sheet(today)
        assert any(str(r[header.index("完成时限")]).startswith("原定6月底前，经批准延期至2099年底前") for r in rows)
    finally:
        svc.close()
