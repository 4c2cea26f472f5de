"""Opening old Office files (OLE compound files: .doc, .wps, .xls, .et) without trusting them.

olefile parses the container; we only ever read streams whose declared size fits inside the
file itself, so a forged directory (a FAT loop, a stream claiming 4 GB, a sector count the
file cannot hold) costs at most the file's own size, and every failure becomes one typed
"damaged" or "encrypted" error instead of an exception from the depths of olefile.
"""

from __future__ import annotations

import io
import logging

from core.errors import InputError
from core.messages import Notice

_OLE_ERRORS = (OSError, ValueError, IndexError, KeyError, TypeError, OverflowError, EOFError,
               MemoryError, RecursionError, AssertionError, UnicodeDecodeError, ZeroDivisionError)


def open_ole(data: bytes):
    """An olefile.OleFileIO over `data`, or InputError("corrupt")."""
    import olefile

    logging.getLogger("olefile").setLevel(logging.CRITICAL)  # it logs every defect it tolerates
    try:
        return olefile.OleFileIO(io.BytesIO(data))
    except _OLE_ERRORS as exc:
        raise InputError("corrupt", detail=Notice("detail_ole_damaged")) from exc
    except Exception as exc:  # olefile raises its own error types for damaged headers
        raise InputError("corrupt", detail=Notice("detail_ole_damaged")) from exc


def has_stream(ole, name: str) -> bool:
    try:
        return bool(ole.exists(name)) and ole.get_type(name) == 2  # STGTY_STREAM
    except Exception:
        return False


def read_stream(ole, name: str, file_size: int, required: bool = True) -> bytes | None:
    """One stream's bytes; a stream declaring more than the file holds is damage, not data."""
    if not has_stream(ole, name):
        if required:
            raise InputError("corrupt", detail=Notice("detail_stream_missing", {"name": name}))
        return None
    try:
        size = ole.get_size(name)
        if size > file_size:
            raise InputError("corrupt", detail=Notice("detail_stream_length", {"name": name}))
        if not _chain_is_sound(ole, name, size):
            raise InputError("corrupt", detail=Notice("detail_stream_damaged", {"name": name}))
        with ole.openstream(name) as fh:
            data = fh.read(size)
    except InputError:
        raise
    except Exception as exc:  # olefile: sector index out of range, incomplete stream, loops
        raise InputError("corrupt", detail=Notice("detail_stream_damaged", {"name": name})) from exc
    return data


def _chain_is_sound(ole, name: str, size: int) -> bool:
    """The stream's sector chain is long enough and never revisits a sector: olefile would
    otherwise read a looping chain (a forged FAT) round and round as if it were data."""
    entry = ole.direntries[ole._find(name)]
    if getattr(entry, "is_minifat", False):
        if not ole.minifat:
            ole.loadminifat()
        fat, sector = ole.minifat, ole.minisectorsize
    else:
        fat, sector = ole.fat, ole.sectorsize
    sect, seen = entry.isectStart, set()
    for _ in range(-(-size // sector)):
        if sect in seen or not 0 <= sect < len(fat):
            return False
        seen.add(sect)
        sect = fat[sect]
    return True


def is_encrypted_package(ole) -> bool:
    """An encrypted .docx/.xlsx travels as an OLE file holding EncryptionInfo + EncryptedPackage."""
    return has_stream(ole, "EncryptionInfo") or has_stream(ole, "EncryptedPackage")


def summary_title(ole) -> str | None:
    """The title in the file's SummaryInformation, when the author filled it in."""
    try:
        meta = ole.get_metadata()
        raw = meta.title
        if not raw:
            return None
        codepage = meta.codepage or 1252
        text = raw.decode(f"cp{codepage}" if codepage not in (1200, 65001) else
                          ("utf-16-le" if codepage == 1200 else "utf-8"), errors="replace")
    except Exception:
        return None
    text = text.strip("\x00 \t\r\n")
    return text or None
