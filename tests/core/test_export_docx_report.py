"""The Word 报告: a GB/T 9704 official document the clerk can print and sign off."""

from __future__ import annotations

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx_checks import bold, east_asian_font, font_size_pt, has_page_field
from export_helpers import AS_OF, NOTES, tasks_of, worked_plan

from core.export import ExportOptions, export_plan
from core.export import gbt9704 as G
from core.export.docx_report import EMPTY_NOTE
from core.status import Status


@pytest.fixture
def plan_id(service, sample_plan):
    return worked_plan(service, sample_plan)


@pytest.fixture
def report(service, plan_id, tmp_path):
    path = export_plan(service, plan_id, ExportOptions(style="report", as_of=AS_OF), tmp_path / "报告.docx")
    return docx.Document(str(path))


def _by_style(doc, name):
    return [p for p in doc.paragraphs if p.style.name == name]


def test_page_is_a4_portrait_with_gbt9704_margins(report):
    s = report.sections[0]
    assert s.orientation == WD_ORIENT.PORTRAIT
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    margins = [round(m.mm, 1) for m in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)]
    assert margins == [37.0, 35.0, 28.0, 26.0]


def test_title_is_centred_xiaobiaosong_erhao(report):
    title = report.paragraphs[0]
    assert title.text.replace("\n", "") == "关于示例县2026年政务公开工作要点落实情况的报告"
    assert (east_asian_font(title), font_size_pt(title)) == ("方正小标宋简体", 22)
    assert title.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_body_is_fangsong_sanhao_at_fixed_28_95_points(report):
    body = _by_style(report, "公文正文")
    assert body
    for p in body[:3]:
        assert (east_asian_font(p), font_size_pt(p)) == ("仿宋_GB2312", 16)
        fmt = p.style.paragraph_format
        assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY and fmt.line_spacing.pt == 28.95
    # 28 characters fit one line of the 156 mm text block
    spacing = report.styles["Normal"].element.rPr.find(qn("w:spacing"))
    assert 28 * (16 + int(spacing.get(qn("w:val"))) / 20) <= 156 / G.PT_TO_MM
    grid = report.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"


def test_headings_follow_the_plans_levels_and_fonts(report, sample_plan):
    h1, h2, h3 = (_by_style(report, n) for n in ("一级标题", "二级标题", "三级标题"))
    assert [p.text for p in h1] == [f"{n.label}{n.title}" for n in sample_plan.nodes]
    assert h2[0].text == "（一）做好重要政策发布"
    assert (east_asian_font(h1[0]), font_size_pt(h1[0]), bold(h1[0])) == ("黑体", 16, False)
    assert (east_asian_font(h2[0]), font_size_pt(h2[0])) == ("楷体_GB2312", 16)
    assert (east_asian_font(h3[0]), font_size_pt(h3[0]), bold(h3[0])) == ("仿宋_GB2312", 16, True)


def test_each_task_is_followed_by_its_note(service, plan_id, report):
    paras = [p.text for p in report.paragraphs]
    tasks = tasks_of(service, plan_id)
    positions = []
    for task in tasks:
        heads = [i for i, t in enumerate(paras) if t.startswith(f"{task.label}{task.title}（")]
        assert len(heads) == 1, task.title
        positions.append(heads[0])
        expected = task.note.splitlines()[0] if task.note else EMPTY_NOTE
        assert paras[heads[0] + 1] == expected
        assert f"（{task.status.zh}" in paras[heads[0]]
    assert positions == sorted(positions)
    assert NOTES[1].splitlines()[1] in paras


def test_summary_paragraph_states_the_figures(service, plan_id, report):
    r = service.plan_rollup(plan_id)
    summary = _by_style(report, "公文正文")[1].text
    assert "截至2026年7月10日" in summary and f"共{r.total}项" in summary
    for status in (Status.DONE, Status.ONGOING, Status.DOING, Status.TODO, Status.NA):
        assert f"{status.zh}{r.counts[status]}项" in summary
    assert f"完成率{round(100 * r.done / r.applicable, 1)}%" in summary
    assert "逾期未完成" in summary


def test_unit_and_arabic_date_close_the_report(report):
    unit, date = (p.text for p in report.paragraphs[-2:])
    assert (unit, date) == ("示例县人民政府办公室", "2026年7月10日")


def test_page_numbers_odd_right_even_left_in_songti_sihao(report):
    assert report.settings.odd_and_even_pages_header_footer
    s = report.sections[0]
    odd, even = s.footer.paragraphs[0], s.even_page_footer.paragraphs[0]
    assert has_page_field(s.footer) and has_page_field(s.even_page_footer)
    assert (odd.alignment, even.alignment) == (WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT)
    assert odd.text == "— 1 —"
    assert (east_asian_font(odd), font_size_pt(odd)) == ("宋体", 14)


def test_tasks_only_report_has_no_section_headings(service, plan_id, tmp_path):
    path = export_plan(service, plan_id, ExportOptions(style="report", sections=False, as_of=AS_OF),
                       tmp_path / "r.docx")
    doc = docx.Document(str(path))
    assert not _by_style(doc, "一级标题") and not _by_style(doc, "二级标题")
    assert len(_by_style(doc, "三级标题")) == len(tasks_of(service, plan_id))


def test_tasks_directly_under_a_level_one_section_are_level_three(service, plan_id, report):
    h3 = {p.text.split("（")[0] for p in _by_style(report, "三级标题")}
    assert {f"{t.label}{t.title}".split("（")[0] for t in tasks_of(service, plan_id)} <= h3
