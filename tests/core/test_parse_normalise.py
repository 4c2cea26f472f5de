"""Cleaning copied web text: pinyin ruby, typesetting codes, spaces, page noise and footers."""

from __future__ import annotations

import pytest

from core.parse.normalise import clean, is_end, is_noise


def test_ruby_after_characters_is_removed():
    assert clean("政務(wù)公開(kāi)工作要點(diǎn)") == "政務公開工作要點"


def test_ruby_with_a_space_before_the_bracket_is_removed():
    assert clean("社會(huì )公眾") == "社會公眾"


def test_brackets_that_are_not_pinyin_stay():
    assert clean("各縣(市)區政府(app)、IPv6(互联网协议第6版)") == "各縣(市)區政府(app)、IPv6(互联网协议第6版)"


def test_typesetting_codes_are_removed():
    assert clean("(十二)完善平臺。〖HT〗督促各地") == "(十二)完善平臺。督促各地"


def test_full_width_and_odd_spaces_are_collapsed():
    assert clean("\u3000\u3000一、加强\u00a0 政策解读 ") == "一、加强 政策解读"


@pytest.mark.parametrize("line", ["字体:[大] [中] [小]", "字體:[大] [中] [小]", "?", "【打印】", "您现在的位置: 首页 > 政务公开"])
def test_page_furniture_is_noise(line):
    assert is_noise(line)


def test_plan_text_is_not_noise():
    assert not is_noise("一、加强政策解读")


@pytest.mark.parametrize("line", [
    "主題詞:行政事務 政務公開△ 通知",
    "抄 送:市委各部委辦",
    "相關附件:",
    "本文章内容来源于网络公开内容,仅供参考!不对文章内容时效、真实性负责",
    "Produced By 大汉网络 大汉版通发布系统",
    "[文字版下载] [pdf文件下载]",
    "肇慶市人民政府辦公室 2010422日印發",
])
def test_footer_lines_end_the_plan(line):
    assert is_end(line)


def test_task_mentioning_printing_does_not_end_the_plan():
    assert not is_end("做好政府公报印发工作，确保按时印发。")


def test_ruby_over_several_syllables_is_removed():
    assert clean("政务(zhèng wù)公开") == "政务公开"
