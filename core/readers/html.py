"""HTML saved from a browser or pasted from the clipboard: the visible text, tables kept as tables.

Nothing is ever fetched: lxml parses the bytes we hold with network access off and no
external resources, and the walker ignores everything but text.
"""

from __future__ import annotations

import re

from core.errors import InputError
from core.readers.base import Reader
from core.readers.document import Document

_META = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_CF_HTML = re.compile(r"^Version:\d[^\n]*\n(?:[A-Za-z]+:[^\n]*\n)*", re.IGNORECASE)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030",
            "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "x-big5": "big5hkscs", "utf8": "utf-8",
            "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
            "unicode": "utf-16", "utf-16": "utf-16"}


def declared_encoding(data: bytes) -> str | None:
    """The charset the page declares in <meta> or an XML declaration, as a Python codec name."""
    head = data[:4096]
    m = _META.search(head) or _XML_DECL.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", errors="ignore").strip().lower()
    name = _ALIASES.get(name, name)
    try:
        import codecs

        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes) -> tuple[str, str]:
    """Bytes to text: a BOM wins, then the declared charset if it fits, else detection."""
    from core.readers.text import _BOMS, decode, plausibility

    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace").lstrip("\ufeff"), enc
    declared = declared_encoding(data)
    if declared and declared != "utf-16":
        text = data.decode(declared, errors="replace")
        bad = text.count("\ufffd")
        if bad <= len(text) // 1000 and plausibility(text) >= 0.85:
            return text, declared
    try:
        return decode(data)
    except InputError:
        if declared:
            return data.decode(declared, errors="replace"), declared
        raise


def parse(text: str, name: str = "", encoding: str | None = None) -> Document:
    """Parse HTML text into a Document; title from <title>."""
    from lxml import etree, html

    from core.readers.html_walk import Walker

    parser = html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
                             recover=True, default_doctype=False)
    payload = text.replace("\x00", "").encode("utf-8", errors="replace")
    doc = Document(source_name=name, encoding=encoding)
    if not payload.strip():
        return doc
    try:
        root = html.document_fromstring(payload, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return doc
    if root is None:
        return doc
    title = root.find(".//title")
    if title is not None:
        doc.title_hint = " ".join(title.text_content().split()) or None
    walker = Walker()
    walker.walk(root)
    walker.flush()
    doc.blocks = walker.blocks
    return doc


def read_html(text: str) -> Document:
    """HTML pasted from the clipboard (Windows CF_HTML header tolerated)."""
    text = _CF_HTML.sub("", text.replace("\r\n", "\n"), count=1)
    return parse(text, "剪贴板")


class HtmlReader(Reader):
    """Reads .html/.htm pages (and .mht-less "web page, HTML only" saves from Word)."""

    suffixes = (".html", ".htm", ".xhtml", ".shtml")

    def read_bytes(self, data: bytes, name: str = "") -> Document:
        text, encoding = decode_html(data)
        return parse(text, name, encoding)
