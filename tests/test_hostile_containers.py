"""Hostile old-Office, OFD, RTF and scan files given to `main.py parse`: each ends in one Chinese
line within 30 s and 1 GiB, or in a parse that read nothing it should not. Never a traceback.

Every file is crafted in tmp_path from the committed fixtures; every run is under the
no-network audit hook of test_no_network, and reports its own peak memory.
"""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from test_hostile_inputs import SECRET, no_leak, secret  # noqa: F401  (secret is a fixture)
from test_no_network import GUARD, ROOT

FIXTURES = ROOT / "tests" / "fixtures"
LIMIT_S = 30
LIMIT_RSS_KB = 1024 * 1024
# Peak memory as VmHWM (ru_maxrss would carry over the forking pytest process's size across exec).
MEASURED = GUARD.replace("try:\n    runpy.run_path", "import atexit\natexit.register(lambda: open("
                         "os.environ['TZ_RSS'], 'w').write(next(l.split()[1] for l in open('/proc/self/status') "
                         "if l.startswith('VmHWM:'))))\ntry:\n    runpy.run_path")


def parse(path: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """`main.py parse PATH` under the network guard; fails past 30 s or 1 GiB."""
    rss_file = tmp_path / "rss.txt"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TZ_RSS": str(rss_file)}
    start = time.monotonic()
    res = subprocess.run([sys.executable, "-c", MEASURED, "parse", str(path)], cwd=ROOT, capture_output=True,
                         text=True, encoding="utf-8", timeout=LIMIT_S * 4, env=env)
    elapsed = time.monotonic() - start
    out = res.stdout + res.stderr
    assert "NETWORK" not in res.stderr, res.stderr
    assert "Traceback" not in out and "程序内部错误" not in out, out
    assert elapsed < LIMIT_S, f"{path.name}: {elapsed:.1f} s"
    assert int(rss_file.read_text()) < LIMIT_RSS_KB, f"{path.name}: {rss_file.read_text()} KB"
    return res


def refused(path: Path, tmp_path: Path, *words: str) -> str:
    res = parse(path, tmp_path)
    lines = res.stderr.strip().splitlines()
    assert res.returncode == 2 and len(lines) == 1, (res.returncode, res.stderr)
    assert lines[0].startswith("错误：") and any(w in lines[0] for w in words), lines[0]
    return lines[0]


def crafted(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


WORD = (FIXTURES / "doc" / "002_0b33f68d6bab1fb5.numbered.doc").read_bytes()
SECTOR = 512


def _fat_offset(data: bytes) -> int:
    first_fat = struct.unpack_from("<I", data, 76)[0]
    return SECTOR * (first_fat + 1)


def _entry(data: bytes, name: str) -> int:
    """File offset of the directory entry called `name`."""
    encoded = name.encode("utf-16-le")
    at = data.find(encoded)
    assert at > 0 and (at - SECTOR) % 128 == 0
    return at


# -- OLE compound files (.doc .wps .xls .et) ------------------------------------------------------------

@pytest.mark.parametrize("name", ["要点.doc", "要点.wps", "台账.xls", "台账.et"])
def test_truncated_ole_file_is_named_damaged(tmp_path, name):
    source = WORD if name.endswith((".doc", ".wps")) else (FIXTURES / "xls" / "003_b0058e0bd144e67c.taizhang.xls"
                                                           ).read_bytes()
    refused(crafted(tmp_path, name, source[: len(source) // 3]), tmp_path, "损坏")


def test_ole_file_whose_fat_loops_ends_in_one_line(tmp_path):
    data = bytearray(WORD)
    start = struct.unpack_from("<I", data, _entry(data, "WordDocument") + 116)[0]
    struct.pack_into("<I", data, _fat_offset(data) + 4 * start, start)  # the stream's chain points at itself
    refused(crafted(tmp_path, "要点.doc", bytes(data)), tmp_path, "损坏")


def test_ole_header_claiming_millions_of_fat_sectors_ends_in_one_line(tmp_path):
    data = bytearray(WORD)
    struct.pack_into("<I", data, 44, 0x00FFFFFF)  # number of FAT sectors
    struct.pack_into("<I", data, 72, 0x00FFFFFF)  # number of DIFAT sectors
    refused(crafted(tmp_path, "要点.doc", bytes(data)), tmp_path, "损坏")


def test_ole_stream_declaring_four_gigabytes_is_refused_unread(tmp_path):
    data = bytearray(WORD)
    struct.pack_into("<I", data, _entry(data, "WordDocument") + 120, 0xFFFFFFF0)
    refused(crafted(tmp_path, "要点.doc", bytes(data)), tmp_path, "损坏")


def test_word_file_whose_piece_table_claims_a_billion_characters_ends_in_one_line(tmp_path):
    data = bytearray(WORD)
    word_at = SECTOR * (struct.unpack_from("<I", data, _entry(data, "WordDocument") + 116)[0] + 1)
    struct.pack_into("<i", data, word_at + 64 + 12, 1_000_000_000)  # FibRgLw97.ccpText
    res = parse(crafted(tmp_path, "要点.doc", bytes(data)), tmp_path)
    assert res.returncode in (0, 2)


def test_encrypted_word_file_is_named_encrypted(tmp_path):
    data = bytearray(WORD)
    word_at = SECTOR * (struct.unpack_from("<I", data, _entry(data, "WordDocument") + 116)[0] + 1)
    flags = struct.unpack_from("<H", data, word_at + 10)[0]
    struct.pack_into("<H", data, word_at + 10, flags | 0x0100)  # FibBase.fEncrypted
    refused(crafted(tmp_path, "要点.doc", bytes(data)), tmp_path, "加密")


def test_workbook_of_a_million_formatted_blanks_is_refused_before_loading(tmp_path):
    import olefile

    book = bytearray((FIXTURES / "xls" / "003_b0058e0bd144e67c.taizhang.xls").read_bytes())
    ole = olefile.OleFileIO(io.BytesIO(book))
    stream = ole.openstream("Workbook").read()
    ole.close()
    # One MULBLANK record covers up to ~4,000 cells; the workbook is forged to hold 300 of them in
    # place of its own records (same length), so the stream claims > 1 million cells.
    record = struct.pack("<HHHH", 0x00BE, 8186, 0, 0) + b"\0" * 8182 + struct.pack("<H", 255)
    forged = (record * (len(stream) // len(record) + 1))[: len(stream)]
    path = crafted(tmp_path, "台账.xls", _replace_stream(bytes(book), stream, forged))
    refused(path, tmp_path, "工作表过大", "损坏")


def _replace_stream(data: bytes, old: bytes, new: bytes) -> bytes:
    """The file with one stream's sectors overwritten in place (same size, sector by sector)."""
    out = bytearray(data)
    for i in range(0, len(old), SECTOR):
        chunk = old[i:i + SECTOR]
        at = out.find(chunk)
        assert at > 0
        out[at:at + len(chunk)] = new[i:i + len(chunk)]
    return bytes(out)


# -- OFD ----------------------------------------------------------------------------------------------

OFD_MEMBERS = {n: zipfile.ZipFile(FIXTURES / "ofd" / "002_0b33f68d6bab1fb5.ofd").read(n)
               for n in zipfile.ZipFile(FIXTURES / "ofd" / "002_0b33f68d6bab1fb5.ofd").namelist()}
PAGE = "Doc_0/Pages/Page_0/Content.xml"


def ofd(**replace: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in {**OFD_MEMBERS, **{k.replace("__", "/"): v for k, v in replace.items()}}.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_ofd_zip_bomb_is_refused_by_its_declared_size(tmp_path):
    bomb = ofd(**{PAGE.replace("/", "__"): b"<" + b" " * (80 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    refused(crafted(tmp_path, "要点.ofd", bomb), tmp_path, "解压后过大")


def test_ofd_with_external_entity_in_a_page_never_reads_the_file(tmp_path, secret):  # noqa: F811
    page = OFD_MEMBERS[PAGE].decode("utf-8").replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE p [<!ENTITY x SYSTEM "{secret.as_uri()}">]>')
    page = page.replace("一、", "一、&x;", 1)
    res = parse(crafted(tmp_path, "要点.ofd", ofd(**{PAGE.replace("/", "__"): page.encode()})), tmp_path)
    no_leak(res)
    assert res.returncode == 2 and "损坏" in res.stderr


def test_ofd_whose_document_points_outside_the_package_is_named_damaged(tmp_path):
    root = OFD_MEMBERS["OFD.xml"].replace(b"Doc_0/Document.xml", b"../../../etc/passwd")
    res = parse(crafted(tmp_path, "要点.ofd", ofd(**{"OFD.xml": root})), tmp_path)
    assert res.returncode == 2 and "root:" not in res.stdout + res.stderr


def test_ofd_with_a_million_repeated_advances_ends_in_one_line(tmp_path):
    page = OFD_MEMBERS[PAGE].replace(b'DeltaX="', b'DeltaX="g 99999999 1 ', 1)
    res = parse(crafted(tmp_path, "要点.ofd", ofd(**{PAGE.replace("/", "__"): page})), tmp_path)
    assert res.returncode in (0, 2)


# -- RTF and scans ------------------------------------------------------------------------------------

def test_rtf_nested_beyond_reason_ends_in_one_line(tmp_path):
    rtf = b"{\\rtf1\\ansi " + b"{" * 200_000 + b"\\par " + b"}" * 200_000 + b"}"
    refused(crafted(tmp_path, "要点.doc", rtf), tmp_path, "损坏", "没有找到")


def test_ten_thousand_page_scan_is_named_a_scan_at_once(tmp_path):
    sys.path.insert(0, str(ROOT / "tests" / "core"))
    from test_readers_pdf import blank_pdf  # pages without a text layer: a scan to any reader

    path = crafted(tmp_path, "扫描件.pdf", blank_pdf(10_000))
    refused(path, tmp_path, "扫描件")


def test_dense_xlsx_is_refused_within_a_hundred_megabytes(tmp_path):
    """Issue 12: a sheet of a million cells cost ~1 GB before it was refused; now it streams."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.run import dense_xlsx

    path = dense_xlsx(tmp_path / "台账.xlsx", 10_000, 100)
    refused(path, tmp_path, "工作表过大")
    assert int((tmp_path / "rss.txt").read_text()) < 100 * 1024


def test_image_claiming_a_billion_pixels_ends_in_one_line(tmp_path):
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 40_000, 40_000, 8, 0, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b""))
    refused(crafted(tmp_path, "扫描.png", png), tmp_path, "扫描件", "过大", "损坏")


def test_mht_of_a_million_parts_is_refused_before_parsing(tmp_path):
    parts = "".join("--x\r\nContent-Type: text/plain\r\n\r\n一\r\n" for _ in range(1_000_000))
    mht = f'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="x"\r\n\r\n{parts}--x--\r\n'
    refused(crafted(tmp_path, "要点.doc", mht.encode("utf-8")), tmp_path, "损坏")
