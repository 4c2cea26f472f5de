"""RTF, as Word and OA systems also save it under .doc: text in the author's code page, rows kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import InputError
from core.readers.document import Paragraph, Table
from core.readers.rtf import RtfReader, blocks_from_text, rtf_codec

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def escaped(text: str, codec: str) -> bytes:
    return "".join(f"\\'{b:02x}" for b in text.encode(codec)).encode("ascii")


def test_gbk_escapes_decode_by_the_declared_code_page():
    rtf = b"{\\rtf1\\ansi\\ansicpg936 " + escaped("一、加强政策解读", "gbk") + b"\\par " + escaped("1.做好解读。", "gbk") + b"}"
    doc = RtfReader().read_bytes(rtf)
    assert [b.text for b in doc.blocks] == ["一、加强政策解读", "1.做好解读。"] and doc.encoding == "gb18030"


def test_without_a_code_page_the_chinese_font_table_decides():
    head = b"{\\rtf1\\ansi{\\fonttbl{\\f0\\fnil\\fcharset136 PMingLiU;}}\\f0 "
    assert rtf_codec(head) == "cp950"
    assert RtfReader().read_bytes(head + escaped("一、加強解讀", "cp950") + b"}").blocks[0].text == "一、加強解讀"


def test_unicode_escapes_need_no_code_page():
    rtf = b"{\\rtf1\\ansi\\uc1\\u19968?\\u12289?\\u20844?\\u24320?\\par}"
    assert RtfReader().read_bytes(rtf).blocks[0].text == "一、公开"


def test_table_rows_come_back_as_one_table_between_paragraphs():
    blocks = blocks_from_text("说明\n工作任务|责任单位|\n做好解读|县政府办|\n\n附件")
    assert isinstance(blocks[1], Table) and [b.text for b in blocks if isinstance(b, Paragraph)] == ["说明", "附件"]
    assert [[c.text for c in row] for row in blocks[1].rows] == [["工作任务", "责任单位"], ["做好解读", "县政府办"]]


def test_fixture_table_reads_with_its_header():
    doc = RtfReader().read(FIXTURES / "rtf" / "000_fe581c8cd0bdab04.table.rtf")
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [c.text for c in table.rows[0]] == ["工作事项", "具体任务", "牵头及责任单位"]


@pytest.mark.parametrize(("data", "code"), [(b"not rtf", "corrupt"), (b"{\\rtf1\\ansi }", "no_plan")])
def test_what_is_not_a_plan_in_rtf_is_named(data, code):
    with pytest.raises(InputError) as err:
        RtfReader().read_bytes(data)
    assert err.value.code == code
