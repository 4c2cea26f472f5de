"""MHTML ("单个文件网页", .mht/.mhtml): a web page and its pictures in one MIME file.

Word saves it as "single file web page", and OA systems hand such files out under .doc; the
page inside is ordinary HTML (often quoted-printable, in GBK), read by the HTML reader.
"""

from __future__ import annotations

from core.errors import InputError
from core.messages import Notice
from core.readers.base import Reader
from core.readers.document import Document

MAX_PARTS = 2000


def html_part(data: bytes) -> str:
    """The first text/html part of a MIME document, decoded with its declared charset."""
    import email
    from email import policy

    if data.count(b"\n--") > 2 * MAX_PARTS:  # the parser spends ~0.3 ms a part: refuse absurd counts first
        raise InputError("corrupt", detail=Notice("detail_mht_too_many_parts"))
    try:
        message = email.message_from_bytes(data, policy=policy.default)
        for index, part in enumerate(message.walk()):
            if index > MAX_PARTS:
                break
            if part.get_content_type() == "text/html":
                payload = part.get_payload(decode=True) or b""
                charset = part.get_content_charset() or ""
                from core.readers.html import decode_html

                if charset:
                    try:
                        return payload.decode(charset, errors="replace")
                    except LookupError:
                        pass
                return decode_html(payload)[0]
    except (ValueError, TypeError, IndexError, LookupError, RecursionError) as exc:
        raise InputError("corrupt", detail=Notice("detail_mht_malformed")) from exc
    raise InputError("corrupt", detail=Notice("detail_mht_no_page"))


class MhtReader(Reader):
    """Reads .mht/.mhtml (and MHTML saved as .doc) through the HTML reader."""

    suffixes = (".mht", ".mhtml")

    def read_bytes(self, data: bytes, name: str = "") -> Document:
        from core.readers.html import parse

        return parse(html_part(data), name)
