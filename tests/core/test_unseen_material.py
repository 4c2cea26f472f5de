"""The unseen-plan generator (tools/make_unseen.py) writes documents whose gold is true to them.

These tests check the material, not the parser: the same seed writes the same bytes, every family
is produced, each file opens with its own library, and every gold head, unit and date can be found
in (or follows from) the document it belongs to.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import unicodedata

import pytest

from tools.make_unseen import SAMPLE, SAMPLE_DIR, generate, main
from tools.unseen import legacy
from tools.unseen.families import PORTABLE

DOCS = generate(1, PORTABLE)
GOLD_KEYS = {"title", "year", "issuer", "doc_number", "date", "nodes"}
NODE_KEYS = {"label", "head", "units", "lead", "deadlines", "optional_deadlines", "children"}


PAGE_NUMBER = re.compile(r"^(?:[—-] ?\d+ ?[—-]|第\d+页)$", re.M)
PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\s*\)")


def fold(text: str) -> str:
    """What score.py compares: NFKC, no white space; and without pinyin readings (the gold is
    the text without them, as the eval README says)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", PINYIN.sub("", text)))


def decode_text(data: bytes) -> str:
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def document_text(ext: str, data: bytes) -> str:
    """The document's text in reading order, read with the format's own library."""
    if ext == "txt":  # without the page-number lines of printed copies (they may split a name)
        return PAGE_NUMBER.sub("", decode_text(data))
    if ext in ("html", "xls", "doc"):  # .xls/.doc here are web systems' HTML, not binary Office files
        import lxml.html

        declared = re.search(rb"charset=([\w-]+)", data)
        codec = declared.group(1).decode().lower() if declared else "utf-8"
        root = lxml.html.fromstring(data.decode("gbk" if codec in ("gb2312", "gbk") else codec))
        return "\n".join(t for t in root.itertext())
    if ext == "docx":
        import docx

        document = docx.Document(io.BytesIO(data))
        out = []
        for block in document.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                out.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
            elif tag == "tbl":
                for tc in block.iter():
                    if tc.tag.endswith("}tc"):
                        out.append("".join(t.text or "" for t in tc.iter() if t.tag.endswith("}t")))
        return "\n".join(out)
    if ext == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(data))
        return "\n".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                         for v in row if v is not None)
    raise AssertionError(f"unexpected extension {ext}")


def unpacked(data: bytes):
    """An Office package by its members' contents (another zlib may compress them otherwise)."""
    import zipfile

    if not data.startswith(b"PK"):
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return sorted((name, zf.read(name)) for name in zf.namelist())


def flat(nodes):
    for node in nodes:
        yield node
        yield from flat(node["children"])


def ids(docs):
    return [d.name for d in docs]


def test_same_seed_writes_the_same_bytes_and_gold():
    first, second = generate(5, PORTABLE, 2), generate(5, PORTABLE, 2)
    assert [(d.name, d.data, d.gold) for d in first] == [(d.name, d.data, d.gold) for d in second]


def test_another_seed_writes_other_documents():
    one, other = generate(5, PORTABLE, 2), generate(6, PORTABLE, 2)
    assert sum(a.data != b.data for a, b in zip(one, other, strict=True)) == len(one)


def test_committed_sample_is_what_the_generator_writes():
    docs = generate(SAMPLE["seed"], PORTABLE, SAMPLE["count"])
    on_disk = sorted(p.name for p in (SAMPLE_DIR / "plans").iterdir())
    assert on_disk == sorted(f"{d.name}.{d.ext}" for d in docs), "run tools/make_unseen.py --sample"
    for d in docs:
        assert unpacked((SAMPLE_DIR / "plans" / f"{d.name}.{d.ext}").read_bytes()) == unpacked(d.data), d.name
        assert json.loads((SAMPLE_DIR / "gold" / f"{d.name}.json").read_text(encoding="utf-8")) == d.gold


def test_every_family_is_produced():
    assert {d.name[0] for d in DOCS} == set(PORTABLE)
    for fam in PORTABLE:
        assert sum(d.name[0] == fam for d in DOCS) >= 4, fam


def test_cli_writes_plans_and_gold_side_by_side(tmp_path):
    assert main(["--out", str(tmp_path), "--family", "a,b", "--count", "2", "--seed", "3"]) == 0
    plans = sorted(p.stem for p in (tmp_path / "plans").iterdir())
    golds = sorted(p.stem for p in (tmp_path / "gold").iterdir())
    assert plans == golds and len(plans) == 4


@pytest.mark.parametrize("doc", DOCS, ids=ids(DOCS))
def test_gold_has_the_eval_shape(doc):
    assert set(doc.gold) == GOLD_KEYS
    assert isinstance(doc.gold["year"], int)
    assert doc.gold["nodes"], "a plan with no nodes"
    for node in flat(doc.gold["nodes"]):
        assert NODE_KEYS <= set(node) <= NODE_KEYS | {"optional"}
        assert node["head"] and set(node["lead"]) <= set(node["units"])
        assert len(set(node["units"])) == len(node["units"])


@pytest.mark.parametrize("doc", DOCS, ids=ids(DOCS))
def test_gold_heads_occur_in_the_document_in_order(doc):
    text = fold(document_text(doc.ext, doc.data))
    pos = 0
    for node in flat(doc.gold["nodes"]):
        found = text.find(fold(node["head"]), pos)
        assert found >= 0, f"{node['head']!r} not found after position {pos}"
        pos = found + 1


@pytest.mark.parametrize("doc", DOCS, ids=ids(DOCS))
def test_gold_units_and_labels_occur_in_the_document(doc):
    text = fold(document_text(doc.ext, doc.data))
    for node in flat(doc.gold["nodes"]):
        for unit in node["units"]:
            assert fold(unit) in text, unit
        labels = node["label"] if isinstance(node["label"], list) else [node["label"]]
        if "numbered" not in doc.name:  # Word's automatic numbering is not in the text
            assert any(fold(lab) in text for lab in labels), labels


@pytest.mark.parametrize("doc", DOCS, ids=ids(DOCS))
def test_gold_dates_are_real_dates_near_the_plan_year(doc):
    year = doc.gold["year"]
    dates = [d for n in flat(doc.gold["nodes"]) for d in n["deadlines"] + n["optional_deadlines"]]
    for d in dates:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", d), d
        assert year <= dt.date.fromisoformat(d).year <= year + 1, d
    meta_dates = doc.gold["date"] if isinstance(doc.gold["date"], list) else [doc.gold["date"]]
    for d in meta_dates:
        assert d is None or dt.date.fromisoformat(d).year == year


def test_some_documents_have_dated_tasks_and_units_by_role():
    nodes = [n for d in DOCS for n in flat(d.gold["nodes"])]
    assert sum(bool(n["deadlines"]) for n in nodes) > 30
    assert sum(bool(n["lead"]) for n in nodes) > 30
    assert sum(bool(n["units"]) and not n["lead"] for n in nodes) > 30


@pytest.mark.parametrize("doc", DOCS, ids=ids(DOCS))
def test_files_open_with_their_libraries(doc):
    assert document_text(doc.ext, doc.data).strip()


def test_other_encodings_need_their_codec():
    enc = {d.name.split("_", 1)[1]: d for d in DOCS if d.name[0] == "e"}
    with pytest.raises(UnicodeDecodeError):
        enc["gb18030"].data.decode("utf-8")
    assert enc["utf-16"].data[:2] == b"\xff\xfe" and enc["utf-16-be-bom"].data[:2] == b"\xfe\xff"
    trad = decode_text(enc["traditional"].data)
    assert "政務公開" in trad and "政务公开" not in trad
    assert "務" in json.dumps(enc["traditional"].gold, ensure_ascii=False)


def test_sample_folder_is_in_the_layout_score_py_reads():
    plans = {p.stem for p in (SAMPLE_DIR / "plans").iterdir()}
    assert plans == {p.stem for p in (SAMPLE_DIR / "gold").glob("*.json")}
    assert len(plans) == len(PORTABLE) * SAMPLE["count"]



def test_pianqu_copies_share_their_text_but_not_their_issuer():
    for fam in ("a", "b"):
        copies = [d for d in DOCS if d.name[0] == fam and "pianqu" in d.name]
        assert len(copies) >= 2
        heads = [[n["head"] for n in flat(d.gold["nodes"])] for d in copies]
        assert all(h == heads[0] for h in heads)
        assert len({d.gold["issuer"] for d in copies}) > 1


def test_tables_have_merged_cells_and_stepped_deadlines():
    import openpyxl

    tables = [d for d in DOCS if d.name[0] == "c" and "numbered" not in d.name]
    sheets = [openpyxl.load_workbook(io.BytesIO(d.data)).worksheets[-1] for d in tables if d.ext == "xlsx"]
    assert sum(bool(ws.merged_cells.ranges) for ws in sheets) >= len(sheets) // 2
    for d in tables:
        if d.ext == "xlsx":
            continue
        if d.ext in ("html", "xls", "doc"):
            assert b"rowspan=" in d.data or b"colspan=" in d.data, d.name
        else:
            assert _docx_has_merge(d.data), d.name
    assert any(len(n["deadlines"]) >= 2 for d in tables for n in flat(d.gold["nodes"]))


def _docx_has_merge(data: bytes) -> bool:
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    return b"w:vMerge" in xml or b"w:gridSpan" in xml


@pytest.mark.skipif(not legacy.available(), reason="LibreOffice (soffice) is not installed")
def test_legacy_family_writes_binary_doc_and_xls_holding_the_gold(tmp_path):
    import subprocess

    docs = generate(1, ["f"], 2)
    assert [d.ext for d in docs] == ["doc", "xls"]
    for d in docs:
        assert d.data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", d.name  # an OLE compound file
        src = tmp_path / f"{d.name}.{d.ext}"
        src.write_bytes(d.data)
        back = "docx" if d.ext == "doc" else "xlsx"
        subprocess.run([legacy.soffice(), "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                        "--convert-to", back, "--outdir", str(tmp_path), str(src)], check=True,
                       capture_output=True, timeout=180)
        text = fold(document_text(back, (tmp_path / f"{d.name}.{back}").read_bytes()))
        for node in flat(d.gold["nodes"]):
            assert fold(node["head"]) in text, node["head"]


def test_score_unseen_says_it_needs_the_shared_folder(tmp_path, capsys):
    from tools import score_unseen

    assert score_unseen.main(["--shared", str(tmp_path), "--family", "a"]) == 2
    assert "score.py not found" in capsys.readouterr().err


def test_score_unseen_prints_a_table_per_family(shared_dir, capsys):
    from tools import score_unseen

    assert score_unseen.main(["--shared", str(shared_dir), "--family", "a,d", "--count", "1"]) == 0
    out = capsys.readouterr().out
    assert "== family a" in out and "== family d" in out
    assert any(line.startswith("all ") for line in out.splitlines())
    assert "by kind of document" in out


@pytest.mark.parametrize("doc", DOCS, ids=ids(DOCS))
def test_gold_meta_is_printed_in_the_document(doc):
    text = fold(document_text(doc.ext, doc.data))
    for key in ("title", "issuer", "doc_number"):
        wanted = doc.gold[key] if isinstance(doc.gold[key], list) else [doc.gold[key]]
        for value in wanted:
            assert value is None or fold(value) in text, (key, value)
    year = str(doc.gold["year"])
    assert year in text


@pytest.mark.skipif(not legacy.available(), reason="LibreOffice (soffice) is not installed")
def test_legacy_family_prints_plans_to_pdf_holding_the_gold():
    import random

    import pypdfium2

    doc = legacy.family_f(random.Random("1:f:3"), 3, 1)  # numbered Word prose, printed to PDF
    assert doc.ext == "pdf" and doc.data.startswith(b"%PDF")
    pdf = pypdfium2.PdfDocument(doc.data)
    # a PDF's text layer may put glyphs from a fallback font (quotes, ○) out of their place
    loose = str.maketrans("", "", "“”\"○〇")
    text = fold("".join(page.get_textpage().get_text_range() for page in pdf)).translate(loose)
    pdf.close()
    pos = 0
    for node in flat(doc.gold["nodes"]):
        found = text.find(fold(node["head"]).translate(loose), pos)
        assert found >= 0, node["head"]
        pos = found + 1


def test_held_out_family_uses_other_words_for_the_same_kinds():
    held = [d for d in DOCS if d.name[0] == "h"]
    assert {d.name.split("_", 1)[1].split("-", 1)[0] for d in held} == {"a", "b", "c", "d", "e"}
    units = {u for d in DOCS if d.name[0] != "h" for n in flat(d.gold["nodes"]) for u in n["units"]}
    held_units = {u for d in held for n in flat(d.gold["nodes"]) for u in n["units"]}
    assert held_units and len(held_units & units) / len(held_units) < 0.15
    heads = {n["head"] for d in DOCS if d.name[0] != "h" for n in flat(d.gold["nodes"])}
    held_heads = {n["head"] for d in held for n in flat(d.gold["nodes"])}
    assert len(held_heads & heads) / len(held_heads) < 0.1


def test_held_out_words_are_put_back():
    from tools.unseen import tables, vocab
    from tools.unseen.holdout import holdout_words

    before = (vocab.TOPICS, tables.HEADER_WORDS)
    with holdout_words():
        assert vocab.TOPICS is not before[0]
    assert vocab.TOPICS is before[0] and tables.HEADER_WORDS is before[1]
