"""The .docx reader: body order, Word numbering back into labels, merged cells, refusals."""

from __future__ import annotations

import pytest
from office_builders import abstract, docx_bytes, level, num, p, tbl, tc, zip_bytes

from core.errors import InputError
from core.readers.document import Paragraph, Table
from core.readers.docx import DocxReader

PLAN_NUMBERING = abstract(
    0,
    level(0, "chineseCounting", "%1、"),
    level(1, "chineseCounting", "（%2）"),
    level(2, "decimal", "%3."),
) + num(1, 0)


def read(data: bytes):
    return DocxReader().read_bytes(data, "t.docx")


def test_plan_numbering_prints_chinese_labels_and_resets_lower_levels():
    body = "".join([
        p("总体要求", 1, 0), p("加强解读", 1, 1), p("任务甲", 1, 2), p("任务乙", 1, 2),
        p("回应关切", 1, 1), p("任务丙", 1, 2), p("平台建设", 1, 0), p("网站", 1, 1),
    ])
    doc = read(docx_bytes(body, PLAN_NUMBERING))
    got = [(b.label, b.text) for b in doc.blocks]
    assert got == [("一、", "总体要求"), ("（一）", "加强解读"), ("1.", "任务甲"), ("2.", "任务乙"),
                   ("（二）", "回应关切"), ("1.", "任务丙"), ("二、", "平台建设"), ("（一）", "网站")]


def test_label_is_kept_out_of_paragraph_text():
    doc = read(docx_bytes(p("深入解读", 1, 0), PLAN_NUMBERING))
    assert doc.blocks[0].text == "深入解读" and doc.blocks[0].label == "一、"
    assert doc.text() == "一、深入解读"


def test_counting_past_ten_prints_shi_yi():
    body = "".join(p(f"第{i}项", 1, 0) for i in range(1, 13))
    labels = [b.label for b in read(docx_bytes(body, PLAN_NUMBERING)).blocks]
    assert labels[9:] == ["十、", "十一、", "十二、"]


def test_start_value_and_enclosed_and_traditional_formats():
    numbering = (abstract(0, level(0, "decimalEnclosedCircle", "%1"), level(1, "ideographTraditional", "%2."),
                          level(2, "lowerLetter", "%3)", start=3))
                 + num(1, 0))
    body = p("甲", 1, 0) + p("乙", 1, 1) + p("丙", 1, 1) + p("丁", 1, 2) + p("戊", 1, 0)
    assert [b.label for b in read(docx_bytes(body, numbering)).blocks] == ["①", "甲.", "乙.", "c)", "②"]


def test_multi_level_template_prints_parent_counters():
    numbering = abstract(0, level(0, "decimal", "%1."), level(1, "decimal", "%1.%2")) + num(1, 0)
    body = p("a", 1, 0) + p("b", 1, 1) + p("c", 1, 1) + p("d", 1, 0) + p("e", 1, 1)
    assert [b.label for b in read(docx_bytes(body, numbering)).blocks] == ["1.", "1.1", "1.2", "2.", "2.1"]


def test_lists_sharing_a_definition_continue_unless_restarted():
    numbering = (abstract(0, level(0, "decimal", "%1."))
                 + num(1, 0) + num(2, 0)
                 + num(3, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'))
    body = p("a", 1) + p("b", 1) + p("c", 2) + p("d", 3) + p("e", 3)
    assert [b.label for b in read(docx_bytes(body, numbering)).blocks] == ["1.", "2.", "3.", "1.", "2."]


def test_numbering_carried_by_paragraph_style():
    styles = ('<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/>'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="H1b"><w:name w:val="mine"/><w:basedOn w:val="H1"/></w:style>')
    body = p("第一部分", style="H1") + p("第二部分", style="H1b") + p("正文")
    doc = read(docx_bytes(body, PLAN_NUMBERING, styles))
    assert [(b.label, b.heading_level) for b in doc.blocks] == [("一、", 1), ("二、", 1), ("", None)]


def test_paragraph_numid_zero_switches_style_numbering_off():
    styles = ('<w:style w:type="paragraph" w:styleId="L"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
              "</w:pPr></w:style>")
    off = '<w:p><w:pPr><w:pStyle w:val="L"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>'
    doc = read(docx_bytes(off + p("y", style="L"), PLAN_NUMBERING, styles))
    assert [b.label for b in doc.blocks] == ["", "一、"]


def test_paragraphs_and_tables_come_in_body_order():
    body = p("前言") + tbl([tc("序号"), tc("任务")], [tc("1"), tc("公开")]) + p("结尾")
    doc = read(docx_bytes(body))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table", "Paragraph"]
    assert [[c.text for c in row] for row in doc.blocks[1].rows] == [["序号", "任务"], ["1", "公开"]]


def test_vertical_merge_repeats_text_flagged_up():
    body = tbl([tc("任务甲"), tc("办公室", vmerge="restart")],
               [tc("任务乙"), tc("", vmerge="continue")])
    rows = read(docx_bytes(body)).blocks[0].rows
    assert rows[1][1].text == "办公室" and rows[1][1].merged_up and not rows[0][1].merged_up


def test_grid_span_repeats_text_flagged_left():
    body = tbl([tc("一、总体要求", span=3)], [tc("a"), tc("b"), tc("c")])
    rows = read(docx_bytes(body)).blocks[0].rows
    assert [c.text for c in rows[0]] == ["一、总体要求"] * 3
    assert [c.merged_left for c in rows[0]] == [False, True, True]


def test_numbered_paragraph_in_cell_gives_cell_label():
    numbering = abstract(0, level(0, "decimal", "%1.")) + num(1, 0)
    body = tbl([tc("a"), f"<w:tc>{p('推进公开', 1)}{p('补充说明')}</w:tc>"])
    cell = read(docx_bytes(body, numbering)).blocks[0].rows[0][1]
    assert (cell.label, cell.text) == ("1.", "推进公开\n补充说明")


def test_one_cell_frame_table_is_unwrapped():
    body = tbl([f"<w:tc>{p('一、总体要求')}{p('正文')}</w:tc>"])
    assert [b.text for b in read(docx_bytes(body)).blocks] == ["一、总体要求", "正文"]


def test_nested_table_is_flattened_into_its_cell():
    inner = tbl([tc("x"), tc("y")], [tc("z"), tc("w")])
    body = tbl([tc("a"), f"<w:tc>{p('说明')}{inner}<w:p/></w:tc>"])
    doc = read(docx_bytes(body))
    assert len(doc.blocks) == 1 and doc.blocks[0].rows[0][1].text == "说明\nx y\nz w"


def test_deleted_text_and_field_codes_are_skipped_inserted_text_kept():
    body = ('<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del>'
            '<w:ins><w:r><w:t>新增</w:t></w:r></w:ins><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>')
    assert read(docx_bytes(body)).blocks[0].text == "保留新增"


def test_content_controls_are_read_in_place():
    body = f"<w:sdt><w:sdtContent>{p('控件内')}</w:sdtContent></w:sdt>{p('之后')}"
    assert [b.text for b in read(docx_bytes(body)).blocks] == ["控件内", "之后"]


def test_soft_line_breaks_split_paragraphs():
    body = '<w:p><w:r><w:t>一、甲</w:t><w:br/><w:t>二、乙</w:t></w:r></w:p>'
    assert [b.text for b in read(docx_bytes(body)).blocks] == ["一、甲", "二、乙"]


def test_old_binary_doc_is_refused_as_old_doc():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "WordDocument".encode("utf-16-le")
    with pytest.raises(InputError) as err:
        read(ole)
    assert err.value.code == "old_doc"


def test_encrypted_ooxml_is_refused_as_encrypted():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptionInfo".encode("utf-16-le")
    with pytest.raises(InputError) as err:
        read(ole)
    assert err.value.code == "encrypted"


def test_corrupt_zip_is_refused_as_corrupt():
    with pytest.raises(InputError) as err:
        read(b"PK\x03\x04 this is not really a zip")
    assert err.value.code == "corrupt"


def test_zip_bomb_is_refused_before_extracting():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\0" * (210 * 1024 * 1024))
    with pytest.raises(InputError) as err:
        read(buf.getvalue())
    assert err.value.code == "zip_bomb"


def test_doctype_with_entities_is_refused_unresolved():
    xml = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
    with pytest.raises(InputError) as err:
        read(zip_bytes({"word/document.xml": xml}))
    assert err.value.code == "corrupt"


def test_real_pengjiang_table_has_merges_and_recovered_labels(shared_dir):
    doc = DocxReader().read(shared_dir / "plans" / "006_pengjiang-2021-table.docx")
    assert isinstance(doc.blocks[0], Paragraph) and doc.blocks[0].text.startswith("江門市蓬江區民政局")
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [c.text for c in table.rows[0]] == ["工作任務", "具體要求", "責任股室"]
    third = [r for r in table.rows if r[0].text.startswith("三、")]
    assert [r[1].label for r in third] == ["1.", "2.", "3.", "4."]
    assert [r[0].merged_up for r in third] == [False, True, True, True]
    assert all(r[2].text == "辦公室、各股室" for r in third) and third[1][2].merged_up
    assert not any(r[1].text.startswith("1.") for r in table.rows)  # labels stay out of text
