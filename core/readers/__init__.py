"""File readers, one per format, in a literal registry (no plugin discovery)."""

from __future__ import annotations

from pathlib import Path

from core.document import Document
from core.errors import InputError
from core.readers.base import Reader, load_bytes
from core.readers.docx import DocxReader
from core.readers.text import TextReader
from core.readers.xlsx import XlsxReader

READERS: list[type[Reader]] = [TextReader, DocxReader, XlsxReader]

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


def read_document(path: Path) -> Document:
    """Read any supported file into a Document, trusting its content over its name."""
    path = Path(path)
    data = load_bytes(path)
    return reader_for(path).read_bytes(data, path.name)


__all__ = ["READERS", "REFUSED", "Reader", "read_document", "reader_for"]
