"""OFD (GB/T 33190, the national fixed-layout format of 电子公文 and OA systems): text from positions.

An OFD is a zip of XML: OFD.xml names the document root (Document.xml), which lists the pages
(Pages/Page_N/Content.xml) and template pages; a page draws TextObjects whose TextCodes place
glyphs at X, Y (the baseline) with per-glyph advances in DeltaX ("g 5 3.5" repeats 3.5 five
times). Like a PDF it knows where glyphs sit, not where lines and paragraphs are, so ofd_lines
rebuilds lines from baselines and hands them to the PDF reader's paragraph and page-number
rules. The zip passes the same guard as .docx (declared sizes, ratios, no DTDs, no entities).
"""

from __future__ import annotations

import posixpath

from core.errors import InputError
from core.messages import Notice
from core.readers.base import Reader
from core.readers.document import Document

MAX_PAGES = 2000
MAX_GLYPHS = 5_000_000


def _local(el) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(el, name: str):
    for c in el:
        if _local(c) == name:
            return c
    return None


def _find(el, name: str):
    for c in el.iter():
        if _local(c) == name:
            return c
    return None


def _resolve(base_dir: str, loc: str) -> tuple[str, ...]:
    """Where a BaseLoc may point: absolute from the package root ("/Doc_0/…"), else relative to
    `base_dir` — or, as several writers mean it, root-relative without the slash."""
    loc = (loc or "").strip().replace("\\", "/")
    rooted = posixpath.normpath(loc).lstrip("/")
    if loc.startswith("/") or not base_dir:
        return (rooted,)
    return posixpath.normpath(posixpath.join(base_dir, loc)).lstrip("/"), rooted


class OfdReader(Reader):
    """Reads .ofd documents that carry text; an OFD of scanned images gets the scan message."""

    suffixes = (".ofd",)

    def read_bytes(self, data: bytes, name: str = "") -> Document:
        from core.readers.container import open_zip, refuse_dtds
        from core.readers.layout import Glyphs, blocks_from_pages

        zf = open_zip(data, "old_doc")
        refuse_dtds(zf)
        names = {posixpath.normpath(n.replace("\\", "/")).lstrip("/").lower(): n for n in zf.namelist()}
        if "ofd.xml" not in names:
            raise InputError("corrupt", detail=Notice("detail_part_missing", {"name": "OFD.xml"}))
        root = self._xml(zf, names, ("ofd.xml",))
        doc_root = _find(root, "DocRoot")
        if doc_root is None or not (doc_root.text or "").strip():
            raise InputError("corrupt", detail=Notice("detail_ofd_no_document"))
        doc_path = _resolve("", doc_root.text)
        document = self._xml(zf, names, doc_path)
        base = posixpath.dirname(doc_path[0])
        templates = {t.get("ID"): _resolve(base, t.get("BaseLoc", "")) for t in document.iter()
                     if _local(t) == "TemplatePage" and t.get("BaseLoc")}
        pages_el = _find(document, "Pages")
        page_locs = [_resolve(base, p.get("BaseLoc", "")) for p in (pages_el if pages_el is not None else [])
                     if _local(p) == "Page" and p.get("BaseLoc")]
        if not page_locs:
            raise InputError("corrupt", detail=Notice("detail_ofd_no_pages"))
        glyphs = Glyphs(limit=MAX_GLYPHS)
        images = 0
        for index, loc in enumerate(page_locs[:MAX_PAGES]):
            page = self._xml(zf, names, loc)
            for tpl in page.iter():
                if _local(tpl) == "Template" and tpl.get("TemplateID") in templates:
                    tpl_root = self._xml(zf, names, templates[tpl.get("TemplateID")], required=False)
                    if tpl_root is not None:
                        glyphs.add_page_content(tpl_root, index)
            images += glyphs.add_page_content(page, index)
        blocks = blocks_from_pages(glyphs)
        title = _doc_title(root)
        if not blocks:
            raise InputError("scanned" if images else "no_plan")
        notes = []
        if len(page_locs) > MAX_PAGES:
            notes.append(Notice("pages_cut", {"total": len(page_locs), "read": MAX_PAGES}))
        return Document(blocks=blocks, source_name=name, title_hint=title, notes=notes)

    @staticmethod
    def _xml(zf, names: dict[str, str], paths: tuple[str, ...], required: bool = True):
        from core.readers.container import read_member, safe_xml

        real = next((names[p.lower()] for p in paths if p.lower() in names), None)
        if real is None:
            if required:
                raise InputError("corrupt", detail=Notice("detail_part_missing", {"name": paths[0]}))
            return None
        return safe_xml(read_member(zf, real) or b"")


def _doc_title(root) -> str | None:
    info = _find(root, "DocInfo")
    title = _child(info, "Title") if info is not None else None
    text = (title.text or "").strip() if title is not None else ""
    return text or None
