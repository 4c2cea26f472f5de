"""Returned fill-in workbooks as units make them, for the 收集填报 tests of core and window."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

FINANCE_RETYPED = [  # 财政局 retypes the sheet into its own: other column order, 繁體, no keys, one row of its own
    ["填报单位：县财政局"],
    ["完成情况", "工作任务", "状态"],
    ["已公开惠企政策清单23项", "2、集中公開惠企利民政策清單", "已完成"],
    ["", "一项本单位自己加的工作", "已完成"],
]


def retyped(path: Path, rows: list[list] = FINANCE_RETYPED) -> Path:
    """A workbook a unit typed itself (no hidden 编号, no base): `rows` on its one sheet."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path
