"""File readers, one per format, in a literal registry (no plugin discovery)."""

from __future__ import annotations

from pathlib import Path

from core.document import Document
from core.errors import InputError
from core.readers.base import Reader, load_bytes
from core.readers.docx import DocxReader
from core.readers.html import HtmlReader, read_html
from core.readers.pdf import PdfReader
from core.readers.text import TextReader
from core.readers.xlsx import XlsxReader

READERS: list[type[Reader]] = [TextReader, DocxReader, XlsxReader, HtmlReader, PdfReader]

# Suffixes we know and refuse on purpose, with the code that tells the clerk what to do.
REFUSED: dict[str, str] = {".doc": "old_doc", ".wps": "old_doc", ".dot": "old_doc",
                           ".xls": "old_xls", ".et": "old_xls", ".xlt": "old_xls"}


def reader_for(path: Path) -> Reader:
    """The reader for `path`'s suffix; an InputError names formats we refuse on purpose."""
    suffix = Path(path).suffix.lower()
    for cls in READERS:
        if suffix in cls.suffixes:
            return cls()
    if suffix in REFUSED:
        raise InputError(REFUSED[suffix])
    raise InputError("unsupported_format", suffix=suffix or "（无扩展名）")


def reader_for_content(path: Path, data: bytes) -> Reader:
    """The reader for what the bytes are, when that differs from what the name says."""
    from core.readers.container import ole_code
    from core.readers.sniff import sniff, zip_kind

    suffix = Path(path).suffix.lower()
    kind = sniff(data)
    if kind == "zip":
        by_parts = {"docx": DocxReader, "xlsx": XlsxReader}.get(zip_kind(data) or "")
        if by_parts is not None:
            return by_parts()
        if suffix in DocxReader.suffixes + XlsxReader.suffixes:
            return reader_for(path)  # a damaged package: its reader names the damage
        raise InputError("unsupported_format", suffix=suffix or "（压缩包）")
    if kind == "ole":
        default = REFUSED.get(suffix) or ("old_xls" if suffix in XlsxReader.suffixes else "old_doc")
        raise InputError(ole_code(data, default))
    if kind == "pdf":
        return PdfReader()
    if kind == "rtf":
        raise InputError("old_doc")
    if kind == "html" and suffix not in PdfReader.suffixes:
        return HtmlReader()  # pages saved as .doc/.xls by web systems, or HTML source as .txt
    return reader_for(path)


def read_document(path: Path) -> Document:
    """Read any supported file into a Document, trusting its content over its name."""
    path = Path(path)
    data = load_bytes(path)
    return reader_for_content(path, data).read_bytes(data, path.name)


__all__ = ["READERS", "REFUSED", "Reader", "read_document", "read_html", "reader_for", "reader_for_content"]
