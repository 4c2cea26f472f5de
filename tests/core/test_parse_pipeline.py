"""The whole pipeline on the real plans: the scorer's bar, metadata, speed, and no crash on any text."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import InputError
from core.parse.source import parse_file, parse_text

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
PLANS = SHARED / "plans"
GOLD = SHARED / "eval" / "gold"
needs_shared = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared is not here")


def _scorer():
    spec = importlib.util.spec_from_file_location("plan_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pairs():
    for gold in sorted(GOLD.glob("*.json")):
        plan = next(p for p in PLANS.glob(gold.stem + ".*") if p.suffix != ".json")
        yield plan, json.loads(gold.read_text(encoding="utf-8"))


@needs_shared
def test_every_shared_plan_scores_at_least_the_bar():
    score = _scorer()
    total = score.Tally()
    for plan, gold in _pairs():
        total.add(score.score_pair(gold, parse_file(plan).to_dict()))
    scores = total.scores()
    assert scores["overall"] >= 0.97
    assert all(scores[m] >= 0.95 for m in score.METRICS if scores[m] is not None), scores


@needs_shared
@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004", "005", "006"])
def test_each_shared_plan_reads_without_mismatch(stem):
    score = _scorer()
    plan, gold = next((p, g) for p, g in _pairs() if p.name.startswith(stem))
    problems: list[str] = []
    score.score_pair(gold, parse_file(plan).to_dict(), problems.append)
    assert problems == []


@needs_shared
def test_traditional_plan_keeps_its_script():
    plan = parse_file(next(PLANS.glob("001_*")))
    assert plan.nodes[0].title == "完成政府信息公開平臺建設,規范用權信息公開"
    assert "(wù)" not in json.dumps(plan.to_dict(), ensure_ascii=False)


@needs_shared
def test_notice_is_metadata_not_tasks():
    plan = parse_file(next(PLANS.glob("004_*")))
    assert plan.issuer == "肇慶市人民政府辦公室"
    assert plan.date.isoformat() == "2010-04-19"
    assert plan.doc_number == "肇府辦〔2010〕31號"
    assert plan.nodes[0].label == "一、"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("一二三四五六七八九十()（）、.．1234567890①②年月日底前旬上中下半季度"
                                             "由负责牵头配合单位局办政府和及等《》〔〕号:：;；,，。\n 　市县区各部门务開"
                                             "(wù)〖HT〗")) | st.characters(), max_size=400))
def test_arbitrary_text_never_raises_anything_but_input_error(text):
    try:
        plan = parse_text(text)
    except InputError:
        return
    json.dumps(plan.to_dict(), ensure_ascii=False)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["一、加强政策解读", "(一)做好解读。", "1.落实制度。8月底前完成。", "市直各单位、各区政府(管委会)",
                                 "此项工作由市政府办公室负责,市司法局配合。", "（牵头单位：县政府办公室；责任单位：各乡镇）",
                                 "()公开。", "2021年12月10日前", "相关链接", "字体:[大] [中] [小]", "2022年3月1日"]),
                max_size=30))
def test_any_mix_of_genre_lines_parses_or_says_no_plan(lines):
    try:
        parse_text("\n".join(lines))
    except InputError as err:
        assert err.code == "no_plan"
