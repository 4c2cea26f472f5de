"""Stage: lines broken at a fixed width joined back into their paragraphs.

Text copied out of a PDF, or saved from a fixed-width page, breaks every paragraph at the page
width, in the middle of words ("…（责任" / "单位：县教育体育局…"). Most lines then have one
length; a line of that length that ends without a stop continues on the next one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from core.parse.labels import split_label
from core.readers.document import Block, Paragraph
from core.readers.pdf_lines import is_footer_text, strip_inline_footers

_STOPS = "。！？；：!?;:）)"
_MIN_LINES = 8  # fewer lines say nothing about a page width
_SHARE = 0.5  # this share of the longer lines at one width: the text was wrapped
_NARROWEST = 24  # no page is narrower (a 小四 line on A4 holds some 28-40 characters)
_SLACK = 3  # a wrapped line may fall this much short of the width (indent, a wide character)
_SHORTEST = 20  # a page is wider than this; shorter lines are headings, cells and sign-offs


def page_width(texts: list[str]) -> int | None:
    """The width most longer lines share, when the text was wrapped at one; else None."""
    lengths = [len(t) for t in texts if len(t) >= _SHORTEST]
    if len(lengths) < _MIN_LINES:
        return None
    counts = Counter(lengths)
    width, share = max(((w, sum(counts[x] for x in range(w - _SLACK, w + 1))) for w in counts),
                       key=lambda p: (p[1], p[0]))
    wrapped = share >= max(_MIN_LINES, _SHARE * len(lengths)) and width >= _NARROWEST
    return width if wrapped else None


def drop_page_footers(blocks: list[Block]) -> list[Block]:
    """Page footers ("— 2 —", "第 2 页") out of paragraphs, before wrapped lines are joined.

    Serves PDF text pasted as .txt or into a web page (a footer line in mid-paragraph) and text
    layers without line ends (the footer glued inside a word). A footer after a long line that
    ends no sentence stood where the page broke a paragraph: the lines either side are joined.
    """
    out: list[Block] = []
    broken = False  # a footer just dropped cut the last paragraph in two
    for block in blocks:
        if not isinstance(block, Paragraph):
            out.append(block)
            broken = False
            continue
        base, lines = block, []
        for line in block.text.split("\n"):
            if is_footer_text(line):
                broken = _cut_by_page(lines[-1] if lines else _last_line(out))
                continue
            line = strip_inline_footers(line)
            joins, broken = broken and split_label(line.strip())[0] is None, False
            if joins and not lines and not block.label:  # the paragraph before the footer goes on here
                base = out.pop()
                lines = base.text.rstrip().split("\n")
            if joins and lines:
                lines[-1] = lines[-1].rstrip() + line.strip()
            else:
                lines.append(line)
        text = "\n".join(lines)
        if text.strip() or block.label:
            out.append(block if base is block and text == block.text else replace(base, text=text))
    return out


def _last_line(blocks: list[Block]) -> str:
    last = blocks[-1] if blocks else None
    return last.text.rstrip().rsplit("\n", 1)[-1] if isinstance(last, Paragraph) else ""


def _cut_by_page(line: str) -> bool:
    line = line.strip()
    return len(line) >= _SHORTEST and not line.endswith(tuple(_STOPS))


def rejoin_wrapped(blocks: list[Block]) -> list[Block]:
    """Paragraphs broken at the page width, joined back; other blocks and texts are left alone.

    Serves plans copied from PDF text layers and from fixed-width (printed or scanned-then-OCR'd)
    pages alike; a line that starts with a label always starts a new paragraph.
    """
    blocks = drop_page_footers(blocks)
    plain = [b.text.strip() for b in blocks if isinstance(b, Paragraph) and not b.label]
    width = page_width(plain)
    if width is None:
        return blocks
    out: list[Block] = []
    last_line = ""  # the previous block's own last line, before any joining
    for block in blocks:
        previous = out[-1] if out else None
        text = block.text.strip() if isinstance(block, Paragraph) else ""
        if (isinstance(block, Paragraph) and not block.label and isinstance(previous, Paragraph)
                and not previous.label and _continues(last_line, text, width)):
            out[-1] = Paragraph(previous.text.rstrip() + text, heading_level=previous.heading_level)
        else:
            out.append(block)
        last_line = text
    return out


def _continues(line: str, nxt: str, width: int) -> bool:
    return bool(nxt) and len(line) >= width - _SLACK and not line.endswith(tuple(_STOPS)) and \
        split_label(nxt)[0] is None
