"""Printed lines back into paragraphs: a PDF knows where glyphs sit, not where paragraphs end.

Pure functions over positioned lines, so the rules can be tested without any PDF: a line
that runs to the right edge of the page's text and does not end a sentence continues on the
next line, unless that line is indented or starts with a label (一、 （一） 1. ①); page
numbers go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.domain.numerals import CN_DIGITS
from core.readers.document import Paragraph, Table

_END = tuple("。；;：:！!？?」』”")
_N = CN_DIGITS
_LABEL = re.compile(
    rf"^\s*(?:[{_N}]+\s*[、.．]|[（(]\s*[{_N}]+\s*[)）]|\d{{1,3}}\s*[、.．](?!\d)"
    rf"|[（(]\s*\d{{1,3}}\s*[)）]|[①-⑳]|第[{_N}\d]+[章节条部分篇])"
)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-－—–~～]+\s*\d{1,4}\s*[-－—–~～]+|\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[-－—–]?\s*\d{1,4}\s*[-－—–]?\s*(?:页)?)\s*$"
)
_DASHED_NUMBER = re.compile(r"^\s*[-－—–~～]+\s*\d{1,4}\s*[-－—–~～]+\s*$")
_PAGE_WORDS = re.compile(r"^\s*第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?\s*$")
_CJK = r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]"
_INLINE_FOOTER = re.compile(
    r"(?<=" + _CJK + r")\s*(?:[-－—–]{1,2}\s*\d{1,3}\s*[-－—–]{1,2}"
    r"|\s第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?\s|第\s*\d{1,3}\s*页\s*[,，/]?\s*共\s*\d{1,3}\s*页)"
    r"\s*(?=" + _CJK + r")"
)


RAGGED_CHARS = 3  # left-aligned text wraps early before an unbreakable group such as 〔2019〕
MIN_FULL_CHARS = 15  # shorter lines (signatures, dates, narrow table cells) never run on


@dataclass
class Line:
    """One printed line: its text and horizontal extent, and where it sits on its page."""

    text: str
    left: float
    right: float
    page: int = 0
    first_on_page: bool = False
    last_on_page: bool = False
    char_width: float = 10.0
    table: Table | None = None  # a ruled table that stands here in the page's reading order


def is_page_number(line: Line) -> bool:
    """"— 3 —", "- 3 -" anywhere; a bare "3" or "第3页" only as a page's first or last line."""
    text = line.text.strip()
    if _DASHED_NUMBER.match(text):
        return True
    return (line.first_on_page or line.last_on_page) and bool(_PAGE_NUMBER.match(text))


def is_footer_text(text: str) -> bool:
    """"— 2 —", "-2-", "第 2 页", "第2页 共9页" alone on a line: a page's footer wherever it stands.

    Text pasted out of a PDF (county and department plans sent as PDF and copied into a page
    or a .txt) keeps each page's footer as a line of its own, often in mid-paragraph.
    """
    return bool(_DASHED_NUMBER.match(text) or _PAGE_WORDS.match(text))


def strip_inline_footers(text: str) -> str:
    """"县政府办公—2—室": a page footer that a text layer without line ends ran into the words.

    PDFs whose text layer has no line ends and web archives of such PDFs both glue the footer
    between the last word of one page and the first of the next; only a dashed number or a
    "第N页" between two CJK characters is taken, never a range such as "2月1日—4月30日".
    """
    return _INLINE_FOOTER.sub("", text) if _INLINE_FOOTER.search(text) else text


def starts_with_label(text: str) -> bool:
    return bool(_LABEL.match(text))


def join_text(head: str, tail: str) -> str:
    """Two pieces of one paragraph: a space only between two Latin words."""
    if head and tail and head[-1].isascii() and head[-1].isalnum() and tail[0].isascii() and tail[0].isalnum():
        return head + " " + tail
    return head + tail


def paragraphs(lines: list[Line]) -> list[Paragraph | Table]:
    """Wrapped lines joined back into paragraphs; page numbers dropped; tables kept where they stand."""
    out: list[Paragraph | Table] = []
    run: list[Line] = []
    for line in lines:
        if line.table is None:
            run.append(line)
            continue
        out.extend(_paragraphs(run))
        out.append(line.table)
        run = []
    return out + _paragraphs(run)


def _paragraphs(lines: list[Line]) -> list[Paragraph]:
    kept = [line for line in lines if line.text.strip() and not is_page_number(line)]
    page_right: dict[int, float] = {}
    page_left: dict[int, float] = {}
    for line in kept:
        page_right[line.page] = max(page_right.get(line.page, 0.0), line.right)
        page_left[line.page] = min(page_left.get(line.page, line.left), line.left)
    out: list[str] = []
    open_para = False
    for line in kept:
        text = line.text.strip()
        indented = line.left > page_left[line.page] + line.char_width * 1.5  # a first line, or centred
        if open_para and not indented and not starts_with_label(text):
            out[-1] = join_text(out[-1], text)
        else:
            out.append(text)
        full = (line.right >= page_right[line.page] - line.char_width * RAGGED_CHARS
                and line.right - line.left >= line.char_width * MIN_FULL_CHARS)
        open_para = full and not text.endswith(_END)
    return [Paragraph(text) for text in out if text]


def tidy_spaces(text: str) -> str:
    """Drop the spaces a PDF puts around CJK characters (font switches, justification)."""
    return re.sub(r"(?<=[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]) +|"
                  r" +(?=[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef])", "", text)
