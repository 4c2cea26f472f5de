"""Render exports as a clerk would print them: LibreOffice → PDF → PNG pages, and measure the pages.

    .venv/bin/python tools/render_exports.py PLAN_FILE OUT_DIR [--unit U] [--script S] [--png-dpi 60] [--docs]

Imports the plan into a throw-away database, records some progress on it (a report of an
untouched plan is only its appendix), writes the Word 报告, the Word 台账 and the Excel 台账,
and renders each to PDF and PNG pages under OUT_DIR with the CJK font aliases of
tests/fonts.conf, printing each file's page count and how full each page is. The render test
(tests/core/test_export_render.py) uses the same functions. --docs also copies page 1 of each
export to docs/export-<kind>.png for the README.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FONTS_CONF = ROOT / "tests" / "fonts.conf"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOPPM = shutil.which("pdftoppm")
PDFTOTEXT = shutil.which("pdftotext")
KINDS = (("report", "docx", "report"), ("ledger", "docx", "ledger"), ("ledger-xlsx", "xlsx", "ledger"))
INK_LEVEL = 160  # a grey pixel darker than this is ink


def render_env() -> dict[str, str]:
    return {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "SAL_USE_VCLPLUGIN": "svp"}


def to_pdf(path: Path, out_dir: Path, profile: Path) -> Path:
    """LibreOffice headless: `path` → `out_dir`/<stem>.pdf."""
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out_dir), str(path)], check=True, capture_output=True, timeout=240,
                   env=render_env())
    return out_dir / f"{path.stem}.pdf"


def page_images(pdf: Path, dpi: int = 30, fmt: str = "-gray") -> list[Path]:
    """pdftoppm pages of `pdf` (PGM for measuring, or PNG with fmt="-png")."""
    prefix = pdf.with_name(pdf.stem + f"-p{dpi}")
    subprocess.run([PDFTOPPM, fmt, "-r", str(dpi), str(pdf), str(prefix)], check=True, capture_output=True,
                   timeout=120)
    suffix = ".png" if fmt == "-png" else ".pgm"
    return sorted(pdf.parent.glob(f"{prefix.name}-*{suffix}"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def page_texts(pdf: Path) -> list[str]:
    """The text of each page (pdftotext; pages end with a form feed)."""
    out = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=120)
    pages = out.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def part_ends(texts: list[str]) -> set[int]:
    """Pages (0-based) after which a new part starts — the report's 附件, the Excel summary sheet —
    and the last page: those may be partly empty."""
    starts = {i for i, t in enumerate(texts) if t.strip().startswith("附件") or "情况汇总" in t or "情況彙總" in t}
    return {i - 1 for i in starts if i > 0} | {len(texts) - 1}


@dataclass
class Rendered:
    pdf: Path
    fills: list[float]  # how far down each page the ink reaches
    texts: list[str]

    @property
    def half_empty(self) -> list[int]:
        """1-based numbers of pages more than half empty that do not end a part."""
        ends = part_ends(self.texts)
        return [i + 1 for i, fill in enumerate(self.fills) if fill < 0.5 and i not in ends]


def _read_pgm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    fields, pos = [], 0
    while len(fields) < 4:  # magic, width, height, maxval; comments start with #
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[pos + 1:pos + 1 + width * height]


def page_fill(pgm: Path, top_mm: float, bottom_mm: float, page_mm: float) -> float:
    """How far down its text block a page's ink reaches (0 empty … 1 full), footer left out."""
    width, height, pixels = _read_pgm(pgm)
    top, bottom = round(height * top_mm / page_mm), round(height * (1 - bottom_mm / page_mm))
    last = top
    for y in range(top, bottom):
        row = pixels[y * width:(y + 1) * width]
        if min(row) < INK_LEVEL:
            last = y
    return (last - top) / max(bottom - top, 1)


def record_progress(service, plan_id: int, today: dt.date) -> None:
    """Progress as a clerk has it half-way through the year: about two tasks in three reported on,
    notes of every length (one with a long web address), completion dates on the finished ones."""
    from core.domain.status import Status

    tasks = [n for n in service.tree(plan_id) if n.is_task]
    for i, task in enumerate(tasks):
        if i % 3 == 2:
            continue
        status = (Status.DONE, Status.ONGOING, Status.DOING)[i % 3 if i % 3 < 2 else 0]
        if i % 5 == 4:
            status = Status.DOING
        service.set_status(task.id, status)
        subject = re.split(r"[，,；;]", task.title)[0][:18]
        note = (f"已按要求推进“{subject}”相关工作。"
                + ("在政府门户网站政务公开专栏集中发布相关信息，同步推送政务新媒体，接受社会监督。" if i % 2 else "")
                + ("相关信息见 http://www.example.gov.cn/zwgk/zdlyxxgk/2020/index_12345.html 。" if i % 7 == 3
                   else "")
                + ("下一步将持续跟踪落实情况，做好信息更新和政策解读工作。" if i % 4 == 1 else ""))
        service.set_note(task.id, note)
        if status is Status.DONE:
            service.set_completed_on(task.id, today - dt.timedelta(days=3 * i + 5))


def render_plan(plan_file: Path, out_dir: Path, unit: str | None = None, script: str = "original",
                reporter: str = "市政府办公室", png_dpi: int | None = 60) -> dict[str, Rendered]:
    """Export `plan_file` three ways into `out_dir`; returns each export's PDF and page measures."""
    from core.export import ExportOptions, export_plan
    from core.export import gbt9704 as G
    from core.parse.source import parse_file
    from core.service.facade import PlanService

    out_dir.mkdir(parents=True, exist_ok=True)
    results: dict[str, Rendered] = {}
    with tempfile.TemporaryDirectory() as tmp:
        today = dt.date.today()  # history is stamped with the real clock: report as of now
        service = PlanService(Path(tmp) / "render.sqlite3")
        try:
            plan_id = service.import_plan(parse_file(plan_file)).plan_id
            record_progress(service, plan_id, today)
            for kind, fmt, style in KINDS:
                opts = ExportOptions(format=fmt, style=style, unit=unit, reporter=reporter, script=script)
                path = export_plan(service, plan_id, opts, out_dir / f"{plan_file.stem[:3]}-{kind}.{fmt}")
                pdf = to_pdf(path, out_dir, Path(tmp) / "lo-profile")
                portrait = kind == "report"
                page_mm = G.A4_HEIGHT_MM if portrait else G.A4_WIDTH_MM
                top, bottom = ((G.MARGIN_TOP_MM, G.MARGIN_BOTTOM_MM) if portrait
                               else (G.LEDGER_MARGIN_TOP_MM, G.LEDGER_MARGIN_BOTTOM_MM) if fmt == "docx"
                               else (25.4, 25.4))  # openpyxl's default 1-inch top and bottom
                fills = [page_fill(p, top, bottom, page_mm) for p in page_images(pdf)]
                results[kind] = Rendered(pdf, fills, page_texts(pdf))
                if png_dpi:
                    page_images(pdf, png_dpi, "-png")
        finally:
            service.close()
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("plan", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--unit")
    ap.add_argument("--script", default="original")
    ap.add_argument("--png-dpi", type=int, default=60)
    ap.add_argument("--docs", action="store_true", help="copy page 1 of each export to docs/export-<kind>.png")
    args = ap.parse_args(argv)
    for kind, got in render_plan(args.plan, args.out, args.unit, args.script, png_dpi=args.png_dpi).items():
        print(f"{kind:12} {len(got.fills):3} pages  fill " + " ".join(f"{f:.2f}" for f in got.fills)
              + (f"  half-empty: {got.half_empty}" if got.half_empty else ""))
        if args.docs:
            subprocess.run([PDFTOPPM, "-png", "-gray", "-r", "90", "-f", "1", "-l", "1", "-singlefile",
                            str(got.pdf), str(ROOT / "docs" / f"export-{kind}")], check=True, timeout=120)
            print(f"  → docs/export-{kind}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
