"""OFD (GB/T 33190): text placed by position comes back as lines, paragraphs and tables."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from core.errors import InputError
from core.readers import read_document
from core.readers.document import Paragraph, Table
from core.readers.layout import deltas
from core.readers.ofd import OfdReader

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NS = "http://www.ofdspec.org/2016"


def text(x: float, y: float, chars: str, size: float = 5.0, extra: str = "", delta: str | None = None) -> str:
    delta = delta or f"g {max(len(chars) - 1, 0)} {size:g}"
    return (f'<ofd:TextObject ID="9" Boundary="{x} {y} 150 8" Size="{size}" Font="3" {extra}>'
            f'<ofd:TextCode X="0" Y="{size}" DeltaX="{delta}">{chars}</ofd:TextCode></ofd:TextObject>')


def page(*objects: str, template: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}">{template}<ofd:Content>'
            f'<ofd:Layer ID="2">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')


def ofd(pages: list[str], templates: dict[str, str] | None = None, title: str = "") -> bytes:
    tpl = "".join(f'<ofd:TemplatePage ID="{i}" BaseLoc="Tpls/Tpl_{i}/Content.xml"/>' for i in (templates or {}))
    members = {
        "OFD.xml": f'<ofd:OFD xmlns:ofd="{NS}" Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
                   f"<ofd:Title>{title}</ofd:Title></ofd:DocInfo><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot>"
                   "</ofd:DocBody></ofd:OFD>",
        "Doc_0/Document.xml": f'<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>{tpl}</ofd:CommonData><ofd:Pages>'
                              + "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
                                        for i in range(len(pages))) + "</ofd:Pages></ofd:Document>"}
    members.update({f"Doc_0/Pages/Page_{i}/Content.xml": p for i, p in enumerate(pages)})
    members.update({f"Doc_0/Tpls/Tpl_{i}/Content.xml": t for i, t in (templates or {}).items()})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def paragraphs(data: bytes) -> list[str]:
    return [b.text for b in OfdReader().read_bytes(data).blocks if isinstance(b, Paragraph)]


def test_delta_x_repeats_expand():
    assert deltas("g 3 5.6 2 g 2 1") == [5.6, 5.6, 5.6, 2.0, 1.0, 1.0]
    assert deltas("1 x 2 g") == [1.0, 2.0]


def test_glyphs_on_one_baseline_make_one_line_in_x_order_whatever_their_objects():
    data = ofd([page(text(50, 40, "政策解读"), text(30, 40.3, "一、加强"), text(30, 60, "1.做好公开。"))])
    assert paragraphs(data) == ["一、加强政策解读", "1.做好公开。"]


def test_transform_matrix_scales_and_moves_the_text():
    scaled = text(0, 0, "一、加强政策解读", size=2.5, extra='CTM="2 0 0 2 30 40"')
    data = ofd([page(scaled, text(30, 60, "1.做好公开。"))])
    assert paragraphs(data) == ["一、加强政策解读", "1.做好公开。"]


def test_wide_gaps_split_cells_and_aligned_lines_make_a_table():
    rows = [text(30, 40, "工作任务"), text(100, 40, "责任单位"), text(150, 40, "时限"),
            text(30, 50, "做好解读"), text(100, 50, "县政府办"), text(150, 50, "6月底前")]
    blocks = OfdReader().read_bytes(ofd([page(*rows)])).blocks
    assert [[c.text for c in row] for row in blocks[0].rows] == [["工作任务", "责任单位", "时限"],
                                                                 ["做好解读", "县政府办", "6月底前"]]


def test_template_page_numbers_are_dropped_and_its_header_kept():
    tpl = page(text(90, 280, "— 1 —"), text(30, 20, "某县人民政府办公室文件"))
    body = page(text(30, 40, "一、加强政策解读"), template='<ofd:Template TemplateID="7" ZOrder="Background"/>')
    assert paragraphs(ofd([body], {"7": tpl})) == ["某县人民政府办公室文件", "一、加强政策解读"]


def test_pages_of_images_only_are_named_a_scan():
    image = '<ofd:ImageObject ID="5" Boundary="0 0 210 297" ResourceID="6"/>'
    with pytest.raises(InputError) as err:
        OfdReader().read_bytes(ofd([page(image)]))
    assert err.value.code == "scanned"


@pytest.mark.parametrize("broken", [
    {"OFD.xml": "<ofd:OFD xmlns:ofd='x'/>"},
    {"OFD.xml": "<ofd:OFD xmlns:ofd='x'><ofd:DocBody><ofd:DocRoot>Doc_9/Document.xml</ofd:DocRoot></ofd:DocBody>"
                "</ofd:OFD>"},
    {"Doc_0/Document.xml": f'<ofd:Document xmlns:ofd="{NS}"><ofd:Pages/></ofd:Document>'},
    {"Doc_0/Pages/Page_0/Content.xml": "<ofd:Page><unclosed"},
])
def test_damaged_packages_are_named_damaged(broken):
    base = zipfile.ZipFile(io.BytesIO(ofd([page(text(30, 40, "一、加强"))])))
    data = {n: base.read(n) for n in base.namelist()}
    data.update({k: v.encode() for k, v in broken.items()})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, body in data.items():
            zf.writestr(name, body)
    with pytest.raises(InputError) as err:
        OfdReader().read_bytes(buf.getvalue())
    assert err.value.code == "corrupt"


def test_more_pages_than_the_cap_are_read_up_to_it_and_noted(monkeypatch):
    import core.readers.ofd as ofd_module

    monkeypatch.setattr(ofd_module, "MAX_PAGES", 1)
    doc = OfdReader().read_bytes(ofd([page(text(30, 40, "一、加强政策解读")), page(text(30, 40, "二、推进"))]))
    assert [b.text for b in doc.blocks] == ["一、加强政策解读"]
    assert [(n.code, n.params) for n in doc.notes] == [("pages_cut", {"total": 2, "read": 1})]


def test_title_comes_from_doc_info():
    assert OfdReader().read_bytes(ofd([page(text(30, 40, "一、加强"))], title="某县要点")).title_hint == "某县要点"


def test_fixture_joins_wrapped_lines_and_drops_page_numbers_and_keeps_the_colophon():
    doc = read_document(FIXTURES / "ofd" / "002_0b33f68d6bab1fb5.ofd")
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert any(t.startswith("2.持續深化地方政府債務信息公開") and t.endswith("償債資金來源等信息。") for t in texts)
    assert not any("—" in t and any(ch.isdigit() for ch in t) and len(t) < 8 for t in texts)
    assert texts[-2].startswith("抄送：")
    assert not any(isinstance(b, Table) for b in doc.blocks)


def test_package_written_with_dot_slash_and_backslash_names_still_reads():
    base = zipfile.ZipFile(io.BytesIO(ofd([page(text(30, 40, "一、加强政策解读"))])))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in base.namelist():
            zf.writestr("./" + name if name.startswith("Doc_0/Pages") else name.replace("/", "\\"), base.read(name))
    assert paragraphs(buf.getvalue()) == ["一、加强政策解读"]


def test_page_locations_given_from_the_package_root_without_a_slash_still_resolve():
    data = ofd([page(text(30, 40, "一、加强政策解读"))])
    base = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in base.namelist():
            body = base.read(name)
            if name == "Doc_0/Document.xml":
                body = body.replace(b'BaseLoc="Pages/', b'BaseLoc="Doc_0/Pages/')
            zf.writestr(name, body)
    assert paragraphs(buf.getvalue()) == ["一、加强政策解读"]
