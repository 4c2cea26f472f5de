"""Word 97 list numbering (PlfLst + PlfLfo), fed to the same counter logic as .docx lists.

A numbered paragraph names a list override (ilfo, 1-based into PlfLfo) and a level; the
override names a list (lsid) whose LVL records give the start, number format (nfc) and a
template whose characters 0–8 stand for the counters of levels 1–9 ("\\x00、" prints "一、");
the override may restart levels at a new value (Word's 重新开始编号).
Word 97's nfc codes map onto the numFmt names docx_numbering already formats.
"""

from __future__ import annotations

import struct

from core.readers.docx_numbering import Level, Numbering

NFC = {0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter", 5: "ordinal",
       10: "ideographDigital", 11: "japaneseCounting", 14: "decimalFullWidth", 15: "decimalHalfWidth",
       18: "decimalEnclosedCircle", 19: "decimalFullWidth2", 22: "decimalZero", 23: "bullet",
       26: "decimalEnclosedFullstop", 27: "decimalEnclosedParen", 28: "decimalEnclosedCircleChinese",
       29: "ideographEnclosedCircle", 30: "ideographTraditional", 31: "ideographZodiac",
       33: "taiwaneseCounting", 35: "taiwaneseCountingThousand", 36: "taiwaneseDigital",
       37: "chineseCounting", 38: "chineseLegalSimplified", 39: "chineseCountingThousand", 255: "none"}
MAX_LISTS = 10_000
_LSTF = 28
_LVLF = 28


def _level(table: bytes, pos: int) -> tuple[Level, int]:
    """One LVL record at `pos`: the Level and the position after it."""
    start, nfc, flags = struct.unpack_from("<iBB", table, pos)
    cb_chpx, cb_papx = table[pos + 24], table[pos + 25]
    pos += _LVLF + cb_papx + cb_chpx
    cch = struct.unpack_from("<H", table, pos)[0]
    pos += 2
    xst = table[pos:pos + 2 * cch].decode("utf-16-le", errors="replace")
    pos += 2 * cch
    text = "".join(f"%{ord(c) + 1}" if ord(c) <= 8 else c for c in xst)
    fmt = NFC.get(nfc, "decimal")
    if fmt == "bullet":
        fmt, text = "none", "•"
    level = Level(start=max(0, min(start, 100_000)), fmt=fmt, text=text, legal=bool(flags & 0x04))
    level.restart = 0 if flags & 0x08 else None  # fNoRestart
    return level, pos


def _overrides(numbering: Numbering, table: bytes, pos: int, counts: list[int]) -> None:
    """The LFOData after the LFOs: per override, the levels it restarts (iStartAt with fStartAt)
    or redefines (a whole LVL with fFormatting) — how Word records 重新开始编号."""
    for i, count in enumerate(counts):
        num_id = str(i + 1)
        pos += 4  # cp
        for _ in range(count):
            start, flags = struct.unpack_from("<iI", table, pos)
            pos += 8
            ilvl = flags & 0x0F
            if flags & 0x20:  # fFormatting: a full LVL follows
                level, pos = _level(table, pos)
                numbering.overrides.setdefault(num_id, {})[ilvl] = level
            if flags & 0x10 and 0 <= ilvl <= 8:  # fStartAt
                numbering.start_overrides.setdefault(num_id, {})[ilvl] = max(0, min(start, 100_000))


def read_lists(table: bytes, plf_lst: tuple[int, int], plf_lfo: tuple[int, int]) -> Numbering:
    """A Numbering whose num ids are the ilfo values paragraphs use; empty when the file has none."""
    numbering = Numbering()
    fc, lcb = plf_lst
    if lcb < 2 or fc + lcb > len(table):
        return numbering
    try:
        count = struct.unpack_from("<h", table, fc)[0]
        if not 0 < count <= MAX_LISTS:
            return numbering
        lstfs = []
        for i in range(count):
            at = fc + 2 + _LSTF * i
            lsid = struct.unpack_from("<i", table, at)[0]
            simple = bool(table[at + 26] & 0x01)
            lstfs.append((lsid, simple))
        pos = fc + 2 + _LSTF * count  # the LVLs follow the LSTFs, outside lcbPlfLst
        for lsid, simple in lstfs:
            levels = {}
            for ilvl in range(1 if simple else 9):
                levels[ilvl], pos = _level(table, pos)
            numbering.abstract[str(lsid)] = levels
        fc, lcb = plf_lfo
        if lcb < 4 or fc + lcb > len(table):
            return numbering
        lfos = max(0, min(struct.unpack_from("<i", table, fc)[0], MAX_LISTS))
        counts = []
        for i in range(lfos):
            lsid = struct.unpack_from("<i", table, fc + 4 + 16 * i)[0]
            numbering.num_to_abstract[str(i + 1)] = str(lsid)
            counts.append(table[fc + 4 + 16 * i + 12])  # clfolvl: levels this override changes
        _overrides(numbering, table, fc + 4 + 16 * lfos, counts)
    except (struct.error, IndexError):
        return numbering  # damaged list tables: the text still reads, without generated labels
    return numbering
