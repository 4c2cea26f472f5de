"""The Word exports as LibreOffice lays them out: a sane number of pages (skipped without soffice)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from export_helpers import AS_OF, worked_plan

from core.export import ExportOptions, export_plan

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def _pages(pdf) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


def _render(docx_path, tmp_path):
    profile = tmp_path / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx_path)], check=True, capture_output=True, timeout=180)
    return docx_path.with_suffix(".pdf")


@pytest.mark.parametrize("style, low, high", [("ledger", 2, 6), ("report", 2, 6)])
def test_sample_plan_prints_on_a_sane_number_of_pages(service, sample_plan, tmp_path, style, low, high):
    plan_id = worked_plan(service, sample_plan)
    out = export_plan(service, plan_id, ExportOptions(style=style, as_of=AS_OF), tmp_path / f"{style}.docx")
    pages = _pages(_render(out, tmp_path))
    assert low <= pages <= high
