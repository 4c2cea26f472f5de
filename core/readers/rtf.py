"""RTF, which Word and OA systems also save under .doc: text with striprtf, table rows rebuilt.

striprtf (small, pure Python, maintained) turns RTF into text, writing each table row as one
line of cells ended by "|". We give it the document's ANSI code page (\\ansicpg, or GBK when
the font table declares GB2312 fonts) so \\'xx escapes decode as the author's Word wrote them.
Merged cells do not survive RTF-to-text; a plan's table still reads row by row.
"""

from __future__ import annotations

import re

from core.errors import InputError
from core.messages import Notice
from core.readers.base import Reader
from core.readers.document import Cell, Document, Paragraph, Table

_ANSICPG = re.compile(rb"\\ansicpg(\d{3,5})")
_CHARSETS = {134: "gb18030", 136: "cp950", 128: "cp932", 129: "cp949"}
_FCHARSET = re.compile(rb"\\fcharset(\d{1,3})")


def rtf_codec(data: bytes) -> str:
    """The code page \\'xx escapes are in: the declared one, else that of the CJK fonts used."""
    head = data[:65536]
    m = _ANSICPG.search(head)
    if m and m.group(1) not in (b"1252", b"0"):
        name = f"cp{int(m.group(1))}"
        return "gb18030" if name == "cp936" else name
    for cs in _FCHARSET.findall(head):
        if int(cs) in _CHARSETS:
            return _CHARSETS[int(cs)]
    return "cp1252"


class RtfReader(Reader):
    """Reads .rtf (and RTF saved as .doc); tables come back row by row."""

    suffixes = (".rtf",)

    def read_bytes(self, data: bytes, name: str = "") -> Document:
        from striprtf.striprtf import rtf_to_text

        if not data.lstrip(b"\xef\xbb\xbf").startswith(b"{\\rtf"):
            raise InputError("corrupt", detail=Notice("detail_not_rtf"))
        codec = rtf_codec(data)
        try:
            text = rtf_to_text(data.decode("latin-1"), encoding=codec, errors="replace")
        except (ValueError, LookupError, IndexError, RecursionError) as exc:
            raise InputError("corrupt", detail=Notice("detail_rtf_malformed")) from exc
        blocks = blocks_from_text(text)
        if not blocks:
            raise InputError("no_plan")
        return Document(blocks=blocks, source_name=name, encoding=codec)


def blocks_from_text(text: str) -> list[Paragraph | Table]:
    """Lines as paragraphs; runs of lines ending in "|" (table rows) as one Table."""
    blocks: list[Paragraph | Table] = []
    rows: list[list[Cell]] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = line.strip()
        if stripped.endswith("|") and "|" in stripped:
            rows.append([Cell(c.strip()) for c in stripped[:-1].split("|")])
            continue
        if rows:
            blocks.append(_table(rows))
            rows = []
        if stripped:
            blocks.append(Paragraph(stripped))
    if rows:
        blocks.append(_table(rows))
    return blocks


def _table(rows: list[list[Cell]]) -> Table:
    width = max(len(r) for r in rows)
    return Table([r + [Cell("") for _ in range(width - len(r))] for r in rows])
