"""Write paragraphs and grids into the containers offices send: HTML pages, Word, Excel.

Office files are re-zipped with fixed timestamps and fixed document properties so the same
seed always gives the same bytes.
"""

from __future__ import annotations

import html
import io
import random
import re
import zipfile

from tools.unseen.tables import Grid

FIXED_TIME = "2020-01-01T00:00:00Z"


def stable_zip(data: bytes) -> bytes:
    """The same package with every member dated 1980-01-01 and core.xml's times fixed."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + FIXED_TIME.encode(), body)
            member = zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(member, body)
    return buf.getvalue()


# ---- HTML ------------------------------------------------------------------------------------

def grid_html(grid: Grid, rng: random.Random) -> str:
    attrs = rng.choice(['border="1" cellspacing="0" cellpadding="4"', 'class="MsoNormalTable" border="1"',
                        'width="100%" style="border-collapse:collapse"'])
    rows = []
    head_tag = rng.choice(["th", "td"])
    heads = grid.head_rows()
    for r, row in enumerate(heads + grid.rows):
        tag = head_tag if r < len(heads) else "td"
        cells = []
        for cell in row:
            if cell is None:
                continue
            span = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + \
                   (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
            text = "<br/>".join(html.escape(t) for t in cell.text.split("\n"))
            if rng.random() < 0.3:
                text = f'<p style="text-align:left"><span style="font-family:仿宋">{text}</span></p>'
            cells.append(f"<{tag}{span}>{text}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table {attrs}>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"


def html_page(rng: random.Random, title: str, before: list[str], grid_or_none: Grid | None, after: list[str],
              header: list[str], footer: list[str], charset: str) -> bytes:
    """A government site's article page: noise, the body's paragraphs, the table, footer."""
    def paras(items):
        return "\n".join(f"<p>{html.escape(p)}</p>" for p in items)

    parts = [f'<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset={charset}"/>',
             f"<title>{html.escape(title)}</title>\n</head>\n<body>",
             '<div class="nav">' + " ".join(html.escape(h) for h in header) + "</div>",
             '<div class="article">', paras(before)]
    if grid_or_none is not None:
        parts.append(grid_html(grid_or_none, rng))
    parts += [paras(after), "</div>", '<div class="footer">' + "<br/>".join(html.escape(f) for f in footer) + "</div>",
              "</body>\n</html>\n"]
    text = "\n".join(parts)
    try:
        return text.encode(charset)
    except UnicodeEncodeError:
        return text.replace(f"charset={charset}", "charset=utf-8").encode("utf-8")


def office_html(kind: str, title: str, before: list[str], grid: Grid, rng: random.Random) -> bytes:
    """What web systems hand out as "Excel" (.xls) or "Word" (.doc): an HTML file in Office's
    namespaces, GBK or UTF-8, holding the table (and, for Word, the paragraphs around it)."""
    app = "excel" if kind == "xls" else "word"
    charset = rng.choice(["gb2312", "utf-8"])
    head = (f'<html xmlns:o="urn:schemas-microsoft-com:office:office" '
            f'xmlns:{app[0]}="urn:schemas-microsoft-com:office:{app}" xmlns="http://www.w3.org/TR/REC-html40">\n'
            f'<head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f'<meta name="ProgId" content="{"Excel.Sheet" if app == "excel" else "Word.Document"}">'
            f"<title>{html.escape(title)}</title></head>\n<body>")
    body = [head]
    if app == "word":
        body += [f'<p class="MsoNormal">{html.escape(p)}</p>' for p in before]
    elif grid.title:
        body.append(f"<table><tr><td colspan=\"{grid.width}\"><b>{html.escape(grid.title)}</b></td></tr></table>")
    body += [grid_html(grid, rng), "</body></html>\n"]
    text = "\n".join(body)
    try:
        return text.encode("gbk" if charset == "gb2312" else charset)
    except UnicodeEncodeError:
        return text.replace(f"charset={charset}", "charset=utf-8").encode("utf-8")


# ---- Word ------------------------------------------------------------------------------------

def docx_document(before: list[str], grid: Grid | None, after: list[str], rng: random.Random) -> bytes:
    """Paragraphs, then the grid as a Word table with merged cells, then more paragraphs."""
    import datetime as dt

    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(rng.choice([12, 14, 16]))
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), rng.choice(["仿宋_GB2312", "宋体"]))
    props = document.core_properties
    props.author, props.last_modified_by = "Administrator", "Administrator"
    props.created = props.modified = dt.datetime(2020, 1, 1)
    for text in before:
        document.add_paragraph(text)
    if grid is not None:
        all_rows = grid.head_rows() + grid.rows
        table = document.add_table(rows=len(all_rows), cols=grid.width)
        table.style = "Table Grid"
        for r, row in enumerate(all_rows):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                target = table.cell(r, c)
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
                lines = cell.text.split("\n")
                target.text = lines[0]
                for extra in lines[1:]:
                    target.add_paragraph(extra)
    for text in after:
        document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return stable_zip(buf.getvalue())


# ---- Excel -----------------------------------------------------------------------------------

def xlsx_workbook(grid: Grid, rng: random.Random, extra_columns: list[str], sheet: str) -> bytes:
    """A 台账: title row merged across, header, rows with merged cells, extra empty columns."""
    import datetime as dt

    import openpyxl
    from openpyxl.styles import Alignment

    wb = openpyxl.Workbook()
    ws = wb.active
    if rng.random() < 0.2:  # the 台账 comes after a sheet of instructions
        ws.title = "填报说明"
        ws.cell(1, 1, "1.请各单位对照任务逐项填写完成情况；2.佐证材料另附。")
        ws = wb.create_sheet(sheet)
    else:
        ws.title = sheet
    wb.properties.creator = "Administrator"
    wb.properties.created = wb.properties.modified = dt.datetime(2020, 1, 1)
    grid = grid.with_columns(extra_columns) if extra_columns else grid
    r0 = 1
    if grid.title:
        ws.cell(1, 1, grid.title)
        if rng.random() < 0.8:
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=grid.width)
        r0 = 2
    if rng.random() < 0.3:  # a 填报 line between the title and the header
        ws.cell(r0, 1, rng.choice(["填报单位（盖章）：", "填报单位："]))
        ws.cell(r0, max(2, grid.width - 1), "填报日期：    年  月  日")
        r0 += 1
    merge_sections = rng.random() < 0.7  # else a section's row is just its text in the first cell
    for r, row in enumerate(grid.head_rows() + grid.rows, r0):
        for c, cell in enumerate(row, 1):
            if cell is None:
                continue
            value: object = int(cell.text) if cell.text.isdigit() and rng.random() < 0.7 else cell.text
            ws.cell(r, c, value if value != "" else None).alignment = Alignment(wrap_text=True, vertical="center")
            if cell.rowspan > 1 or (cell.colspan > 1 and (merge_sections or cell.colspan < grid.width)):
                ws.merge_cells(start_row=r, start_column=c, end_row=r + cell.rowspan - 1,
                               end_column=c + cell.colspan - 1)
    for col, w in zip("ABCDEFGHI", [8, 30, 40, 18, 18, 14, 12, 12, 12], strict=False):
        ws.column_dimensions[col].width = w
    buf = io.BytesIO()
    wb.save(buf)
    data = stable_zip(buf.getvalue())
    return data
