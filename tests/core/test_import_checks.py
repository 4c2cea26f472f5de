"""Warnings the import preview shows, and the merge/split rules, computed in core."""

from __future__ import annotations

from pathlib import Path

from core.messages import cli_line as warning_message
from core.parse.checks import check_plan, node_at
from core.parse.corrections import default_split, merged_fields, set_title
from core.parse.parsed_plan import ParsedNode, ParsedPlan
from core.parse.source import parse_file

PLANS = Path(__file__).resolve().parents[2].parent / "shared" / "plans"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def n(label: str, title: str = "事项", *children: ParsedNode, units: tuple[str, ...] = ()) -> ParsedNode:
    node = ParsedNode(label=label, title=title, text=title, children=list(children))
    node.units["responsible"] = list(units)
    return node


def codes(plan: ParsedPlan) -> list[str]:
    return [w.code for w in check_plan(plan)]


def test_tasks_without_units_are_counted_and_listed():
    plan = ParsedPlan(title="要点", year=2024, nodes=[
        n("一、", "公开", n("1.", "甲"), n("2.", "乙", units=("县财政局",)), n("3.", "丙"))])
    [warning] = check_plan(plan)
    assert warning_message(warning) == "2 项任务未识别到责任单位"
    assert warning.path == (0, 0) and [p for _, p in warning.items] == [(0, 0), (0, 2)]


def test_units_on_a_section_cover_its_tasks():
    plan = ParsedPlan(title="要点", year=2024, nodes=[n("一、", "公开", n("1."), n("2."), units=("县政府办",))])
    assert check_plan(plan) == []


def test_a_numbering_gap_names_its_section():
    plan = ParsedPlan(title="要点", year=2024, nodes=[
        n("一、", "公开", n("1.", units=("甲",))),
        n("二、", "平台", n("1.", units=("甲",)), n("2.", units=("甲",)), n("4.", units=("甲",)))])
    [warning] = check_plan(plan)
    assert warning_message(warning) == "“二、平台”下编号不连续"
    assert warning.path == (1, 2)


def test_numbering_may_continue_across_sections_and_top_level_gaps_are_found():
    plan = ParsedPlan(title="要点", year=2024, nodes=[
        n("一、", "公开", n("（一）", units=("甲",)), n("（二）", units=("甲",))),
        n("三、", "平台", n("（三）", units=("甲",)))])
    [warning] = check_plan(plan)
    assert warning.code == "numbering_gap_top" and warning.path == (1,)


def test_missing_year_title_and_empty_plan_are_warned():
    assert codes(ParsedPlan()) == ["no_nodes", "no_title", "no_year"]


def test_skipped_page_noise_is_listed(shared_dir):
    plan = parse_file(shared_dir / "plans" / "003_b0058e0bd144e67c.txt")
    found = {w.code: w for w in check_plan(plan)}
    assert "日期:2024-07-01 访问次数:" in [text for text, _ in found["noise_skipped"].items]
    assert found["no_units"].params == {"count": 14}
    assert "numbering_gap" not in found  # (一)…(十四) run straight through the parts
    assert plan.to_dict().keys() == {"title", "year", "issuer", "doc_number", "date", "nodes"}


def test_node_at_follows_rows():
    plan = ParsedPlan(nodes=[n("一、", "甲", n("1.", "乙"))])
    assert node_at(plan, (0, 0)).title == "乙"


def test_merge_and_title_rules():
    target, node = n("1.", "甲", units=("A",)), n("", "乙", units=("A", "B"))
    fields = merged_fields(target, node)
    assert fields["text"] == "甲\n乙" and fields["units"]["responsible"] == ["A", "B"]
    task = ParsedNode(title="公开预算", text="公开预算。按时完成。")
    assert set_title(task, "公开预决算") == {"title": "公开预决算", "text": "公开预决算。按时完成。"}
    assert default_split("第一句。第二句。") == 4
    assert default_split("第一行\n第二行") == 4
