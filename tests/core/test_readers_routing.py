"""Choosing a reader: by suffix, but content wins when the name lies (OA systems save RTF, HTML and
.docx under .doc, WPS saves .docx under .wps)."""

from __future__ import annotations

from pathlib import Path

import pytest
from office_builders import docx_bytes, p

from core.errors import InputError
from core.readers import READERS, read_document, reader_for
from core.readers.doc import DocReader
from core.readers.docx import DocxReader
from core.readers.html import HtmlReader
from core.readers.image import ImageReader
from core.readers.ofd import OfdReader
from core.readers.rtf import RtfReader
from core.readers.text import TextReader
from core.readers.xls import XlsReader

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512


@pytest.mark.parametrize(("suffix", "code"), [(".zip", "unsupported_format"), (".pages", "unsupported_format"),
                                              (".wpd", "unsupported_format")])
def test_unknown_suffixes_have_clear_codes(suffix, code):
    with pytest.raises(InputError) as err:
        reader_for(f"plan{suffix}")
    assert err.value.code == code


@pytest.mark.parametrize(("suffix", "cls"), [(".doc", DocReader), (".wps", DocReader), (".xls", XlsReader),
                                             (".et", XlsReader), (".ofd", OfdReader), (".rtf", RtfReader),
                                             (".png", ImageReader), (".jpg", ImageReader)])
def test_old_national_and_scan_suffixes_have_readers(suffix, cls):
    assert isinstance(reader_for(f"plan{suffix}"), cls)


def test_every_supported_suffix_has_one_reader():
    suffixes = [s for cls in READERS for s in cls.suffixes]
    assert len(suffixes) == len(set(suffixes))
    assert isinstance(reader_for("a.docx"), DocxReader) and isinstance(reader_for("a.HTM"), HtmlReader)


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_docx_named_txt_is_read_as_docx(tmp_path):
    doc = read_document(write(tmp_path, "plan.txt", docx_bytes(p("一、总则"))))
    assert doc.blocks[0].text == "一、总则"


def test_broken_ole_named_txt_goes_to_the_word_reader_and_is_named_damaged(tmp_path):
    with pytest.raises(InputError) as err:
        read_document(write(tmp_path, "plan.txt", OLE + "WordDocument".encode("utf-16-le")))
    assert err.value.code == "corrupt"


@pytest.mark.parametrize(("fixture", "name"), [("doc/002_0b33f68d6bab1fb5.numbered.doc", "要点.docx"),
                                               ("xls/003_b0058e0bd144e67c.taizhang.xls", "台账.xlsx"),
                                               ("xls/003_b0058e0bd144e67c.taizhang.xls", "台账.doc"),
                                               ("rtf/000_fe581c8cd0bdab04.table.rtf", "要点.doc"),
                                               ("docx/002_0b33f68d6bab1fb5.numbered.docx", "要点.wps"),
                                               ("xlsx/003_b0058e0bd144e67c.taizhang.xlsx", "台账.et"),
                                               ("ofd/002_0b33f68d6bab1fb5.ofd", "要点.zip")])
def test_content_decides_the_reader_whatever_the_name(tmp_path, fixture, name):
    original = FIXTURES / fixture
    renamed = read_document(write(tmp_path, name, original.read_bytes()))
    assert renamed.blocks == read_document(original).blocks and renamed.blocks


def test_html_saved_as_doc_by_an_oa_system_is_read_as_html(tmp_path):
    html = "<html><head><meta charset=gbk></head><body><p>一、加强政策解读</p></body></html>".encode("gbk")
    assert read_document(write(tmp_path, "要点.doc", html)).blocks[0].text == "一、加强政策解读"


def test_encrypted_office_file_is_named_encrypted(tmp_path):
    with pytest.raises(InputError) as err:
        read_document(write(tmp_path, "台账.xls", OLE + "EncryptedPackage".encode("utf-16-le")))
    assert err.value.code == "encrypted"


def test_text_named_doc_is_named_as_not_what_it_claims(tmp_path):
    with pytest.raises(InputError) as err:
        read_document(write(tmp_path, "要点.doc", "一、总则".encode("gbk")))
    assert err.value.code == "corrupt"


def test_xls_that_is_an_html_export_is_read_as_html(tmp_path):
    html = "<html><body><table><tr><td>任务</td><td>单位</td></tr></table></body></html>".encode("gbk")
    doc = read_document(write(tmp_path, "export.xls", html))
    assert doc.blocks[0].rows[0][1].text == "单位"


def test_pdf_named_txt_goes_to_the_pdf_reader(tmp_path):
    with pytest.raises(InputError) as err:
        read_document(write(tmp_path, "plan.txt", b"%PDF-1.4 broken"))
    assert err.value.code == "corrupt"


def test_random_zip_named_txt_is_unsupported(tmp_path):
    from office_builders import zip_bytes

    with pytest.raises(InputError) as err:
        read_document(write(tmp_path, "plan.txt", zip_bytes({"a.txt": "x"})))
    assert err.value.code == "unsupported_format"


def test_plain_text_stays_with_the_text_reader(tmp_path):
    path = write(tmp_path, "plan.txt", "一、总则".encode("gbk"))
    assert read_document(path).encoding == "gb18030"
    assert isinstance(reader_for(path), TextReader)


def word_single_file_web_page(html: str) -> bytes:
    """What Word's 单个文件网页 (MHTML) looks like: GBK HTML, quoted-printable, in multipart/related."""
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    message = MIMEMultipart("related")
    part = MIMEText(html, "html", "gb2312")
    message.attach(part)
    message.attach(MIMEText("body { font-family: 仿宋 }", "css", "utf-8"))
    data = message.as_bytes()
    return b"MIME-Version: 1.0\r\n" + data.replace(b"MIME-Version: 1.0\n", b"", 1)


@pytest.mark.parametrize("name", ["要点.doc", "要点.mht", "要点.mhtml"])
def test_word_single_file_web_page_is_read_as_the_page_inside(tmp_path, name):
    page = "<html><body><p>某县2024年政务公开工作要点</p><p>一、加强政策解读</p></body></html>"
    doc = read_document(write(tmp_path, name, word_single_file_web_page(page)))
    assert [b.text for b in doc.blocks] == ["某县2024年政务公开工作要点", "一、加强政策解读"]


def test_docx_saved_as_doc_is_read_as_docx(tmp_path):
    original = FIXTURES / "docx" / "004_def7ff238cca8790.numbered.docx"
    assert read_document(write(tmp_path, "要点.doc", original.read_bytes())).blocks == read_document(original).blocks
