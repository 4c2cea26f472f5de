"""Opening Office files safely: refuse old binary formats, encryption, corrupt and bomb zips.

Every check here runs on what the zip *declares* before anything is decompressed, so a
hostile file costs us a directory listing, never the memory it would expand to.
"""

from __future__ import annotations

import io
import zipfile

from core.errors import InputError
from core.messages import Notice

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024  # far above any real plan, far below a bomb
MAX_XML = 64 * 1024 * 1024  # XML we would parse in memory; a plan's is well under 1 MB
MAX_MEMBERS = 5000
MAX_RATIO = 300  # deflate tops out near 1030; real XML stays under ~100
RATIO_FLOOR = 5 * 1024 * 1024  # small members may compress absurdly well (empty sheets)

_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
               NotImplementedError, RuntimeError, KeyError, IndexError, OverflowError)


def ole_code(data: bytes, default: str) -> str:
    """The error code for an OLE compound file: encrypted OOXML, old Word or old Excel."""
    names = {name: name.encode("utf-16-le") for name in
             ("EncryptionInfo", "EncryptedPackage", "WordDocument", "Workbook", "Book")}
    if names["EncryptionInfo"] in data or names["EncryptedPackage"] in data:
        return "encrypted"
    if names["WordDocument"] in data:
        return "old_doc"
    if names["Workbook"] in data or names["Book"] in data:
        return "old_xls"
    return default


def open_zip(data: bytes, old_code: str, xml_limit: int = MAX_XML) -> zipfile.ZipFile:
    """A ZipFile over `data` once its signature and declared sizes are known to be sane."""
    if data.startswith(OLE_MAGIC):
        raise InputError(ole_code(data, old_code))
    if not data.startswith(b"PK"):
        raise InputError("corrupt", detail=Notice("detail_not_office"))
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except _ZIP_ERRORS as exc:
        raise InputError("corrupt", detail=Notice("detail_zip_damaged")) from exc
    if len(infos) > MAX_MEMBERS:
        raise InputError("zip_bomb")
    total = xml_total = 0
    for info in infos:
        total += info.file_size
        if info.filename.lower().endswith((".xml", ".rels", ".vml")):
            xml_total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError("zip_bomb")
        if info.flag_bits & 0x1:
            raise InputError("encrypted")
    if total > MAX_TOTAL_UNCOMPRESSED or xml_total > xml_limit:
        raise InputError("zip_bomb")
    return zf


def read_member(zf: zipfile.ZipFile, name: str, required: bool = True) -> bytes | None:
    """One member's bytes, capped at its declared size; `None` when optional and absent."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        if required:
            raise InputError("corrupt", detail=Notice("detail_part_missing", {"name": name})) from None
        return None
    try:
        with zf.open(info) as fh:
            data = fh.read(MAX_TOTAL_UNCOMPRESSED + 1)
    except _ZIP_ERRORS as exc:
        raise InputError("corrupt", detail=Notice("detail_part_damaged", {"name": name})) from exc
    except Exception as exc:  # zlib.error and friends from a damaged stream
        raise InputError("corrupt", detail=Notice("detail_part_damaged", {"name": name})) from exc
    if len(data) > MAX_TOTAL_UNCOMPRESSED:
        raise InputError("zip_bomb")
    return data


def refuse_dtds(zf: zipfile.ZipFile) -> None:
    """Office XML never carries a DTD; one that does is hostile (entity expansion), so refuse."""
    for info in zf.infolist():
        if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        data = read_member(zf, info.filename) or b""
        for marker in (b"<!DOCTYPE", b"<!ENTITY"):
            if marker in data or marker.decode().encode("utf-16-le") in data:
                raise InputError("corrupt", detail=Notice("detail_xml_dtd"))


def safe_xml(data: bytes):
    """Parse XML with entities left unresolved and no network, as lxml elements."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise InputError("corrupt", detail=Notice("detail_xml_malformed")) from exc
    if root is None:
        raise InputError("corrupt", detail=Notice("detail_xml_empty"))
    return root
