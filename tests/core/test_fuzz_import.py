"""The whole import path fed anything: file → reader → parser, parse JSON, and storing any plan.

Complements test_readers_fuzz.py (each reader alone) and test_parse_pipeline.py (random text):
here the stages run together, on mutated real plans too, and whatever parses must store whole.
Example counts come from the hypothesis profile in tests/conftest.py (HYPOTHESIS_PROFILE=fuzz
for a long local hunt); findings become the regression tests at the bottom.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from core.errors import InputError
from core.parse.parsed_plan import ROLES, ParsedDeadline, ParsedNode, ParsedPlan
from core.parse.source import parse_file, parse_text
from core.readers.text import decode

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SUFFIXES = [".txt", ".docx", ".xlsx", ".html", ".pdf", ".json"]


def parses_or_says_why(read):
    try:
        plan = read()
    except InputError:
        return None
    assert isinstance(plan, ParsedPlan)
    plan.to_json()  # what parse --json prints must always print
    return plan


@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_under_any_name_parse_or_give_an_input_error(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"plan{suffix}"
        path.write_bytes(data)
        parses_or_says_why(lambda: parse_file(path))


def _corpus() -> list[str]:
    return [line for p in sorted((FIXTURES / "txt").glob("*.txt")) for line in decode(p.read_bytes())[0].splitlines()
            if line.strip()]


CORPUS = _corpus()


@st.composite
def mutated_plans(draw):
    """Lines of real plans, cut, shuffled, repeated and sprinkled with stray characters."""
    start = draw(st.integers(0, max(0, len(CORPUS) - 1)))
    lines = CORPUS[start:start + draw(st.integers(1, 60))]
    lines = draw(st.permutations(lines)) if draw(st.booleans()) else list(lines)
    out = []
    for line in lines:
        action = draw(st.sampled_from(["keep", "keep", "keep", "cut", "twice", "noise", "merge"]))
        if action == "cut":
            out.append(line[: draw(st.integers(0, len(line)))])
        elif action == "twice":
            out += [line, line]
        elif action == "noise":
            at = draw(st.integers(0, len(line)))
            out.append(line[:at] + draw(st.text(max_size=5)) + line[at:])
        elif action == "merge" and out:
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


@given(text=mutated_plans())
def test_mutated_real_plans_parse_or_say_no_plan(text):
    parses_or_says_why(lambda: parse_text(text))


JSONISH = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                       lambda inner: st.lists(inner, max_size=4)
                       | st.dictionaries(st.sampled_from(["title", "year", "nodes", "children", "units", "deadlines",
                                                          "date", "label", "text", "lead", "x"]), inner, max_size=5),
                       max_leaves=30)


@given(value=JSONISH)
@example({"year": float("inf"), "nodes": []})  # found by this test: int(inf) overflowed
@example({"year": float("nan"), "nodes": []})
@example({"year": 10**400, "nodes": []})  # would overflow SQLite's INTEGER when stored
def test_parse_json_of_any_shape_reads_or_gives_an_input_error(value):
    import json

    parses_or_says_why(lambda: ParsedPlan.from_json(json.dumps(value)))


def _nodes(depth: int):
    words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
    deadline = st.builds(ParsedDeadline, text=words, date=st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)))
    units = st.fixed_dictionaries({r: st.lists(st.sampled_from(["县教育局", "县财政局", "各乡镇", "", " "]), max_size=3)
                                   for r in ROLES})
    children = st.lists(_nodes(depth - 1), max_size=3) if depth else st.just([])
    return st.builds(ParsedNode, label=words, title=words, text=words, units=units,
                     deadlines=st.lists(deadline, max_size=2), children=children)


@settings(max_examples=max(10, settings().max_examples // 3))  # a fresh database per example
@given(plan=st.builds(ParsedPlan, title=st.text(max_size=20), year=st.none() | st.integers(1900, 2200),
                      nodes=st.lists(_nodes(3), min_size=1, max_size=4)))
def test_any_parsed_plan_is_stored_whole_and_reads_back(plan):
    from core.service.facade import PlanService
    from core.store.health import check_database

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "fuzz.sqlite3"
        svc = PlanService(db)
        try:
            result = svc.import_plan(plan).result
            stored = svc.tree(result.plan_id)
        finally:
            svc.close()
        sections, tasks = plan.counts()
        assert (result.sections, result.tasks) == (sections, tasks)
        assert len(stored) == sections + tasks
        assert check_database(db) == [] or all(p.code == "health_empty_plan" for p in check_database(db))
        once = ParsedPlan.from_json(plan.to_json())  # an empty text reads back as the title: then it is stable
        assert ParsedPlan.from_json(once.to_json()).to_dict() == once.to_dict()


# -- regressions found by the fuzzers above ------------------------------------------------------------

def test_parse_json_with_children_nested_too_deep_is_bad_json():
    nested = '{"title": "分组", "children": [' * 3000 + '{"title": "任务"}' + "]}" * 3000
    with pytest.raises(InputError) as caught:
        ParsedPlan.from_json('{"title": "计划", "nodes": [' + nested + "]}")
    assert caught.value.code == "bad_json"

