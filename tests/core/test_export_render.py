"""The exports as LibreOffice prints them, with the CJK font aliases of tests/fonts.conf: a sane
number of pages, and no page but the last of a part left more than half empty.

Skipped without LibreOffice and poppler-utils (tools/setup.sh --dev installs them).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from export_helpers import AS_OF, dated_service, worked_plan

from core.export import ExportOptions, export_plan
from tools.render_exports import PDFTOPPM, PDFTOTEXT, SOFFICE, page_texts, to_pdf

pytestmark = pytest.mark.skipif(not (SOFFICE and PDFTOPPM and PDFTOTEXT and shutil.which("fc-match")),
                                reason="LibreOffice or poppler-utils is not installed")


@pytest.fixture
def service(db_path):
    svc = dated_service(db_path)
    yield svc
    svc.close()


@pytest.mark.parametrize("style, low, high", [("ledger", 1, 3), ("report", 2, 4)])
def test_sample_plan_prints_on_a_sane_number_of_pages(service, sample_plan, tmp_path, style, low, high):
    plan_id = worked_plan(service, sample_plan)
    out = export_plan(service, plan_id, ExportOptions(style=style, as_of=AS_OF), tmp_path / f"{style}.docx")
    texts = page_texts(to_pdf(out, tmp_path, tmp_path / "lo-profile"))
    assert low <= len(texts) <= high
    assert "落实情况" in texts[0]


@pytest.fixture(scope="module")
def plan_001(tmp_path_factory):
    shared = Path(__file__).resolve().parents[3] / "shared"
    found = sorted((shared / "plans").glob("001_*")) if shared.is_dir() else []
    if not found:
        pytest.skip("../shared/plans/001 is not beside the checkout")
    from tools.render_exports import render_plan

    return render_plan(found[0], tmp_path_factory.mktemp("render001"), png_dpi=None)


def test_plan_001_ledger_fits_on_six_pages_with_the_title_and_first_rows_on_page_one(plan_001):
    ledger = plan_001["ledger"]
    assert len(ledger.fills) <= 6
    first = ledger.texts[0]
    assert "落實情況臺賬" in first and "序號" in first and "建設完成政府信息公開平臺" in first


@pytest.mark.parametrize("kind", ["report", "ledger", "ledger-xlsx"])
def test_plan_001_exports_leave_no_page_half_empty(plan_001, kind):
    got = plan_001[kind]
    assert got.fills and got.half_empty == [], f"{kind}: pages {got.half_empty} of {len(got.fills)} half empty"


def test_plan_001_report_prints_in_one_script_with_the_reporting_unit(plan_001):
    from core.export.script import converter

    text = "".join(plan_001["report"].texts)
    assert "市政府辦公室對照任務逐項抓好落實" in text.replace(" ", "").replace("\n", "")
    body = text.replace("\u200b", "")
    assert converter("traditional")(body) == body
