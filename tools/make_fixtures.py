"""Build the reader fixtures in tests/fixtures/<format>/ from the real plans in ../shared/plans.

    .venv/bin/python tools/make_fixtures.py [--shared ../shared] [--out tests/fixtures]

Each fixture is one real plan (000–004, read with our own text reader) in a format a clerk
meets: other encodings, Word with real automatic numbering, Word and web tables with merged
cells, an Excel 台账, a LibreOffice PDF. Regenerate only on purpose and commit the result;
the PDF step is skipped when LibreOffice (soffice) is not installed.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.readers.text import TextReader  # noqa: E402
from tools.fixture_docs import numbered_docx, table_docx, table_html, taizhang_xlsx  # noqa: E402

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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "fixtures")
    args = ap.parse_args(argv)
    if not (args.shared / "plans").is_dir():
        print(f"no plans under {args.shared}", file=sys.stderr)
        return 1
    text_fixtures(args.shared, args.out)
    made = office_fixtures(args.shared, args.out)
    pdf_fixtures(made, args.out)
    total = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"total {total / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
