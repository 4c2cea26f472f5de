"""The self-test's export step: both files are written and read back, and a missing tick is caught."""

from __future__ import annotations

import pytest

from core.domain.status import Status
from core.selfcheck import check_exports


@pytest.fixture
def imported(service, sample_plan):
    plan_id = service.import_plan(sample_plan, source_name="sample.json", sha256="0").plan_id
    tasks = [n.id for n in service.tree(plan_id) if n.is_task]
    return plan_id, tasks


def test_self_check_reads_the_ticked_task_back_from_word_and_excel(service, imported, tmp_path):
    plan_id, tasks = imported
    service.set_status(tasks[0], Status.DONE)
    written = check_exports(service, plan_id, tasks[0], tmp_path)
    assert [p.suffix for p in written] == [".docx", ".xlsx"]
    assert all(p.stat().st_size > 0 for p in written)


def test_self_check_fails_when_the_export_does_not_show_the_tick(service, imported, tmp_path):
    plan_id, tasks = imported
    with pytest.raises(AssertionError, match="已完成"):
        check_exports(service, plan_id, tasks[1], tmp_path)
