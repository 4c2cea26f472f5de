"""The text reader: every encoding a clerk meets is detected, never guessed."""

from __future__ import annotations

import pytest

from core.errors import InputError
from core.readers.text import TextReader, decode, paragraphs

SIMPLIFIED = "一、加强政策解读\n（一）深入解读重要政策措施。各部门要在8月底前完成。\n责任单位：市政府办公室\n"
TRADITIONAL = "一、完成政府信息公開平臺建設\n1、建設完成政府信息公開平臺。市政府辦公室負責。\n"


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_plan_text_decodes_in_every_common_encoding(codec):
    text, _ = decode(SIMPLIFIED.encode(codec))
    assert text == SIMPLIFIED


@pytest.mark.parametrize("codec", ["big5", "utf-16-le", "gb18030"])
def test_traditional_text_decodes_in_big5_and_others(codec):
    assert decode(TRADITIONAL.encode(codec))[0] == TRADITIONAL


def test_gbk_family_is_reported_as_gb18030():
    assert decode(SIMPLIFIED.encode("gbk"))[1] == "gb18030"


def test_big5_is_reported_as_big5():
    assert decode(TRADITIONAL.encode("big5"))[1] == "big5"


@pytest.mark.parametrize("snippet", ["十一", "工作要点", "政务公开", "责任单位", "月底前", "市政府办公室"])
def test_short_gbk_snippets_are_not_mistaken_for_utf8_or_big5(snippet):
    assert decode(snippet.encode("gbk")) == (snippet, "gb18030")


@pytest.mark.parametrize("snippet", ["政務公開", "辦公室", "工作要點", "建設完成", "市政府辦公室負責"])
def test_short_big5_snippets_are_not_mistaken_for_gbk(snippet):
    assert decode(snippet.encode("big5")) == (snippet, "big5")


def test_utf16_without_bom_is_found_by_its_nul_bytes():
    assert decode(SIMPLIFIED.encode("utf-16-le")) == (SIMPLIFIED, "utf-16-le")
    assert decode(SIMPLIFIED.encode("utf-16-be")) == (SIMPLIFIED, "utf-16-be")


def test_real_plans_survive_reencoding(shared_dir):
    for path in sorted((shared_dir / "plans").glob("00[0-4]*.txt")):
        text = path.read_text(encoding="utf-8")
        for codec in ("gb18030", "utf-16", "utf-16-le"):
            assert decode(text.encode(codec))[0].lstrip("\ufeff") == text, (path.name, codec)


def test_binary_garbage_is_refused_not_decoded():
    import random

    rnd = random.Random(7)
    data = bytes(rnd.randrange(256) for _ in range(4000))
    with pytest.raises(InputError) as err:
        decode(data)
    assert err.value.code == "bad_encoding"


def test_paragraphs_drop_blank_lines_and_indentation():
    assert [p.text for p in paragraphs("\u3000\u3000一、总则\r\n\r\n  正文  \n")] == ["一、总则", "正文"]


def test_reader_records_the_encoding():
    doc = TextReader().read_bytes(SIMPLIFIED.encode("gb18030"), "plan.txt")
    assert doc.encoding == "gb18030" and doc.blocks[0].text == "一、加强政策解读"
