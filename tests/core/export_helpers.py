"""A plan as a clerk has worked on it half a year, for the export tests."""

from __future__ import annotations

import datetime as dt

from core.domain.status import Status

AS_OF = dt.date(2026, 7, 10)
NOTES = {
    0: "已在门户网站发布常务会议审议通过的政策文件12件，同步推送政务新媒体。",
    1: "已梳理惠企政策58项，清单正在审核。\n预计7月上线。",
    4: "已发布就业补贴政策及发放情况，<特殊字符> & 引号“测试”。",
}
STATUSES = {0: Status.DONE, 1: Status.DOING, 2: Status.ONGOING, 4: Status.DONE, 6: Status.NA}
MY_UNIT = "县政府办公室"


def dated_service(db_path):
    """A service whose today is AS_OF, so an export "as of" AS_OF shows the progress recorded now."""
    from core.service.facade import PlanService

    return PlanService(db_path, today=lambda: AS_OF)


def worked_plan(service, sample_plan) -> int:
    """Import the sample plan, set the clerk's own unit and record some progress; returns the plan id."""
    plan_id = service.import_plan(sample_plan).plan_id
    service.set_my_units([MY_UNIT])
    tasks = [n for n in service.tree(plan_id) if n.is_task]
    for i, status in STATUSES.items():
        service.set_status(tasks[i].id, status)
    for i, note in NOTES.items():
        service.set_note(tasks[i].id, note)
    return plan_id


def tasks_of(service, plan_id):
    return [n for n in service.tree(plan_id) if n.is_task]
