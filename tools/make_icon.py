"""Draw the app icon: a red ledger page with a 红头 rule and ticked rows → resources/icon/.

    python tools/make_icon.py      # writes taizhang-<size>.png and taizhang.ico; commit them

Each size is drawn on its own pixel grid (not scaled down from 256 px), so the 16 px icon in
the taskbar and title bar still reads as a page of ticked rows. The .ico holds every size as
PNG, which Windows Vista and later read; build.spec gives it to the executable.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icon"
SIZES = (16, 24, 32, 48, 64, 128, 256)
RED, DARK_RED = "#d7261e", "#a8121a"  # 中国红, and its shade for the gradient and the rule
INK = "#4a4a4a"


def draw(size: int):
    """One size of the icon as a QImage (ARGB, transparent outside the rounded square)."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPainter, QPainterPath, QPen

    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    u = size / 16.0  # one "pixel" of the 16 px design
    small = size <= 24

    # The red tile.
    tile = QRectF(0, 0, size, size).adjusted(0.5 * u if not small else 0, 0.5 * u if not small else 0,
                                              -(0.5 * u if not small else 0), -(0.5 * u if not small else 0))
    grad = QLinearGradient(0, 0, 0, size)
    grad.setColorAt(0, QColor(RED))
    grad.setColorAt(1, QColor(DARK_RED))
    path = QPainterPath()
    path.addRoundedRect(tile, 3 * u, 3 * u)
    p.fillPath(path, QBrush(grad))

    # The white page, its corner folded at larger sizes.
    left, top, right, bottom = 3 * u, 2 * u, 13 * u, 14 * u
    page = QPainterPath()
    fold = 0 if small else 2.5 * u
    page.moveTo(left, top)
    page.lineTo(right - fold, top)
    page.lineTo(right, top + fold)
    page.lineTo(right, bottom)
    page.lineTo(left, bottom)
    page.closeSubpath()
    p.fillPath(page, QColor("white"))
    if fold:
        corner = QPainterPath()
        corner.moveTo(right - fold, top)
        corner.lineTo(right - fold, top + fold)
        corner.lineTo(right, top + fold)
        corner.closeSubpath()
        p.fillPath(corner, QColor("#e6c9c7"))

    # The 红头 rule across the top of the page.
    rule_y = round(top + (1.0 if small else 1.5) * u)  # on whole pixels, so 16 px stays crisp
    rule_h = max(1, round(0.75 * u))
    p.fillRect(QRectF(round(left + u), rule_y, round((right - left) - 2 * u - fold * 0.6), rule_h), QColor(RED))

    # Ticked rows: a red tick, then a line of text.
    rows = (6.5, 10.5) if small else (6.2, 8.9, 11.6)
    tick_pen = QPen(QColor(RED), max(1.4, 1.15 * u), Qt.PenStyle.SolidLine,
                    Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    for i, y in enumerate(rows):
        cy = y * u
        p.setPen(tick_pen)
        p.drawPolyline([QPointF(4.3 * u, cy), QPointF(5.3 * u, cy + 1.0 * u), QPointF(7.0 * u, cy - 1.2 * u)])
        p.setPen(Qt.PenStyle.NoPen)
        width = (11.7 - 8.0) * u if i % 2 == 0 or small else (10.6 - 8.0) * u
        p.fillRect(QRectF(8.0 * u, cy - 0.5 * u, width, max(1.0, 1.0 * u)), QColor(INK))
    p.end()
    return img


def png_bytes(img) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    buf.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico whose entries are PNG images (ICONDIR, ICONDIRENTRY×n, then the data)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, blob in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(draw(size)) for size in SIZES}
    for size, blob in pngs.items():
        (OUT / f"taizhang-{size}.png").write_bytes(blob)
    (OUT / "taizhang.ico").write_bytes(ico_bytes(pngs))
    for path in sorted(OUT.iterdir()):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
