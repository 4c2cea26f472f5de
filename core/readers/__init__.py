"""File readers, one per format, in a literal registry (no plugin discovery)."""

from __future__ import annotations

from pathlib import Path

from core.document import Document
from core.errors import InputError
from core.readers.base import Reader
from core.readers.text import TextReader

READERS: list[type[Reader]] = [TextReader]


def reader_for(path: Path) -> Reader:
    """The reader for `path`'s suffix; an InputError names formats we refuse on purpose."""
    suffix = Path(path).suffix.lower()
    for cls in READERS:
        if suffix in cls.suffixes:
            return cls()
    raise InputError("unsupported_format", suffix=suffix or "（无扩展名）")


def read_document(path: Path) -> Document:
    return reader_for(path).read(Path(path))


__all__ = ["READERS", "Reader", "read_document", "reader_for"]
