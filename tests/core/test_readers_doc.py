"""Word 97–2003 and WPS binary text: pieces in either encoding, fields, cells and rows, merges.

Word files are built here from their parts (FIB, piece table) so each rule is seen alone; the
fixtures (tests/fixtures/doc, wps) check whole LibreOffice-written files against the gold.
"""

from __future__ import annotations

import struct

import pytest

from core.errors import InputError
from core.readers.doc import _blocks, grid
from core.readers.doc_props import CellDef, props_from, sprms
from core.readers.doc_text import clean, read_fib, runs, strip_fields
from core.readers.document import Paragraph, Table

TEXT_AT = 0x800


def word97(pieces: list[tuple[str, bool]], lid: int = 0x0804, codec: str = "cp1252", flags: int = 0x0200,
           lid_fe: int = 0) -> tuple[bytes, bytes]:
    """(WordDocument, 1Table) holding `pieces` of main text, each compressed (8-bit) or UTF-16."""
    body = bytearray()
    cps, pcds, cp = [0], [], 0
    for text, compressed in pieces:
        raw = text.encode(codec) if compressed else text.encode("utf-16-le")
        fc = TEXT_AT + len(body)
        pcds.append(struct.pack("<HIH", 0, (fc * 2) | 0x40000000 if compressed else fc, 0))
        body += raw
        cp += len(raw) if compressed else len(text)
        cps.append(cp)
    plc = struct.pack(f"<{len(cps)}I", *cps) + b"".join(pcds)
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    table = b"\0" * 16 + clx
    fib = bytearray(TEXT_AT)
    struct.pack_into("<HHHHHH", fib, 0, 0xA5EC, 0x00C1, 0, lid, 0, flags)
    struct.pack_into("<H", fib, 32, 14)  # csw, then FibRgW97 (lidFE is its 14th)
    struct.pack_into("<H", fib, 34 + 13 * 2, lid_fe)
    struct.pack_into("<H", fib, 62, 22)  # cslw, then FibRgLw97 (ccpText is its fourth)
    struct.pack_into("<i", fib, 64 + 12, cp)
    struct.pack_into("<H", fib, 152, 93)  # cbRgFcLcb, then the (fc, lcb) pairs
    struct.pack_into("<II", fib, 154 + 33 * 8, 16, len(clx))  # fcClx, lcbClx
    return bytes(fib) + bytes(body), table


def texts(word: bytes, table: bytes) -> list[str]:
    return [r.text for r in runs(read_fib(word), word, table)]


def test_unicode_and_compressed_pieces_join_into_paragraphs():
    word, table = word97([("一、加强政策解读\r1.做好", False), ("Open Data 2024", True), ("解读。\r", False)])
    assert texts(word, table) == ["一、加强政策解读", "1.做好Open Data 2024解读。"]


def test_compressed_piece_is_cp1252_even_in_a_chinese_document():
    word, table = word97([("“Open” data – 2024\r", True)])
    assert texts(word, table) == ["“Open” data – 2024"]


def test_compressed_piece_written_in_gbk_by_other_writers_is_read_as_gbk():
    word, table = word97([("一、加强政策解读工作\r二、推进决策公开\r", True)], codec="gbk")
    assert texts(word, table) == ["一、加强政策解读工作", "二、推进决策公开"]


def test_english_word_gives_the_chinese_code_page_in_lid_fe():
    word, table = word97([("一、加强政策解读工作\r", True)], lid=0x0409, lid_fe=0x0804, codec="gbk")
    assert texts(word, table) == ["一、加强政策解读工作"]


def test_big5_document_language_decodes_its_compressed_pieces_as_big5():
    word, table = word97([("一、加強政策解讀工作\r", True)], lid=0x0404, codec="cp950")
    assert texts(word, table) == ["一、加強政策解讀工作"]


def test_word95_text_is_read_in_the_code_page_of_its_language():
    text = "一、加强政策解读\r1.做好政策文件解读。\r".encode("gbk")
    word = bytearray(0x200) + text
    struct.pack_into("<HHHHHH", word, 0, 0xA5EC, 0x0065, 0, 0x0804, 0, 0)
    struct.pack_into("<II", word, 0x18, 0x200, 0x200 + len(text))
    struct.pack_into("<I", word, 0x34, len(text))
    assert texts(bytes(word), b"") == ["一、加强政策解读", "1.做好政策文件解读。"]


def test_fast_saved_word95_is_refused_with_the_old_word_message():
    word = bytearray(0x400)
    struct.pack_into("<HHHHHH", word, 0, 0xA5EC, 0x0065, 0, 0x0804, 0, 0x0004)
    with pytest.raises(InputError) as err:
        runs(read_fib(bytes(word)), bytes(word), b"")
    assert err.value.code == "old_doc"


def test_encrypted_word_file_is_refused_as_encrypted():
    from core.readers.doc import _fib

    word, _ = word97([("一、\r", False)], flags=0x0300)
    with pytest.raises(InputError) as err:
        _fib(word)
    assert err.value.code == "encrypted"


@pytest.mark.parametrize("data", [b"", b"\xec\xa5" + b"\0" * 10, b"\0" * 600])
def test_missing_or_foreign_fib_is_named_damaged(data):
    with pytest.raises(InputError) as err:
        read_fib(data)
    assert err.value.code == "corrupt"


def test_piece_table_pointing_past_the_stream_is_named_damaged():
    word, table = word97([("一、加强政策解读\r", False)])
    with pytest.raises(InputError) as err:
        runs(read_fib(word), word[:TEXT_AT + 4], table)
    assert err.value.code == "corrupt"


def test_field_instructions_go_and_field_results_stay_across_paragraphs():
    stack: list[bool] = []
    first = strip_fields('见\x13 HYPERLINK "http://x.invalid" \x14政府网站', stack)
    second = strip_fields("首页\x15。第\x13 PAGE \x143\x15页", stack)
    assert (first, second, stack) == ("见政府网站", "首页。第3页", [])


def test_word_special_characters_read_as_a_reader_sees_them():
    assert clean("公开\x0b平台\x1e建设\x01\x08\x1f。") == "公开\n平台-建设。"


def test_cells_and_rows_without_paragraph_properties_come_from_the_cell_marks():
    word, table = word97([("工作任务\x07责任单位\x07\x07一、加强解读\x07县政府办公室\x07\x07说明。\r", False)])
    blocks = _blocks(read_fib(word), word, table)
    assert isinstance(blocks[0], Table) and isinstance(blocks[1], Paragraph)
    assert [[c.text for c in row] for row in blocks[0].rows] == [["工作任务", "责任单位"], ["一、加强解读", "县政府办公室"]]
    assert blocks[1].text == "说明。"


def test_row_layout_gives_spans_and_vertical_merges_like_docx():
    defs = [CellDef(0, 1000), CellDef(1000, 3000), CellDef(3000, 4000)]
    from core.readers.document import Cell

    rows = [([Cell("一、公开")], [CellDef(0, 4000)]),
            ([Cell("（一）解读"), Cell("任务甲"), Cell("县政府办")], defs),
            ([Cell(""), Cell("任务乙"), Cell("")], [CellDef(0, 1000, vert_merge=True), defs[1],
                                                    CellDef(3000, 4000, vert_merge=True)])]
    rows[1][1][0].vert_merge = rows[1][1][0].vert_restart = True
    table = grid(rows)
    assert [[(c.text, c.merged_up, c.merged_left) for c in row] for row in table.rows] == [
        [("一、公开", False, False), ("一、公开", False, True), ("一、公开", False, True)],
        [("（一）解读", False, False), ("任务甲", False, False), ("县政府办", False, False)],
        [("（一）解读", True, False), ("任务乙", False, False), ("县政府办", True, False)]]


def test_paragraph_properties_decode_table_and_list_sprms():
    grpprl = (struct.pack("<HB", 0x2416, 1) + struct.pack("<HB", 0x2417, 1) + struct.pack("<Hh", 0x460B, 3)
              + struct.pack("<HB", 0x260A, 2) + struct.pack("<Hi", 0x6649, 1))
    props = props_from(grpprl, istd=7)
    assert (props.in_table, props.row_end, props.ilfo, props.ilvl, props.depth, props.istd) == (True, True, 3, 2, 1, 7)


def test_a_truncated_sprm_run_stops_instead_of_reading_past_it():
    assert list(sprms(struct.pack("<HB", 0x2416, 1) + b"\x08\xd6\xff")) == [(0x2416, b"\x01")]


def test_numbering_and_heading_levels_given_by_paragraph_styles_come_back(monkeypatch):
    """Word numbers 标题 1 / 标题 2 through the styles; the paragraphs name only their style."""
    from pathlib import Path

    from core.readers import read_document
    from core.readers.doc_styles import Styles

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "doc" / "styled.doc"
    blocks = read_document(fixture).blocks
    assert [(b.label, b.text, b.heading_level) for b in blocks if b.label] == [
        ("一、", "加强政策解读", 1), ("（一）", "做好解读", 2), ("（二）", "回应关切", 2),
        ("二、", "推进决策公开", 1), ("（一）", "公开草案", 2)]
    monkeypatch.setattr(Styles, "list_of", lambda self, istd: (0, 0))
    assert not any(b.label for b in read_document(fixture).blocks)  # the numbers came from the styles


def plf_lists(restart_second: bool) -> tuple[bytes, tuple[int, int], tuple[int, int]]:
    """A table stream with one simple list (一、二、…) and two overrides of it, the second
    restarting at 1 as Word writes 重新开始编号 (an LFOLVL with fStartAt)."""
    xst = "\x00、".encode("utf-16-le")
    lstf = struct.pack("<ii", 7, 0) + b"\0" * 18 + bytes([0x01, 0])  # lsid 7, fSimpleList
    lvlf = struct.pack("<iBB", 1, 37, 0) + b"\0" * 22  # start 1, chineseCounting, no grpprls
    plf_lst = struct.pack("<h", 1) + lstf
    lists = plf_lst + lvlf + struct.pack("<H", 2) + xst
    lfo = struct.pack("<iii", 7, 0, 0) + bytes([0, 0, 0, 0])
    restart = struct.pack("<iii", 7, 0, 0) + bytes([1 if restart_second else 0, 0, 0, 0])
    data = struct.pack("<I", 0) + struct.pack("<I", 0)
    if restart_second:
        data += struct.pack("<iI", 1, 0x10)  # iStartAt 1, ilvl 0, fStartAt
    plf_lfo = struct.pack("<i", 2) + lfo + restart + data
    table = lists + plf_lfo
    return table, (0, len(plf_lst)), (len(lists), len(plf_lfo))


@pytest.mark.parametrize(("restart", "labels"), [(True, ["一、", "二、", "一、", "二、"]),
                                                 (False, ["一、", "二、", "三、", "四、"])])
def test_list_override_restarts_the_count_only_where_word_says(restart, labels):
    from core.readers.doc_lists import read_lists

    table, lst, lfo = plf_lists(restart)
    numbering = read_lists(table, lst, lfo)
    assert [numbering.label(ilfo, 0) for ilfo in ("1", "1", "2", "2")] == labels


def test_text_deleted_under_track_changes_and_hidden_text_are_left_out():
    from pathlib import Path

    from core.readers import read_document

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "doc" / "revisions.doc"
    assert [b.text for b in read_document(fixture).blocks] == [
        "某县2024年政务公开工作要点", "一、加强政策解读", "1.做好政策文件解读。"]


def test_hidden_ranges_never_split_a_utf16_character():
    from core.readers.doc_text import _shown

    raw = "甲乙丙丁".encode("utf-16-le")
    parts = _shown((raw, 100, 2, "cp1252"), [(102, 105)])  # a range ending inside 丙
    assert [(p[0].decode("utf-16-le"), p[1]) for p in parts] == [("甲", 100), ("丁", 106)]
