"""Family f: the same Word and Excel plans as binary .doc/.xls and as PDF, made by LibreOffice.

Offices still send 97–2003 files, and many plans arrive as a PDF printed from Word. These need
LibreOffice (soffice) to write; without it the family is unavailable (`available()`), and the
rest of the material is unaffected. (PDF bytes carry a creation time, so only their text and
gold repeat from run to run.)
"""

from __future__ import annotations

import random
import shutil
import subprocess
import tempfile
from pathlib import Path

from tools.unseen.table_families import family_c
from tools.unseen.text_families import Doc

# family c's kinds this family converts: a Word table, an Excel 台账, Word automatic numbering
_SOURCES = [(1, "doc"), (2, "xls"), (3, "doc"), (3, "pdf"), (1, "pdf")]
_PROFILE: list[Path] = []


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    return soffice() is not None


def convert(data: bytes, src_ext: str, dst_ext: str) -> bytes:
    """The document converted by LibreOffice headless (one profile per run, so it starts once)."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("family f needs LibreOffice (soffice) to write .doc/.xls")
    if not _PROFILE:
        _PROFILE.append(Path(tempfile.mkdtemp(prefix="unseen-lo-")))
    with tempfile.TemporaryDirectory(prefix="unseen-conv-") as tmp:
        src = Path(tmp) / f"plan.{src_ext}"
        src.write_bytes(data)
        subprocess.run([exe, "--headless", f"-env:UserInstallation={_PROFILE[0].as_uri()}", "--convert-to", dst_ext,
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=180)
        return (Path(tmp) / f"plan.{dst_ext}").read_bytes()


def family_f(rng: random.Random, i: int, seed: int) -> Doc:
    """A family c Word table, Excel 台账 or numbered Word prose, saved as .doc, .xls or .pdf."""
    kind, ext = _SOURCES[i % len(_SOURCES)]
    source = family_c(rng, kind, seed)
    return Doc("f", f"{ext}-{source.name}", ext, convert(source.data, source.ext, ext), source.gold)
