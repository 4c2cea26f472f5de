"""One bracket scan: a sentence's end and a unit list's separators count only outside brackets."""

from __future__ import annotations

from core.parse.brackets import QUOTED, outside
from core.parse.draft import first_sentence
from core.parse.units import read_cell


def test_only_characters_outside_brackets_are_found():
    text = "各区政府（管委会、园区）、市财政局"
    assert [text[i] for i in outside(text, "、")] == ["、"] and list(outside(text, "、")) == [12]


def test_quotes_and_book_titles_count_for_sentences_only():
    text = "落实《条例（2019年修订）。》要求。再公开"
    assert list(outside(text, "。", QUOTED)) == [text.index("要求。") + 2]
    assert first_sentence(text) == "落实《条例（2019年修订）。》要求"


def test_a_stray_closing_bracket_does_not_hide_the_rest():
    assert list(outside("甲）乙、丙", "、")) == [3]


def test_the_unit_list_splits_where_the_sentence_scan_would():
    units = read_cell("各区政府（管委会、园区）、市财政局", "responsible")
    assert units["responsible"] == ["各区政府（管委会、园区）", "市财政局"]
