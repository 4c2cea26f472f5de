"""The HTML reader: saved pages and pasted HTML give the visible text, tables as tables."""

from __future__ import annotations

from core.readers.document import Paragraph, Table
from core.readers.html import HtmlReader, declared_encoding, read_html

PAGE = """<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于印发2024年政务公开工作要点的通知_某市人民政府</title>
<script>var x = "一、脚本里的字";</script><style>p { color: red }</style></head>
<body><div id="nav"><a href="/">首页</a></div><header>网站头部</header>
<nav><ul><li>导航</li></ul></nav>
<div class="content"><h1>2024年政务公开工作要点</h1>
<p>　　一、加强政策解读</p>
<p>（一）深入解读。各部门要
按时完成。<br>（二）回应关切。</p>
<p style="display: none">隐藏文字</p>
<p>朝<ruby>阳<rp>(</rp><rt>yáng</rt><rp>)</rp></ruby>市</p>
</div><aside>相关链接</aside><footer>版权所有</footer></body></html>"""


def texts(doc):
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def test_gbk_page_decodes_by_its_meta_charset():
    doc = HtmlReader().read_bytes(PAGE.encode("gbk"), "p.html")
    assert doc.encoding == "gb18030" and "一、加强政策解读" in texts(doc)


def test_title_goes_to_title_hint():
    assert read_html(PAGE).title_hint == "关于印发2024年政务公开工作要点的通知_某市人民政府"


def test_site_noise_scripts_and_hidden_text_are_ignored():
    got = "\n".join(texts(read_html(PAGE)))
    for noise in ("脚本", "首页", "网站头部", "导航", "隐藏文字", "相关链接", "版权所有", "color"):
        assert noise not in got


def test_br_and_blocks_break_paragraphs_and_cjk_line_breaks_vanish():
    assert texts(read_html(PAGE))[1:4] == ["一、加强政策解读", "（一）深入解读。各部门要按时完成。", "（二）回应关切。"]


def test_ruby_annotations_are_dropped():
    assert "朝阳市" in texts(read_html(PAGE))


def test_headings_carry_their_level():
    assert read_html(PAGE).blocks[0] == Paragraph("2024年政务公开工作要点", heading_level=1)


def test_rowspan_and_colspan_become_merged_cells():
    doc = read_html("<table><tr><th>任务</th><th>单位</th></tr><tr><td>甲</td><td rowspan=2>办公室</td></tr>"
                    "<tr><td>乙</td></tr><tr><td colspan=2>二、保障</td></tr></table>")
    rows = doc.blocks[0].rows
    assert (rows[2][1].text, rows[2][1].merged_up) == ("办公室", True)
    assert (rows[3][1].text, rows[3][1].merged_left) == ("二、保障", True)


def test_ordered_list_numbers_become_labels():
    doc = read_html('<ol><li>甲</li><li>乙</li></ol><ol style="list-style-type:cjk-ideographic" start="3">'
                    "<li>丙</li></ol>")
    assert [(b.label, b.text) for b in doc.blocks] == [("1.", "甲"), ("2.", "乙"), ("三、", "丙")]


def test_layout_tables_are_unwrapped_into_paragraphs():
    doc = read_html("<table><tr><td><p>一、总则</p><table><tr><td>a</td><td>b</td></tr>"
                    "<tr><td>c</td><td>d</td></tr></table></td></tr></table>")
    assert isinstance(doc.blocks[0], Paragraph) and isinstance(doc.blocks[1], Table)


def test_clipboard_header_is_tolerated():
    doc = read_html("Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000199\r\nStartFragment:0000000140\r\n"
                    "EndFragment:0000000163\r\n<html><body><!--StartFragment--><p>一、测试</p>"
                    "<!--EndFragment--></body></html>")
    assert texts(doc) == ["一、测试"]


def test_nothing_external_is_fetched_or_resolved():
    doc = read_html('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><p>&e;安全</p>'
                    '<img src="http://example.invalid/x.png"><link rel="stylesheet" href="http://example.invalid/">')
    assert "root:" not in "\n".join(texts(doc))


def test_declared_encoding_is_normalised_to_a_superset():
    assert declared_encoding(b'<meta charset="GB2312">') == "gb18030"
    assert declared_encoding(b"<p>no meta</p>") is None


def test_undeclared_utf8_and_gbk_pages_are_detected():
    body = "<p>政务公开工作要点</p>"
    assert texts(HtmlReader().read_bytes(body.encode("gbk"))) == ["政务公开工作要点"]
    assert texts(HtmlReader().read_bytes(body.encode("utf-8"))) == ["政务公开工作要点"]


def test_empty_and_broken_markup_give_documents():
    assert read_html("").blocks == []
    assert read_html("<table><tr><td rowspan=99999999 colspan=99999>x").blocks


def test_hostile_spans_keep_text_but_drop_merges_quickly():
    import time

    start = time.perf_counter()
    doc = read_html("<table>" + "<tr><td rowspan=65534 colspan=1000>x</td></tr>" * 300 + "</table>")
    assert time.perf_counter() - start < 5
    assert len(doc.blocks[0].rows) == 300 and not any(c.merged_up for r in doc.blocks[0].rows for c in r)


def test_rowspan_stops_at_the_end_of_its_row_group_as_in_a_browser():
    from core.readers.html import parse

    doc = parse("<table><thead><tr><th rowspan='3'>序号</th><th>工作任务</th></tr></thead>"
                "<tbody><tr><td>1</td><td>做好解读。</td></tr><tr><td rowspan='0'>2</td><td>回应关切。</td></tr>"
                "<tr><td>加强平台建设。</td></tr></tbody></table>")
    table = doc.blocks[0]
    assert [[c.text for c in row] for row in table.rows] == [
        ["序号", "工作任务"], ["1", "做好解读。"], ["2", "回应关切。"], ["2", "加强平台建设。"]]
    assert table.rows[3][0].merged_up and not table.rows[1][0].merged_up


def test_span_attributes_are_read_by_their_leading_digits_as_browsers_do():
    from core.readers.html import parse

    doc = parse("<table><tr><td rowspan='2;'>办公室</td><td>做好解读。</td></tr><tr><td>回应关切。</td></tr></table>")
    assert [[c.text for c in row] for row in doc.blocks[0].rows] == [["办公室", "做好解读。"], ["办公室", "回应关切。"]]
