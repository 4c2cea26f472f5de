"""What keeps the parser linear in the size of a plan, and exact: each shortcut answers as the
long way would (the throughput itself is measured by benchmarks/run.py, never timed here)."""

from __future__ import annotations

import gc
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.parse import brackets, deadlines, pipeline, unit_runs

UNIT_CHARS = "市区县省局委办厅财政审计教育卫生健康人民政府各直有关单位（）、，"


def _known_ends_slowly(folded: str, vocab: frozenset[str]) -> dict[int, list[int]]:
    """Every position, every name: the longest known name starting there (and a level before it)."""
    ends: dict[int, list[int]] = {}
    for p in range(len(folded)):
        hits = [p + len(n) for n in vocab if folded.startswith(n, p)]
        if hits:
            ends.setdefault(p, []).append(max(hits))
            if p and folded[p - 1] in unit_runs._INITIALS:
                ends.setdefault(p - 1, []).append(max(hits))
    return {p: sorted(q) for p, q in ends.items()}


@settings(max_examples=300, deadline=None)
@given(st.text(UNIT_CHARS, max_size=40), st.frozensets(st.text(UNIT_CHARS, min_size=1, max_size=7), max_size=12))
def test_known_unit_names_are_found_as_a_scan_of_every_name_would(folded, vocab):
    found = unit_runs._known_ends(folded, vocab)
    assert {p: sorted(q) for p, q in found.items()} == _known_ends_slowly(folded, vocab)


RUN_CHARS = UNIT_CHARS + "。：“”《》 牵头配合和及等"


@settings(max_examples=300, deadline=None)
@given(st.text(RUN_CHARS, max_size=60), st.frozensets(st.text(UNIT_CHARS + "：“", min_size=2, max_size=7), max_size=8),
       st.integers(0, 1))
def test_a_run_that_must_reach_the_end_is_found_as_if_every_start_were_tried(text, vocab, not_before):
    """Starts before the last stop no name or gap holds are never tried: they cannot reach the end."""
    quick = unit_runs.find_run(text, vocab, True, not_before)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(unit_runs._Parser, "_first_start", lambda self, vocab: 0)
        assert unit_runs.find_run(text, vocab, True, not_before) == quick


def test_the_prose_before_a_rows_units_is_not_tried():
    row = "主动公开规划纲要、专项规划。通过政府门户网站集中展示。区经济发展局区自然资源局 区直有关单位，各乡镇人民政府"
    tried = []
    real = unit_runs._Parser.best
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(unit_runs._Parser, "best", lambda self, p, *a: (tried.append(p), real(self, p, *a))[1])
        run = unit_runs.find_run(row, frozenset(), True)
    assert run is not None and run.names[0] == "区经济发展局" and run.names[-1] == "各乡镇人民政府"
    assert min(tried) > row.index("展示。")


def _outside_slowly(text: str, chars: str, pair: tuple[str, str]) -> list[int]:
    """Character by character, the way the scan is defined."""
    out, depth = [], 0
    for i, ch in enumerate(text):
        if ch in pair[0]:
            depth += 1
        elif ch in pair[1]:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in chars:
            out.append(i)
    return out


@settings(max_examples=300, deadline=None)
@given(st.text("甲乙(（〔[【)）〕]】《》“”、。和 ", max_size=40), st.sampled_from(["、", "。", "和及与 ", "]、^-\\"]),
       st.sampled_from([brackets.BRACKETS, brackets.QUOTED]))
def test_the_bracket_scan_finds_what_a_scan_of_every_character_would(text, chars, pair):
    assert list(brackets.outside(text, chars, pair)) == _outside_slowly(text, chars, pair)


def test_run_together_units_are_split_once_per_name_a_plan_repeats(monkeypatch):
    from core.parse.source import parse_text

    seen = []
    real = pipeline.split_glued
    monkeypatch.setattr(pipeline, "split_glued", lambda name, vocab: (seen.append(name), real(name, vocab))[1])
    rows = "".join(f"{i}.公开第{i}项信息。（责任单位：县财政局县审计局）\n" for i in range(1, 6))
    plan = parse_text("一、公开\n" + rows)
    assert [t.units["responsible"] for t in plan.nodes[0].children] == [["县财政局", "县审计局"]] * 5
    assert seen.count("县财政局县审计局") == 1


@pytest.mark.parametrize("text", [
    "2021年6月30日前完成", "20211210日前", "8月15号前", "6月中旬前", "9月底前", "年底前", "10月前",
    "上半年", "第三季度", "5个工作日内", "每季度", "长期坚持", "年度内", "十二月底前", "4月份以前",
])
def test_each_deadline_pattern_needs_a_word_its_matches_hold(text):
    """The substring test that lets _find skip a pattern never skips one that would match."""
    folded = deadlines._deadline_fold(text)
    for (kind, pattern), needs in zip(deadlines._PATTERNS, deadlines._NEEDS, strict=True):
        if pattern.search(folded):
            assert any(word in folded for word in needs), kind
    assert deadlines.find_deadlines(text, 2021)


def test_cell_only_patterns_need_their_words_too():
    for text in ("2021-06-30", "2021/6/30前", "2021.6.30", "6月", "2022年3月", "全年", "2021年全年"):
        folded = deadlines._deadline_fold(text)
        for (kind, pattern), needs in zip(deadlines._CELL_ONLY, deadlines._CELL_NEEDS, strict=True):
            if pattern.search(folded):
                assert any(word in folded for word in needs), (kind, text)
        assert deadlines.find_deadlines(text, 2021, cell=True)


def test_the_cycle_collector_rests_during_a_parse_and_runs_after(monkeypatch):
    from core.errors import InputError
    from core.parse.source import parse_text

    seen = []
    real = pipeline.assign_units
    monkeypatch.setattr(pipeline, "assign_units", lambda draft: (seen.append(gc.isenabled()), real(draft)))
    parse_text("一、公开\n1.规范发布政府信息，6月底前完成。（责任单位：县政府办）\n2.做好依申请公开。")
    assert seen and not any(seen) and gc.isenabled()
    with pytest.raises(InputError):
        parse_text("")
    assert gc.isenabled()


@settings(max_examples=200, deadline=None)
@given(st.text("０１２９６月底前／．－-年內完成 ", max_size=30))
def test_the_deadline_fold_narrows_full_width_marks_only_where_there_are_some(text):
    from core.domain.textfold import fold

    assert deadlines._deadline_fold(text) == fold(text).translate(deadlines._NARROW)
    assert ("６" in text) <= ("6" in deadlines._deadline_fold(text))


@settings(max_examples=300, deadline=None)
@given(st.text("務会ab (（)）wùhuìǎ", max_size=30))
def test_pinyin_ruby_is_cut_where_a_look_behind_first_pattern_would_cut_it(text):
    import re

    from core.parse import normalise

    slow = re.compile(rf"(?<=[\u3400-\u9fff])[(（] ?{normalise._SYLLABLE}(?: {normalise._SYLLABLE}){{0,3}} ?[)）]")
    assert normalise._RUBY.sub("", text) == slow.sub("", text)


@settings(max_examples=400, deadline=None)
@given(st.text("(（)）一二十〇两是的第阶段步1２９.．、①⑳ 甲", max_size=12), st.booleans())
def test_a_label_is_read_as_trying_every_kind_of_the_grammar_would(text, sub_points):
    from core.parse import labels

    quick = labels.split_label(text, sub_points)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(labels, "_kinds_opening_with",
                   lambda first, sub: (*labels._GRAMMAR, labels._SUB_POINT) if sub else tuple(labels._GRAMMAR))
        assert labels.split_label(text, sub_points) == quick


@settings(max_examples=300, deadline=None)
@given(st.text("0123456789２０年月日号旬底末前内每长期半季度全上下第一三十个工作《》〔〕号 ", max_size=24), st.booleans())
def test_deadlines_are_found_as_if_every_pattern_were_tried(text, cell):
    """The look for any word a pattern needs lets a text with none skip every pattern."""
    quick = deadlines.find_deadlines(text, 2021, cell=cell)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(deadlines, "_ANY_NEED", {False: re.compile(""), True: re.compile("")})
        assert deadlines.find_deadlines(text, 2021, cell=cell) == quick


@settings(max_examples=300, deadline=None)
@given(st.text("0123456789年月日底前内每长期全上半季度至到、，完成止 甲", max_size=16))
def test_a_time_cell_is_told_as_if_every_pattern_were_tried(text):
    quick = deadlines.is_time_cell(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(deadlines, "_ANY_NEED", {False: re.compile(""), True: re.compile("")})
        assert deadlines.is_time_cell(text) == quick


@settings(max_examples=300, deadline=None)
@given(st.text("甲、，。 (（)）〔〕[]【】", max_size=30))
def test_unit_list_pieces_are_cut_where_the_backtracking_pattern_would_cut_them(text):
    slow = re.compile(r"[，,、；;/／。：:！？ \u3000\n](?![^(（〔\[【]*[)）〕\]】])")
    assert [m.start() for m in unit_runs._CUT.finditer(text)] == [m.start() for m in slow.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text("牵头责任配合主办协办单位部门处室科（）(室)：:;； 甲乙", max_size=24), st.integers(0, 3))
def test_unit_keys_are_found_as_a_scan_without_the_colon_look_would(text, start):
    from core.parse import units

    quick = units._keys(text, start)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(units, "_KEY_MARK", re.compile(""))
        assert units._keys(text, start) == quick


@settings(max_examples=400, deadline=None)
@given(st.text("12月31日印发仅供参考版权所有ICP备字体[号:：浏览次数分享到【打印】关闭网站首页/> 甲\n", max_size=24))
def test_footer_and_noise_lines_are_told_as_the_one_pattern_each_told_them(text):
    from core.parse import normalise

    end_any = re.compile(r"仅供参考|版权所有|ICP备|免责声明|重新编辑|\d{1,2}月\d{1,2}日印发$|\d日印发$")
    noise_any = re.compile(r"字体[:：]?\[|字号[:：]|【字体|浏览次数|访问次数|点击数[:：]|您现在的位置|当前位置[:：]|"
                           r"分享到[:：]?$|^【?(?:打印|关闭|收藏|返回顶部)】?$|^(?:网站)?首页 ?[/>»›＞-]")
    key = text.replace(" ", "")
    assert normalise.is_end(text) == bool(normalise._END_START.match(key) or end_any.search(key))
    assert normalise.is_noise(text) == (not normalise._CJK.search(text) or bool(noise_any.search(key)))


@settings(max_examples=200, deadline=None)
@given(st.text("甲乙、，。 (（)）", max_size=30))
def test_unit_list_pieces_rebuild_the_text_and_end_at_its_cuts(text):
    pieces = list(unit_runs._pieces(text))
    assert "".join(p + s for p, s in pieces) == text
    cuts = [m.start() for m in unit_runs._CUT.finditer(text)]
    assert [sum(len(p) + len(s) for p, s in pieces[:i + 1]) - 1 for i in range(len(pieces) - 1)] == cuts


@settings(max_examples=400, deadline=None)
@given(st.text("(（)）一二十百〇两第阶段步部分1２９.．、:：，①⑳ ", max_size=24))
def test_a_bare_label_is_read_as_if_no_length_were_looked_at(text):
    from core.parse import labels

    quick = labels.bare_label(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(labels, "_LABEL_MAX", 10_000)
        assert labels.bare_label(text) == quick


def _header_ending_slowly(squeezed: str, n: int):
    """Every cell end tried from every start: the tiling the header scan must find."""
    from core.parse import flat_table as ft

    best = {n: (0, [])}
    for j in range(n - 1, max(-1, n - ft._MAX_CELL * 12), -1):
        best[j] = None
        if squeezed[j] in ft._NO_START:
            continue
        for k in range(j + 2, min(n, j + ft._MAX_CELL) + 1):
            rest = best.get(k)
            if rest is not None and ft._CELL.fullmatch(squeezed, j, k):
                cost = rest[0] + (k - j - ft._USUAL_CELL) ** 2
                if best[j] is None or cost < best[j][0]:
                    best[j] = (cost, [squeezed[j:k], *rest[1]])
    return best


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["工作任务", "工作要求", "牵头单位", "配合单位", "责任单位", "完成时限", "序号", "主要",
                                 "单位", "/", "、", "工作", "要点", "甲", "任务分解表"]), max_size=12))
def test_flattened_header_cells_are_tiled_as_trying_every_cell_end_would(words):
    from core.parse import flat_table as ft

    squeezed = "".join(words)
    assert ft._tilings(squeezed, len(squeezed)) == _header_ending_slowly(squeezed, len(squeezed))


@settings(max_examples=300, deadline=None)
@given(st.text("甲 \u3000\t", max_size=20), st.data())
def test_a_squeezed_header_position_maps_back_as_a_list_of_kept_characters_would(text, data):
    from core.parse import flat_table as ft

    kept = [i for i, ch in enumerate(text) if ch not in " \u3000\t"]
    if kept:
        k = data.draw(st.integers(0, len(kept) - 1))
        assert ft._unsqueezed(text, k) == kept[k]
