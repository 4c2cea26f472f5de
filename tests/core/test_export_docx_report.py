"""The Word 报告: a GB/T 9704 official document the clerk can print and sign off."""

from __future__ import annotations

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx_checks import bold, east_asian_font, font_size_pt, has_page_field
from export_helpers import AS_OF, MY_UNIT, NOTES, dated_service, tasks_of, worked_plan

from core.domain.status import Status
from core.export import ExportOptions, export_plan
from core.export import gbt9704 as G
from core.export.docx_report import BOLD_MAX_WIDTH, PENDING_TITLE, ZWSP, breakable_urls, title_lines
from core.export.script import converter
from core.export.title_break import text_width


@pytest.fixture
def service(db_path):
    svc = dated_service(db_path)
    yield svc
    svc.close()


@pytest.fixture
def plan_id(service, sample_plan):
    return worked_plan(service, sample_plan)


def _export(service, plan_id, tmp_path, **opts):
    path = export_plan(service, plan_id, ExportOptions(style="report", as_of=AS_OF, **opts), tmp_path / "报告.docx")
    return docx.Document(str(path))


@pytest.fixture
def report(service, plan_id, tmp_path):
    return _export(service, plan_id, tmp_path)


def _by_style(doc, name):
    return [p for p in doc.paragraphs if p.style.name == name]


def _signature(doc):
    signs = _by_style(doc, "落款")
    return signs[0].text, signs[1].text


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


@pytest.mark.parametrize("title", [
    "关于示例县2026年政务公开工作要点落实情况的报告",
    "关于朝陽市2020年政務公開工作要點落實情況的報告",
    "关于珠海市2019年政务公开工作要点分工方案落实情况的报告",
    "关于福建省人民政府办公厅关于印发2019年福建省政务公开工作要点主要任务分工的通知落实情况的报告",
])
def test_long_titles_break_between_words_into_a_balanced_shape(title):
    lines = title_lines(title)
    per_line = G.chars_per_line(G.TITLE_SIZE_PT)
    assert "".join(lines) == title and 2 <= len(lines) <= 3
    widths = [text_width(line) for line in lines]
    assert max(widths) <= per_line and max(widths) - min(widths) <= 4
    assert all(len(line) >= 3 for line in lines)  # never one character alone
    assert not any(line.endswith(("的报", "的報", "关", "落")) for line in lines)
    assert not any(a[-1:].isdigit() and b[:1].isdigit() for a, b in zip(lines, lines[1:], strict=False))


def test_a_short_title_stays_on_one_line():
    assert title_lines("关于2020年工作要点落实情况的报告") == ["关于2020年工作要点落实情况的报告"]


def test_body_is_fangsong_sanhao_at_fixed_28_95_points(report):
    body = _by_style(report, "公文正文")
    assert body
    for p in body[:3]:
        assert (east_asian_font(p), font_size_pt(p)) == ("仿宋_GB2312", 16)
        fmt = p.style.paragraph_format
        assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY and fmt.line_spacing.pt == 28.95
    spacing = report.styles["Normal"].element.rPr.find(qn("w:spacing"))
    assert 28 * (16 + int(spacing.get(qn("w:val"))) / 20) <= 156 / G.PT_TO_MM
    grid = report.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"


def test_headings_follow_the_plans_levels_and_fonts(report):
    h1, h2, h3 = (_by_style(report, n) for n in ("一级标题", "二级标题", "三级标题"))
    assert h1[0].text == "一、围绕稳预期强信心，加强政策发布解读"
    assert h2[0].text == "（一）做好重要政策发布"
    assert (east_asian_font(h1[0]), font_size_pt(h1[0]), bold(h1[0])) == ("黑体", 16, False)
    assert (east_asian_font(h2[0]), font_size_pt(h2[0])) == ("楷体_GB2312", 16)
    assert (east_asian_font(h3[0]), font_size_pt(h3[0])) == ("仿宋_GB2312", 16)


def test_a_short_task_title_is_bold_but_a_long_first_sentence_only_its_label(service, plan_id, tmp_path):
    long = next(t for t in tasks_of(service, plan_id) if text_width(t.label + t.title) > BOLD_MAX_WIDTH)
    service.set_note(long.id, "已印发解读材料。")
    report = _export(service, plan_id, tmp_path)
    for para in _by_style(report, "三级标题"):
        runs = [r for r in para.runs if r.text]
        bold_text = "".join(r.text for r in runs if r.bold)
        assert bold_text and para.text.startswith(bold_text)
        assert text_width(bold_text) <= BOLD_MAX_WIDTH
        assert not runs[-1].bold  # the （status） bracket is plain
    para = next(p for p in _by_style(report, "三级标题") if p.text.startswith(long.label + long.title))
    assert "".join(r.text for r in para.runs if r.bold) == long.label


def test_only_tasks_with_a_note_are_in_the_body_each_followed_by_it(service, plan_id, report):
    paras = [p.text for p in report.paragraphs]
    appendix = paras.index("附件")
    for task in tasks_of(service, plan_id):
        heads = [i for i, t in enumerate(paras[:appendix]) if t.startswith(f"{task.label}{task.title}（")]
        if not task.note:
            assert heads == []
            continue
        assert len(heads) == 1
        assert paras[heads[0] + 1].startswith(task.note.splitlines()[0])
        assert f"{task.status.zh}）" in paras[heads[0]] or f"{task.status.zh}，" in paras[heads[0]]
    assert NOTES[1].splitlines()[1] in paras
    assert not any("未填写" in t for t in paras)


def test_tasks_without_a_note_are_listed_in_the_appendix(service, plan_id, report):
    paras = [p.text for p in report.paragraphs]
    pending = [t for t in tasks_of(service, plan_id) if not t.note]
    assert f"附件：{PENDING_TITLE}（{len(pending)}项）" in paras
    start = paras.index("附件")
    listed = [t for t in paras[start:] if t[:1].isdigit()]
    assert len(listed) == len(pending)
    assert all(t.title in line for t, line in zip(pending, listed, strict=True))
    assert _signature(report)[0] == MY_UNIT  # the signature comes before the appendix
    assert paras.index(MY_UNIT) < start


def test_the_appendix_can_be_switched_off(service, plan_id, tmp_path):
    paras = [p.text for p in _export(service, plan_id, tmp_path, pending_list=False).paragraphs]
    assert "附件" not in paras and not any(t.startswith("附件：") for t in paras)
    assert paras[-2:] == [MY_UNIT, "2026年7月10日"]


def test_the_completion_date_follows_the_note(service, plan_id, tmp_path):
    import datetime as dt

    task = tasks_of(service, plan_id)[0]
    service.set_completed_on(task.id, dt.date(2026, 6, 18))
    paras = [p.text for p in _export(service, plan_id, tmp_path).paragraphs]
    assert f"{NOTES[0]}（完成日期：2026年6月18日）" in paras


def test_the_signature_keeps_the_last_body_lines_on_its_page(report):
    paras = report.paragraphs
    unit = next(i for i, p in enumerate(paras) if p.style.name == "落款")
    assert paras[unit - 1].text == "" and all(p.paragraph_format.keep_with_next for p in paras[unit - 3:unit + 1])


def test_summary_paragraph_names_the_reporting_unit_and_states_the_figures(service, plan_id, report):
    r = service.plan_rollup(plan_id)
    summary = _by_style(report, "公文正文")[1].text
    assert f"{MY_UNIT}对照任务逐项抓好落实" in summary and "示例县人民政府办公室" not in summary
    assert "截至2026年7月10日" in summary and f"共{r.total}项" in summary
    for status in (Status.DONE, Status.ONGOING, Status.DOING, Status.TODO, Status.NA):
        assert f"{status.zh}{r.counts[status]}项" in summary
    assert f"完成率{round(100 * r.done / r.applicable, 1)}%" in summary


def test_a_units_report_speaks_for_that_unit_and_gives_its_role(service, plan_id, tmp_path):
    doc = _export(service, plan_id, tmp_path, unit="县发展改革局")
    summary = _by_style(doc, "公文正文")[1].text
    assert "县发展改革局对照任务逐项抓好落实" in summary and "县发展改革局承担的工作任务共" in summary
    assert "（牵头" in summary and "责任" in summary
    head = next(p.text for p in _by_style(doc, "三级标题") if p.text.startswith("2."))
    assert "（本单位牵头，进行中" in head
    assert _signature(doc)[0] == "县发展改革局"


def test_unit_and_arabic_date_close_the_report(report):
    assert _signature(report) == (MY_UNIT, "2026年7月10日")


def test_a_traditional_report_has_no_simplified_word(service, plan_id, tmp_path):
    doc = _export(service, plan_id, tmp_path, script="traditional")
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "關於示例縣2026年政務公開工作要點落實情況的報告" in text.replace("\n", "") or \
        doc.paragraphs[0].text.replace("\n", "") == "關於示例縣2026年政務公開工作要點落實情況的報告"
    assert converter("traditional")(text) == text  # nothing left to convert: one script throughout
    assert "附件" in text and "填報" not in text  # the template's words are converted too
    names = " ".join(s.name for s in doc.styles if s.name)
    assert "公文正文" in names and converter("traditional")(names) == names  # 公文標題, 一級標題…


def test_long_web_addresses_may_break_anywhere():
    url = "http://www.example.gov.cn/zwgk/2020/index.html"
    text = breakable_urls(f"见{url}。")
    assert text.replace(ZWSP, "") == f"见{url}。"
    assert text.count(ZWSP) == len(url) - 1


def test_page_numbers_odd_right_even_left_in_songti_sihao(report):
    assert report.settings.odd_and_even_pages_header_footer
    s = report.sections[0]
    odd, even = s.footer.paragraphs[0], s.even_page_footer.paragraphs[0]
    assert has_page_field(s.footer) and has_page_field(s.even_page_footer)
    assert (odd.alignment, even.alignment) == (WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT)
    assert odd.text == "— 1 —"
    assert (east_asian_font(odd), font_size_pt(odd)) == ("宋体", 14)


def test_tasks_only_report_has_no_section_headings(service, plan_id, tmp_path):
    doc = _export(service, plan_id, tmp_path, sections=False)
    assert not _by_style(doc, "一级标题") and not _by_style(doc, "二级标题")
    assert len(_by_style(doc, "三级标题")) == len(NOTES)


def test_a_title_too_long_for_three_lines_fills_full_lines():
    title = "关于" + "进一步加强和改进政务公开工作的实施意见" * 12 + "落实情况的报告"
    lines = title_lines(title)
    assert "".join(lines) == title and len(lines) > 3
    assert all(text_width(line) <= G.chars_per_line(G.TITLE_SIZE_PT) for line in lines)


def test_a_long_first_sentence_may_run_over_a_page_but_a_short_one_keeps_with_its_note(service, sample_plan,
                                                                                       tmp_path):
    from core.export.docx_report import BODY_PER_LINE

    task = sample_plan.nodes[1].children[0]  # a plan whose tasks are one long sentence, as Zhuhai's
    task.title = "做好就业创业、社会保障信息公开，" * 5 + "及时公开相关政策文件和办事指南"
    plan_id = worked_plan(service, sample_plan)
    long = next(t for t in tasks_of(service, plan_id) if t.title == task.title)
    service.set_note(long.id, "已公开。")
    heads = _by_style(_export(service, plan_id, tmp_path), "三级标题")
    longs = [p for p in heads if text_width(p.text) > 2 * BODY_PER_LINE]
    assert longs and all(p.paragraph_format.keep_with_next is False for p in longs)
    short = [p for p in heads if text_width(p.text) <= BODY_PER_LINE]
    assert short and all(p.style.paragraph_format.keep_with_next and p.paragraph_format.keep_with_next is None
                         for p in short)
