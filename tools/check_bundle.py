"""Check the frozen app in dist/Taizhang the way a clerk's PC would use it; exit 1 on any failure.

    python tools/check_bundle.py [BUNDLE_DIR]      (after `pyinstaller --noconfirm build.spec`)

1. `--self-test` (Chinese, then English), headless: a temporary database, the sample, a tick,
   a .docx and an .xlsx export read back, reopen, check.
2. Portable mode: with a `data/` folder beside the executable the database goes there and the
   per-user data folder stays untouched; without it, the per-user folder is used.
3. Readers: the frozen `parse --json` of one file per format equals the source tree's, JSON and
   `警告：` lines; a scan is named a scan (default folder) or recognised (the 带识别 folder,
   dist/Taizhang-OCR: a page image, and a six-page scanned plan with its scan warning).
4. Qt: none of the Qt libraries the app does not use (WebEngine, Qml/Quick, 3D, Multimedia,
   Network, Sql, Pdf, Svg, Designer, Wayland…) slipped back in.
5. Size: the unpacked folder within the budget (150 MB; the 带识别 folder 535 MB).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IS_WIN = sys.platform == "win32"
BUDGET_MB = 150
# The 带识别 folder: onnxruntime, OpenCV (opencv-python with its own Qt 5, about 190 MB) and NumPy,
# unstripped. Measured 484.3 MB on Linux (PyInstaller 6.22, rapidocr-onnxruntime 1.4.4); about 10 % above.
OCR_BUDGET_MB = 535
QT_LIB = re.compile(r"^(?:lib)?Qt6(\w+?)(?:\.so\.6|\.dll|\.dylib)$")
QT_UNUSED = re.compile(r"^(WebEngine|WebChannel|WebSockets|Qml|Quick|3D|Multimedia|Network|Sql|Pdf|Svg|Designer|"
                       r"Charts|DataVisualization|Graphs|Positioning|Location|Sensors|Bluetooth|Nfc|SerialPort|"
                       r"TextToSpeech|Wayland|Wl|EglFS|OpenGLWidgets|Test|Xml|Help|UiTools|StateMachine|Scxml)")
FIXTURES = ["docx/000_fe581c8cd0bdab04.table.docx", "html/000_fe581c8cd0bdab04.table.gbk.html",
            "pdf/002_0b33f68d6bab1fb5.pdf", "txt/001_ee8325b63230354f.big5.txt",
            "xlsx/003_b0058e0bd144e67c.taizhang.xlsx", "doc/000_fe581c8cd0bdab04.table.doc",
            "wps/004_def7ff238cca8790.numbered.wps", "xls/003_b0058e0bd144e67c.taizhang.xls",
            "et/005_zhuhai-2019-taizhang.et", "rtf/000_fe581c8cd0bdab04.table.rtf",
            "ofd/000_fe581c8cd0bdab04.table.ofd"]


def warning_lines(stderr: str) -> list[str]:
    """The import warnings `parse` prints (the import dialog's, from core/parse/checks and core/messages)."""
    return [line for line in stderr.splitlines() if line.startswith("警告：")]


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


class Checker:
    def __init__(self, bundle: Path) -> None:
        self.bundle = bundle
        self.exe = bundle / ("Taizhang.exe" if IS_WIN else "Taizhang")
        # Windows: the window program prints nothing; its console twin runs the command line.
        self.cli = bundle / "taizhang-cli.exe" if IS_WIN else self.exe
        self.failures: list[str] = []
        self.home = Path(tempfile.mkdtemp(prefix="taizhang-check-home-"))

    def env(self) -> dict[str, str]:
        """Headless, with the per-user folders pointed into a scratch home we can inspect."""
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(self.home), APPDATA=str(self.home / "AppData"),
                   XDG_DATA_HOME=str(self.home / "data"), XDG_CONFIG_HOME=str(self.home / "config"))
        env.pop("TAIZHANG_STARTUP_PROBE", None)
        return env

    def run(self, *args: str, timeout: int = 180, exe: Path | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([str(exe or self.cli), *args], capture_output=True, text=True, encoding="utf-8",
                              env=self.env(), cwd=self.bundle, timeout=timeout)

    def check(self, name: str, ok: bool, detail: str = "") -> None:
        print(f"{'ok  ' if ok else 'FAIL'}  {name}" + (f": {detail}" if detail and not ok else ""), flush=True)
        if not ok:
            self.failures.append(name)

    def self_test(self) -> None:
        for lang in ("zh_CN", "en"):
            result = self.run("--self-test", "--lang", lang)
            self.check(f"frozen --self-test --lang {lang}", result.returncode == 0,
                       (result.stderr or result.stdout).strip()[-500:])
        if self.cli != self.exe:
            result = self.run("--self-test", exe=self.exe)
            self.check(f"{self.exe.name} --self-test (the window program)", result.returncode == 0)

    def portable(self) -> None:
        data = self.bundle / "data"
        if data.exists():
            self.check("portable mode", False, f"{data} already exists; move it away to run this check")
            return
        sample = str(ROOT / "resources" / "sample_plan.json")
        data.mkdir()
        try:
            result = self.run("import", sample)
            db = data / "taizhang.sqlite3"
            self.check("portable: import writes data/taizhang.sqlite3 beside the executable",
                       result.returncode == 0 and db.is_file(), result.stderr.strip())
            self.check("portable: the per-user data folder is left alone", not list(self.home.rglob("*.sqlite3")),
                       ", ".join(map(str, self.home.rglob("*.sqlite3"))))
            result = self.run("check")
            self.check("portable: the database passes `check`", result.returncode == 0, result.stderr.strip())
        finally:
            shutil.rmtree(data, ignore_errors=True)
        result = self.run("import", sample)
        per_user = list(self.home.rglob("taizhang.sqlite3"))
        self.check("without data/: the database goes to the per-user folder",
                   result.returncode == 0 and len(per_user) == 1 and not data.exists(),
                   result.stderr.strip() or str(per_user))

    def same_as_source(self, path: Path, timeout: int = 180) -> tuple[bool, subprocess.CompletedProcess]:
        """True when the frozen `parse --json` of `path` prints the source tree's JSON on stdout and
        its warnings (the `警告：` lines) on stderr."""
        frozen = self.run("parse", "--json", str(path), timeout=timeout)
        source = subprocess.run([sys.executable, str(ROOT / "main.py"), "parse", "--json", str(path)],
                                capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=timeout)
        same = frozen.returncode == 0 and source.returncode == 0 and \
            json.loads(frozen.stdout) == json.loads(source.stdout) and \
            warning_lines(frozen.stderr) == warning_lines(source.stderr)
        return same, frozen

    def readers(self) -> None:
        for rel in FIXTURES:
            path = ROOT / "tests" / "fixtures" / rel
            same, frozen = self.same_as_source(path)
            self.check(f"reader: frozen parse of {path.suffix} equals the source run (JSON and warnings)", same,
                       frozen.stderr.strip() or "the JSON or the warnings differ")
        # MHT ("单个文件网页", here under .doc as OA systems hand it out): the reader needs the stdlib's
        # email package, which nothing else in the app imports.
        same, frozen = self.same_as_source(self.mht_fixture())
        self.check("reader: frozen parse of an .mht saved as .doc equals the source run", same,
                   frozen.stderr.strip() or "the JSON or the warnings differ")

    def mht_fixture(self) -> Path:
        """The GBK web page fixture as Word saves a single-file web page: MIME, quoted-printable."""
        import quopri

        html = (ROOT / "tests" / "fixtures" / "html" / "000_fe581c8cd0bdab04.table.gbk.html").read_bytes()
        boundary = b"----=_NextPart_01DB0000.5A1C2E30"
        path = self.home / "附件.doc"
        path.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"" + boundary + b"\"\r\n\r\n"
                         b"--" + boundary + b"\r\nContent-Location: file:///C:/mydocument.htm\r\n"
                         b"Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"gbk\"\r\n\r\n"
                         + quopri.encodestring(html) + b"\r\n--" + boundary + b"--\r\n")
        return path

    def scans(self) -> None:
        """A scan: the default folder says plainly it is one; the 带识别 folder reads it."""
        path = ROOT / "tests" / "fixtures" / "scan" / "page1.png"
        frozen = self.run("parse", "--json", str(path))
        if self.bundle.name.endswith("-OCR"):  # page 1 alone holds no numbered task: OCR ran, found no plan
            self.check("scan: the 带识别 bundle recognises a scanned page", frozen.returncode == 2 and
                       "没有找到工作要点" in frozen.stderr and "扫描件" not in frozen.stderr, frozen.stderr.strip())
            # A whole scanned plan (six pages, about a minute): read, with the scan's warning for the clerk.
            pdf = ROOT / "tests" / "fixtures" / "scan" / "003_b0058e0bd144e67c.scan.pdf"
            if importlib.util.find_spec("rapidocr_onnxruntime") is not None:  # this Python can OCR too
                same, frozen = self.same_as_source(pdf, timeout=600)
            else:
                frozen = self.run("parse", "--json", str(pdf), timeout=600)
                same = frozen.returncode == 0 and bool(json.loads(frozen.stdout)["nodes"])
            self.check("scan: the 带识别 bundle reads a scanned plan as the source tree does, and says it is a scan",
                       same and any(line.startswith("警告：这是扫描件") for line in warning_lines(frozen.stderr)),
                       frozen.stderr.strip()[-500:])
        else:
            self.check("scan: the default bundle names a scan a scan (no OCR inside)", frozen.returncode == 2 and
                       "扫描件" in frozen.stderr and not list(self.bundle.rglob("*onnxruntime*")),
                       frozen.stderr.strip())

    def translations(self) -> None:
        """The app's compiled Chinese, and Qt's own for its standard buttons and dialogs."""
        for name in ("taizhang_zh_CN.qm", "qtbase_zh_CN.qm"):
            found = list(self.bundle.rglob(name))
            self.check(f"translation {name} in the bundle", len(found) == 1, "missing")

    def qt_modules(self) -> None:
        libs = sorted({m.group(1) for p in self.bundle.rglob("*") if (m := QT_LIB.match(p.name))})
        print(f"Qt libraries in the bundle: {', '.join(libs)}")
        unused = [lib for lib in libs if QT_UNUSED.match(lib)]
        self.check("only the Qt the app uses", not unused, ", ".join(unused))

    def size(self) -> None:
        mb = folder_size(self.bundle) / 1e6
        budget = OCR_BUDGET_MB if self.bundle.name.endswith("-OCR") else BUDGET_MB
        print(f"bundle size: {mb:.1f} MB in {self.bundle} (budget {budget} MB)")
        self.check(f"bundle within {budget} MB", mb <= budget, f"{mb:.1f} MB")


def main(argv: list[str]) -> int:
    bundle = Path(argv[0]) if argv else ROOT / "dist" / "Taizhang"
    checker = Checker(bundle.resolve())
    if not checker.exe.is_file():
        print(f"FAIL  no executable at {checker.exe}: run `pyinstaller --noconfirm build.spec` first")
        return 1
    try:
        checker.self_test()
        checker.portable()
        checker.readers()
        checker.scans()
        checker.translations()
        checker.qt_modules()
        checker.size()
    finally:
        shutil.rmtree(checker.home, ignore_errors=True)
    if checker.failures:
        print(f"{len(checker.failures)} bundle check(s) failed")
        return 1
    print("all bundle checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
