"""Excel .xlsx 台账: each sheet with content becomes a Table, merged ranges expanded and flagged.

openpyxl's read-only mode drops merged ranges, which carry the meaning of a 台账 (one unit
cell spanning several tasks), so we load the full workbook — only after the package has
passed the zip guard — and walk the cells that exist, never the declared dimension.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings

from core.document import Cell, Document, Paragraph, Table
from core.errors import InputError
from core.readers.base import Reader

MAX_GRID_CELLS = 500_000  # rows × columns with content; a plan 台账 has a few hundred
MAX_XML = 32 * 1024 * 1024  # ~300k cells; a plan 台账 has a few hundred, openpyxl needs RAM per cell


def render(value: object, number_format: str = "General") -> str:
    """A cell value as the clerk sees it: 1.0 → "1", dates as ISO text, strings trimmed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, (int, float)):
        if "%" in (number_format or ""):
            value = value * 100
            return _number(value) + "%"
        return _number(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def _number(value: float) -> str:
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.15g}"
    return str(value)


class XlsxReader(Reader):
    """Reads .xlsx/.xlsm workbooks; refuses .xls, encrypted and hostile packages clearly."""

    suffixes = (".xlsx", ".xlsm")

    def read_bytes(self, data: bytes, name: str = "") -> Document:
        from core.readers.container import open_zip, refuse_dtds

        zf = open_zip(data, "old_xls", xml_limit=MAX_XML)
        refuse_dtds(zf)
        names = set(zf.namelist())
        if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
            if "word/document.xml" in names:
                raise InputError("unsupported_format", suffix="（Word 文档，请改用 .docx）")
            raise InputError("corrupt", detail="缺少 xl/workbook.xml")
        if "xl/workbook.bin" in names:
            raise InputError("unsupported_format", suffix=".xlsb")
        _check_merges(zf)
        wb = _load(data)
        blocks = []
        for ws in wb.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible" or not hasattr(ws, "_cells"):
                continue
            blocks.extend(sheet_blocks(ws))
        title = (wb.properties.title or "").strip() if wb.properties else ""
        return Document(blocks=blocks, source_name=name, title_hint=title or None)


_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref\s*=\s*[\"']\$?([A-Za-z]{1,3})\$?(\d{1,7})"
                    rb"(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?")


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


def _check_merges(zf) -> None:
    """openpyxl makes an object per merged cell; a merge over the whole sheet would eat all memory."""
    from core.readers.container import read_member

    for name in zf.namelist():
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        total = 0
        for m in _MERGE.finditer(read_member(zf, name) or b""):
            if m.group(3) is None:
                continue
            rows = abs(int(m.group(4)) - int(m.group(2))) + 1
            cols = abs(_col(m.group(3)) - _col(m.group(1))) + 1
            total += rows * cols
            if total > MAX_GRID_CELLS:
                raise InputError("corrupt", detail="合并单元格范围过大")


def _load(data: bytes):
    import io

    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except InputError:
        raise
    except Exception as exc:  # openpyxl signals a damaged package with many exception types
        raise InputError("corrupt", detail=type(exc).__name__) from exc


def sheet_blocks(ws) -> list[Paragraph | Table]:
    """One sheet as an optional title Paragraph and a Table of its non-empty rows and columns."""
    cells = ws._cells  # only the cells that exist; iter_rows() would walk the declared dimension
    values: dict[tuple[int, int], str] = {}
    for (r, c), cell in cells.items():
        text = render(cell.value, getattr(cell, "number_format", "General"))
        if text:
            values[(r, c)] = text
    if not values:
        return []
    hidden_rows = {r for r, d in ws.row_dimensions.items() if d.hidden}
    hidden_cols = _hidden_columns(ws)
    max_r = max(r for r, _ in values)
    max_c = max(c for _, c in values)
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for rng in ws.merged_cells.ranges:
        r0, c0 = rng.min_row, rng.min_col
        r1, c1 = min(rng.max_row, max_r), min(rng.max_col, max_c)
        if (r1 - r0 + 1) * (c1 - c0 + 1) > MAX_GRID_CELLS:
            continue  # a merge over half the sheet is not a 台账 cell; keep the text unmerged
        spans[(r0, c0)] = (r1, c1)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    covered[(r, c)] = (r0, c0)
                    values.pop((r, c), None)  # Excel shows only the top-left value
    rows = [r for r in sorted({r for r, _ in values}) if r not in hidden_rows]
    cols = [c for c in sorted({c for _, c in values}) if c not in hidden_cols]
    if not rows or not cols:
        return []
    if len(rows) * len(cols) > MAX_GRID_CELLS:
        raise InputError("corrupt", detail="工作表过大或过于分散")
    grid = [[_cell(values, covered, r, c) for c in cols] for r in rows]
    blocks: list[Paragraph | Table] = []
    while len(grid) > 1 and len(cols) > 1 and _is_title_row(grid[0], rows[0], cols, spans):
        blocks.append(Paragraph(grid[0][0].text))
        grid.pop(0)
        rows.pop(0)
    blocks.append(Table(grid))
    return blocks


def _cell(values: dict, covered: dict, r: int, c: int) -> Cell:
    origin = covered.get((r, c))
    if origin is None:
        return Cell(values.get((r, c), ""))
    return Cell(values.get(origin, ""), merged_up=r > origin[0], merged_left=c > origin[1])


def _is_title_row(row: list[Cell], r: int, cols: list[int], spans: dict) -> bool:
    """A leading row whose only text is one cell, merged across the table or alone in the row."""
    origins = [cell for cell in row if cell.text and not cell.merged_left and not cell.merged_up]
    if len(origins) != 1 or not row[0].text or row[0].merged_up:
        return False
    span = spans.get((r, cols[0]))
    spans_all = span is not None and span[1] >= cols[-1]
    return spans_all or all(not cell.text for cell in row[1:])


def _hidden_columns(ws) -> set[int]:
    from openpyxl.utils import column_index_from_string

    hidden: set[int] = set()
    for key, dim in ws.column_dimensions.items():
        if not dim.hidden:
            continue
        try:
            first = column_index_from_string(key)
        except ValueError:
            continue
        lo, hi = (dim.min or first), (dim.max or first)
        hidden.update(range(lo, min(hi, lo + 16384) + 1))
    return hidden
