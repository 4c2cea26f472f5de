"""Excel .xlsx 台账: each sheet with content becomes a Table, merged ranges expanded and flagged.

A full openpyxl load costs about a kilobyte per cell before we could refuse a dense sheet
(a million cells: 640 MB). So the workbook is opened read-only and each sheet is streamed
through openpyxl's sheet parser, which also hands us the merged ranges (they carry the
meaning of a 台账: one unit cell spanning several tasks) and the hidden rows and columns;
memory follows the cells with text, and a sheet declaring more than MAX_CELLS is refused.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings

from core.errors import InputError
from core.messages import Notice
from core.readers.base import Reader
from core.readers.document import Document, Paragraph, Table
from core.readers.sheet_grid import MAX_GRID_CELLS

MAX_XML = 32 * 1024 * 1024  # the package's XML in all; a plan 台账's is well under 1 MB
MAX_CELLS = 100_000  # cells a sheet may declare (with or without text); a plan 台账 has a few thousand
MAX_SHARED_STRINGS = 8 * 1024 * 1024  # sharedStrings.xml, loaded whole by openpyxl


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
                raise InputError("unsupported_format", suffix=Notice("suffix_is_docx"))
            raise InputError("corrupt", detail=Notice("detail_part_missing", {"name": "xl/workbook.xml"}))
        if "xl/workbook.bin" in names:
            raise InputError("unsupported_format", suffix=".xlsb")
        _check_merges(zf)
        _check_strings(zf)
        wb = _load(data)
        blocks = []
        try:
            for ws in wb.worksheets:
                if getattr(ws, "sheet_state", "visible") != "visible" or not hasattr(ws, "_get_source"):
                    continue
                blocks.extend(sheet_blocks(wb, ws))
            title = (wb.properties.title or "").strip() if wb.properties else ""
        finally:
            wb.close()
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
                raise InputError("corrupt", detail=Notice("detail_merge_too_large"))


def _load(data: bytes):
    import io

    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except InputError:
        raise
    except Exception as exc:  # openpyxl signals a damaged package with many exception types
        raise InputError("corrupt", detail=Notice("detail_xls_unparsable")) from exc


def _check_strings(zf) -> None:
    """The shared strings are loaded whole before any sheet; a table of millions is no 台账."""
    for info in zf.infolist():
        if info.filename.lower() == "xl/sharedstrings.xml" and info.file_size > MAX_SHARED_STRINGS:
            raise InputError("sheet_too_large", limit=MAX_CELLS)


def sheet_blocks(wb, ws) -> list[Paragraph | Table]:
    """One sheet, streamed: its cells' text, merges and hidden rows/columns, through the grid stage.

    We walk the sheet XML with openpyxl's own parser, cell by cell, so memory follows the
    cells that hold text, never the declared dimension, and stop at MAX_CELLS."""
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.worksheet._reader import WorkSheetParser

    from core.readers.sheet_grid import grid_blocks

    values: dict[tuple[int, int], str] = {}
    count = 0
    try:
        with ws._get_source() as src:
            parser = WorkSheetParser(src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                     date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
            for _, cells in parser.parse():
                count += len(cells)
                if count > MAX_CELLS:
                    raise InputError("sheet_too_large", limit=MAX_CELLS)
                for c in cells:
                    if c["value"] is None:
                        continue
                    cell = ReadOnlyCell(ws, c["row"], c["column"], c["value"], c["data_type"], c["style_id"])
                    text = render(cell.value, cell.number_format)
                    if text:
                        values[(c["row"], c["column"])] = text
    except InputError:
        raise
    except Exception as exc:  # openpyxl signals a damaged sheet with many exception types
        raise InputError("corrupt", detail=Notice("detail_xls_unparsable")) from exc
    if not values:
        return []
    hidden_rows = {int(r) for r, attrs in parser.row_dimensions.items() if _true(attrs.get("hidden"))}
    merges = []
    for ref in (parser.merged_cells.mergeCell if parser.merged_cells else []):
        try:
            c0, r0, c1, r1 = range_boundaries(ref.ref)
        except (ValueError, TypeError):
            continue
        if None not in (c0, r0, c1, r1):
            merges.append((r0, c0, r1, c1))
    return grid_blocks(values, merges, hidden_rows, _hidden_columns(parser.column_dimensions))


def _true(value) -> bool:
    return str(value).lower() in ("1", "true")


def _hidden_columns(dimensions: dict) -> set[int]:
    hidden: set[int] = set()
    for attrs in dimensions.values():
        if not _true(attrs.get("hidden")):
            continue
        try:
            lo = int(attrs.get("min"))
            hi = int(attrs.get("max") or lo)
        except (TypeError, ValueError):
            continue
        hidden.update(range(lo, min(hi, lo + 16384) + 1))
    return hidden
