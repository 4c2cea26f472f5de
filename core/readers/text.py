"""Plain text in whatever encoding it arrives: one Paragraph per non-empty line.

Clerks meet UTF-8 (with or without BOM), GBK/GB18030 from older Windows, Big5 from Taiwan
and Hong Kong sources, and UTF-16 from Notepad's "Unicode". We detect rather than guess:
BOMs first; then UTF-16 without a BOM by its NUL pattern; then strict UTF-8; then the
Chinese legacy codecs scored by how common the decoded characters are (general detectors
confuse short GBK and Big5 snippets); charset-normalizer for everything else.
"""

from __future__ import annotations

from functools import lru_cache

from core.errors import InputError
from core.readers.base import Reader
from core.readers.document import Document, Paragraph

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"), (b"\x84\x31\x95\x33", "gb18030"))
_CONFIDENT = 0.85
# The most frequent characters of Chinese prose and of these documents, both scripts: real
# text is full of them, a mis-decoding scatters evenly over thousands of characters.
_FREQUENT = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实政务公信息府门单位市区县省点推加强管建设服规范制度机构职责监督落检查执审批财预决算资金项目各关通知意见办室局委员领导组织施按照及依申请平台网站报告這個們來爲國說時會對於過發後裏種經麼學現當沒動還進樣開從實務門單區縣點強設規範機構職責監檢執審財預決資項關見辦員領導組織請臺網報"
)
_EXTRA = frozenset("·×÷°±§¨‖–—…‘’“”￥āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü")  # incl. pinyin tone marks


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """Hanzi in GB2312 level 1 or Big5 level 1: the characters real Chinese text is made of."""
    common = set()
    for code in range(0x4E00, 0xA000):
        ch = chr(code)
        try:
            gb = ch.encode("gb2312")
            if 0xB0 <= gb[0] <= 0xD7:
                common.add(ch)
                continue
        except UnicodeEncodeError:
            pass
        try:
            b5 = ch.encode("big5")
            if 0xA440 <= int.from_bytes(b5, "big") <= 0xC67E:
                common.add(ch)
        except UnicodeEncodeError:
            pass
    return frozenset(common)


def _plain(ch: str) -> bool:
    """Non-hanzi characters that ordinary Chinese documents are full of."""
    o = ord(ch)
    return (0x20 <= o < 0x7F or ch in "\t\r\n\f" or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E
            or 0x2010 <= o <= 0x2027 or 0x2030 <= o <= 0x203B or 0x2160 <= o <= 0x217F
            or 0x2460 <= o <= 0x24FF or 0x25A0 <= o <= 0x25FF or ch in _EXTRA)


def plausibility(text: str) -> float:
    """Share of characters that look like real (Chinese) text; mis-decodings score low."""
    if not text:
        return 0.0
    common = _common_hanzi()
    score = 0.0
    counted = hanzi = frequent = 0
    for ch in text:
        if ch in " \r\n\t\u3000":
            continue
        counted += 1
        if ch in common:
            score += 1
            hanzi += 1
            frequent += ch in _FREQUENT
        elif _plain(ch):
            score += 1
        elif "\u3400" <= ch <= "\u9fff" or "\u00a0" <= ch <= "\u024f":
            score += 0.35  # rare hanzi, accented Latin: possible, not typical
    if not counted:
        return 1.0
    return score / counted + (0.1 * frequent / hanzi if hanzi else 0.0)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text and the encoding used. BOMs first, then detection."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = _try(data, enc)
            if text is not None:
                return text.lstrip("\ufeff"), enc
    # candidates: (plausibility, tie-break priority, text, codec)
    cands: list[tuple[float, int, str, str]] = []
    utf8 = _try(data, "utf-8")
    if utf8 is not None and "\x00" not in utf8:
        wide = sum(1 for ch in utf8 if ord(ch) > 0x7F)
        if wide == 0 or wide >= 4:  # four legacy characters in a row are almost never valid UTF-8
            return utf8, "utf-8"
        cands.append((plausibility(utf8), 3, utf8, "utf-8"))
    if b"\x00" in data or (len(data) % 2 == 0 and utf8 is None):
        cands += _utf16_without_bom(data)
    cands += _legacy(data)
    best = max(cands, default=None, key=lambda c: c[:2])
    if best and best[0] >= _CONFIDENT:
        return best[2], best[3]
    cands += _fallbacks(data)
    best = max(cands, default=None, key=lambda c: c[:2])
    if best and best[0] >= 0.5:
        return best[2], best[3]
    raise InputError("bad_encoding")


def _utf16_without_bom(data: bytes) -> list[tuple[float, int, str, str]]:
    """Notepad-style UTF-16: NUL bytes in the high half of every ASCII character."""
    if len(data) < 2 or len(data) % 2:
        return []
    out = []
    for codec, nuls, other in (("utf-16-le", data[1::2].count(0), data[0::2].count(0)),
                               ("utf-16-be", data[0::2].count(0), data[1::2].count(0))):
        text = _try(data, codec)
        if text is not None and "\x00" not in text:
            out.append((plausibility(text) + (0.1 if nuls > other else 0), 0, text, codec))
    return out


def _legacy(data: bytes) -> list[tuple[float, int, str, str]]:
    """GB18030 and Big5 (strictly decoded), scored by how common their characters are."""
    out = []
    for codec, priority in (("gb18030", 2), ("big5", 1), ("cp950", 1), ("big5hkscs", 1)):
        text = _try(data, codec)
        if text is not None and "\x00" not in text:
            out.append((plausibility(text), priority, text, "big5" if priority == 1 else codec))
            if priority == 1:
                break  # cp950 / big5hkscs only when strict big5 fails
    return out


def _fallbacks(data: bytes) -> list[tuple[float, int, str, str]]:
    """charset-normalizer's pick, and lenient CJK decodings for files with a damaged byte."""
    from charset_normalizer import from_bytes

    out = []
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        enc = "gb18030" if best.encoding in ("gb2312", "gbk", "gb18030", "hz") else best.encoding
        text = _try(data, enc) or str(best)
        if "\x00" not in text:
            out.append((plausibility(text), -1, text, enc))
    for codec in ("gb18030", "big5"):
        text = data.decode(codec, errors="replace")
        if "\x00" not in text:
            out.append((plausibility(text) - 0.05, -2, text, codec))
    return out


def paragraphs(text: str) -> list[Paragraph]:
    """One Paragraph per non-empty line, surrounding white space (incl. 　) removed."""
    return [Paragraph(line.strip()) for line in text.splitlines() if line.strip()]


class TextReader(Reader):
    """Reads .txt in any common Chinese encoding; refuses binary content it cannot decode."""

    suffixes = (".txt", ".text", "")

    def read_bytes(self, data: bytes, name: str = "") -> Document:
        text, encoding = decode(data)
        return Document(blocks=paragraphs(text), source_name=name, encoding=encoding)
