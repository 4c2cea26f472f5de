"""File readers, one per format, in a literal registry (no plugin discovery)."""

from __future__ import annotations

from pathlib import Path

from core.errors import InputError
from core.messages import Notice
from core.readers.base import Reader, load_bytes
from core.readers.doc import DocReader
from core.readers.document import Document
from core.readers.docx import DocxReader
from core.readers.html import HtmlReader, read_html
from core.readers.image import ImageReader
from core.readers.mht import MhtReader
from core.readers.ofd import OfdReader
from core.readers.pdf import PdfReader
from core.readers.rtf import RtfReader
from core.readers.text import TextReader
from core.readers.xls import XlsReader
from core.readers.xlsx import XlsxReader

READERS: list[type[Reader]] = [TextReader, DocxReader, DocReader, XlsxReader, XlsReader, HtmlReader, MhtReader,
                               PdfReader, OfdReader, RtfReader, ImageReader]


def readable_suffixes() -> list[str]:
    """Every suffix some reader takes, in registry order (the file dialog's filter)."""
    return [s for cls in READERS for s in cls.suffixes]


def reader_for(path: Path) -> Reader:
    """The reader for `path`'s suffix; InputError("unsupported_format") for any other."""
    suffix = Path(path).suffix.lower()
    for cls in READERS:
        if suffix in cls.suffixes:
            return cls()
    raise InputError("unsupported_format", suffix=suffix or Notice("suffix_none"))


def reader_for_content(path: Path, data: bytes) -> Reader:
    """The reader for what the bytes are, when that differs from what the name says."""
    from core.readers.container import ole_code
    from core.readers.sniff import sniff, zip_kind

    suffix = Path(path).suffix.lower()
    kind = sniff(data)
    if kind == "zip":
        by_parts = {"docx": DocxReader, "xlsx": XlsxReader, "ofd": OfdReader}.get(zip_kind(data) or "")
        if by_parts is not None:
            return by_parts()
        if suffix in DocxReader.suffixes + XlsxReader.suffixes + OfdReader.suffixes:
            return reader_for(path)  # a damaged package: its reader names the damage
        raise InputError("unsupported_format", suffix=suffix or Notice("suffix_zip"))
    if kind == "ole":
        default = "old_xls" if suffix in XlsReader.suffixes + XlsxReader.suffixes else "old_doc"
        code = ole_code(data, default)
        if code == "encrypted":
            raise InputError("encrypted")
        return XlsReader() if code == "old_xls" else DocReader()
    if kind == "pdf":
        return PdfReader()
    if kind == "rtf":
        return RtfReader()
    if kind == "mht":
        return MhtReader()
    if kind == "image":
        return ImageReader()
    if kind == "html" and suffix not in PdfReader.suffixes:
        return HtmlReader()  # pages saved as .doc/.xls by web systems, or HTML source as .txt
    if suffix in DocReader.suffixes + XlsReader.suffixes + DocxReader.suffixes + XlsxReader.suffixes \
            + OfdReader.suffixes + ImageReader.suffixes:
        raise InputError("corrupt", detail=Notice("detail_wrong_suffix"))
    return reader_for(path)


def document_from_bytes(data: bytes, path: Path) -> Document:
    """A file's bytes, already read, into a Document: the reader is chosen by content over name."""
    path = Path(path)
    return reader_for_content(path, data).read_bytes(data, path.name)


def read_document(path: Path) -> Document:
    """Read any supported file into a Document, trusting its content over its name."""
    return document_from_bytes(load_bytes(path), path)


__all__ = ["READERS", "Reader", "document_from_bytes", "read_document", "read_html", "readable_suffixes", "reader_for",
           "reader_for_content"]
