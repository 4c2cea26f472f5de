"""A status word as a clerk or a script writes it: either script, either width, code or name."""

from __future__ import annotations

import pytest

from core.domain.status import Status
from core.errors import UsageError


@pytest.mark.parametrize("word, status", [
    ("进行中", Status.DOING), ("進行中", Status.DOING), ("doing", Status.DOING), ("In progress", Status.DOING),
    ("已完成", Status.DONE), ("DONE", Status.DONE), ("ｄｏｎｅ", Status.DONE), (" 已完成 ", Status.DONE),
    ("持續推進", Status.ONGOING), ("ongoing", Status.ONGOING),
    ("不適用", Status.NA), ("na", Status.NA), ("not_applicable", Status.NA), ("Not applicable", Status.NA),
    ("未開始", Status.TODO), ("todo", Status.TODO), ("not started", Status.TODO),
])
def test_status_words_in_any_script_are_read(word, status):
    assert Status.parse(word) is status


@pytest.mark.parametrize("word", ["完成", "差不多", "", "done!"])
def test_other_words_are_a_clear_error(word):
    with pytest.raises(UsageError) as err:
        Status.parse(word)
    assert err.value.code == "bad_status"


def test_the_table_of_words_is_in_the_folded_spelling():
    """The status words are built without fold() (no OpenCC at import); that only works if folding changes nothing."""
    from core.domain.status import _words, status_key

    assert all(status_key(word) == word for word in _words())
