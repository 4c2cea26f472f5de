"""Choosing a reader: by suffix, but content wins when the name lies; old formats refused."""

from __future__ import annotations

import pytest
from office_builders import docx_bytes, p

from core.errors import InputError
from core.readers import READERS, read_document, reader_for
from core.readers.docx import DocxReader
from core.readers.html import HtmlReader
from core.readers.text import TextReader

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512


@pytest.mark.parametrize(("suffix", "code"), [(".doc", "old_doc"), (".wps", "old_doc"), (".xls", "old_xls"),
                                              (".zip", "unsupported_format"), (".pages", "unsupported_format")])
def test_refused_and_unknown_suffixes_have_clear_codes(suffix, code):
    with pytest.raises(InputError) as err:
        reader_for(f"plan{suffix}")
    assert err.value.code == code


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


def test_word_file_named_docx_but_old_is_refused_as_old_doc(tmp_path):
    with pytest.raises(InputError) as err:
        read_document(write(tmp_path, "plan.txt", OLE + "WordDocument".encode("utf-16-le")))
    assert err.value.code == "old_doc"


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
