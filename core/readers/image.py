"""Scanned pages and photos (.png, .jpg, .tif): a scan, read by OCR when the extra is installed."""

from __future__ import annotations

from core.readers.base import Reader
from core.readers.document import Document


class ImageReader(Reader):
    """Images of a plan: refused as a scan without OCR; recognised with it."""

    suffixes = (".png", ".jpg", ".jpeg", ".tif", ".tiff")

    def read_bytes(self, data: bytes, name: str = "") -> Document:
        from core.readers.ocr import read_image

        return read_image(data, name)
