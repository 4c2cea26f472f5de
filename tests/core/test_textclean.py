"""Control characters from Word (U+000B), broken pages and old databases never stop an export."""

from __future__ import annotations

import copy

import docx
import openpyxl
import pytest

from core.domain.textclean import clean_text
from core.export import ExportOptions, export_plan

DIRTY = "第一行\x0b第二行\x00\x01\x1f\t制表\r\n第三行\x0c\ud800\ufffe\U0010ffff\x7f完"
CLEAN = "第一行\n第二行\t制表\n第三行\n完"


def test_clean_text_keeps_breaks_and_tabs_and_drops_what_xml_refuses():
    assert clean_text(DIRTY) == CLEAN
    assert clean_text("普通文字 plain") == "普通文字 plain" and clean_text(None) == ""
    every_c0 = "".join(map(chr, range(32)))
    assert clean_text(every_c0) == "\t\n\n\n\n"  # \t, \n, \x0b, \x0c, \r kept as breaks


def dirty_plan(sample_plan):
    plan = copy.deepcopy(sample_plan)
    plan.title += "\x0b"
    plan.issuer = "示例县\x00人民政府"
    task = next(n for n in plan.walk() if not n.children)
    task.title, task.text = "公开\x0b政策" + task.title, "正文\x0b换行\x1b" + task.text
    task.units["lead"] = ["县政府\x08办公室"]
    return plan


def export_both(service, plan_id, tmp_path, **options):
    if not service.my_units():
        service.set_my_units(["县政府办公室"])  # the 填报单位
    docx_path = export_plan(service, plan_id, ExportOptions(**options), tmp_path / "台账.docx")
    report = export_plan(service, plan_id, ExportOptions(style="report", **options), tmp_path / "报告.docx")
    xlsx_path = export_plan(service, plan_id, ExportOptions(format="xlsx", **options), tmp_path / "台账.xlsx")
    text = "\n".join(c.text for t in docx.Document(str(docx_path)).tables for r in t.rows for c in r.cells)
    report_text = "\n".join(p.text for p in docx.Document(str(report)).paragraphs)
    cells = [str(v) for r in openpyxl.load_workbook(xlsx_path).active.iter_rows(values_only=True) for v in r if v]
    return text, report_text, "\n".join(cells)


def test_an_imported_plan_with_control_characters_is_stored_clean_and_exports(service, sample_plan, tmp_path):
    plan_id = service.import_plan(dirty_plan(sample_plan)).plan_id
    stored = service.plan(plan_id)
    assert "\x0b" not in stored.title and stored.issuer == "示例县人民政府"
    task = next(n for n in service.tree(plan_id) if n.is_task)
    assert task.title.startswith("公开\n政策") and task.units["lead"] == ["县政府办公室"]
    service.set_note(task.id, "已发布\x0b见附件\x00。\t完")
    assert service.node(task.id).note == "已发布\n见附件。\t完"
    ledger, report, sheet = export_both(service, plan_id, tmp_path)
    assert "已发布\n见附件。" in ledger and "已发布\n见附件。" in sheet and "县政府办公室" in sheet
    assert "已发布" in report


@pytest.mark.parametrize("edit", ["rename", "units", "deadlines", "add", "my_units"])
def test_the_clerks_own_edits_are_cleaned_too(service, sample_plan, tmp_path, edit):
    plan_id = service.import_plan(sample_plan).plan_id
    task = next(n for n in service.tree(plan_id) if n.is_task)
    if edit == "rename":
        service.rename_node(task.id, "1.", "标题\x0b续", "正文\x00")
    elif edit == "units":
        service.set_units(task.id, {"lead": ["县\x07教育局"], "responsible": [], "cooperating": []})
    elif edit == "deadlines":
        service.set_deadlines(task.id, [("6月底前\x0c", None)])
    elif edit == "add":
        service.add_node(plan_id, task.parent_id, None, "\x0b9.", "新增\x1f任务", "")
    else:
        service.set_my_units(["县\x00教育局", "县财政局\x0b"])
        assert service.my_units() == ["县教育局", "县财政局"]
    stored = "".join(f"{n.label}{n.title}{n.text}{n.units}{[d.text for d in n.deadlines]}"
                     for n in service.tree(plan_id))
    assert not any(ch in stored for ch in "\x00\x07\x0b\x0c\x1f")
    export_both(service, plan_id, tmp_path)


def test_a_database_written_before_the_cleaning_still_exports(service, sample_plan, tmp_path):
    """Text stored by an older version, control characters and all, is cleaned on the way out."""
    from core.store.tables import Node, Plan, Progress, Setting

    plan_id = service.import_plan(sample_plan).plan_id
    task = next(n for n in service.tree(plan_id) if n.is_task)
    Plan.update(title="旧库\x0b标题", issuer="县\x00政府").where(Plan.id == plan_id).execute()
    Node.update(title="旧\x0b任务", text="旧\x01正文\ufffe").where(Node.id == task.id).execute()
    Progress.update(note="旧的\x0b完成情况\x1b").where(Progress.node == task.id).execute()
    for key in ("my_unit_name", "my_units"):  # where the 填报单位 is read from
        Setting.insert(key=key, value="填报\x00单位").on_conflict_replace().execute()
    ledger, report, sheet = export_both(service, plan_id, tmp_path)
    assert "旧的\n完成情况" in ledger and "旧的\n完成情况" in sheet and "旧\n任务" in sheet
    assert "旧库" in report and "\x0b" not in report and "填报单位" in report + ledger
