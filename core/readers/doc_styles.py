"""Word 97 paragraph styles (the STSH): the list and outline level a style gives its paragraphs.

Word numbers headings through their style (标题 1 → "一、", 标题 2 → "（一）"): the paragraph's
own properties name only the style (istd), and the list (ilfo, ilvl) sits in the style's
paragraph UPX, possibly inherited from its base style. Built-in heading styles (sti 1–9)
also give the outline level, as heading styles do in .docx.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from core.readers.doc_props import SPRM_P_ILFO, SPRM_P_ILVL, sprms

MAX_STYLES = 4096
ISTD_NIL = 0x0FFF


@dataclass
class StyleProps:
    base: int = ISTD_NIL
    sti: int = 0
    ilfo: int | None = None
    ilvl: int | None = None


class Styles:
    """istd → the list and heading level its paragraphs inherit."""

    def __init__(self, table: bytes, fc: int, lcb: int) -> None:
        self.styles: dict[int, StyleProps] = {}
        if lcb < 4 or fc + lcb > len(table):
            return
        try:
            self._read(table[fc:fc + lcb])
        except (struct.error, IndexError):
            self.styles = {}  # a damaged stylesheet: paragraphs keep their own properties only

    def _read(self, stsh: bytes) -> None:
        cb_stshi = struct.unpack_from("<H", stsh, 0)[0]
        cstd, cb_base = struct.unpack_from("<HH", stsh, 2)
        pos = 2 + cb_stshi
        for istd in range(min(cstd, MAX_STYLES)):
            cb_std = struct.unpack_from("<H", stsh, pos)[0]
            std = stsh[pos + 2:pos + 2 + cb_std]
            pos += 2 + cb_std
            if cb_std < 10:
                continue
            sti = struct.unpack_from("<H", std, 0)[0] & 0x0FFF
            stk_base = struct.unpack_from("<H", std, 2)[0]
            stk, base = stk_base & 0x000F, stk_base >> 4
            cupx = struct.unpack_from("<H", std, 4)[0] & 0x000F
            props = StyleProps(base=base, sti=sti)
            if stk == 1 and cupx >= 1:  # a paragraph style: its first UPX holds paragraph sprms
                at = cb_base
                cch = struct.unpack_from("<H", std, at)[0]
                at += 2 + 2 * cch + 2  # the name, then its terminating zero
                at += at & 1
                cb_upx = struct.unpack_from("<H", std, at)[0]
                upx = std[at + 2:at + 2 + cb_upx]
                for sprm, op in sprms(upx[2:]):  # after the UPX's own istd
                    if sprm == SPRM_P_ILFO:
                        props.ilfo = struct.unpack_from("<h", op)[0]
                    elif sprm == SPRM_P_ILVL:
                        props.ilvl = op[0]
            self.styles[istd] = props

    def list_of(self, istd: int) -> tuple[int, int]:
        """(ilfo, ilvl) the style gives, following base styles; (0, 0) for none."""
        ilfo = ilvl = None
        seen = set()
        while istd in self.styles and istd not in seen:
            seen.add(istd)
            style = self.styles[istd]
            ilfo = style.ilfo if ilfo is None else ilfo
            ilvl = style.ilvl if ilvl is None else ilvl
            istd = style.base
        return ilfo or 0, ilvl or 0

    def heading_level(self, istd: int) -> int | None:
        """1–9 for Word's built-in heading styles (and styles based on them), else None."""
        seen = set()
        while istd in self.styles and istd not in seen:
            seen.add(istd)
            sti = self.styles[istd].sti
            if 1 <= sti <= 9:
                return sti
            istd = self.styles[istd].base
        return None
