"""What keeps the parser linear in the size of a plan, and exact: each shortcut answers as the
long way would (the throughput itself is measured by benchmarks/run.py, never timed here)."""

from __future__ import annotations

import gc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.parse import deadlines, pipeline, unit_runs

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
