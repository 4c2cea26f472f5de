"""Excel 97 .xls and WPS .et 台账: the same grid as .xlsx, refused early when hostile."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from core.errors import InputError
from core.readers import read_document
from core.readers.document import Paragraph, Table
from core.readers.xls import MAX_CELL_RECORDS, XlsReader, scan

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def cells(doc) -> list[list[tuple[str, bool, bool]]]:
    table = next(b for b in doc.blocks if isinstance(b, Table))
    return [[(c.text, c.merged_up, c.merged_left) for c in row] for row in table.rows]


def test_ledger_keeps_title_merges_dates_and_percentages_and_drops_hidden_rows_and_columns():
    doc = read_document(FIXTURES / "xls" / "features.xls")
    assert doc.blocks[0] == Paragraph("某县2024年政务公开工作台账")
    assert cells(doc) == [
        [("序号", False, False), ("工作任务", False, False), ("责任单位", False, False), ("完成时限", False, False),
         ("进度", False, False)],
        [("1", False, False), ("做好政策解读", False, False), ("县政府办公室", False, False),
         ("2024-06-30", False, False), ("50%", False, False)],
        [("2", False, False), ("公开预算决算", False, False), ("县政府办公室", True, False),
         ("2024-12-31", False, False), ("100%", False, False)],
        [("4", False, False), ("公开重大决策", False, False), ("县发展改革局", False, False), ("年底前", False, False),
         ("", False, False)]]


def test_wps_et_is_read_as_the_workbook_it_is():
    doc = read_document(FIXTURES / "et" / "005_zhuhai-2019-taizhang.et")
    assert any("珠海市" in b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert sum(c[1] for row in cells(doc) for c in row) >= 5  # unit cells merged down


def bof() -> bytes:
    return struct.pack("<HH", 0x0809, 16) + b"\0" * 16


def test_workbook_with_a_password_is_refused_as_encrypted():
    with pytest.raises(InputError) as err:
        scan(bof() + struct.pack("<HH", 0x002F, 6) + b"\x01\0" * 3)
    assert err.value.code == "encrypted"


def test_cell_records_are_counted_before_xlrd_builds_anything():
    mulblank = struct.pack("<HH", 0x00BE, 6 + 2 * 250) + b"\0" * (6 + 2 * 250)
    stream = bof() + mulblank * (MAX_CELL_RECORDS // 250 + 1)
    with pytest.raises(InputError) as err:
        scan(stream)
    assert err.value.code == "sheet_too_large"
    scan(bof() + mulblank * 10)  # a few thousand formatted blanks are an ordinary sheet


def test_word_file_given_as_xls_is_named_not_crashed():
    with pytest.raises(InputError) as err:
        XlsReader().read(FIXTURES / "doc" / "002_0b33f68d6bab1fb5.numbered.doc")
    assert err.value.code == "unsupported_format"
