"""The .xlsx reader: a 台账 sheet becomes a Table with merges flagged and values as printed."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from core.errors import InputError
from core.readers.document import Paragraph, Table
from core.readers.xlsx import XlsxReader, render


def workbook_bytes(build) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    build(wb.active)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def read(data: bytes):
    return XlsxReader().read_bytes(data, "t.xlsx")


def ledger(ws) -> None:
    ws["A1"] = "某市2024年政务公开工作要点台账"
    ws.merge_cells("A1:D1")
    ws.append(["序号", "工作任务", "责任单位", "完成时限"])
    ws.append([1.0, "深入解读政策", "市政府办公室", dt.datetime(2024, 6, 30)])
    ws.append([2.0, "回应社会关切", None, None])
    ws.merge_cells("C3:C4")


def test_title_row_merged_across_becomes_paragraph_before_table():
    doc = read(workbook_bytes(ledger))
    assert isinstance(doc.blocks[0], Paragraph) and doc.blocks[0].text == "某市2024年政务公开工作要点台账"
    assert isinstance(doc.blocks[1], Table)
    assert [c.text for c in doc.blocks[1].rows[0]] == ["序号", "工作任务", "责任单位", "完成时限"]


def test_numbers_and_dates_are_rendered_as_printed():
    rows = read(workbook_bytes(ledger)).blocks[1].rows
    assert [c.text for c in rows[1]] == ["1", "深入解读政策", "市政府办公室", "2024-06-30"]


def test_vertical_merge_repeats_unit_flagged_up():
    rows = read(workbook_bytes(ledger)).blocks[1].rows
    assert rows[2][2].text == "市政府办公室" and rows[2][2].merged_up and not rows[1][2].merged_up


def test_horizontal_merge_in_body_is_flagged_left():
    def build(ws):
        ws.append(["序号", "任务", "单位"])
        ws.append(["一", "总体要求", None])
        ws.merge_cells("B2:C2")
        ws.append([1, "公开", "办公室"])

    rows = read(workbook_bytes(build)).blocks[0].rows
    assert [(c.text, c.merged_left) for c in rows[1]] == [("一", False), ("总体要求", False), ("总体要求", True)]


def test_fully_empty_rows_and_columns_are_dropped():
    def build(ws):
        ws["B2"] = "任务"
        ws["D2"] = "单位"
        ws["B5"] = "公开"
        ws["D5"] = "办公室"
        ws["Z9000"] = None  # a touched but empty far cell must not widen the table

    rows = read(workbook_bytes(build)).blocks[0].rows
    assert [[c.text for c in r] for r in rows] == [["任务", "单位"], ["公开", "办公室"]]


def test_empty_sheets_give_no_blocks():
    import openpyxl

    wb = openpyxl.Workbook()
    wb.create_sheet("空")
    buf = io.BytesIO()
    wb.save(buf)
    assert read(buf.getvalue()).blocks == []


def test_render_keeps_fractions_and_percentages():
    assert render(1.5) == "1.5" and render(3) == "3" and render(0.25, "0%") == "25%"
    assert render(dt.date(2024, 1, 2)) == "2024-01-02" and render(" 文字 ") == "文字"


def test_old_xls_is_refused():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "Workbook".encode("utf-16-le")
    with pytest.raises(InputError) as err:
        read(ole)
    assert err.value.code == "old_xls"


def test_docx_given_as_xlsx_is_named_not_crashed():
    from office_builders import docx_bytes, p

    with pytest.raises(InputError) as err:
        read(docx_bytes(p("x")))
    assert err.value.code == "unsupported_format"


def test_real_zhuhai_ledger_reads_title_and_merged_task_cells(shared_dir):
    doc = XlsxReader().read(shared_dir / "plans" / "005_zhuhai-2019-taizhang.xlsx")
    assert doc.blocks[0] == Paragraph("珠海市2019年政务公开工作要点分工方案")
    table = doc.blocks[1]
    assert [c.text for c in table.rows[0]] == ["序号", "工作任务", "具体内容", "责任单位", "时间要求"]
    section = table.rows[1]
    assert section[0].text == "一" and all(c.merged_left for c in section[2:])
    row3 = next(r for r in table.rows if r[0].text == "3")
    assert row3[1].text.startswith("(二)积极回应社会关切") and row3[1].merged_up
    assert [r[0].text for r in table.rows[2:5]] == ["1", "2", "3"]


def test_merge_over_the_whole_sheet_is_refused_before_loading():
    import zipfile

    data = workbook_bytes(lambda ws: (ws.__setitem__("A1", "x"), ws.merge_cells("A1:B2")))
    src = zipfile.ZipFile(io.BytesIO(data))
    members = {n: src.read(n) for n in src.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    members[sheet] = members[sheet].replace(b'ref="A1:B2"', b'ref="A1:XFD1048576"')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, blob in members.items():
            zf.writestr(name, blob)
    with pytest.raises(InputError) as err:
        read(out.getvalue())
    assert err.value.code == "corrupt"
