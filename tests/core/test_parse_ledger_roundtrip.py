"""Re-importing Taizhang's own 台账: the 责任单位 column it writes ("牵头：X" / "责任：Y" / "配合：Z")
must read back as the same units with the same roles, and so must other offices' role-keyed cells."""

from __future__ import annotations

import pytest
from export_helpers import AS_OF, dated_service
from table_builders import write

from core.export import ExportOptions, export_plan
from core.parse.pipeline import parse_document
from core.parse.units import read_cell
from core.readers import read_document


@pytest.mark.parametrize("cell, lead, cooperating", [
    ("牵头：市司法局；配合：市政府办公室", ["市司法局"], ["市政府办公室"]),
    ("牵头单位：市司法局 配合单位：市财政局", ["市司法局"], ["市财政局"]),
    ("主办：市司法局；协办：市财政局", ["市司法局"], ["市财政局"]),
    ("牵头:市司法局,配合:市财政局、市民政局", ["市司法局"], ["市财政局", "市民政局"]),
    ("牵头：市司法局\n配合：市政府办公室", ["市司法局"], ["市政府办公室"]),
])
def test_role_words_in_a_unit_cell_give_roles_and_leave_the_names(cell, lead, cooperating):
    units = read_cell(cell)
    assert units["lead"] == lead
    assert units["cooperating"] == cooperating
    assert units["responsible"] == []


def test_role_word_inside_a_unit_name_is_not_a_key():
    assert read_cell("市政府办公室牵头，市司法局配合") == {
        "lead": ["市政府办公室"], "responsible": [], "cooperating": ["市司法局"]}


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx"])
def test_table_with_role_keyed_unit_cells_reads_roles(tmp_path, fmt):
    rows = [["序号", "工作任务", "责任单位", "完成时限"],
            ["1", "公开重大行政决策事项目录。", "牵头：市司法局；配合：市政府办公室", "6月底前"],
            ["2", "做好政策解读工作。", "主办：市发展改革委\n协办：市财政局、市民政局", "年底前"]]
    doc = read_document(write(tmp_path, fmt, "某市2024年政务公开工作要点任务分工", rows))
    tasks = parse_document(doc).nodes
    assert [t.units for t in tasks] == [
        {"lead": ["市司法局"], "responsible": [], "cooperating": ["市政府办公室"]},
        {"lead": ["市发展改革委"], "responsible": [], "cooperating": ["市财政局", "市民政局"]}]


def _tasks(nodes):
    for node in nodes:
        if not node.children:
            yield node
        yield from _tasks(node.children)


@pytest.mark.parametrize("fmt, style", [("xlsx", "ledger"), ("docx", "ledger")])
def test_exported_ledger_reimports_with_the_same_units_and_leads(db_path, tmp_path, sample_plan, fmt, style):
    service = dated_service(db_path)
    try:
        plan_id = service.import_plan(sample_plan).plan_id
        out = export_plan(service, plan_id, ExportOptions(format=fmt, style=style, as_of=AS_OF, reporter="县政府办公室"),
                          tmp_path / f"台账.{fmt}")
    finally:
        service.close()
    want = [(sorted(t.units.get("lead", [])), sorted(n for r in t.units.values() for n in r))
            for t in _tasks(sample_plan.nodes) if any(t.units.values())]
    assert any(lead for lead, _all in want) and any(len(a) > len(lead) for lead, a in want)
    got_plan = parse_document(read_document(out))
    got = [(sorted(t.units.get("lead", [])), sorted(n for r in t.units.values() for n in r))
           for t in _tasks(got_plan.nodes) if any(t.units.values())]
    assert got == want
