"""Completion reports: the 台账 and the 报告 in Word, the 台账 in Excel, written atomically."""

from __future__ import annotations

from pathlib import Path

from core.export.data import ExportData, ExportOptions, default_file_name, gather
from core.export.writer import write_atomically

__all__ = ["ExportData", "ExportOptions", "default_file_name", "export_plan", "write_export"]


def write_export(service, plan_id: int, options: ExportOptions, out: Path) -> tuple[Path, ExportData]:
    """Write plan `plan_id` to `out` as `options` ask; returns the path written and what it holds
    (the caller tells the clerk how many tasks still lack a 完成情况)."""
    data = gather(service, plan_id, options)
    if options.format == "xlsx":
        from core.export.xlsx_ledger import write_xlsx as write
    elif options.style == "report":
        from core.export.docx_report import write_report as write
    else:
        from core.export.docx_ledger import write_ledger as write
    return write_atomically(Path(out), lambda tmp: write(data, tmp)), data


def export_plan(service, plan_id: int, options: ExportOptions, out: Path) -> Path:
    """Write plan `plan_id` to `out` as `options` ask; returns the path written."""
    return write_export(service, plan_id, options, out)[0]
