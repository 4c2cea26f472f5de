"""Every reader, fed anything: a Document or an InputError, never another exception.

Arbitrary bytes, and near-valid inputs built to get past the first checks (zips holding a
word/document.xml of random markup, damaged copies of the real fixtures). Bounded so the
whole file runs well under a minute.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from office_builders import CONTENT_TYPES, RELS, W_NS

from core.errors import InputError
from core.readers import read_document
from core.readers.document import Document
from core.readers.docx import DocxReader
from core.readers.html import HtmlReader, read_html
from core.readers.pdf import PdfReader
from core.readers.text import TextReader
from core.readers.xlsx import XlsxReader

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
READERS = [TextReader, DocxReader, XlsxReader, HtmlReader, PdfReader]


def survives(read, data) -> None:
    try:
        doc = read(data)
    except InputError:
        return
    assert isinstance(doc, Document)


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.__name__)
@FAST
@given(data=st.binary(max_size=4096))
def test_reader_survives_arbitrary_bytes(reader, data):
    survives(reader().read_bytes, data)


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.__name__)
@FAST
@given(prefix=st.sampled_from([b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"%PDF-1.7\n", b"\xff\xfe",
                               b"\xef\xbb\xbf", b"<html>", b"{\\rtf1"]), rest=st.binary(max_size=2048))
def test_reader_survives_bytes_behind_a_known_signature(reader, prefix, rest):
    survives(reader().read_bytes, prefix + rest)


def markup(tokens: list[str], max_size: int = 120):
    """Random strings of markup pieces: near-valid XML that gets past the parser sometimes."""
    return st.lists(st.sampled_from(tokens), max_size=max_size).map("".join)


WORDISH = markup(list("<>/=\"' &;wp:trcblgSvMnumIdx0123456789一二、（）") + [
    "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>",
    "</w:tc>", "<w:tcPr><w:vMerge/></w:tcPr>", '<w:tcPr><w:gridSpan w:val="9"/></w:tcPr>', "<w:br/>",
    '<w:pPr><w:numPr><w:ilvl w:val="8"/><w:numId w:val="1"/></w:numPr></w:pPr>',
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="99999999999"/>'
    '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1%9."/></w:lvl></w:abstractNum>',
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'])


def package(members: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@FAST
@given(body=WORDISH, numbering=WORDISH)
def test_docx_survives_random_markup_in_its_parts(body, numbering):
    data = package({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS,
                    "word/document.xml": f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>',
                    "word/numbering.xml": f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>'})
    survives(DocxReader().read_bytes, data)


@FAST
@given(body=st.text(max_size=300))
def test_docx_survives_random_text_as_its_document(body):
    survives(DocxReader().read_bytes, package({"word/document.xml": body}))


@FAST
@given(sheet=markup(list("<>/=\"' rcvAB12:") + ["<row>", '<c r="A1">', '<c r="B2" t="s">', "<v>1</v>", "</c>",
                    "</row>", "<mergeCells>", '<mergeCell ref="A1:XFD1048576"/>', "</mergeCells>", "<sheetData>",
                    "</sheetData>"]))
def test_xlsx_survives_random_sheet_markup(sheet):
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    base = zipfile.ZipFile(io.BytesIO(_tiny_xlsx()))
    members = {n: base.read(n) for n in base.namelist()}
    members["xl/worksheets/sheet1.xml"] = f'<worksheet xmlns="{ns}">{sheet}</worksheet>'
    survives(XlsxReader().read_bytes, package(members))


def _tiny_xlsx() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "任务"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _damaged(path: Path, flips: list[tuple[int, int]]) -> bytes:
    data = bytearray(path.read_bytes())
    for pos, value in flips:
        data[pos % len(data)] = value
    return bytes(data)


@pytest.mark.parametrize("name", ["pdf/002_0b33f68d6bab1fb5.pdf", "docx/000_fe581c8cd0bdab04.table.docx",
                                  "xlsx/003_b0058e0bd144e67c.taizhang.xlsx",
                                  "html/000_fe581c8cd0bdab04.table.gbk.html"])
@settings(max_examples=40, deadline=None)
@given(flips=st.lists(st.tuples(st.integers(0, 1 << 30), st.integers(0, 255)), min_size=1, max_size=8),
       cut=st.integers(16, 1 << 20))
def test_damaged_real_fixture_is_read_or_refused(name, flips, cut):
    path = FIXTURES / name
    data = _damaged(path, flips)[:cut]
    reader = {".pdf": PdfReader, ".docx": DocxReader, ".xlsx": XlsxReader, ".html": HtmlReader}[path.suffix]
    survives(reader().read_bytes, data)


@FAST
@given(text=st.text(max_size=2000))
def test_pasted_html_never_raises(text):
    assert isinstance(read_html(text), Document)


@FAST
@given(data=st.binary(max_size=2048), suffix=st.sampled_from([".txt", ".docx", ".xlsx", ".html", ".pdf", ".doc",
                                                              ".xls", ".wps", ".md", ""]))
def test_read_document_routes_anything_to_a_document_or_an_input_error(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"plan{suffix}"
        path.write_bytes(data)
        survives(read_document, path)
