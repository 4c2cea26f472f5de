"""Build tests/fixtures/pdf/table-merged.pdf: a 分解表 with merged cells, printed to PDF by LibreOffice.

    .venv/bin/python tools/make_table_pdf.py [--out tests/fixtures/pdf/table-merged.pdf]

The table is the six-column case of tests/core/test_table_shapes.py (a 重点任务 merged over its
measures, a 责任单位 merged down, several time steps in one cell), written as .docx by
tests/core/table_builders.py and converted with `soffice --convert-to pdf`. Made material,
nothing from ../shared. Regenerate only on purpose and commit the result.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "core")]

TITLE = "某区2021年政务公开工作要点任务分解表"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "fixtures" / "pdf" / "table-merged.pdf")
    args = ap.parse_args(argv)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice (LibreOffice) not found", file=sys.stderr)
        return 1
    from table_builders import docx_file_bytes
    from test_table_shapes import SIX_COLUMNS

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "table-merged.docx"
        src.write_bytes(docx_file_bytes(TITLE, SIX_COLUMNS))
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=300)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes((Path(tmp) / "table-merged.pdf").read_bytes())
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
