"""Word .docx: body paragraphs and tables in order, with automatic numbering restored as labels."""

from __future__ import annotations

from core.errors import InputError
from core.messages import Notice
from core.readers.base import Reader
from core.readers.document import Document

_STRICT = (b"http://purl.oclc.org/ooxml/wordprocessingml/main",
           b"http://schemas.openxmlformats.org/wordprocessingml/2006/main")
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def _xml(zf, name: str, required: bool = False):
    """A part of the package parsed safely (Strict OOXML mapped to Transitional), or None."""
    from core.readers.container import read_member, safe_xml

    data = read_member(zf, name, required=required)
    if data is None:
        return None
    return safe_xml(data.replace(*_STRICT))


def _main_part(zf) -> str:
    """Where the package says its main document lives (word/document.xml in practice)."""
    rels = _xml(zf, "_rels/.rels")
    if rels is not None:
        for rel in rels.iter(_REL_NS + "Relationship"):
            if (rel.get("Type") or "").endswith("/officeDocument") and rel.get("Target"):
                return (rel.get("Target") or "").lstrip("/")
    return "word/document.xml"


def _part_near(main: str, name: str) -> str:
    folder = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
    return folder + name


class DocxReader(Reader):
    """Reads .docx via its XML; refuses .doc, encrypted and hostile packages with clear codes."""

    suffixes = (".docx", ".docm", ".dotx", ".dotm")

    def read_bytes(self, data: bytes, name: str = "") -> Document:
        from core.readers.container import open_zip, refuse_dtds
        from core.readers.docx_body import BodyWalker, Styles
        from core.readers.docx_numbering import Numbering, W

        zf = open_zip(data, "old_doc")
        refuse_dtds(zf)
        main = _main_part(zf)
        if main not in zf.namelist():
            if "xl/workbook.xml" in zf.namelist():
                raise InputError("unsupported_format", suffix=Notice("suffix_is_xlsx"))
            raise InputError("corrupt", detail=Notice("detail_docx_no_document"))
        root = _xml(zf, main, required=True)
        body = root.find(W + "body")
        if body is None:
            raise InputError("corrupt", detail=Notice("detail_docx_no_body"))
        styles = Styles.from_xml(_xml(zf, _part_near(main, "styles.xml")))
        numbering = Numbering.from_xml(_xml(zf, _part_near(main, "numbering.xml")))
        numbering.resolve_links(styles.numbering_style_nums)
        walker = BodyWalker(styles, numbering)
        blocks = walker.blocks(body)
        return Document(blocks=blocks, source_name=name, title_hint=_core_title(zf) or walker.first_title)


def _core_title(zf) -> str | None:
    """dc:title from docProps/core.xml, when the author filled it in."""
    try:
        root = _xml(zf, "docProps/core.xml")
    except InputError:
        return None
    el = root.find(DC_TITLE) if root is not None else None
    title = (el.text or "").strip() if el is not None else ""
    return title or None
