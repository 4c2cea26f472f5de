"""Text that Word and Excel files can hold: no control characters, no lone surrogates.

Plans copied out of Word carry U+000B (its manual line break) and U+000C (page break); web pages
and broken encodings bring other C0 controls, lone surrogates and noncharacters such as U+FFFE.
XML 1.0 — and so .docx and .xlsx — rejects all of them, so an export would fail on text that was
stored months before. `clean_text` is applied where text comes in (import, the clerk's edits) and
again where it goes out (exports), so a database written before this rule existed exports too.
"""

from __future__ import annotations

import re

# Word's line/page breaks and the other line separators become "\n"; tabs and "\n" stay.
_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85]")
# What XML 1.0 refuses (C0 controls but \t \n, surrogates, U+FFFE/U+FFFF), DEL, and every Unicode
# noncharacter (U+FDD0–U+FDEF and the last two code points of each plane).
_ILLEGAL = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17))
    + "]"
)


def clean_text(text: str | None) -> str:
    """`text` with line breaks made "\\n" and everything a .docx/.xlsx cannot hold removed."""
    if not text:
        return ""
    if text.isprintable():  # the common case, no regex: plain text has no controls at all
        return text
    return _ILLEGAL.sub("", _BREAKS.sub("\n", text))
