"""Reading scans (image-only PDFs, photos and scans as .png/.jpg/.tif) with OCR, when installed.

OCR is an optional extra (`sh tools/setup.sh --ocr`, the 带识别 bundle): rapidocr-onnxruntime
carries its Chinese detection and recognition models inside the wheel and runs on the CPU,
offline. Without it a scan is refused with a message that says plainly it is a scan. Every
recognised text box becomes a positioned "glyph" for the same line, table and paragraph
stages as OFD (core/readers/layout.py); lines read with low confidence are listed in the
import warnings so the clerk checks them against the paper.
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
import threading
from collections.abc import Callable, Iterator
from contextvars import ContextVar

from core.errors import InputError
from core.messages import Notice
from core.readers.document import Document

MAX_OCR_PAGES = 60  # a 红头文件 plan runs to 5–30 pages; more is not a plan, and would take an hour
MAX_PIXELS = 60_000_000  # ~A3 at 600 dpi; bigger images are decompression bombs, not scans
LOW_CONFIDENCE = 0.80
RENDER_DPI = 130  # enough for 3号/4号 characters (28 px high); more only slows detection on the CPU
# "— 3 —" as OCR reads it: the dashes come back as 一 (yi), hyphens or tildes
_PAGE_NUMBER = re.compile(r"^[一\-—－–~～_]{1,2}\s*(\d{1,4})\s*[一\-—－–~～_]{1,2}$")
# Shapes OCR models confuse in official documents: 丶 (a radical, never prose) for the 顿号 、, and
# the year brackets of a 文号 (鲁政办发〔2024〕2号) read as [ ] or 【 】.
_YEAR_BRACKETS = re.compile(r"(?<=[\u4e00-\u9fff])[\[【［〔(（]\s*((?:19|20)\d{2})\s*[\]】］〕)）](?=\s*\d{1,4}\s*号)")
_lock = threading.Lock()
_engine = None
# Who wants to hear of each recognised page (the import dialog's progress bar); may raise to stop.
_on_page: ContextVar[Callable[[int, int], None] | None] = ContextVar("ocr_on_page", default=None)


@contextlib.contextmanager
def reporting(on_page: Callable[[int, int], None]) -> Iterator[None]:
    """Call `on_page(pages done, pages in all)` as a scan is recognised in this thread; an
    exception it raises (the clerk pressed Stop) ends the recognition there."""
    token = _on_page.set(on_page)
    try:
        yield
    finally:
        _on_page.reset(token)


def _report(done: int, total: int) -> None:
    callback = _on_page.get()
    if callback is not None:
        callback(done, total)


def available() -> bool:
    """True when the OCR extra is installed (the 带识别 bundle, or setup.sh --ocr)."""
    try:
        return importlib.util.find_spec("rapidocr_onnxruntime") is not None
    except (ImportError, ValueError):
        return False


def _get_engine():
    global _engine
    with _lock:
        if _engine is None:
            from rapidocr_onnxruntime import RapidOCR

            _engine = RapidOCR()
        return _engine


def recognise(image) -> list[tuple]:
    """Text boxes of one BGR image: (left, top, right, bottom, text, confidence, characters),
    where characters are (left, right, text) of each one when the engine gives them (to cut a
    box that runs across a table's rule exactly), else None."""
    engine = _get_engine()
    try:
        # no angle classifier: scanned pages are upright, and it costs a tenth of the time
        result, _ = engine(image, use_cls=False, return_word_box=True)
    except Exception as exc:  # onnxruntime / OpenCV on a damaged image
        raise InputError("corrupt", detail=Notice("detail_image_unrecognised")) from exc
    out = []
    for item in result or []:
        box, text, score = item[0], item[1], item[2]
        xs = [float(p[0]) for p in box]
        ys = [float(p[1]) for p in box]
        chars = None
        if len(item) >= 5 and item[3] and len(item[3]) == len(item[4]):
            chars = [(min(float(p[0]) for p in b), max(float(p[0]) for p in b), str(t))
                     for b, t in zip(item[3], item[4], strict=True)]
            if "".join(c[2] for c in chars) != text:
                chars = None
        if text and text.strip():
            out.append((min(xs), min(ys), max(xs), max(ys), text, float(score), chars))
    return out


def ruled_lines(image, scale: float) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """A scanned table's printed rules, found with OpenCV's morphology (long thin runs of ink):
    vertical (x, top, bottom) and horizontal (y, left, right), in the same units as the text.
    They tell cells apart and merged cells from empty ones, as drawn rules do in an OFD."""
    import cv2
    import numpy as np

    gray = image if image.ndim == 2 else cv2.cvtColor(np.ascontiguousarray(image), cv2.COLOR_BGR2GRAY)
    ink = cv2.adaptiveThreshold(255 - gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, -2)
    height, width = ink.shape
    found: list[list[tuple[float, float, float]]] = []
    for kernel in ((max(width // 25, 20), 1), (1, max(height // 40, 20))):
        lines = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, kernel))
        contours, _ = cv2.findContours(lines, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        rules = []
        for contour in contours[:20_000]:
            x, y, w, h = cv2.boundingRect(contour)
            if kernel[1] == 1:  # horizontal
                rules.append(((y + h / 2) / scale, x / scale, (x + w) / scale))
            else:
                rules.append(((x + w / 2) / scale, y / scale, (y + h) / scale))
        found.append(rules)
    horizontal, vertical = found
    return vertical, horizontal


def split_at_rules(box: tuple, vertical: list[tuple[float, float, float]], scale: float) -> list[tuple]:
    """A recognised box that runs across a table's vertical rule is text of two cells: cut it
    where the rule falls, between the characters on either side (or, without character
    positions, where the rule falls in the text, Chinese characters being all one width)."""
    left, top, right, bottom, text, score = box[:6]
    chars = box[6] if len(box) > 6 else None
    middle = (top + bottom) / 2 / scale
    cuts = sorted(x * scale for x, lo, hi in vertical if lo <= middle <= hi and left + 4 < x * scale < right - 4)
    if not cuts or len(text) < 2:
        return [box]
    if chars:
        groups: list[list[tuple[float, float, str]]] = [[] for _ in range(len(cuts) + 1)]
        for c in chars:
            groups[sum((c[0] + c[1]) / 2 > x for x in cuts)].append(c)
        return [(g[0][0], top, g[-1][1], bottom, "".join(c[2] for c in g), score, g) for g in groups if g
                and "".join(c[2] for c in g).strip()]
    parts, start_x, start_i = [], left, 0
    per_char = (right - left) / len(text)
    for x in cuts:
        cut = min(max(round((x - left) / per_char), start_i + 1), len(text) - 1)
        if cut <= start_i:
            continue
        parts.append((start_x, top, left + cut * per_char, bottom, text[start_i:cut], score, None))
        start_x, start_i = left + cut * per_char, cut
    parts.append((start_x, top, right, bottom, text[start_i:], score, None))
    return [p for p in parts if p[4].strip()]


def tidy(text: str) -> str:
    """One recognised text box with the confusions OCR makes on 公文 undone."""
    text = _PAGE_NUMBER.sub(r"— \1 —", text.strip().strip("|丨｜").strip())  # a rule read as "|"
    text = _YEAR_BRACKETS.sub(r"〔\1〕", text.replace("丶", "、"))
    return text


class Scan:
    """Pages of a scan, recognised one by one and then laid out like any positioned text."""

    def __init__(self) -> None:
        from core.readers.layout import Glyphs

        self.glyphs = Glyphs(limit=5_000_000)
        self.doubtful: list[str] = []
        self.pages = 0

    def add_page(self, image, page: int, scale: float) -> None:
        from core.readers.positioned import Glyph

        boxes = recognise(image)
        if boxes and getattr(image, "ndim", 0) in (2, 3):
            vertical, horizontal = ruled_lines(image, scale)
            self.glyphs.rules[page], self.glyphs.hrules[page] = vertical, horizontal
            boxes = [part for box in boxes for part in split_at_rules(box, vertical, scale)]
        out = self.glyphs.pages.setdefault(page, [])
        for left, top, right, bottom, text, score, *_ in boxes:
            text = tidy(text)
            if not text:
                continue
            height = max(bottom - top, 1.0) / scale
            out.append(Glyph(left / scale, bottom / scale, (right - left) / scale, height * 0.85, text))
            if score < LOW_CONFIDENCE and not text.startswith("— "):  # page numbers are dropped anyway
                self.doubtful.append(text)
        self.pages += 1

    def document(self, name: str, total_pages: int | None = None) -> Document:
        from core.readers.layout import blocks_from_pages

        blocks = blocks_from_pages(self.glyphs)
        if not blocks:
            raise InputError("scan_unreadable")
        notes = [Notice("ocr_used", {"pages": self.pages})]
        if self.doubtful:
            notes.append(Notice("ocr_low_confidence", {"count": len(self.doubtful)},
                                    tuple(self.doubtful[:200])))
        if total_pages is not None and total_pages > self.pages:
            notes.append(Notice("pages_cut", {"total": total_pages, "read": self.pages}))
        return Document(blocks=blocks, source_name=name, notes=notes)


def require(pages: int = 1) -> None:
    """Refuse a scan we cannot or should not read: no OCR installed, or far too many pages."""
    if not available():
        raise InputError("scanned")
    if pages > MAX_OCR_PAGES:
        raise InputError("scan_too_long", pages=pages, limit=MAX_OCR_PAGES)


def read_image(data: bytes, name: str) -> Document:
    """One scanned page or photo (or a multi-page TIFF from the office scanner) as a Document."""
    require(1)
    import io

    import numpy as np
    from PIL import Image

    damaged = (OSError, ValueError, SyntaxError, EOFError, IndexError, Image.DecompressionBombError)
    try:
        img = Image.open(io.BytesIO(data))
        width, height = img.size
        frames = getattr(img, "n_frames", 1)
    except damaged as exc:  # PIL: truncated or unknown image data
        raise InputError("corrupt", detail=Notice("detail_image_damaged")) from exc
    if width * height > MAX_PIXELS:
        raise InputError("corrupt", detail=Notice("detail_image_too_large"))
    if frames > MAX_OCR_PAGES:
        raise InputError("scan_too_long", pages=frames, limit=MAX_OCR_PAGES)

    def render(index: int):
        try:
            img.seek(index)
            rgb = np.asarray(img.convert("RGB"))
        except damaged as exc:
            raise InputError("corrupt", detail=Notice("detail_image_damaged")) from exc
        return rgb[:, :, ::-1].copy()  # OpenCV's BGR

    with img:
        return recognise_pages(frames, render, name, _dpi_scale(img), total=None)


def _dpi_scale(img) -> float:
    """Pixels per point (1/72 in), so glyph sizes come out in the same units for any dpi."""
    dpi = img.info.get("dpi", (RENDER_DPI, RENDER_DPI))[0] or RENDER_DPI
    try:
        return max(float(dpi), 30.0) / 72
    except (TypeError, ValueError):
        return RENDER_DPI / 72


def read_pdf_scan(pdf, name: str) -> Document:
    """An image-only PDF (pypdfium2 document), every page rendered and recognised."""
    total = len(pdf)
    require(total)
    scale = RENDER_DPI / 72

    def render(index: int):
        page = pdf[index]
        try:
            bitmap = page.render(scale=scale)
            try:
                return bitmap.to_numpy().copy()
            finally:
                bitmap.close()
        finally:
            page.close()

    return recognise_pages(total, render, name, scale, total=total)


def recognise_pages(count: int, render: Callable[[int], object], name: str, scale: float,
                    total: int | None) -> Document:
    """Render and recognise pages one by one, telling whoever listens before each page."""
    scan = Scan()
    for index in range(count):
        _report(index, count)
        scan.add_page(render(index), index, scale=scale)
    return scan.document(name, total)
