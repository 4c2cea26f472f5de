"""Scans (image-only PDFs, .png/.jpg/.tif): named plainly as scans without the OCR extra; with it,
recognised text goes through the same line stages, and doubtful lines become warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_readers_pdf import blank_pdf

import core.readers.ocr as ocr
from core.errors import InputError
from core.parse.checks import check_plan
from core.parse.pipeline import parse_document
from core.readers import read_document
from core.readers.document import Paragraph
from core.readers.pdf import PdfReader

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCAN = FIXTURES / "scan" / "003_b0058e0bd144e67c.scan.pdf"


@pytest.fixture
def no_ocr(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)


@pytest.mark.parametrize("name", ["scan/003_b0058e0bd144e67c.scan.pdf", "scan/page1.png"])
def test_a_scan_is_named_a_scan_without_the_ocr_extra(no_ocr, name):
    with pytest.raises(InputError) as err:
        read_document(FIXTURES / name)
    assert err.value.code == "scanned"


def test_a_scan_too_long_to_recognise_is_refused_before_any_page_is_read(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "recognise", lambda image: pytest.fail("no page may be recognised"))
    with pytest.raises(InputError) as err:
        PdfReader().read_bytes(blank_pdf(ocr.MAX_OCR_PAGES + 1))
    assert err.value.code == "scan_too_long" and err.value.params["pages"] == ocr.MAX_OCR_PAGES + 1


BOXES = [  # (left, top, right, bottom, text, confidence) in pixels at 150 dpi, as rapidocr returns them
    (250, 150, 1050, 200, "某县2024年政务公开工作要点", 0.98),
    (250, 260, 600, 300, "一、加强政策解读", 0.97),
    (310, 330, 1080, 370, "1.做好政策文件解读工作，确保政策解读与政策文", 0.95),
    (250, 390, 900, 430, "件同步起草。责任单位：县政府办公室。", 0.62),
    (600, 1600, 700, 1640, "一2一", 0.51),
]


def test_recognised_boxes_go_through_the_line_stages_and_doubtful_lines_are_noted(monkeypatch):
    monkeypatch.setattr(ocr, "recognise", lambda image: list(BOXES))
    scan = ocr.Scan()
    scan.add_page(None, 0, scale=ocr.RENDER_DPI / 72)
    doc = scan.document("扫描件.pdf", total_pages=3)
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == [
        "某县2024年政务公开工作要点", "一、加强政策解读",
        "1.做好政策文件解读工作，确保政策解读与政策文件同步起草。责任单位：县政府办公室。"]
    notes = {n.code: n for n in doc.notes}
    assert notes["ocr_low_confidence"].items == ("件同步起草。责任单位：县政府办公室。",)
    assert notes["pages_cut"].params == {"total": 3, "read": 1}
    warnings = [w.code for w in check_plan(parse_document(doc))]
    assert warnings[:3] == ["ocr_used", "ocr_low_confidence", "pages_cut"]


@pytest.mark.parametrize(("raw", "tidy"), [("烟芝政办发[2024]2号", "烟芝政办发〔2024〕2号"),
                                           ("鲁政办发【2024】9号", "鲁政办发〔2024〕9号"),
                                           ("高水平开放丶高质量", "高水平开放、高质量"), ("一3一", "— 3 —"),
                                           ("2024年[重点]工作", "2024年[重点]工作")])
def test_ocr_confusions_of_official_documents_are_undone(raw, tidy):
    assert ocr.tidy(raw) == tidy


def test_pdf_over_the_page_cap_is_read_to_the_cap_and_says_so(monkeypatch):
    import core.readers.pdf as pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    doc = read_document(FIXTURES / "pdf" / "002_0b33f68d6bab1fb5.pdf")
    assert [(n.code, n.params) for n in doc.notes] == [("pages_cut", {"total": 6, "read": 2})]
    assert "pages_cut" in [w.code for w in check_plan(parse_document(doc))]


def test_a_page_photo_is_recognised_with_the_ocr_extra():
    pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra (sh tools/setup.sh --ocr) is not installed")
    doc = read_document(FIXTURES / "scan" / "page1.png")
    text = doc.text()
    assert "政务公开工作要点" in text and "ocr_used" in [n.code for n in doc.notes]


def test_ocr_runs_without_the_network():
    pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra (sh tools/setup.sh --ocr) is not installed")
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from test_no_network import guarded

    res = guarded("parse", str(FIXTURES / "scan" / "page1.png"))
    assert "NETWORK" not in res.stderr, res.stderr
    assert res.returncode in (0, 2) and "Traceback" not in res.stderr


def stamped_scan() -> bytes:
    """The scan fixture as an OA system hands it out: a line of text stamped on every page."""
    import io

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(SCAN.read_bytes())
    font = raw.FPDFText_LoadStandardFont(pdf.raw, b"Helvetica")
    for index in range(len(pdf)):
        page = pdf[index]
        text = raw.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", 9.0)
        stamp = f"Published online 2024-07-01 page {index + 1}\0"
        buf = (raw.FPDF_WCHAR * len(stamp)).from_buffer_copy(stamp.encode("utf-16-le"))
        raw.FPDFText_SetText(text, buf)
        raw.FPDFPageObj_Transform(text, 1, 0, 0, 1, 40, 20)
        raw.FPDFPage_InsertObject(page.raw, text)
        raw.FPDFPage_GenerateContent(page.raw)
        page.close()
    raw.FPDFFont_Close(font)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_a_scan_with_a_stamped_text_line_on_each_page_is_still_a_scan(no_ocr, tmp_path):
    path = tmp_path / "扫描件（网络公开）.pdf"
    path.write_bytes(stamped_scan())
    import pypdfium2 as pdfium

    assert "Published online" in pdfium.PdfDocument(path.read_bytes())[0].get_textpage().get_text_range()
    with pytest.raises(InputError) as err:
        read_document(path)
    assert err.value.code == "scanned"


def test_a_box_across_a_table_rule_is_cut_between_the_characters_on_either_side():
    chars = [(100, 120, "做"), (120, 140, "好"), (140, 160, "解"), (160, 180, "读"), (215, 235, "县"), (235, 255, "办")]
    box = (100, 50, 255, 70, "做好解读县办", 0.9, chars)
    parts = ocr.split_at_rules(box, [(200 / 2, 0, 1000)], scale=2)  # a rule at x=200 px, the whole page down
    assert [p[4] for p in parts] == ["做好解读", "县办"] and parts[1][0] == 215
    no_positions = ocr.split_at_rules(box[:6], [(200 / 2, 0, 1000)], scale=2)
    assert [p[4] for p in no_positions] == ["做好解读", "县办"]
    assert ocr.split_at_rules(box, [(200 / 2, 500, 1000)], scale=2) == [box]  # the rule is elsewhere on the page


def test_a_ruled_scanned_table_keeps_its_cells_rows_and_merges(monkeypatch):
    """Rules found in the image separate cells, rows, and merged cells (no rule above) from empty ones."""
    s = ocr.RENDER_DPI / 72
    header = [(60 * s, 100 * s, 150 * s, 112 * s, "工作任务", 0.99), (260 * s, 100 * s, 350 * s, 112 * s, "责任单位", 0.99)]
    row1 = [(60 * s, 130 * s, 410 * s, 142 * s, "做好政策文件解读工作县政府办公室", 0.95,
             [(60 * s + i * 12 * s, 60 * s + (i + 1) * 12 * s, ch) for i, ch in enumerate("做好政策文件解读工作")]
             + [(260 * s + i * 12 * s, 260 * s + (i + 1) * 12 * s, ch) for i, ch in enumerate("县政府办公室")])]
    row2 = [(60 * s, 160 * s, 180 * s, 172 * s, "公开预算决算信息", 0.95)]
    vertical = [(50, 95, 180), (250, 95, 180), (450, 95, 180)]
    horizontal = [(95, 50, 450), (120, 50, 450), (150, 50, 250), (180, 50, 450)]  # none above row 2's unit cell
    monkeypatch.setattr(ocr, "recognise", lambda image: header + row1 + row2)
    monkeypatch.setattr(ocr, "ruled_lines", lambda image, scale: (vertical, horizontal))

    class Image:
        ndim = 3

    scan = ocr.Scan()
    scan.add_page(Image(), 0, scale=s)
    table = scan.document("台账.png").blocks[0]
    assert [[(c.text, c.merged_up) for c in row] for row in table.rows] == [
        [("工作任务", False), ("责任单位", False)],
        [("做好政策文件解读工作", False), ("县政府办公室", False)],
        [("公开预算决算信息", False), ("县政府办公室", True)]]
