"""What a file really is, from its first bytes: names lie (a .txt that is a .docx, an .xls
that is an HTML table exported by a web system, a .doc saved as a web page)."""

from __future__ import annotations

import io
import re
import zipfile

from core.readers.container import OLE_MAGIC

_MHT = re.compile(rb"^(?:[\w-]+:[^\n]*\r?\n)*?MIME-Version:\s*1\.0[^\n]*\r?\n(?:[^\n]*\n){0,20}?"
                  rb"Content-Type:\s*multipart/related", re.IGNORECASE)
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")  # PNG JPEG TIFF

_HTML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!doctype\s+html|<html|<head|<body|<meta|<table|"
                         rb"<div|<p[\s>]|<title)", re.IGNORECASE | re.DOTALL)


def sniff(data: bytes) -> str:
    """One of "zip", "ole", "pdf", "rtf", "image", "mht", "html" or "text" (anything else: text)."""
    head = data[:1024]
    if head.startswith(IMAGE_MAGIC):
        return "image"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if b"%PDF-" in head:
        return "pdf"
    if head.lstrip(b"\xef\xbb\xbf").startswith(b"{\\rtf"):
        return "rtf"
    if _MHT.search(head):
        return "mht"
    if _HTML_START.match(_ascii_view(head)):
        return "html"
    return "text"


def _ascii_view(head: bytes) -> bytes:
    """The head with BOMs dropped and UTF-16 folded to bytes, enough to spot markup."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be"
        return head[2:].decode(codec, errors="ignore").encode("ascii", errors="ignore")
    return head[3:] if head.startswith(b"\xef\xbb\xbf") else head


def zip_kind(data: bytes) -> str | None:
    """"docx", "xlsx" or "ofd" for an Office or OFD package, judged by its parts; None otherwise."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except Exception:  # any damage: let the suffix's reader report it
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if any(name.lower() == "ofd.xml" for name in names):
        return "ofd"
    return None
