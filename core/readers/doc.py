"""Word 97–2003 .doc and WPS 文字 .wps (OLE files with a WordDocument stream).

No library reads these well in pure Python, so we decode the format ourselves from the
published [MS-DOC] structures — only what a plan needs: the main text (doc_text), which
paragraphs are table cells and row ends and which are list items (doc_props), and the
list numbering Word generates (doc_lists). Cells that Word merged vertically repeat their
text and are flagged, cells spanning several grid columns are flagged as merged left, the
same as the .docx reader does, so the table stage sees one shape from both.
"""

from __future__ import annotations

from core.errors import InputError
from core.messages import Notice
from core.readers.base import Reader
from core.readers.doc_props import CellDef, ParaProps
from core.readers.document import Cell, Document, Paragraph, Table

MAX_CELLS = 200_000


class DocReader(Reader):
    """Reads .doc/.wps/.dot; refuses encrypted and damaged files with one clear reason."""

    suffixes = (".doc", ".wps", ".dot", ".wpt")

    def read_bytes(self, data: bytes, name: str = "") -> Document:
        from core.readers.ole import is_encrypted_package, open_ole, read_stream, summary_title

        ole = open_ole(data)
        try:
            if is_encrypted_package(ole):
                raise InputError("encrypted")
            word = read_stream(ole, "WordDocument", len(data))
            fib = _fib(word)
            table = read_stream(ole, fib.table_stream, len(data), required=fib.word97) or b""
            blocks = _blocks(fib, word, table)
            title = summary_title(ole)
        finally:
            ole.close()
        if not any(b.text.strip() if isinstance(b, Paragraph) else b.rows for b in blocks):
            raise InputError("no_plan")
        return Document(blocks=blocks, source_name=name, title_hint=title)


def _fib(word: bytes):
    from core.readers.doc_text import read_fib

    fib = read_fib(word)
    if fib.encrypted:
        raise InputError("encrypted")
    return fib


def _blocks(fib, word: bytes, table: bytes) -> list[Paragraph | Table]:
    from core.readers.doc_lists import read_lists
    from core.readers.doc_props import ParagraphProps, hidden_ranges
    from core.readers.doc_styles import Styles
    from core.readers.doc_text import clean, runs, strip_fields

    props = ParagraphProps(word, table, *fib.pair(13)) if fib.word97 else None
    numbering = read_lists(table, fib.pair(73), fib.pair(74)) if fib.word97 else None
    styles = Styles(table, *fib.pair(1)) if fib.word97 else None
    builder = _Builder()
    fields: list[bool] = []
    hidden = hidden_ranges(word, table, *fib.pair(12)) if fib.word97 else []
    for run in runs(fib, word, table, hidden):
        text = clean(strip_fields(run.text, fields))
        para = props.at(run.fc) if props else None
        if para is None:
            para = _guess(run, builder)
        ilfo, ilvl = styles.list_of(para.istd) if styles is not None else (0, 0)
        ilfo = para.ilfo if para.ilfo is not None else ilfo
        ilvl = para.ilvl if para.ilvl is not None else ilvl
        label = ""
        if numbering is not None and ilfo > 0 and text.strip():
            label = numbering.label(str(ilfo), ilvl)
        level = styles.heading_level(para.istd) if styles is not None else None
        builder.add(text, run.mark, para, label, level)
    return builder.finish()


def _guess(run, builder: _Builder) -> ParaProps:
    """Without paragraph properties: a cell mark right after a cell mark ends the row."""
    if run.mark != "\x07":
        return ParaProps()
    row_end = builder.last_mark == "\x07" and not run.text and builder.cells_in_row > 0
    return ParaProps(in_table=True, depth=1, row_end=row_end)


class _Builder:
    """Collects paragraphs, and cells into rows and rows into tables, as the marks arrive."""

    def __init__(self) -> None:
        self.blocks: list[Paragraph | Table] = []
        self.rows: list[tuple[list[Cell], list[CellDef]]] = []
        self.row: list[Cell] = []
        self.cell: list[str] = []
        self.cell_label = ""
        self.last_mark = ""
        self.cells_in_row = 0
        self.count = 0

    def add(self, text: str, mark: str, para: ParaProps, label: str, level: int | None = None) -> None:
        in_table = para.in_table and para.depth >= 1
        if not in_table:
            self._close_table()
            if mark != "\x07" and (text.strip() or label):
                self.blocks.append(Paragraph(text.strip(), label=label, heading_level=level))
        elif para.row_end and para.depth <= 1:
            if self.cell and any(t.strip() for t in self.cell):
                self._end_cell()
            self.rows.append((self.row, para.cells))
            self.row, self.cell, self.cells_in_row = [], [], 0
        elif mark == "\x07" and para.depth <= 1:
            self._cell_text(text, label)
            self._end_cell()
        else:  # a paragraph inside a cell, or a nested table's content
            self._cell_text(text, label)
        self.last_mark = mark

    def _cell_text(self, text: str, label: str) -> None:
        """A paragraph of the current cell: the first one's number is the cell's label, as in .docx."""
        if not text.strip():
            return
        if label and not self.cell:
            self.cell_label = label
        self.cell.append((label + text) if label and len(self.cell) > 0 else text)

    def _end_cell(self) -> None:
        lines = [t.strip() for t in self.cell if t.strip()]
        self.row.append(Cell("\n".join(lines), label=self.cell_label))
        self.cell, self.cell_label = [], ""
        self.cells_in_row += 1
        self.count += 1
        if self.count > MAX_CELLS:
            raise InputError("corrupt", detail=Notice("detail_table_too_large"))

    def _close_table(self) -> None:
        if self.row or self.cell:
            if self.cell:
                self._end_cell()
            self.rows.append((self.row, []))
            self.row = []
        if self.rows:
            table = grid(self.rows)
            if table.rows:
                self.blocks.append(table)
            self.rows = []

    def finish(self) -> list[Paragraph | Table]:
        self._close_table()
        return self.blocks


def grid(rows: list[tuple[list[Cell], list[CellDef]]]) -> Table:
    """Rows of cells (with the cell boundaries Word declared) as a full grid: a cell spanning
    several columns repeats as merged_left, a vertically merged cell as merged_up."""
    edges = sorted({e for _, defs in rows for d in defs for e in (d.left, d.right)})
    columns = _snap(edges)
    out: list[list[Cell]] = []
    for cells, defs in rows:
        if not cells:
            continue
        line: list[Cell] = []
        use_defs = len(defs) == len(cells) and len(columns) > 1
        for i, cell in enumerate(cells):
            span = 1
            d = defs[i] if use_defs else None
            if d is not None:
                span = max(1, _index(columns, d.right) - _index(columns, d.left))
                above = out[-1] if out else None
                col = len(line)
                if d.vert_merge and not d.vert_restart and above is not None and col < len(above):
                    origin = above[col]
                    cell = Cell(origin.text, merged_up=True, label=origin.label)
                elif d.merged and line:
                    cell = Cell(line[-1].text, merged_left=True)
            line.append(cell)
            line.extend(Cell(cell.text, merged_up=cell.merged_up, merged_left=True) for _ in range(span - 1))
        out.append(line)
    width = max((len(r) for r in out), default=0)
    for line in out:
        line.extend(Cell("") for _ in range(width - len(line)))
    return Table(out)


def _snap(edges: list[int], tolerance: int = 20) -> list[int]:
    """Cell boundaries within a few twips of each other are one grid line."""
    out: list[int] = []
    for e in edges:
        if not out or e - out[-1] > tolerance:
            out.append(e)
    return out


def _index(columns: list[int], edge: int) -> int:
    return min(range(len(columns)), key=lambda i: abs(columns[i] - edge))
