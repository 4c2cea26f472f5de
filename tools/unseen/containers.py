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
    rows.append("<tr>" + "".join(f"<{head_tag}>{html.escape(h)}</{head_tag}>" for h in grid.header) + "</tr>")
    for row in grid.rows:
        cells = []
        for cell in row:
            if cell is None:
                continue
            span = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + \
                   (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
            text = "<br/>".join(html.escape(t) for t in cell.text.split("\n"))
            if rng.random() < 0.3:
                text = f'<p style="text-align:left"><span style="font-family:仿宋">{text}</span></p>'
            cells.append(f"<td{span}>{text}</td>")
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
        table = document.add_table(rows=len(grid.rows) + 1, cols=grid.width)
        table.style = "Table Grid"
        for c, h in enumerate(grid.header):
            table.cell(0, c).text = h
        for r, row in enumerate(grid.rows, 1):
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
    ws.title = sheet
    wb.properties.creator = "Administrator"
    wb.properties.created = wb.properties.modified = dt.datetime(2020, 1, 1)
    width = grid.width + len(extra_columns)
    r0 = 1
    if grid.title:
        ws.cell(1, 1, grid.title)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        r0 = 2
    for c, h in enumerate(grid.header + extra_columns, 1):
        ws.cell(r0, c, h)
    for r, row in enumerate(grid.rows, r0 + 1):
        for c, cell in enumerate(row, 1):
            if cell is None:
                continue
            value: object = int(cell.text) if cell.text.isdigit() and rng.random() < 0.7 else cell.text
            ws.cell(r, c, value if value != "" else None).alignment = Alignment(wrap_text=True, vertical="center")
            if cell.rowspan > 1 or cell.colspan > 1:
                ws.merge_cells(start_row=r, start_column=c, end_row=r + cell.rowspan - 1,
                               end_column=c + cell.colspan - 1)
    for col, w in zip("ABCDEFGHI", [8, 30, 40, 18, 18, 14, 12, 12, 12], strict=False):
        ws.column_dimensions[col].width = w
    buf = io.BytesIO()
    wb.save(buf)
    data = stable_zip(buf.getvalue())
    return data
