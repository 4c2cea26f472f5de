"""Build the reader fixtures in tests/fixtures/<format>/ from the real plans in ../shared/plans.

    .venv/bin/python tools/make_fixtures.py [--shared ../shared] [--out tests/fixtures]

Each fixture is one real plan (000–006, read with our own text reader) in a format a clerk
meets: other encodings, Word with real automatic numbering, Word and web tables with merged
cells, an Excel 台账, a LibreOffice PDF; then the old and national formats made from those:
Word 97 .doc and WPS .wps, Excel 97 .xls and WPS .et (LibreOffice's binary filters; WPS
writes the same OLE/BIFF8 files, so the .wps/.et copies are those bytes under WPS names), RTF
saved as .doc, OFD printed by tools/fixture_ofd.py, and a scan: the PDF rendered to page
images (poppler's pdftoppm) and put back together as an image-only PDF. Regenerate only on
purpose and commit the result; steps needing soffice or pdftoppm are skipped without them.
"""

from __future__ import annotations

import argparse
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.readers.text import TextReader  # noqa: E402
from tools.fixture_docs import (  # noqa: E402
    numbered_docx,
    plan_levels,
    printed_docx,
    table_docx,
    table_html,
    taizhang_xlsx,
)

PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\s*\)")


def plan_lines(shared: Path, prefix: str) -> tuple[str, list[str]]:
    """The plan's file stem and its non-empty lines, read as the app reads a .txt."""
    path = next((shared / "plans").glob(f"{prefix}_*.txt"))
    doc = TextReader().read(path)
    return path.stem, [b.text for b in doc.blocks]


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {len(data):>7} bytes")


def text_fixtures(shared: Path, out: Path) -> None:
    """The text plans as Windows and Taiwan/Hong Kong machines save them."""
    for prefix, codec, name in (("000", "gb18030", "gb18030"), ("002", "utf-16", "utf16le_bom"),
                                ("003", "utf-16-le", "utf16le_nobom"), ("004", "gb18030", "gb18030")):
        stem, _ = plan_lines(shared, prefix)
        text = (shared / "plans" / f"{stem}.txt").read_text(encoding="utf-8")
        if codec == "utf-16":
            data = b"\xff\xfe" + text.encode("utf-16-le")
        else:
            data = text.encode(codec)
        write(out / "txt" / f"{stem}.{name}.txt", data)
    # Big5 cannot hold the pinyin a web page annotated 001 with (a Big5 copy never had it)
    stem, _ = plan_lines(shared, "001")
    text = PINYIN.sub("", (shared / "plans" / f"{stem}.txt").read_text(encoding="utf-8"))
    write(out / "txt" / f"{stem}.big5.txt", text.replace("\xa0", " ").encode("big5", errors="replace"))


def office_fixtures(shared: Path, out: Path) -> dict[str, Path]:
    made = {}
    for prefix in ("002", "004"):
        stem, lines = plan_lines(shared, prefix)
        made[prefix] = out / "docx" / f"{stem}.numbered.docx"
        write(made[prefix], numbered_docx(lines))
    stem, lines = plan_lines(shared, "000")
    write(out / "docx" / f"{stem}.table.docx", table_docx(lines))
    write(out / "html" / f"{stem}.table.gbk.html", table_html(lines).encode("gbk", errors="replace"))
    stem, lines = plan_lines(shared, "003")
    write(out / "xlsx" / f"{stem}.taizhang.xlsx", taizhang_xlsx(lines))
    return made


def pdf_fixtures(docx_by_plan: dict[str, Path], out: Path) -> None:
    """A text-layer PDF printed by LibreOffice from the numbered Word file, and a locked one."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("  (soffice not found: PDF fixtures skipped)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        src = docx_by_plan["002"]
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=300)
        pdf = Path(tmp) / (src.stem + ".pdf")
        write(out / "pdf" / (src.stem.replace(".numbered", "") + ".pdf"), pdf.read_bytes())
        tiny = Path(tmp) / "locked.docx"
        tiny.write_bytes(numbered_docx(["一、加密文件", "正文。"]))
        locked = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
                  '"DocumentOpenPassword":{"type":"string","value":"taizhang"}}')
        subprocess.run([soffice, "--headless", "--convert-to", locked, "--outdir", tmp, str(tiny)],
                       check=True, capture_output=True, timeout=300)
        write(out / "pdf" / "locked.pdf", (Path(tmp) / "locked.pdf").read_bytes())


def convert(src: Path, fmt: str, tmp: Path) -> Path:
    """LibreOffice headless: `src` saved in `fmt` ("doc", "xls", "rtf", "pdf") inside `tmp`."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([soffice, "--headless", "--convert-to", fmt, "--outdir", str(tmp), str(src)],
                   check=True, capture_output=True, timeout=300)
    return tmp / (src.stem + "." + fmt)


def word97_continue_lists(path: Path, ilvls: set[int]) -> None:
    """Set fNoRestart on list levels that keep counting across higher levels, as Word writes a
    .doc of such a list; LibreOffice's .doc filter drops that (docx lvlRestart=0) on export."""
    import olefile

    from core.readers.doc_lists import _LSTF, _level
    from core.readers.doc_text import read_fib

    ole = olefile.OleFileIO(str(path), write_mode=True)
    try:
        fib = read_fib(ole.openstream("WordDocument").read())
        table = bytearray(ole.openstream(fib.table_stream).read())
        fc, _ = fib.pair(73)
        count = struct.unpack_from("<h", table, fc)[0]
        pos = fc + 2 + _LSTF * count
        for i in range(count):
            simple = table[fc + 2 + _LSTF * i + 26] & 0x01
            for ilvl in range(1 if simple else 9):
                if ilvl in ilvls:
                    table[pos + 5] |= 0x08
                _, pos = _level(bytes(table), pos)
        ole.write_stream(fib.table_stream, bytes(table))
    finally:
        ole.close()


def styled_docx() -> bytes:
    """Headings numbered through their styles (标题 1 → 一、, 标题 2 → （一）), as Word users number."""
    import io

    import docx
    from docx.oxml import parse_xml

    from tools.fixture_docs import W, numbering_xml

    document = docx.Document()
    part = document.part.numbering_part
    fresh = parse_xml(numbering_xml({"cn": (0, "%1、", True), "paren": (1, "（%2）", True)}))
    for child in list(part.element):
        part.element.remove(child)
    for child in list(fresh):
        part.element.append(child)
    for name, ilvl in (("Heading 1", 0), ("Heading 2", 1)):
        document.styles[name].element.get_or_add_pPr().insert(0, parse_xml(
            f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="3"/></w:numPr>'))
    document.add_paragraph("某县2024年政务公开工作要点")
    for section, items in (("加强政策解读", ["做好解读", "回应关切"]), ("推进决策公开", ["公开草案"])):
        document.add_paragraph(section, style="Heading 1")
        for item in items:
            document.add_paragraph(item, style="Heading 2")
            document.add_paragraph("1.正文任务。责任单位：县政府办公室。")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def word97_style_numbering_only(path: Path) -> None:
    """Leave list numbers to the paragraphs' styles, as Word writes style-numbered headings:
    LibreOffice repeats sprmPIlfo/sprmPIlvl in every paragraph, so turn those into a no-op sprm."""
    import olefile

    from core.readers.doc_props import SPRM_P_ILFO, SPRM_P_ILVL
    from core.readers.doc_text import read_fib

    ole = olefile.OleFileIO(str(path), write_mode=True)
    try:
        word = bytearray(ole.openstream("WordDocument").read())
        fib = read_fib(bytes(word))
        table = ole.openstream(fib.table_stream).read()
        fc, lcb = fib.pair(13)
        n = (lcb - 4) // 8
        for pn in struct.unpack_from(f"<{n}I", table, fc + 4 * (n + 1)):
            page = (pn & 0x3FFFFF) * 512
            for sprm, dummy in ((SPRM_P_ILFO, 0x4A43), (SPRM_P_ILVL, 0x2A42)):  # → sprmCHps/sprmCCv-sized no-ops
                needle = struct.pack("<H", sprm)
                at = word.find(needle, page, page + 511)
                while at >= 0:
                    struct.pack_into("<H", word, at, dummy)
                    at = word.find(needle, at + 2, page + 511)
        ole.write_stream("WordDocument", bytes(word))
    finally:
        ole.close()


def revisions_docx() -> bytes:
    """A plan edited with Track Changes on (a deletion and an insertion) and a hidden note."""
    import io

    import docx
    from docx.oxml import parse_xml

    from tools.fixture_docs import W

    document = docx.Document()
    document.add_paragraph("某县2024年政务公开工作要点")
    para = document.add_paragraph()
    ns = f'xmlns:w="{W}"'
    for xml in (f"<w:r {ns}><w:t>一、加强</w:t></w:r>",
                f'<w:del {ns} w:id="1" w:author="办公室" w:date="2024-03-01T09:00:00Z"><w:r><w:delText>旧的已删去的'
                "文字</w:delText></w:r></w:del>",
                f'<w:ins {ns} w:id="2" w:author="办公室" w:date="2024-03-01T09:00:00Z"><w:r><w:t>政策</w:t></w:r>'
                "</w:ins>",
                f"<w:r {ns}><w:t>解读</w:t></w:r>"):
        para._p.append(parse_xml(xml))
    note = document.add_paragraph()
    note._p.append(parse_xml(f'<w:r xmlns:w="{W}"><w:t>1.做好政策文件解读。</w:t></w:r>'))
    note._p.append(parse_xml(f'<w:r xmlns:w="{W}"><w:rPr><w:vanish/></w:rPr><w:t>（隐藏的批注）</w:t></w:r>'))
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def features_xlsx() -> bytes:
    """A small 台账 with what BIFF8 must carry over: a title merged across, a unit merged down,
    a date, a percentage, a yes/no cell, a hidden row and a hidden column."""
    import datetime as dt
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["某县2024年政务公开工作台账", None, None, None, None])
    ws.merge_cells("A1:E1")
    ws.append(["序号", "工作任务", "责任单位", "完成时限", "进度"])
    ws.append([1, "做好政策解读", "县政府办公室", dt.date(2024, 6, 30), 0.5])
    ws.append([2, "公开预算决算", None, dt.date(2024, 12, 31), 1])
    ws.merge_cells("C3:C4")
    ws.append([3, "内部草稿（隐藏）", "县财政局", None, None])
    ws.row_dimensions[5].hidden = True
    ws.append([4, "公开重大决策", "县发展改革局", "年底前", None])
    ws["F2"] = "备注（隐藏列）"
    ws.column_dimensions["F"].hidden = True
    for row in ws.iter_rows(min_row=3, min_col=5, max_col=5):
        row[0].number_format = "0%"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def binary_fixtures(shared: Path, out: Path) -> None:
    """.doc/.wps/.xls/.et/.rtf through LibreOffice's filters, from the Word and Excel fixtures."""
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        print("  (soffice not found: .doc/.xls fixtures skipped)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        for src, fmt, name in ((out / "docx" / "002_0b33f68d6bab1fb5.numbered.docx", "doc", "doc"),
                               (out / "docx" / "000_fe581c8cd0bdab04.table.docx", "doc", "doc"),
                               (out / "docx" / "004_def7ff238cca8790.numbered.docx", "doc", "wps"),
                               (shared / "plans" / "006_pengjiang-2021-table.docx", "doc", "wps"),
                               (out / "xlsx" / "003_b0058e0bd144e67c.taizhang.xlsx", "xls", "xls"),
                               (shared / "plans" / "005_zhuhai-2019-taizhang.xlsx", "xls", "et"),
                               (out / "docx" / "000_fe581c8cd0bdab04.table.docx", "rtf", "rtf")):
            made = convert(src, fmt, tmp_dir)
            if src.name.startswith("004_"):
                _, lines = plan_lines(shared, "004")
                word97_continue_lists(made, {i for i, _, restarts in plan_levels(lines).values() if not restarts})
            write(out / name / (src.stem + "." + name), made.read_bytes())
            made.unlink()
        styled = tmp_dir / "styled.docx"
        styled.write_bytes(styled_docx())
        made = convert(styled, "doc", tmp_dir)
        word97_style_numbering_only(made)
        write(out / "doc" / "styled.doc", made.read_bytes())
        revised = tmp_dir / "revisions.docx"
        revised.write_bytes(revisions_docx())
        write(out / "doc" / "revisions.doc", convert(revised, "doc", tmp_dir).read_bytes())
        features = tmp_dir / "features.xlsx"
        features.write_bytes(features_xlsx())
        write(out / "xls" / "features.xls", convert(features, "xls", tmp_dir).read_bytes())


def ofd_fixtures(out: Path) -> None:
    """OFD printed from the Word fixtures: a numbered plan with a 版记, and a ruled table plan."""
    from core.readers import read_document
    from tools.fixture_ofd import document_ofd

    numbered = read_document(out / "docx" / "002_0b33f68d6bab1fb5.numbered.docx")
    write(out / "ofd" / "002_0b33f68d6bab1fb5.ofd", document_ofd(numbered, ("江門市蓬江區民政局辦公室", "")))
    table = read_document(out / "docx" / "000_fe581c8cd0bdab04.table.docx")
    write(out / "ofd" / "000_fe581c8cd0bdab04.table.ofd", document_ofd(table))


def scanned(docx: Path, tmp_dir: Path) -> Path:
    """`docx` printed by LibreOffice and scanned at 120 dpi in grey (JPEG pages) into an
    image-only PDF, as an office scanner makes one."""
    import pypdfium2 as pdfium

    pdf_path = convert(docx, "pdf", tmp_dir)
    subprocess.run([shutil.which("pdftoppm"), "-r", "120", "-gray", "-jpeg", "-jpegopt", "quality=70",
                    str(pdf_path), str(tmp_dir / "page")], check=True, timeout=300)
    pdf = pdfium.PdfDocument.new()
    for jpeg in sorted(tmp_dir.glob("page*.jpg")):
        image = pdfium.PdfImage.new(pdf)
        image.load_jpeg(str(jpeg), inline=True)
        width, height = image.get_px_size()
        w_pt, h_pt = width * 72 / 120, height * 72 / 120
        page = pdf.new_page(w_pt, h_pt)
        image.set_matrix(pdfium.PdfMatrix().scale(w_pt, h_pt))
        page.insert_obj(image)
        page.gen_content()
    path = tmp_dir / (docx.stem + ".scan.pdf")
    pdf.save(str(path))
    for jpeg in tmp_dir.glob("page*.jpg"):
        jpeg.unlink()
    return path


def scan_fixtures(shared: Path, out: Path, table: bool = False) -> None:
    """Plan 003 scanned (an image-only PDF) and its page 1 as PNG; with `table`, plan 000's Word
    table scanned too (19 pages, 2 MB: written to --out for scoring, not committed)."""
    if not shutil.which("pdftoppm") or not (shutil.which("soffice") or shutil.which("libreoffice")):
        print("  (pdftoppm or soffice not found: scan fixtures skipped)")
        return
    _, lines = plan_lines(shared, "003")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        if table:
            source = tmp_dir / "000_fe581c8cd0bdab04.table.docx"
            shutil.copy(ROOT / "tests" / "fixtures" / "docx" / source.name, source)
            write(out / "scan" / "000_fe581c8cd0bdab04.table.scan.pdf", scanned(source, tmp_dir).read_bytes())
            return
        docx = tmp_dir / "003_b0058e0bd144e67c.docx"
        docx.write_bytes(printed_docx(lines))
        write(out / "scan" / "003_b0058e0bd144e67c.scan.pdf", scanned(docx, tmp_dir).read_bytes())
        subprocess.run([shutil.which("pdftoppm"), "-r", "120", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile",
                        str(tmp_dir / "003_b0058e0bd144e67c.pdf"), str(tmp_dir / "first")], check=True, timeout=300)
        write(out / "scan" / "page1.png", (tmp_dir / "first.png").read_bytes())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "fixtures")
    ap.add_argument("--only", default="text,office,pdf,binary,ofd,scan",
                    help="comma-separated groups to (re)build: text, office, pdf, binary, ofd, scan; "
                         "scan-table (not committed: use with --out DIR)")
    args = ap.parse_args(argv)
    only = set(args.only.split(","))
    if not (args.shared / "plans").is_dir():
        print(f"no plans under {args.shared}", file=sys.stderr)
        return 1
    if "text" in only:
        text_fixtures(args.shared, args.out)
    if "office" in only or "pdf" in only:
        made = office_fixtures(args.shared, args.out)
        if "pdf" in only:
            pdf_fixtures(made, args.out)
    if "binary" in only:
        binary_fixtures(args.shared, args.out)
    if "ofd" in only:
        ofd_fixtures(args.out)
    if "scan" in only:
        scan_fixtures(args.shared, args.out)
    if "scan-table" in only:
        scan_fixtures(args.shared, args.out, table=True)
    total = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"total {total / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
