"""The self-test's export step: write the plan as Word and Excel, read both back, check the tick.

Run by `main.py --self-test` (gui/app/launch.py) in the source tree and in the frozen bundle, so a
missing python-docx template or openpyxl piece in a build shows up before a clerk does.
"""

from __future__ import annotations

from pathlib import Path

from core.export import ExportOptions, export_plan


def check_exports(service, plan_id: int, done_task_id: int, folder: Path) -> list[Path]:
    """Export `plan_id` to .docx and .xlsx in `folder`; each must show the task as 已完成."""
    task = service.node(done_task_id)
    written = []
    for fmt, read in (("docx", _docx_rows), ("xlsx", _xlsx_rows)):
        opts = ExportOptions(format=fmt, reporter="要点台账自检")
        path = export_plan(service, plan_id, opts, Path(folder) / f"selftest.{fmt}")
        rows = read(path)
        if not any(task.title in " ".join(row) and "已完成" in row for row in rows):
            raise AssertionError(f"the {fmt} export does not show “{task.title}” as 已完成")
        written.append(path)
    return written


def _docx_rows(path: Path) -> list[list[str]]:
    from docx import Document

    return [[cell.text.strip() for cell in row.cells] for table in Document(str(path)).tables for row in table.rows]


def _xlsx_rows(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    book = load_workbook(str(path), read_only=True)
    try:
        return [[str(v).strip() for v in row if v is not None] for sheet in book.worksheets
                for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
