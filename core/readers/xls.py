"""Excel 97–2003 .xls and WPS 表格 .et 台账 (BIFF8, BIFF5 too), read with xlrd 2.

The container is opened by our own OLE guard (core/readers/ole.py) and xlrd is handed the
Workbook stream alone, so xlrd never parses a hostile compound file. Before xlrd builds its
cell lists we count the cell records in the stream — a dense or forged sheet is refused on
that count, in a few milliseconds, instead of after xlrd has spent the memory.
formatting_info=True gives merged ranges, number formats (percentages) and hidden rows.
"""

from __future__ import annotations

import struct

from core.errors import InputError
from core.messages import Notice
from core.readers.base import Reader
from core.readers.document import Document, Paragraph, Table

MAX_CELL_RECORDS = 1_000_000  # cells incl. formatted blanks; a plan 台账 has a few thousand
_FILEPASS = 0x002F
_BOF = 0x0809
_SINGLE = {0x0203, 0x027E, 0x00FD, 0x0204, 0x0006, 0x0205, 0x0201, 0x00D6}  # NUMBER RK LABELSST …
_MULRK, _MULBLANK = 0x00BD, 0x00BE


def scan(stream: bytes) -> None:
    """Refuse an encrypted workbook or one with more cell records than a 台账 could hold."""
    pos, cells, bofs = 0, 0, 0
    end = len(stream)
    while pos + 4 <= end:
        rtype, size = struct.unpack_from("<HH", stream, pos)
        if rtype == _BOF:
            bofs += 1
        elif rtype == _FILEPASS and bofs <= 1:
            raise InputError("encrypted")
        elif rtype in _SINGLE:
            cells += 1
        elif rtype in (_MULRK, _MULBLANK) and size >= 6:
            cells += (size - 6) // (6 if rtype == _MULRK else 2)
        if cells > MAX_CELL_RECORDS:
            raise InputError("sheet_too_large", limit=MAX_CELL_RECORDS)
        pos += 4 + size


def _workbook_stream(data: bytes) -> tuple[bytes, str | None]:
    """The BIFF stream and the title the file's summary declares."""
    from core.readers.ole import has_stream, is_encrypted_package, open_ole, read_stream, summary_title

    ole = open_ole(data)
    try:
        if is_encrypted_package(ole):
            raise InputError("encrypted")
        for name in ("Workbook", "Book", "WORKBOOK", "BOOK"):
            if has_stream(ole, name):
                return read_stream(ole, name, len(data)) or b"", summary_title(ole)
        if has_stream(ole, "WordDocument"):
            raise InputError("unsupported_format", suffix=Notice("suffix_is_doc"))
        raise InputError("corrupt", detail=Notice("detail_stream_missing", {"name": "Workbook"}))
    finally:
        ole.close()


class XlsReader(Reader):
    """Reads .xls/.et/.xlt; refuses encrypted, damaged and absurdly dense workbooks clearly."""

    suffixes = (".xls", ".et", ".xlt", ".ett")

    def read_bytes(self, data: bytes, name: str = "") -> Document:
        import xlrd

        stream, title = _workbook_stream(data)
        scan(stream)
        try:
            book = xlrd.open_workbook(file_contents=stream, formatting_info=True, ragged_rows=True,
                                      logfile=_Quiet(), on_demand=False)
        except xlrd.XLRDError as exc:
            if "encrypt" in str(exc).lower():
                raise InputError("encrypted") from exc
            raise InputError("corrupt", detail=Notice("detail_xls_unparsable")) from exc
        except InputError:
            raise
        except Exception as exc:  # xlrd signals a damaged stream with struct/index/value errors
            raise InputError("corrupt", detail=Notice("detail_xls_unparsable")) from exc
        blocks: list[Paragraph | Table] = []
        try:
            for sheet in book.sheets():
                if getattr(sheet, "visibility", 0) != 0:
                    continue
                blocks.extend(sheet_blocks(book, sheet))
        finally:
            book.release_resources()
        return Document(blocks=blocks, source_name=name, title_hint=title)


class _Quiet:
    """xlrd writes warnings about odd files to a log file object; the clerk needs none of them."""

    def write(self, _text: str) -> None:
        pass

    def flush(self) -> None:
        pass


def sheet_blocks(book, sheet) -> list[Paragraph | Table]:
    """One sheet's cells (1-based, as openpyxl numbers them) through the shared grid stage."""
    from core.readers.sheet_grid import grid_blocks
    from core.readers.xlsx import render

    values: dict[tuple[int, int], str] = {}
    for r in range(sheet.nrows):
        for c in range(sheet.row_len(r)):
            text = _text(book, sheet, r, c, render)
            if text:
                values[(r + 1, c + 1)] = text
    merges = [(rlo + 1, clo + 1, rhi, chi) for rlo, rhi, clo, chi in sheet.merged_cells]
    hidden_rows = {r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden}
    hidden_cols = {c + 1 for c, info in sheet.colinfo_map.items() if info.hidden}
    return grid_blocks(values, merges, hidden_rows, hidden_cols)


def _text(book, sheet, r: int, c: int, render) -> str:
    import xlrd

    kind = sheet.cell_type(r, c)
    value = sheet.cell_value(r, c)
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    if kind == xlrd.XL_CELL_BOOLEAN:
        return render(bool(value))
    if kind == xlrd.XL_CELL_DATE:
        try:
            return render(xlrd.xldate.xldate_as_datetime(value, book.datemode))
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return render(value)
    if kind == xlrd.XL_CELL_NUMBER:
        return render(value, _number_format(book, sheet, r, c))
    return render(value)


def _number_format(book, sheet, r: int, c: int) -> str:
    try:
        xf = book.xf_list[sheet.cell_xf_index(r, c)]
        return book.format_map[xf.format_key].format_str
    except (IndexError, KeyError, AttributeError):
        return "General"

