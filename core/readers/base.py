"""The reader interface: one class per file format, picked from a literal list.

Readers import their heavy libraries inside `read()` so that start-up stays fast and the
frozen app needs no plugin discovery.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from core.errors import InputError
from core.readers.document import Document

MAX_FILE_BYTES = 50 * 1024 * 1024  # no real plan comes near this; bigger files are refused unread


class Reader:
    """Turns one file format into a Document; raises InputError for anything unreadable."""

    suffixes: ClassVar[tuple[str, ...]] = ()

    def read(self, path: Path) -> Document:
        return self.read_bytes(load_bytes(path), Path(path).name)

    def read_bytes(self, data: bytes, name: str = "") -> Document:
        raise NotImplementedError


def load_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a file whole after checking it exists, is not empty and is under the size limit."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError("file_missing", path=str(path)) from exc
    if not path.is_file():
        raise InputError("file_missing", path=str(path))
    if size > limit:
        raise InputError("file_too_large", size_mb=size // (1024 * 1024), limit_mb=limit // (1024 * 1024))
    if size == 0:
        raise InputError("file_empty")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError("file_missing", path=str(path)) from exc
