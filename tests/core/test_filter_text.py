"""A task filter kept as text (the filter bar's choices between sessions) comes back the same."""

from __future__ import annotations

from core.domain.filters import filter_from_text, filter_to_text
from core.domain.records import TaskFilter
from core.domain.settings import SETTINGS, TREE_FILTER
from core.domain.status import OPEN_STATUSES, Status


def test_every_criterion_survives_the_round_trip():
    flt = TaskFilter(unit="县财政局", statuses=set(OPEN_STATUSES), overdue=True, text="規範", role="lead",
                     due_within=7, mine=True, missing_note=True)
    assert filter_from_text(filter_to_text(flt)) == flt
    assert filter_from_text(filter_to_text(TaskFilter(statuses={Status.DONE}))) == TaskFilter(statuses={Status.DONE})


def test_no_filter_is_kept_as_an_empty_object():
    assert filter_to_text(TaskFilter()) == "{}"
    assert filter_from_text("") == TaskFilter()


def test_text_it_did_not_write_gives_no_filter():
    for junk in ("not json", "[1, 2]", '{"statuses": ["nonsense"]}', '{"due_within": "7"}', "null"):
        assert filter_from_text(junk) == TaskFilter(), junk
    assert filter_from_text('{"role": "boss", "unit": "  "}') == TaskFilter()


def test_the_filter_setting_is_declared_once():
    assert SETTINGS[TREE_FILTER.key] is TREE_FILTER
    assert TREE_FILTER.decode(None) == ""
