"""Tables laid out in shapes other than one header over one list of rows, put back into that shape.

A 工作计划表 on a portrait page is often printed as two (or three) copies of its column set
side by side — "序号 | 工作任务 | 完成时限 | 序号 | 工作任务 | 完成时限" — with the list running
down the left half and on down the right. Read as it stands, each row would hold two tasks.
And a long 分解表 pasted page by page arrives as several tables, only the first with a header.
"""

from __future__ import annotations

from core.parse.columns import CONTENT_ROLES, SEQ, is_header, roles_of
from core.parse.labels import bare_label
from core.parse.normalise import clean
from core.readers.document import Block, Cell, Table

_HEADER_ROWS = 6


def _period(roles: list[str | None]) -> int | None:
    """The width of a column set that repeats across the whole header, if it does."""
    n = len(roles)
    for p in range(2, n // 2 + 1):
        if n % p:
            continue
        first = roles[:p]
        if not is_header(first) or not any(r in CONTENT_ROLES for r in first):
            continue
        if all(roles[i:i + p] == first for i in range(p, n, p)):
            return p
    return None


def unfold_side_by_side(table: Table) -> Table:
    """The table with its side-by-side halves stacked: left half's rows, then the right half's.

    Department 工作计划表 and district 任务清单 printed in two column pairs both need it.
    When every row carries a 序号, the rows are put in 序号 order (some tables run across
    rather than down). A table without a repeating header comes back unchanged.
    """
    width = max((len(r) for r in table.rows), default=0)
    for at, row in enumerate(table.rows[:_HEADER_ROWS]):
        roles = roles_of([clean(c.text) if not c.merged_left else "" for c in row])
        if not is_header(roles):
            continue
        p = _period(roles) if len(roles) == width else None
        if p is None:
            return table
        halves: list[list[Cell]] = []
        for k in range(0, width, p):
            for data in table.rows[at + 1:]:
                part = [_unspanned(c, j == 0) for j, c in enumerate(data[k:k + p])]
                if any(clean(c.text) for c in part if not c.merged_left):
                    halves.append(part)
        seq = roles.index(SEQ) if SEQ in roles[:p] else None
        if seq is not None:
            values = [bare_label(clean(r[seq].text)) for r in halves]
            if all(values) and len({v.value for v in values}) == len(values):
                halves.sort(key=lambda r: bare_label(clean(r[seq].text)).value)
        above = [r[:p] for r in table.rows[:at]]
        return Table(rows=[*above, row[:p], *halves])
    return table


def _unspanned(cell: Cell, first: bool) -> Cell:
    """A half's first cell cannot be covered from the left: that merge crossed the halves."""
    if first and cell.merged_left:
        return Cell(cell.text, merged_up=cell.merged_up, label=cell.label)
    return cell


def join_continued(blocks: list[Block]) -> list[Block]:
    """A table right after a plan table, as wide and with no header of its own, is more of it.

    Word documents assembled from pasted pages and HTML exports of long 分解表 both break one
    table into several; read apart, the later parts would lose their columns and sections.
    """
    from core.parse.tables import find_header

    out: list[Block] = []
    open_table: Table | None = None
    for block in blocks:
        if isinstance(block, Table) and open_table is not None and _width(block) == _width(open_table) \
                and find_header(block) is None:
            rows = list(block.rows)
            if rows and _split_row(open_table.rows[-1], rows[0]):
                open_table.rows[-1] = _joined(open_table.rows[-1], rows.pop(0))
            open_table.rows.extend(rows)
            continue
        if isinstance(block, Table):
            open_table = Table(rows=list(block.rows)) if find_header(block) is not None else None
            out.append(open_table or block)
            continue
        open_table = None
        out.append(block)
    return out


def _width(table: Table) -> int:
    return max((len(r) for r in table.rows), default=0)


def _split_row(last: list[Cell], first: list[Cell]) -> bool:
    """A row a page break cut in two: the next page's first row has no 序号 cell of its own.

    Word and LibreOffice let a tall row break across pages; printed to PDF (or saved page by
    page) the rest of its cells open the next page's table.
    """
    return bool(clean(last[0].text)) and not clean(first[0].text) and not first[0].merged_up and any(
        clean(c.text) for c in first)


def _joined(last: list[Cell], rest: list[Cell]) -> list[Cell]:
    """The two halves of a row cut by a page break, cell by cell."""
    out = []
    for a, b in zip(last, rest, strict=False):
        more = clean(b.text) if not (b.merged_left or b.merged_up or a.merged_up or a.merged_left) else ""
        out.append(Cell(a.text + more, merged_up=a.merged_up, merged_left=a.merged_left, label=a.label) if more else a)
    return out
