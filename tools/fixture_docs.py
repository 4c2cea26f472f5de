"""Office and web documents written the way clerks' tools write them, for tools/make_fixtures.py."""

from __future__ import annotations

import html
import io
import re

from core.domain.numerals import cn_value

CN = "一二三四五六七八九十"
KINDS = (
    ("cn", re.compile(rf"^([{CN}]+)、")),
    ("paren", re.compile(rf"^([（(])([{CN}]*)([)）])")),
    ("digit", re.compile(r"^(\d{1,2})([、.．])(?!\d)")),
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def classify(line: str) -> tuple[str, int, str, str] | None:
    """(kind, printed number, template, rest of line) for a labelled line."""
    for kind, rx in KINDS:
        m = rx.match(line)
        if not m:
            continue
        if kind == "cn":
            return kind, cn_value(m.group(1)), "%n、", line[m.end():]
        if kind == "paren":
            return kind, cn_value(m.group(2)), m.group(1) + "%n" + m.group(3), line[m.end():]
        return kind, int(m.group(1)), "%n" + m.group(2), line[m.end():]
    return None


def plan_levels(lines: list[str]) -> dict[str, tuple[int, str, bool]]:
    """kind → (ilvl, lvlText, restarts after a higher level) as the plan prints its labels."""
    seen = [c for c in map(classify, lines) if c]
    kinds = [k for k, _ in KINDS if any(c[0] == k for c in seen)]
    levels = {}
    for ilvl, kind in enumerate(kinds):
        template = next(c[2] for c in seen if c[0] == kind).replace("%n", f"%{ilvl + 1}")
        restarts, higher_seen = True, 0
        for c in seen:
            if c[0] in kinds[:ilvl]:
                higher_seen += 1
            elif c[0] == kind and higher_seen >= 2:
                restarts = c[1] <= 1
                break
        levels[kind] = (ilvl, template, restarts)
    return levels


def numbering_xml(levels: dict[str, tuple[int, str, bool]]) -> str:
    fmts = {"cn": "chineseCounting", "paren": "chineseCounting", "digit": "decimal"}
    lvls = []
    for kind, (ilvl, text, restarts) in sorted(levels.items(), key=lambda kv: kv[1][0]):
        restart = "" if restarts or ilvl == 0 else '<w:lvlRestart w:val="0"/>'
        lvls.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmts[kind]}"/>{restart}'
                    f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                    f'<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>')
    return (f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="7">'
            f'<w:multiLevelType w:val="multilevel"/>{"".join(lvls)}</w:abstractNum>'
            f'<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>')


def _new_document():
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _page_number_footer(document)
    return document


def _page_number_footer(document) -> None:
    """"— 3 —" centred in the footer, as 党政机关公文格式 prints page numbers."""
    from docx.oxml import parse_xml

    para = document.sections[0].footer.paragraphs[0]
    para.alignment = 1
    para._p.append(parse_xml(
        f'<w:r xmlns:w="{W}"><w:t xml:space="preserve">— </w:t></w:r>'))
    para._p.append(parse_xml(
        f'<w:fldSimple xmlns:w="{W}" w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    para._p.append(parse_xml(f'<w:r xmlns:w="{W}"><w:t xml:space="preserve"> —</w:t></w:r>'))


def _save(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def numbered_docx(lines: list[str]) -> bytes:
    """The plan with every label turned into Word automatic numbering (one multilevel list)."""
    from docx.oxml import parse_xml

    levels = plan_levels(lines)
    document = _new_document()
    part = document.part.numbering_part
    fresh = parse_xml(numbering_xml(levels))
    for child in list(part.element):
        part.element.remove(child)
    for child in list(fresh):
        part.element.append(child)
    for line in lines:
        found = classify(line)
        para = document.add_paragraph()
        if found and found[0] in levels:
            ilvl = levels[found[0]][0]
            para._p.get_or_add_pPr().insert(0, parse_xml(
                f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="3"/></w:numPr>'))
            para.add_run(found[3])
        else:
            para.paragraph_format.first_line_indent = document.styles["Normal"].font.size * 2
            para.add_run(line)
    return _save(document)


def printed_docx(lines: list[str]) -> bytes:
    """The plan as typed by hand, labels as text: what a scanner sees is the printed page, and
    LibreOffice prints Word's continuing lists ((一)…(十四) across sections) as restarting."""
    document = _new_document()
    for line in lines:
        para = document.add_paragraph()
        para.paragraph_format.first_line_indent = document.styles["Normal"].font.size * 2
        para.add_run(line)
    return _save(document)


def table_rows(lines: list[str]) -> tuple[list[str], list[tuple[str, str, str, str]], list[str]]:
    """Plan 000 as copied from its web table: (before, rows of section/item/task/unit, after)."""
    start = lines.index("牵头及责任单位") + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("本文章内容来源"))
    rows: list[tuple[str, str, str, str]] = []
    section = item = ""
    pending: list[str] = []
    for line in lines[start:end]:
        found = classify(line)
        if found and found[0] == "cn":
            section, item = line, ""
            rows.append((section, "", "", ""))
        elif found and found[0] == "paren":
            item = line
        else:
            pending.append(line)
            if len(pending) == 2:
                rows.append((section, item, pending[0], pending[1]))
                pending = []
    return lines[:start], rows, lines[end:]


def table_docx(lines: list[str]) -> bytes:
    """Plan 000 as a Word table: section rows spanning the width, item and unit cells merged down."""
    from docx.oxml import parse_xml

    before, rows, after = table_rows(lines)
    document = _new_document()
    for line in before[:-3]:
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    header = table.add_row().cells
    for cell, text in zip(header, before[-3:], strict=True):
        cell.text = text
    prev = None
    for section, item, task, unit in rows:
        cells = table.add_row().cells
        if not task:
            merged = cells[0].merge(cells[2])
            merged.text = section
            prev = None
            continue
        cells[1].text = task
        for col, text in ((0, item), (2, unit)):
            same = prev is not None and prev[col][0] == text and prev[0][0] == item
            cells[col].text = "" if same else text
            vmerge = '<w:vMerge/>' if same else '<w:vMerge w:val="restart"/>'
            cells[col]._tc.get_or_add_tcPr().append(parse_xml(vmerge.replace("<w:vMerge", f'<w:vMerge xmlns:w="{W}"')))
        prev = {0: (item,), 2: (unit,)}
    for line in after:
        document.add_paragraph(line)
    return _save(document)


def table_html(lines: list[str]) -> str:
    """Plan 000 as a saved GBK web page: rowspan table inside site noise."""
    before, rows, after = table_rows(lines)
    esc = html.escape
    out = ['<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">',
           f"<title>{esc(before[1])}_珠海市人民政府</title>",
           "<script>var _hmt = _hmt || []; document.write('一、不是正文');</script>",
           "<style>.hide{display:none} td{border:1px solid #000}</style></head><body>",
           '<div id="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li></ul></div>',
           "<header><h2>珠海市人民政府门户网站</h2></header><nav>当前位置：首页 &gt; 政务公开</nav>",
           '<div class="article">']
    out += [f"<p>{esc(line)}</p>" for line in before[:-3]]
    out.append('<table border="1"><tr>' + "".join(f"<th>{esc(h)}</th>" for h in before[-3:]) + "</tr>")
    spans = _rowspans(rows)
    for i, (section, item, task, unit) in enumerate(rows):
        if not task:
            out.append(f'<tr><td colspan="3">{esc(section)}</td></tr>')
            continue
        cells = []
        for col, text in ((1, item), (2, task), (3, unit)):
            span = spans.get((i, col))
            if span == 0:
                continue
            attr = f' rowspan="{span}"' if span and span > 1 else ""
            cells.append(f"<td{attr}>{esc(text)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append('</table><p class="hide">隐藏的统计代码</p></div>')
    out += [f"<p>{esc(line)}</p>" for line in after]
    out.append("<footer>主办：珠海市人民政府办公室　网站标识码：4404000001</footer></body></html>")
    return "\n".join(out)


def _rowspans(rows) -> dict[tuple[int, int], int]:
    """Item and unit cells spanning consecutive rows with the same value (0 = covered)."""
    spans: dict[tuple[int, int], int] = {}
    for col in (1, 3):
        i = 0
        while i < len(rows):
            j = i + 1
            while (j < len(rows) and rows[i][2] and rows[j][2] and rows[j][col] == rows[i][col]
                   and rows[j][1] == rows[i][1]):
                spans[(j, col)] = 0
                j += 1
            spans[(i, col)] = j - i
            i = j
    return spans


def taizhang_xlsx(lines: list[str]) -> bytes:
    """Plan 003 as a 台账: notice lines merged across above the header, sections merged down."""
    import openpyxl
    from openpyxl.styles import Alignment

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "工作台账"
    body_start = next(i for i, line in enumerate(lines) if (classify(line) or ("",))[0] == "cn")
    for line in lines[:body_start]:
        ws.append([line, None])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=2)
    ws.append(["工作任务", "具体内容"])
    first = None
    for line in lines[body_start:]:
        found = classify(line)
        if found and found[0] == "cn":
            _close(ws, first)
            first = ws.max_row + 1
            ws.append([line, None])
        elif first is not None:
            if ws.cell(ws.max_row, 2).value is None and ws.max_row == first:
                ws.cell(first, 2).value = line
            else:
                ws.append([None, line])
    _close(ws, first)
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 80
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _close(ws, first: int | None) -> None:
    if first is not None and ws.max_row > first:
        ws.merge_cells(start_row=first, start_column=1, end_row=ws.max_row, end_column=1)
