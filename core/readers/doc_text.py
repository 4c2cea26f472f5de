"""Word 97–2003 binary text: the FIB and the piece table, decoded into paragraph-ended runs.

The WordDocument stream starts with the File Information Block (FIB), which says where the
table stream keeps the piece table (Clx). Each piece maps a range of character positions
to bytes in WordDocument: either UTF-16 or "compressed" 8-bit text. Word writes compressed
pieces in cp1252; some other writers (old WPS, converters) put the ANSI code page of the
document's language there instead (GBK for 中文(简体)), which we recognise by what the bytes
decode to. Word 6/95 files have no Unicode at all: their text is one 8-bit run in the code
page of the FIB's language. Field instructions (between 0x13 and 0x14) are dropped, field
results (between 0x14 and 0x15) kept, as Word shows them.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from core.errors import InputError
from core.messages import Notice

MAGIC = 0xA5EC
MAX_PIECES = 200_000
MAX_CHARS = 20_000_000
PARA_MARKS = "\r\x07\x0c"  # paragraph end, cell/row end, page or section break
_CJK_LIDS = {0x0804: "gb18030", 0x1004: "gb18030", 0x0404: "cp950", 0x0C04: "cp950", 0x1404: "cp950",
             0x0411: "cp932", 0x0412: "cp949"}
_CP1252_HIGH = bytes(range(0x80, 0xA0)).decode("cp1252", errors="replace")


@dataclass
class Fib:
    """The few FIB fields a text reader needs."""

    nfib: int
    lid: int
    flags: int
    ccp_text: int
    fc_min: int = 0
    fc_mac: int = 0
    pairs: tuple[tuple[int, int], ...] = ()  # FibRgFcLcb: (fc, lcb) in the table stream
    lid_fe: int = 0  # FibRgW97.lidFE: the far-east language of the Word that wrote it

    @property
    def encrypted(self) -> bool:
        return bool(self.flags & 0x0100) or bool(self.flags & 0x8000)

    @property
    def table_stream(self) -> str:
        return "1Table" if self.flags & 0x0200 else "0Table"

    @property
    def word97(self) -> bool:
        return self.nfib >= 0x00C1 or (self.nfib >= 0x006A and len(self.pairs) > 33)

    @property
    def codepage(self) -> str:
        """The ANSI code page of the document's language (English Word writes lid 0x0409 and
        gives the Chinese in lidFE)."""
        return _CJK_LIDS.get(self.lid) or _CJK_LIDS.get(self.lid_fe, "cp1252")

    def pair(self, index: int) -> tuple[int, int]:
        return self.pairs[index] if index < len(self.pairs) else (0, 0)


def read_fib(word: bytes) -> Fib:
    """The FIB at the head of the WordDocument stream; InputError for a stream that has none."""
    if len(word) < 0x44:
        raise InputError("corrupt", detail=Notice("detail_word_header"))
    ident, nfib, _, lid, _, flags = struct.unpack_from("<HHHHHH", word, 0)
    if ident != MAGIC:
        raise InputError("corrupt", detail=Notice("detail_not_word"))
    fc_min, fc_mac = struct.unpack_from("<II", word, 0x18)
    if nfib < 0x006A:  # Word 6 / 95: a fixed FIB (cbMac, four spare fcs, then ccpText at 0x34)
        ccp_text = struct.unpack_from("<I", word, 0x34)[0]
        return Fib(nfib, lid, flags, ccp_text, fc_min, fc_mac)
    pos = 32
    csw = struct.unpack_from("<H", word, pos)[0]
    lid_fe = struct.unpack_from("<H", word, pos + 2 + 13 * 2)[0] if csw >= 14 else 0
    pos += 2 + csw * 2
    if pos + 2 > len(word):
        raise InputError("corrupt", detail=Notice("detail_word_header"))
    cslw = struct.unpack_from("<H", word, pos)[0]
    lw_at = pos + 2
    pos = lw_at + cslw * 4
    if cslw < 4 or pos + 2 > len(word):
        raise InputError("corrupt", detail=Notice("detail_word_header"))
    ccp_text = struct.unpack_from("<i", word, lw_at + 12)[0]
    count = struct.unpack_from("<H", word, pos)[0]
    pos += 2
    count = min(count, (len(word) - pos) // 8)
    pairs = tuple(struct.unpack_from("<II", word, pos + 8 * i) for i in range(count))
    return Fib(nfib, lid, flags, max(ccp_text, 0), fc_min, fc_mac, pairs, lid_fe)


@dataclass
class Piece:
    cp_start: int
    cp_end: int
    fc: int  # byte offset in WordDocument
    compressed: bool


def pieces(fib: Fib, word: bytes, table: bytes) -> list[Piece]:
    """The piece table from the Clx (skipping any Prc property runs before it)."""
    fc_clx, lcb_clx = fib.pair(33)
    if lcb_clx <= 0 or fc_clx + lcb_clx > len(table):
        raise InputError("corrupt", detail=Notice("detail_word_no_pieces"))
    clx = table[fc_clx:fc_clx + lcb_clx]
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: clxt, cbGrpprl, grpprl
        if pos + 3 > len(clx):
            break
        pos += 3 + struct.unpack_from("<h", clx, pos + 1)[0]
    if pos + 5 > len(clx) or clx[pos] != 0x02:
        raise InputError("corrupt", detail=Notice("detail_word_pieces_damaged"))
    lcb = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5:pos + 5 + lcb]
    n = (len(plc) - 4) // 12
    if n <= 0 or n > MAX_PIECES:
        raise InputError("corrupt", detail=Notice("detail_word_pieces_damaged"))
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    out = []
    for i in range(n):
        _, fc, _ = struct.unpack_from("<HIH", plc, 4 * (n + 1) + 8 * i)
        compressed = bool(fc & 0x40000000)
        fc &= 0x3FFFFFFF
        out.append(Piece(cps[i], cps[i + 1], fc // 2 if compressed else fc, compressed))
    return out


def _cp1252(raw: bytes) -> str:
    """Compressed text as Word writes it: cp1252, one character per byte (undefined bytes kept)."""
    text = raw.decode("latin-1")
    if any(0x80 <= b < 0xA0 for b in raw):
        text = "".join(_CP1252_HIGH[ord(c) - 0x80] if 0x80 <= ord(c) < 0xA0 and
                       _CP1252_HIGH[ord(c) - 0x80] != "\ufffd" else c for c in text)
    return text


def _looks_ansi(raw: bytes, codepage: str) -> bool:
    """Compressed bytes that are really the code page's double-byte text (mostly hanzi), not cp1252."""
    high = sum(b >= 0x80 for b in raw)
    if high < 4 or high * 3 < sum(b > 0x20 for b in raw):
        return False
    try:
        text = raw.decode(codepage)
    except UnicodeDecodeError:
        return False
    hanzi = sum("\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" for c in text)
    return hanzi * 2 >= high * 0.8


@dataclass
class Run:
    """The text of one paragraph (or cell) and the mark that ended it, with the mark's byte offset."""

    text: str
    mark: str
    fc: int


def runs(fib: Fib, word: bytes, table: bytes, hidden: list[tuple[int, int]] = ()) -> list[Run]:
    """The main document's text, cut at paragraph marks; `hidden` byte ranges (deleted
    revisions, hidden text) are left out."""
    if fib.word97:
        chunks = [part for chunk in _piece_chunks(fib, word, table) for part in _shown(chunk, hidden)]
    else:
        if fib.flags & 0x0004:  # a fast-saved Word 6/95 file: text in pieces we do not decode
            raise InputError("old_doc")
        end = min(fib.fc_mac, len(word), fib.fc_min + max(fib.ccp_text, 0) or fib.fc_mac)
        if fib.fc_min >= end:
            raise InputError("corrupt", detail=Notice("detail_word_no_body"))
        chunks = [(word[fib.fc_min:end], fib.fc_min, 1, fib.codepage)]
    out: list[Run] = []
    pending: list[str] = []
    for raw, fc, width, codec in chunks:
        start = 0
        for i in range(0, len(raw), width):
            unit = raw[i] if width == 1 else raw[i] | raw[i + 1] << 8
            if unit in (0x0D, 0x07, 0x0C):
                pending.append(_decode(raw[start:i], width, codec))
                out.append(Run("".join(pending), chr(unit), fc + i))
                pending = []
                start = i + width
        pending.append(_decode(raw[start:], width, codec))
    tail = "".join(pending)
    if tail.strip():
        out.append(Run(tail, "\r", -1))
    return out


def _shown(chunk: tuple[bytes, int, int, str], hidden) -> list[tuple[bytes, int, int, str]]:
    """A piece's bytes without the hidden ranges, as sub-chunks that keep their own offsets."""
    raw, fc, width, codec = chunk
    out, start, end = [], fc, fc + len(raw)
    for lo, hi in hidden:
        if hi <= start or lo >= end:
            continue
        lo = max(lo, start) - (max(lo, start) - fc) % width
        if lo > start:
            out.append((raw[start - fc:lo - fc], start, width, codec))
        resume = min(hi, end)
        start = max(start, resume + (-(resume - fc)) % width)  # resume on a character boundary
    if start < end:
        out.append((raw[start - fc:], start, width, codec))
    return out


def _decode(raw: bytes, width: int, codec: str) -> str:
    if width == 2:
        return raw.decode("utf-16-le", errors="replace")
    if codec == "cp1252":
        return _cp1252(raw)
    return raw.decode(codec, errors="replace")


def _piece_chunks(fib: Fib, word: bytes, table: bytes) -> list[tuple[bytes, int, int, str]]:
    """(bytes, fc, bytes per character, codec) for each piece inside the main text."""
    out = []
    total = 0
    for piece in sorted(pieces(fib, word, table), key=lambda p: p.cp_start):
        lo, hi = piece.cp_start, min(piece.cp_end, fib.ccp_text)
        if hi <= lo:
            continue
        width = 1 if piece.compressed else 2
        total += hi - lo
        if total > MAX_CHARS:
            raise InputError("corrupt", detail=Notice("detail_word_pieces_length"))
        raw = word[piece.fc:piece.fc + (hi - lo) * width]
        if len(raw) < (hi - lo) * width:
            raise InputError("corrupt", detail=Notice("detail_word_truncated"))
        codec = "cp1252"
        if piece.compressed and fib.codepage != "cp1252" and _looks_ansi(raw, fib.codepage):
            codec = fib.codepage
        out.append((raw, piece.fc, width, codec))
    return out


def strip_fields(text: str, stack: list[bool]) -> str:
    """Text with field instructions removed and results kept. `stack` holds, per open field,
    whether we are still in its instruction; it carries over to the next paragraph, since a
    field may span several."""
    out: list[str] = []
    for ch in text:
        if ch == "\x13":
            if len(stack) < 64:
                stack.append(True)
        elif ch == "\x14":
            if stack:
                stack[-1] = False
        elif ch == "\x15":
            if stack:
                stack.pop()
        elif not any(stack):
            out.append(ch)
    return "".join(out)


_DROP = dict.fromkeys([*range(0x00, 0x09), 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x16, 0x17, 0x18, 0x19, 0x1A,
                       0x1B, 0x1C, 0x1D, 0x1F, 0xFFFC, 0xFFFD])


def clean(text: str) -> str:
    """Word's special characters as a reader sees them: line breaks, hyphens, tabs; objects dropped."""
    text = text.replace("\x0b", "\n").replace("\x1e", "-")
    return text.translate(_DROP)
