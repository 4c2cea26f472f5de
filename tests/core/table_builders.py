"""One table written three ways — an HTML page, a Word .docx, an Excel .xlsx 台账 — for reader+parser tests.

A table is given as HTML gives it: rows of cells, each a text or (text, rowspan, colspan),
positions covered by a span left out; a "\n" in a text is a line break inside the cell. Each writer turns the spans into its own format's
merges (rowspan/colspan, vMerge/gridSpan, merged ranges), so one case tests all three paths.
"""

from __future__ import annotations

import html
from pathlib import Path

from office_builders import docx_bytes, p

Spec = list[list["str | tuple[str, int, int]"]]
FORMATS = ("html", "docx", "xlsx")
_COL = 1400  # a column's width in twips, as Word writes it (LibreOffice needs it to keep merges)


def _cell(spec) -> tuple[str, int, int]:
    return (spec, 1, 1) if isinstance(spec, str) else spec


def grid(rows: Spec) -> dict[tuple[int, int], tuple[str, int, int, bool]]:
    """(row, col) → (text, rowspan, colspan, is_origin) for every covered position."""
    out: dict[tuple[int, int], tuple[str, int, int, bool]] = {}
    for r, row in enumerate(rows):
        c = 0
        for spec in row:
            text, rs, cs = _cell(spec)
            while (r, c) in out:
                c += 1
            for dr in range(rs):
                for dc in range(cs):
                    out[(r + dr, c + dc)] = (text, rs, cs, dr == 0 and dc == 0)
            c += cs
    return out


def html_bytes(title: str, rows: Spec, before: list[str] = (), after: list[str] = ()) -> bytes:
    body = "".join(f"<p>{html.escape(t)}</p>" for t in [title, *before])
    trs = []
    for row in rows:
        tds = []
        for spec in row:
            text, rs, cs = _cell(spec)
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            tds.append(f"<td{attrs}>{html.escape(text).replace(chr(10), '<br>')}</td>")
        trs.append("<tr>" + "".join(tds) + "</tr>")
    tail = "".join(f"<p>{html.escape(t)}</p>" for t in after)
    return (f'<html><head><meta charset="utf-8"><title>{html.escape(title)}</title></head><body>{body}'
            f'<table border="1">{"".join(trs)}</table>{tail}</body></html>').encode()


def _docx_table(rows: Spec) -> str:
    cells = grid(rows)
    height = len(rows)
    width = max(c for _, c in cells) + 1
    out = []
    for r in range(height):
        tcs, c = [], 0
        while c < width:
            text, rs, cs, origin = cells.get((r, c), ("", 1, 1, True))
            pr = f'<w:tcW w:w="{_COL * cs}" w:type="dxa"/>' + (f'<w:gridSpan w:val="{cs}"/>' if cs > 1 else "")
            if rs > 1:
                pr += '<w:vMerge w:val="restart"/>' if origin else "<w:vMerge/>"
            body = "".join(p(html.escape(line)) for line in text.split("\n")) if origin and text else "<w:p/>"
            tcs.append(f"<w:tc><w:tcPr>{pr}</w:tcPr>{body}</w:tc>")
            c += cs
        out.append("<w:tr>" + "".join(tcs) + "</w:tr>")
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid_cols = "".join(f'<w:gridCol w:w="{_COL}"/>' for _ in range(width))
    return (f"<w:tbl><w:tblPr><w:tblBorders>{borders}</w:tblBorders></w:tblPr><w:tblGrid>{grid_cols}</w:tblGrid>"
            + "".join(out) + "</w:tbl>")


def docx_file_bytes(title: str, rows: Spec, before: list[str] = (), after: list[str] = ()) -> bytes:
    paras = "".join(p(html.escape(t)) for t in [title, *before])
    tail = "".join(p(html.escape(t)) for t in after)
    return docx_bytes(paras + _docx_table(rows) + tail)


def xlsx_bytes(title: str, rows: Spec, before: list[str] = (), after: list[str] = ()) -> bytes:
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    cells = grid(rows)
    width = max(c for _, c in cells) + 1
    top = 1
    for line in [title, *before]:
        ws.cell(row=top, column=1, value=line)
        ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=width)
        top += 1
    for (r, c), (text, rs, cs, origin) in cells.items():
        if not origin:
            continue
        if text:
            ws.cell(row=top + r, column=c + 1, value=text)
        if rs > 1 or cs > 1:
            ws.merge_cells(start_row=top + r, start_column=c + 1, end_row=top + r + rs - 1, end_column=c + cs)
    row = top + len(rows)
    for line in after:
        ws.cell(row=row, column=1, value=line)
        row += 1
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def shape(nodes, depth: int = 0) -> list[str]:
    """A parsed tree as indented "label+title" lines, to compare with the tree a case expects."""
    out = []
    for n in nodes:
        out.append(("  " * depth) + n.label + n.title)
        out.extend(shape(n.children, depth + 1))
    return out


WRITERS = {"html": html_bytes, "docx": docx_file_bytes, "xlsx": xlsx_bytes}


def write(tmp_path: Path, fmt: str, title: str, rows: Spec, before: list[str] = (),
          after: list[str] = ()) -> Path:
    """The table (with a title line and any lines before/after it) as a file of format `fmt`."""
    path = tmp_path / f"plan.{fmt}"
    path.write_bytes(WRITERS[fmt](title, rows, list(before), list(after)))
    return path
