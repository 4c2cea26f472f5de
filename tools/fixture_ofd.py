"""OFD files (GB/T 33190) laid out the way 电子公文 systems print a plan, for tools/make_fixtures.py.

A4 pages with the 版心 of GB/T 9704 (156 × 225 mm, 3号 仿宋 ≈ 5.6 mm, 28 characters a line,
22 lines a page), paragraphs with a two-character first-line indent wrapped at the right
margin, "— N —" page numbers, a 版记 at the end; tables with bordered cells whose text wraps
inside the cell, section rows spanning the table and merged cells printed once at the top.
Each printed line is one TextObject with one TextCode whose DeltaX gives every advance.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

NS = "http://www.ofdspec.org/2016"
PAGE_W, PAGE_H = 210.0, 297.0
LEFT, TOP, WIDTH, HEIGHT = 28.0, 37.0, 156.0, 225.0
BODY = 5.6  # mm, 3号
PITCH = HEIGHT / 22


def advance(ch: str, size: float) -> float:
    return size * (0.5 if ch.isascii() else 1.0)


def text_width(text: str, size: float) -> float:
    return sum(advance(c, size) for c in text)


def wrap(text: str, width: float, size: float, indent: float = 0.0) -> list[str]:
    """Cut `text` into lines that fit `width`, the first line `indent` narrower; a newline
    (a second paragraph in a table cell) always starts a line."""
    if "\n" in text:
        return [part for i, para in enumerate(text.split("\n"))
                for part in wrap(para, width, size, indent if i == 0 else 0.0)]
    lines, line, used, room = [], "", 0.0, width - indent
    for ch in text:
        w = advance(ch, size)
        if used + w > room + 1e-6 and line:
            lines.append(line)
            line, used, room = "", 0.0, width
        line += ch
        used += w
    if line:
        lines.append(line)
    return lines or [""]


@dataclass
class Item:
    x: float
    y: float  # top of the line box
    size: float
    text: str


@dataclass
class Page:
    items: list[Item] = field(default_factory=list)
    paths: list[tuple[float, float, float, float]] = field(default_factory=list)  # x0, y0, x1, y1


class Layout:
    """Places lines top to bottom, starting a new page when the 版心 is full."""

    def __init__(self) -> None:
        self.pages: list[Page] = [Page()]
        self.y = TOP

    def room(self, height: float) -> bool:
        return self.y + height <= TOP + HEIGHT + 0.01

    def new_page(self) -> None:
        self.pages.append(Page())
        self.y = TOP

    def line(self, text: str, x: float = LEFT, size: float = BODY, pitch: float = PITCH) -> None:
        if not self.room(pitch):
            self.new_page()
        self.pages[-1].items.append(Item(x, self.y, size, text))
        self.y += pitch

    def paragraph(self, text: str, indent_chars: int = 2, centre: bool = False) -> None:
        if centre:
            self.line(text, LEFT + max(0.0, (WIDTH - text_width(text, BODY)) / 2))
            return
        indent = indent_chars * BODY
        for i, part in enumerate(wrap(text, WIDTH, BODY, indent)):
            self.line(part, LEFT + (indent if i == 0 else 0.0))

    def page_numbers(self) -> None:
        for n, page in enumerate(self.pages, 1):
            text = f"— {n} —"
            width = text_width(text, BODY)  # GB/T 9704: odd pages right, even pages left, one space in
            x = LEFT + WIDTH - BODY - width if n % 2 else LEFT + BODY
            page.items.append(Item(x, TOP + HEIGHT + 7.0, BODY, text))


def table(layout: Layout, widths: list[float], rows: list[list[str]], size: float = 4.2) -> None:
    """A bordered table: "" cells are covered by a merge above; a one-element row spans the table."""
    pad, pitch = 1.5, size * 1.5
    xs = [LEFT]
    for w in widths:
        xs.append(xs[-1] + w)
    for row in rows:
        spans = [(xs[0], xs[-1], row[0])] if len(row) == 1 else [
            (xs[i], xs[i + 1], text) for i, text in enumerate(row)]
        cells = [(x0, x1, wrap(text, x1 - x0 - 2 * pad, size) if text else []) for x0, x1, text in spans]
        height = max(len(lines) for _, _, lines in cells) * pitch + 2 * pad
        if not layout.room(height):
            layout.pages[-1].paths.append((xs[0], layout.y, xs[-1], layout.y))  # the table's foot on this page
            layout.new_page()
        top = layout.y
        page = layout.pages[-1]
        for (x0, x1, lines), (_, _, text) in zip(cells, spans, strict=True):
            for k, part in enumerate(lines):
                page.items.append(Item(x0 + pad, top + pad + k * pitch, size, part))
            page.paths.append((x0, top, x0, top + height))
            if text or top == TOP:  # a cell covered by the merged cell above has no rule on top
                page.paths.append((x0, top, x1, top))
        page.paths.append((xs[-1], top, xs[-1], top + height))
        layout.y = top + height
    layout.pages[-1].paths.append((xs[0], layout.y, xs[-1], layout.y))


def _delta_x(text: str, size: float) -> str:
    steps = [advance(c, size) for c in text[:-1]]
    if steps and all(s == steps[0] for s in steps):
        return f"g {len(steps)} {steps[0]:g}"
    return " ".join(f"{s:g}" for s in steps)


def _content(page: Page, ids) -> str:
    objs = []
    for item in page.items:
        width = text_width(item.text, item.size)
        objs.append(
            f'<ofd:TextObject ID="{next(ids)}" Boundary="{item.x:.2f} {item.y:.2f} {width + 1:.2f} {item.size * 1.4:.2f}" '
            f'Font="3" Size="{item.size:g}"><ofd:FillColor Value="0 0 0"/>'
            f'<ofd:TextCode X="0" Y="{item.size:.3f}" DeltaX="{_delta_x(item.text, item.size)}">'
            f"{escape(item.text)}</ofd:TextCode></ofd:TextObject>")
    for x0, y0, x1, y1 in page.paths:
        objs.append(f'<ofd:PathObject ID="{next(ids)}" Boundary="{min(x0, x1) - 0.5:.2f} {min(y0, y1) - 0.5:.2f} '
                    f'{abs(x1 - x0) + 1:.2f} {abs(y1 - y0) + 1:.2f}" LineWidth="0.25">'
                    f"<ofd:AbbreviatedData>M 0.5 0.5 L {abs(x1 - x0) + 0.5:.2f} {abs(y1 - y0) + 0.5:.2f}"
                    "</ofd:AbbreviatedData></ofd:PathObject>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
            f'<ofd:Layer ID="{next(ids)}">{"".join(objs)}</ofd:Layer></ofd:Content></ofd:Page>')


def package(layout: Layout, title: str) -> bytes:
    """The OFD zip: OFD.xml → Doc_0/Document.xml → Pages/Page_N/Content.xml, one font resource."""
    counter = iter(range(10, 10_000_000))
    members: dict[str, str] = {
        "OFD.xml": (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.1" DocType="OFD">'
                    f"<ofd:DocBody><ofd:DocInfo><ofd:DocID>6f66647461697a68616e67</ofd:DocID>"
                    f"<ofd:Title>{escape(title)}</ofd:Title><ofd:Creator>Taizhang fixtures</ofd:Creator>"
                    f"</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"),
        "Doc_0/PublicRes.xml": (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res">'
                                '<ofd:Fonts><ofd:Font ID="3" FontName="仿宋_GB2312" FamilyName="仿宋"/></ofd:Fonts>'
                                "</ofd:Res>"),
    }
    pages = []
    for n, page in enumerate(layout.pages):
        members[f"Doc_0/Pages/Page_{n}/Content.xml"] = _content(page, counter)
        pages.append(f'<ofd:Page ID="{next(counter)}" BaseLoc="Pages/Page_{n}/Content.xml"/>')
    members["Doc_0/Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
        f"<ofd:MaxUnitID>{next(counter)}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {PAGE_W:g} {PAGE_H:g}"
        "</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
        f'<ofd:Pages>{"".join(pages)}</ofd:Pages></ofd:Document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in members.items():
            zf.writestr(name, text.encode("utf-8"))
    return buf.getvalue()


def document_ofd(doc, colophon: tuple[str, str] | None = None) -> bytes:
    """A Document (as our readers return it) printed as a 公文 OFD: its title centred, paragraphs
    indented and wrapped, tables ruled with merged cells printed once, an optional 版记
    (抄送 line, then the issuing office and the date) at the end."""
    from core.readers.document import Paragraph

    layout = Layout()
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            text = block.label + block.text
            short = len(text) < 20 and not block.label
            layout.paragraph(text, centre=short or text == doc.title_hint)
            continue
        grid = []
        for row in block.rows:
            if len(row) > 1 and all(c.merged_left for c in row[1:]):
                grid.append([row[0].label + row[0].text])
            else:
                grid.append(["" if c.merged_up else c.label + c.text for c in row])
        width = max(len(r) for r in grid)
        table(layout, _widths(width), grid)
    if colophon:
        office, date = colophon
        layout.paragraph("抄送：本级各部门，上级主管部门。", indent_chars=1)
        layout.line(office + "　" * 4 + f"{date}印发", LEFT + BODY)
    layout.page_numbers()
    return package(layout, doc.title_hint or "")


def _widths(columns: int) -> list[float]:
    """Column widths across the 版心: the middle (task) column widest, as 分工方案 tables are."""
    if columns == 3:
        return [40.0, 76.0, 40.0]
    return [WIDTH / columns] * columns
