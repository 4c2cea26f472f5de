"""Editing a plan after import: every edit can be undone by its inverse."""

from __future__ import annotations

import datetime as dt

import pytest

from core.domain.records import Change, NodeMove, NodePlace
from core.domain.status import Status
from core.errors import UsageError


@pytest.fixture
def plan_id(service, sample_plan):
    return service.import_plan(sample_plan).plan_id


def shape(service, plan_id):
    """(depth-marked label+title) of the whole tree, to compare before and after."""
    tree = service.tree(plan_id)
    depth = {}
    out = []
    for n in tree:
        depth[n.id] = 0 if n.parent_id is None else depth[n.parent_id] + 1
        out.append(("  " * depth[n.id]) + n.label + n.title)
    return out


def test_adding_a_task_under_a_section_and_undoing(service, plan_id):
    before = shape(service, plan_id)
    section = service.tree(plan_id)[0]
    change = service.add_node(plan_id, section.id, 0, "0.", "新增任务")
    node_id = change.result
    assert change.structure and change.added == [NodePlace(node_id, section.id, 0)]
    assert section.id in change.nodes and section.id in change.rollups
    assert service.tree(plan_id)[1].title == "新增任务"
    assert service.node(node_id).status is Status.TODO
    removed = service.delete_node(node_id)
    assert removed.removed == [NodePlace(node_id, section.id, 0)]
    assert shape(service, plan_id) == before


def test_deleting_a_section_and_undoing_restores_everything(service, plan_id):
    tree = service.tree(plan_id)
    section = next(n for n in tree if n.label == "（一）")
    task = service.node(section.child_ids[0])
    service.set_status(task.id, Status.DONE)
    service.set_note(task.id, "已发布")
    before = shape(service, plan_id)
    snap = service.delete_node(section.id).before
    assert len(service.tree(plan_id)) == len(tree) - 3
    service.restore_node(snap)
    assert shape(service, plan_id) == before
    back = service.node(task.id)
    assert (back.status, back.note, back.units) == (Status.DONE, "已发布", task.units)
    assert [h.field for h in service.history(task.id)] == ["status", "completed_on", "note"]


def test_indent_and_outdent_are_inverse(service, plan_id):
    before = shape(service, plan_id)
    second = service.tree(plan_id)[0]
    sub_two = service.node(second.child_ids[1])
    change = service.indent_node(sub_two.id)
    old = change.before
    assert service.node(sub_two.id).parent_id == second.child_ids[0]
    first_sub = service.node(second.child_ids[0])
    assert change.moved == [NodeMove(sub_two.id, NodePlace(sub_two.id, second.id, 1),
                                     NodePlace(sub_two.id, first_sub.id, len(first_sub.child_ids) - 1))]
    service.move_node(sub_two.id, *old)
    assert shape(service, plan_id) == before
    service.outdent_node(sub_two.id)
    assert [n.label for n in service.tree(plan_id) if n.parent_id is None][:2] == ["一、", "（二）"]


def test_moving_a_node_into_itself_is_refused(service, plan_id):
    section = service.tree(plan_id)[0]
    with pytest.raises(UsageError):
        service.move_node(section.id, section.child_ids[0], 0)
    with pytest.raises(UsageError):
        service.indent_node(section.id)


def test_moving_the_last_child_out_turns_the_section_into_a_task(service, plan_id):
    section = next(n for n in service.tree(plan_id) if n.label == "（一）")
    for child in section.child_ids:
        service.move_node(child, None, 99)
    assert service.node(section.id).is_task
    service.set_status(section.id, Status.DONE)
    assert service.node(section.id).status is Status.DONE


def test_a_task_given_a_child_becomes_a_section(service, plan_id):
    task = next(n for n in service.tree(plan_id) if n.is_task)
    service.add_node(plan_id, task.id, None, "(1)", "子任务")
    with pytest.raises(UsageError):
        service.set_status(task.id, Status.DONE)


def test_rename_units_and_deadlines_round_trip(service, plan_id):
    task = next(n for n in service.tree(plan_id) if n.is_task)
    old = service.rename_node(task.id, "一.", "改过的标题").before
    assert service.node(task.id).title == "改过的标题"
    service.rename_node(task.id, *old)
    old_units = service.set_units(task.id, {"lead": ["县档案馆"], "cooperating": ["县政府办公室"]}).before
    assert service.node(task.id).units["lead"] == ["县档案馆"]
    service.set_units(task.id, old_units)
    old_dls = service.set_deadlines(task.id, [("9月底前", dt.date(2026, 9, 30))]).before
    service.set_deadlines(task.id, old_dls)
    assert service.node(task.id) == task


def test_carrying_over_keeps_unfinished_tasks_with_links(service, plan_id):
    tasks = [n for n in service.tree(plan_id) if n.is_task]
    for t in tasks[:10]:
        service.set_status(t.id, Status.DONE)
    service.set_status(tasks[10].id, Status.NA)
    service.set_status(tasks[11].id, Status.ONGOING)
    service.set_note(tasks[11].id, "每月更新")
    result = service.carry_over(plan_id).result
    assert (result.tasks, service.carried_from(result.plan_id)) == (4, plan_id)
    new = service.plan(result.plan_id)
    assert new.year == 2027 and "结转" in new.title
    carried = [n for n in service.tree(result.plan_id) if n.is_task]
    assert [n.title for n in carried] == [t.title for t in tasks[11:]]
    assert carried[0].status is Status.ONGOING and carried[0].note == "每月更新"
    sections = [n for n in service.tree(result.plan_id) if not n.is_task]
    assert [s.label for s in sections] == ["三、", "四、"]


def test_every_edit_returns_a_change_naming_its_initiator(service, plan_id):
    """The widget that asked passes itself; it gets it back and knows not to redraw from it."""
    me = object()
    task = next(n for n in service.tree(plan_id) if n.is_task)
    evidence = service.attach_link(task.id, "https://example.org/gk").result
    plan = service.plan(plan_id)
    changes = [
        service.rename_plan(plan_id, "新标题", 2027, initiator=me),
        service.set_my_units(["县教育局"], initiator=me),
        service.remove_evidence(evidence.id, initiator=me),
        service.add_node(plan_id, None, None, "九、", "新增", initiator=me),
        service.set_status(task.id, Status.DONE, initiator=me),
        service.set_note(task.id, "已办", initiator=me),
        service.rename_node(task.id, "1.", "改", initiator=me),
        service.set_units(task.id, {"lead": ["县档案馆"]}, initiator=me),
        service.set_deadlines(task.id, [("9月底前", dt.date(2026, 9, 30))], initiator=me),
        service.attach_link(task.id, "https://example.org/gk/2", initiator=me),
    ]
    assert all(isinstance(c, Change) and c.initiator is me for c in changes)
    assert changes[0].before == (plan.title, plan.year) and service.plan(plan_id).title == "新标题"
    assert changes[1].fields == {"my_units"} and changes[2].nodes == {task.id}
    assert changes[-1].fields == {"evidence"} and changes[-1].result.target == "https://example.org/gk/2"
    assert service.set_status(task.id, Status.TODO).initiator is None


def test_making_and_removing_plans_returns_changes_to_the_plan_list(service, sample_plan, plan_id):
    """Import, carry over, delete and restore change which plans exist: each says so (plan_list),
    names the plan to show (or none), hands back what it made, and carries the initiator."""
    me = object()
    saved = service.backup_now()
    imported = service.import_plan(sample_plan, initiator=me)
    carried = service.carry_over(plan_id, initiator=me)
    deleted = service.delete_plan(imported.plan_id, initiator=me)
    restored = service.restore_backup(saved, initiator=me)
    changes = [imported, carried, deleted, restored]
    assert all(isinstance(c, Change) and c.plan_list and c.initiator is me for c in changes)
    assert imported.result.plan_id == imported.plan_id and imported.result.tasks == sample_plan.counts()[1]
    assert carried.result.plan_id == carried.plan_id != plan_id
    assert deleted.before.id == imported.plan_id and deleted.result.is_file()
    assert restored.plan_id is None and restored.result == saved
    assert [p.id for p in service.list_plans()] == [plan_id]  # as the backup had it
    assert not service.set_status(service.find_tasks(plan_id)[0].id, Status.DONE).plan_list
