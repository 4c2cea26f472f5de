"""The plan's rules in core/domain: each one function, and the old call sites call it."""

from __future__ import annotations

import datetime as dt

import pytest

from core.domain.deadline_dates import deadline_date, deadline_lines
from core.domain.due import DUE_SOON_DAYS, due_list, due_state, due_within
from core.domain.numbering import next_label
from core.domain.numerals import cn_digits, cn_numeral, cn_value
from core.domain.progress import node_rollup, tree_rollups
from core.domain.records import DeadlineInfo, NodeInfo
from core.domain.status import Status
from core.domain.unit_lists import join_unit_list, split_unit_list

TODAY = dt.date(2026, 6, 1)


def task(node_id: int, *days: dt.date, status: Status = Status.TODO, parent: int | None = None) -> NodeInfo:
    return NodeInfo(id=node_id, plan_id=1, parent_id=parent, position=node_id, label="", title=f"t{node_id}",
                    text="", deadlines=[DeadlineInfo("x", d) for d in days], status=status)


# -- numerals -----------------------------------------------------------------------------------
@pytest.mark.parametrize("n", [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1001, 2026, 9999])
def test_a_chinese_numeral_reads_back_as_its_value(n):
    assert cn_value(cn_numeral(n)) == n


def test_numerals_print_as_plans_count():
    assert [cn_numeral(n) for n in (10, 11, 20, 105, 110)] == ["十", "十一", "二十", "一百零五", "一百一十"]
    assert cn_value("二〇二六") == 2026 and cn_value("两") == 2 and cn_value("附") == 0


def test_large_and_capital_numerals_count_as_word_prints_them():
    assert [cn_numeral(n) for n in (10_000, 10_001, 12_345, 20_300)] == [
        "一万", "一万零一", "一万二千三百四十五", "二万零三百"]
    assert cn_numeral(11, "零壹贰叁肆伍陆柒捌玖", "拾佰仟") == "拾壹"
    assert cn_numeral(0, "〇一二三四五六七八九") == "〇"
    assert cn_digits(2026) == "二〇二六" and cn_value(cn_digits(2009)) == 2009
    with pytest.raises(ValueError):
        cn_numeral(-1)


def test_every_reader_and_stage_converts_numerals_with_the_domain_function():
    """The label grammar, the metadata stage, Word's list numbering and the PDF line joiner
    agree on what a numeral is: one function, one set of characters."""
    from core.parse import deadlines, inline, labels, meta
    from core.readers import docx_numbering, pdf_lines

    assert labels.cn_value is cn_value and inline.cn_value is cn_value and deadlines.cn_value is cn_value
    assert meta.cn_value is cn_value and docx_numbering.cn_numeral is cn_numeral
    assert docx_numbering.format_number(10_001, "chineseCounting") == "一万零一"
    assert docx_numbering.format_number(2026, "ideographDigital") == "二〇二六"
    assert docx_numbering.format_number(21, "chineseLegalSimplified") == "贰拾壹"
    assert docx_numbering.format_number(0, "chineseCounting") == "〇"
    assert labels.split_label("十一、任务")[0].value == 11
    assert pdf_lines._LABEL.match("二十一、加强") and pdf_lines._LABEL.match("（十）做好")
    assert meta.parse_date("二OO九年十二月三十一日") == dt.date(2009, 12, 31)


def test_the_window_and_the_preview_number_a_new_item_alike():
    from gui.editing.structure_actions import next_label as window_next
    from gui.importing.preview_view import next_label as preview_next

    assert window_next is next_label and preview_next is next_label
    assert [next_label(x) for x in ("十九、", "（二十）", "⑤", "12.")] == ["二十、", "（二十一）", "⑥", "13."]


# -- unit lists -----------------------------------------------------------------------------------
def test_a_typed_unit_list_splits_on_any_separator_and_drops_repeats():
    assert split_unit_list("县财政局、县教育局，县财政局; 县民政局\n县卫健委") == [
        "县财政局", "县教育局", "县民政局", "县卫健委"]


def test_a_unit_with_a_bracketed_list_reads_back_as_one_unit():
    names = ["各区政府（管委会、园区）", "市直各单位"]
    assert split_unit_list(join_unit_list(names)) == names


def test_both_editors_split_units_with_the_core_function():
    import gui.editing.item_dialog
    import gui.window.node_editor

    assert gui.editing.item_dialog.split_unit_list is split_unit_list
    assert gui.window.node_editor.split_unit_list is split_unit_list


# -- deadline dates -------------------------------------------------------------------------------
def test_a_deadline_is_dated_in_the_plans_year():
    assert deadline_date("6月底前", 2026) == dt.date(2026, 6, 30)
    assert deadline_date("2025年12月底前", 2026) == dt.date(2025, 12, 31)


def test_wording_that_names_no_date_keeps_the_date_it_had():
    kept = dt.date(2026, 9, 1)
    assert deadline_date("按上级要求", 2026, kept) == kept
    assert deadline_lines("6月底前\n按上级要求\n", 2026, {"按上级要求": kept}) == [
        ("6月底前", dt.date(2026, 6, 30)), ("按上级要求", kept)]


def test_the_preview_redates_with_the_same_rule():
    from core.parse.corrections import redated
    from core.parse.parsed_plan import ParsedDeadline, ParsedNode, ParsedPlan

    kept = dt.date(2024, 9, 1)
    node = ParsedNode(label="1.", title="t", text="t",
                      deadlines=[ParsedDeadline("6月底前", dt.date(2024, 6, 30)), ParsedDeadline("按要求", kept)])
    plan = ParsedPlan(title="p", year=2024, nodes=[node])
    [(path, new)] = redated(plan, 2025).items()
    assert [d.date for d in new] == [deadline_date("6月底前", 2025), deadline_date("按要求", 2025, kept)]
    assert [d.date for d in new] == [dt.date(2025, 6, 30), kept]


# -- due ------------------------------------------------------------------------------------------
def test_due_state_tells_overdue_from_due_soon():
    assert due_state(task(1, TODAY - dt.timedelta(1)), TODAY) == "overdue"
    assert due_state(task(2, TODAY + dt.timedelta(DUE_SOON_DAYS)), TODAY) == "soon"
    assert due_state(task(3, TODAY + dt.timedelta(DUE_SOON_DAYS + 1)), TODAY) is None
    assert due_state(task(4, TODAY - dt.timedelta(1), status=Status.DONE), TODAY) is None
    assert not due_within(task(5, TODAY, status=Status.ONGOING), TODAY, 30)


def test_due_list_puts_overdue_first_then_the_soonest():
    late, soon, later = task(1, TODAY - dt.timedelta(3)), task(2, TODAY + dt.timedelta(2)), task(3, TODAY + dt.timedelta(20))
    done = task(4, TODAY + dt.timedelta(1), status=Status.DONE)
    assert [info.id for _, info in due_list([later, done, soon, late], TODAY, 30)] == [1, 2, 3]
    assert [info.id for _, info in due_list([later, soon], TODAY, 7)] == [2]


def test_the_tree_the_overview_and_the_filter_share_the_due_rule():
    import core.domain.filters
    import gui.tree.plan_tree_model
    import gui.window.due_soon

    assert gui.tree.plan_tree_model.due_state is due_state and gui.window.due_soon.due_list is due_list
    assert core.domain.filters.due_within is due_within


# -- roll-ups -------------------------------------------------------------------------------------
def test_a_sections_roll_up_adds_its_tasks_and_leaves_out_not_applicable():
    section = NodeInfo(id=10, plan_id=1, parent_id=None, position=0, label="一、", title="s", text="",
                       child_ids=[1, 2, 3])
    tasks = [task(1, TODAY - dt.timedelta(1), parent=10), task(2, status=Status.DONE, parent=10),
             task(3, status=Status.NA, parent=10)]
    rollups = tree_rollups([section, *tasks], TODAY)
    r = rollups[10]
    assert (r.total, r.done, r.applicable, r.overdue, r.check_state) == (3, 1, 2, 1, "partial")
    assert node_rollup(section, [rollups[t.id] for t in tasks], TODAY).counts == r.counts


def test_the_tree_model_rolls_up_with_the_core_rule():
    import gui.tree.plan_tree_model

    assert gui.tree.plan_tree_model.node_rollup is node_rollup


def test_due_dates_of_one_deadline_or_several_or_none():
    """The one-deadline case is answered without sorting (every filter change asks it per task);
    it must agree with the general rule."""
    import datetime as dt

    from core.domain.records import DeadlineInfo, DeferralInfo, NodeInfo

    def task(*dates, deferral=None):
        return NodeInfo(id=1, plan_id=1, parent_id=None, position=0, label="1.", title="t", text="t",
                        deadlines=[DeadlineInfo("x", d) for d in dates], deferral=deferral)

    june, july = dt.date(2026, 6, 30), dt.date(2026, 7, 31)
    assert task(june).due_dates() == [june] and task(None).due_dates() == [] and task().due_dates() == []
    assert task(july, june, july).due_dates() == [june, july]
    moved = DeferralInfo(id=1, due=dt.date(2026, 9, 30), reason="r", approval="", at=None)
    assert task(june, deferral=moved).due_dates() == [dt.date(2026, 9, 30)]
    assert task(june).final_due() == june and task(june).is_overdue(july)
