"""The Word 台账: every chosen task once, in order, in landscape tables that print well."""

from __future__ import annotations

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx_checks import cell_text, east_asian_font, font_size_pt, has_page_field, row_flags
from export_helpers import AS_OF, dated_service, tasks_of, worked_plan

from core.domain.records import TaskFilter
from core.domain.status import Status
from core.export import ExportOptions, export_plan
from core.export import gbt9704 as G
from core.export.data import zh_date
from core.export.docx_fonts import font_fallbacks
from core.export.docx_ledger import COLUMNS, COLUMNS_WITH_EVIDENCE
from core.export.script import converter


@pytest.fixture
def service(db_path):
    svc = dated_service(db_path)
    yield svc
    svc.close()


@pytest.fixture
def plan_id(service, sample_plan):
    return worked_plan(service, sample_plan)


def _export(service, plan_id, tmp_path, **opts):
    path = export_plan(service, plan_id, ExportOptions(as_of=AS_OF, **opts), tmp_path / "台账.docx")
    return docx.Document(str(path))


def _task_rows(doc):
    """(序号, 工作任务, 责任单位, 完成时限, 完成情况, 完成日期, 状态, …) of every task row."""
    out = []
    for table in doc.tables:
        for row in table.rows[1:]:
            cells = row.cells
            if len({id(c._tc) for c in cells}) > 1:  # a merged section row has one cell
                out.append([cell_text(c) for c in cells])
    return out


def _section_rows(table):
    return [row for row in table.rows[1:] if len({id(c._tc) for c in row.cells}) == 1]


def test_every_task_appears_once_in_plan_order_with_its_details(service, plan_id, tmp_path):
    doc = _export(service, plan_id, tmp_path)
    rows = _task_rows(doc)
    tasks = tasks_of(service, plan_id)
    assert len(rows) == len(tasks)
    for i, (row, task) in enumerate(zip(rows, tasks, strict=True), start=1):
        seq, text, units, deadline, note, done_on, status = row
        assert seq == str(i)
        assert text.startswith(task.title)
        assert all(u in units for u in task.all_units)
        assert deadline == ("\n".join(d.text for d in task.deadlines) or "—")  # one a line
        assert note == "\n".join(line for line in task.note.splitlines() if line.strip())
        assert done_on.replace("\n", "") == (zh_date(task.completed_on) if task.completed_on else "")
        assert status.split("\n")[0] == task.status.zh


def test_the_unit_column_shows_roles_lead_first(service, plan_id, tmp_path):
    rows = {r[0]: r for r in _task_rows(_export(service, plan_id, tmp_path))}
    assert rows["2"][2] == "牵头：县发展改革局\n配合：县财政局、县市场监管局"
    assert rows["3"][2] == "责任：县直各单位、各乡镇人民政府"


def test_a_units_ledger_adds_the_units_role(service, plan_id, tmp_path):
    rows = _task_rows(_export(service, plan_id, tmp_path, unit="县教育局"))
    assert rows and all(r[2].split("\n")[-1] in ("（本单位：责任）", "（本单位：牵头）") for r in rows)


def test_the_task_cell_leaves_out_the_bracketed_units(service, sample_plan, tmp_path):
    sample_plan.nodes[0].children[0].children[0].text += "（牵头单位：县政府办公室；责任单位：县直各单位）"
    plan_id = service.import_plan(sample_plan).plan_id
    service.set_my_units(["县政府办公室"])
    text = _task_rows(_export(service, plan_id, tmp_path))[0][1]
    assert "牵头单位" not in text and text.startswith("及时公开县政府常务会议审议通过的政策文件")


def test_header_block_has_title_unit_date_and_store_counts(service, plan_id, tmp_path):
    doc = _export(service, plan_id, tmp_path)
    text = "\n".join(p.text for p in doc.paragraphs[:4])
    r = service.plan_rollup(plan_id)
    assert "示例县2026年政务公开工作要点落实情况台账" in text.replace("\n", "")
    assert "填报单位：县政府办公室" in text and "截至日期：2026年7月10日" in text
    assert f"任务总数 {r.total} 项" in text and f"已完成 {r.counts[Status.DONE]} 项" in text
    assert f"不适用 {r.counts[Status.NA]} 项" in text


def test_one_continuous_table_with_full_width_section_rows(service, plan_id, sample_plan, tmp_path):
    doc = _export(service, plan_id, tmp_path)
    assert len(doc.tables) == 1
    sections = _section_rows(doc.tables[0])
    top = [f"{n.label}{n.title}" for n in sample_plan.nodes]
    assert [cell_text(r.cells[0]) for r in sections if cell_text(r.cells[0]) in top] == top
    for row in sections:  # kept with the first task under it, never split
        assert all(p._p.pPr.find(qn("w:keepNext")) is not None or p.style.paragraph_format.keep_with_next
                   for p in row.cells[0].paragraphs)
        assert row_flags(row) == (False, True)


def test_tasks_only_is_one_table_without_section_rows(service, plan_id, tmp_path):
    doc = _export(service, plan_id, tmp_path, sections=False)
    assert len(doc.tables) == 1
    assert len(doc.tables[0].rows) == 1 + len(tasks_of(service, plan_id))


def test_page_is_a4_landscape_with_page_numbers(service, plan_id, tmp_path):
    section = _export(service, plan_id, tmp_path).sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    assert round(section.left_margin.mm) == G.LEDGER_MARGIN_LEFT_MM
    assert has_page_field(section.footer)


def test_header_row_repeats_and_task_rows_may_break_across_pages(service, plan_id, tmp_path):
    table = _export(service, plan_id, tmp_path).tables[0]
    assert row_flags(table.rows[0]) == (True, True)
    sections = {id(r._tr) for r in _section_rows(table)}
    assert all(row_flags(r) == (False, False) for r in table.rows[1:] if id(r._tr) not in sections)


def test_columns_fill_the_landscape_text_width(service, plan_id, tmp_path):
    width = 297 - G.LEDGER_MARGIN_LEFT_MM - G.LEDGER_MARGIN_RIGHT_MM
    assert sum(mm for _, mm, _ in COLUMNS) == width == sum(mm for _, mm, _ in COLUMNS_WITH_EVIDENCE)
    table = _export(service, plan_id, tmp_path).tables[0]
    assert [round(c.width.mm) for c in table.columns] == [mm for _, mm, _ in COLUMNS]


def test_table_text_is_fangsong_wuhao_and_header_heiti(service, plan_id, tmp_path):
    table = _export(service, plan_id, tmp_path).tables[0]
    head = table.rows[0].cells[1].paragraphs[0]
    body = table.rows[3].cells[1].paragraphs[0]
    assert G.TABLE_SIZE_PT in (G.WUHAO_PT, G.XIAOSI_PT)
    assert (east_asian_font(head), font_size_pt(head)) == (G.TABLE_HEADER_FONT, G.TABLE_SIZE_PT)
    assert (east_asian_font(body), font_size_pt(body)) == (G.TABLE_FONT, G.TABLE_SIZE_PT)
    assert [c.text for c in table.rows[0].cells] == [name for name, _, _ in COLUMNS]


def test_title_is_xiaobiaosong_erhao(service, plan_id, tmp_path):
    title = _export(service, plan_id, tmp_path).paragraphs[0]
    assert (east_asian_font(title), font_size_pt(title)) == (G.TITLE_FONT, G.TITLE_SIZE_PT)


def test_gb2312_fonts_have_fallbacks_in_the_font_table(service, plan_id, tmp_path):
    fallbacks = font_fallbacks(_export(service, plan_id, tmp_path))
    assert fallbacks["仿宋_GB2312"] == "仿宋"
    assert fallbacks["楷体_GB2312"] == "楷体"
    assert fallbacks["方正小标宋简体"] == "宋体"


def test_evidence_column_lists_attached_files(service, plan_id, tmp_path):
    task = tasks_of(service, plan_id)[0]
    src = tmp_path / "发布截图.png"
    src.write_bytes(b"png")
    service.attach_file(task.id, src)
    doc = _export(service, plan_id, tmp_path, evidence=True)
    assert [c.text for c in doc.tables[0].rows[0].cells][-1] == "佐证材料"
    assert _task_rows(doc)[0][-1] == "发布截图.png"


def test_status_filter_and_unit_filter_pick_the_rows(service, plan_id, tmp_path):
    doc = _export(service, plan_id, tmp_path, unit="县政府办公室", statuses=frozenset({Status.TODO}))
    rows = _task_rows(doc)
    service.set_my_units(["县政府办公室"])
    expected = [t for t in service.find_tasks(plan_id, TaskFilter(mine=True)) if t.status is Status.TODO]
    assert [r[1][:10] for r in rows] == [t.title[:10] for t in expected]
    assert all(r[6].startswith("未开始") for r in rows)


def test_a_traditional_ledger_prints_in_one_script(service, plan_id, tmp_path):
    doc = _export(service, plan_id, tmp_path, script="traditional")
    text = "\n".join([p.text for p in doc.paragraphs] + [cell_text(c) for r in doc.tables[0].rows for c in r.cells])
    assert converter("traditional")(text) == text and "責任單位" in text and "填報單位" in text


def test_each_deadline_has_its_own_line_in_the_narrow_column(service, sample_plan, tmp_path):
    from core.parse.parsed_plan import ParsedDeadline

    sample_plan.nodes[0].children[0].children[0].deadlines = [ParsedDeadline("8月底前"), ParsedDeadline("11月底前")]
    plan_id = service.import_plan(sample_plan).plan_id
    service.set_my_units(["县政府办公室"])
    assert _task_rows(_export(service, plan_id, tmp_path))[0][3] == "8月底前\n11月底前"
