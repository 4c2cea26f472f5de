"""Word 97 paragraph properties: which paragraph is in a table, ends a row, or is a list item.

Word keeps paragraph properties (PAPX) in 512-byte FKP pages of the WordDocument stream,
indexed by byte offset through the PlcBtePapx in the table stream. Each PAPX is a style
index and a run of "sprms" (property modifiers); we decode only those that carry structure:
in-table, table depth, row end, list (ilfo) and level (ilvl), and the row's cell layout
(sprmTDefTable: cell boundaries and vertical merges).
"""

from __future__ import annotations

import bisect
import struct
from dataclasses import dataclass, field

SPRM_P_ILVL = 0x260A
SPRM_P_ILFO = 0x460B
SPRM_P_IN_TABLE = 0x2416
SPRM_P_TTP = 0x2417
SPRM_P_ITAP = 0x6649
SPRM_P_INNER_CELL = 0x244B
SPRM_P_INNER_TTP = 0x244C
SPRM_T_DEF_TABLE = 0xD608
SPRM_P_CHG_TABS = 0xC615
SPRM_C_RMARK_DEL = 0x0800  # text deleted with Track Changes on: still in the file, not in the document
SPRM_C_VANISH = 0x083C  # hidden text: not shown, not printed
MAX_FKP_PAGES = 100_000


@dataclass
class CellDef:
    """One cell of a row as sprmTDefTable declares it."""

    left: int
    right: int
    vert_merge: bool = False  # part of a vertical merge…
    vert_restart: bool = False  # …and the first cell of it
    merged: bool = False  # old-style horizontal merge: covered by the cell to the left


@dataclass
class ParaProps:
    istd: int = 0
    in_table: bool = False
    row_end: bool = False
    depth: int = 0
    ilfo: int | None = None  # None: not set here, the style's list applies; 0: no list
    ilvl: int | None = None
    cells: list[CellDef] = field(default_factory=list)


def sprms(grpprl: bytes):
    """(sprm, operand bytes) for each property modifier in a grpprl."""
    pos, end = 0, len(grpprl)
    while pos + 2 <= end:
        sprm = struct.unpack_from("<H", grpprl, pos)[0]
        pos += 2
        spra = sprm >> 13
        if spra in (0, 1):
            size = 1
        elif spra in (2, 4, 5):
            size = 2
        elif spra == 3:
            size = 4
        elif spra == 7:
            size = 3
        elif sprm == SPRM_T_DEF_TABLE:
            if pos + 2 > end:
                return
            size = struct.unpack_from("<H", grpprl, pos)[0] + 1
        elif sprm == SPRM_P_CHG_TABS and pos < end and grpprl[pos] == 255:
            return  # the rare long form; nothing we need follows it in practice
        else:
            if pos >= end:
                return
            size = grpprl[pos] + 1
        if pos + size > end:
            return
        yield sprm, grpprl[pos:pos + size]
        pos += size


def _def_table(operand: bytes) -> list[CellDef]:
    body = operand[2:]
    if not body:
        return []
    count = body[0]
    if count == 0 or 1 + 2 * (count + 1) > len(body):
        return []
    centers = struct.unpack_from(f"<{count + 1}h", body, 1)
    tc_at = 1 + 2 * (count + 1)
    tc_size = 20
    out = []
    for i in range(count):
        flags = 0
        if tc_at + tc_size * i + 2 <= len(body):
            flags = struct.unpack_from("<H", body, tc_at + tc_size * i)[0]
        out.append(CellDef(centers[i], centers[i + 1], vert_merge=bool(flags & 0x20),
                           vert_restart=bool(flags & 0x40), merged=bool(flags & 0x02)))
    return out


def props_from(grpprl: bytes, istd: int) -> ParaProps:
    props = ParaProps(istd=istd)
    for sprm, op in sprms(grpprl):
        if sprm in (SPRM_P_IN_TABLE, SPRM_P_INNER_CELL):
            props.in_table = op[0] != 0
            if props.in_table and props.depth == 0:
                props.depth = 1
        elif sprm in (SPRM_P_TTP, SPRM_P_INNER_TTP):
            props.row_end = op[0] != 0
        elif sprm == SPRM_P_ITAP:
            props.depth = max(0, struct.unpack_from("<i", op)[0])
            props.in_table = props.in_table or props.depth > 0
        elif sprm == SPRM_P_ILFO:
            props.ilfo = struct.unpack_from("<h", op)[0]
        elif sprm == SPRM_P_ILVL:
            props.ilvl = op[0]
        elif sprm == SPRM_T_DEF_TABLE:
            props.cells = _def_table(op)
    return props


class ParagraphProps:
    """Looks up the PAPX that governs the paragraph whose mark sits at a byte offset."""

    def __init__(self, word: bytes, table: bytes, fc: int, lcb: int) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._props: list[ParaProps] = []
        if lcb < 12 or fc + lcb > len(table):
            return
        n = (lcb - 4) // 8
        if n > MAX_FKP_PAGES:
            return
        plc = table[fc:fc + lcb]
        pns = struct.unpack_from(f"<{n}I", plc, 4 * (n + 1))
        seen: set[int] = set()
        for pn in pns:
            pn &= 0x3FFFFF
            if pn in seen or (pn + 1) * 512 > len(word):
                continue
            seen.add(pn)
            self._read_page(word[pn * 512:(pn + 1) * 512])
        order = sorted(range(len(self._starts)), key=self._starts.__getitem__)
        self._starts = [self._starts[i] for i in order]
        self._ends = [self._ends[i] for i in order]
        self._props = [self._props[i] for i in order]

    def _read_page(self, page: bytes) -> None:
        crun = page[511]
        if crun == 0 or 4 * (crun + 1) + 13 * crun > 511:
            return
        fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
        bx_at = 4 * (crun + 1)
        for i in range(crun):
            offset = page[bx_at + 13 * i] * 2
            props = ParaProps()
            if offset and offset < 511:
                cb = page[offset]
                if cb == 0 and offset + 1 < 511:
                    size, start = page[offset + 1] * 2, offset + 2
                else:
                    size, start = cb * 2 - 1, offset + 1
                chunk = page[start:min(start + size, 511)]
                if len(chunk) >= 2:
                    props = props_from(chunk[2:], struct.unpack_from("<H", chunk)[0])
            self._starts.append(fcs[i])
            self._ends.append(fcs[i + 1])
            self._props.append(props)

    def __bool__(self) -> bool:
        return bool(self._props)

    def at(self, fc: int) -> ParaProps | None:
        i = bisect.bisect_right(self._starts, fc) - 1
        if i >= 0 and fc < self._ends[i]:
            return self._props[i]
        return None


def hidden_ranges(word: bytes, table: bytes, fc: int, lcb: int) -> list[tuple[int, int]]:
    """Byte ranges of WordDocument whose characters Word does not show: deleted revisions and
    hidden text, from the character properties (CHPX FKPs via the PlcBteChpx)."""
    if lcb < 12 or fc + lcb > len(table):
        return []
    n = (lcb - 4) // 8
    if n > MAX_FKP_PAGES:
        return []
    out: list[tuple[int, int]] = []
    seen: set[int] = set()
    for pn in struct.unpack_from(f"<{n}I", table, fc + 4 * (n + 1)):
        pn &= 0x3FFFFF
        if pn in seen or (pn + 1) * 512 > len(word):
            continue
        seen.add(pn)
        page = word[pn * 512:(pn + 1) * 512]
        crun = page[511]
        if crun == 0 or 4 * (crun + 1) + crun > 511:
            continue
        fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
        for i in range(crun):
            offset = page[4 * (crun + 1) + i] * 2
            if not offset or offset >= 511:
                continue
            grpprl = page[offset + 1:min(offset + 1 + page[offset], 511)]
            if any(sprm in (SPRM_C_RMARK_DEL, SPRM_C_VANISH) and op[0] == 1 for sprm, op in sprms(grpprl)):
                out.append((fcs[i], fcs[i + 1]))
    return sorted(out)
