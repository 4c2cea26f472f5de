"""The PDF reader: wrapped lines joined back, page numbers gone, scans and passwords refused."""

from __future__ import annotations

import io

import pytest

from core.errors import InputError
from core.readers.pdf import PdfReader
from core.readers.pdf_lines import Line, is_page_number, paragraphs, starts_with_label, tidy_spaces


def line(text, right=500.0, left=90.0, **kw):  # body text runs from x=90 to x=500
    return Line(text, left, right, **kw)


def test_full_width_line_without_stop_continues():
    paras = paragraphs([line("各部门要认真做好舆情风险评估研判，制定"), line("应对处置预案。", right=200)])
    assert [p.text for p in paras] == ["各部门要认真做好舆情风险评估研判，制定应对处置预案。"]


def test_line_ending_in_full_stop_ends_paragraph():
    paras = paragraphs([line("第一句完整结束。"), line("第二段开始", right=200)])
    assert len(paras) == 2


def test_short_line_ends_paragraph():
    assert len(paragraphs([line("一、总体要求", right=200), line("正文", right=200)])) == 2
    assert len(paragraphs([line("写满整页宽度的一行", right=500), line("一、总体要求", right=200)])) == 2


def test_label_starts_a_new_paragraph_even_after_a_full_line():
    for label in ("一、", "（一）", "(二)", "1.", "2、", "（3）", "①"):
        assert len(paragraphs([line("上一行写满了但没有句号"), line(label + "新的一段", right=200)])) == 2, label


def test_indented_line_starts_a_new_paragraph():
    paras = paragraphs([line("正好写满一整行的标题没有句号"), line("首行缩进的新段落", left=122, right=300)])
    assert len(paras) == 2


def test_page_numbers_are_stripped():
    assert is_page_number(line("— 3 —")) and is_page_number(line("- 12 -"))
    assert is_page_number(line("7", last_on_page=True)) and not is_page_number(line("7"))
    paras = paragraphs([line("跨页的一段没有写完"), line("- 3 -", right=300, left=280), line("在下一页结束。", right=200)])
    assert [p.text for p in paras] == ["跨页的一段没有写完在下一页结束。"]


def test_labels_are_recognised():
    assert starts_with_label("（一）深入解读") and starts_with_label("3. 做好") and not starts_with_label("2019年")


def test_spaces_around_cjk_are_removed_latin_kept():
    assert tidy_spaces("印发 2019 年 Open Data 工作") == "印发2019年Open Data工作"


def blank_pdf(pages: int = 1) -> bytes:
    """A PDF of `pages` empty A4 pages: what a scan looks like to a text reader."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def test_pdf_without_text_layer_is_named_a_scan_when_ocr_is_not_installed(monkeypatch):
    import core.readers.ocr as ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(InputError) as err:
        PdfReader().read_bytes(blank_pdf())
    assert err.value.code == "scanned"


def test_broken_pdf_is_refused_as_corrupt():
    with pytest.raises(InputError) as err:
        PdfReader().read_bytes(b"%PDF-1.7\n garbage")
    assert err.value.code == "corrupt"
