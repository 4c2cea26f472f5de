"""Plain text in whatever encoding it arrives: one Paragraph per non-empty line."""

from __future__ import annotations

from core.document import Document, Paragraph
from core.errors import InputError
from core.readers.base import Reader


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text and the encoding used. BOMs first, then detection."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("bad_encoding")
    return str(best), best.encoding


def paragraphs(text: str) -> list[Paragraph]:
    return [Paragraph(line) for line in text.splitlines() if line.strip()]


class TextReader(Reader):
    suffixes = (".txt", ".text", "")

    def read_bytes(self, data: bytes, name: str = "") -> Document:
        text, encoding = decode(data)
        return Document(blocks=paragraphs(text), source_name=name, encoding=encoding)
