"""Word's automatic list numbering, turned back into the labels a reader sees printed.

Word stores "一、" or "（1）" not in the text but as a rule in numbering.xml: a paragraph
(or its style) names a list (numId) and a level (ilvl); the list points to an abstract
definition whose level gives the start value, the number format and a template such as
"%1、". Counters live on the abstract definition, as in Word: two lists sharing one keep
counting together unless a list overrides the start (that is how Word restarts a list).
A higher level resets the levels below it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.domain.numerals import cn_digits, cn_numeral

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "〇一二三四五六七八九"  # Word prints a zero counter as 〇
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY = "子丑寅卯辰巳午未申酉戌亥"
_MAX_COUNTER = 100_000  # a damaged file may ask for absurd values; keep formatting cheap


def wval(el, name: str) -> str | None:
    """The w:val of child `name` of `el`, or None."""
    if el is None:
        return None
    child = el.find(W + name)
    return None if child is None else child.get(W + "val")


def _int(text: str | None, default: int | None = None) -> int | None:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _clamp(n: int) -> int:
    return max(0, min(n, _MAX_COUNTER))


def _letters(n: int, upper: bool) -> str:
    base = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if upper else "abcdefghijklmnopqrstuvwxyz"
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1) if n > 0 else ""


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _enclosed(n: int, first: int, count: int) -> str:
    return chr(first + n - 1) if 1 <= n <= count else str(n)


def format_number(n: int, fmt: str) -> str:
    """One counter value in one of Word's numFmt styles."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting", "koreanCounting"):
        return cn_numeral(max(n, 0), _DIGITS)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return cn_digits(n)
    if fmt == "chineseLegalSimplified":
        return cn_numeral(max(n, 0), _LEGAL, "拾佰仟")
    if fmt in ("ideographTraditional",):
        return _HEAVENLY[(n - 1) % 10] if n > 0 else ""
    if fmt == "ideographZodiac":
        return _EARTHLY[(n - 1) % 12] if n > 0 else ""
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _enclosed(n, 0x2460, 20)
    if fmt == "decimalEnclosedParen":
        return _enclosed(n, 0x2474, 20)
    if fmt == "decimalEnclosedFullstop":
        return _enclosed(n, 0x2488, 20)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(n, fmt == "upperLetter")
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)  # decimal, decimalHalfWidth, ordinal… and anything unknown


@dataclass
class Level:
    """One level of an abstract list: where it starts, how it prints, when it restarts."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False  # isLgl: every %n printed as decimal
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; 0 = never


def _parse_level(lvl) -> Level:
    level = Level()
    level.start = _clamp(_int(wval(lvl, "start"), 1) or 0)
    level.fmt = wval(lvl, "numFmt") or "decimal"
    text = wval(lvl, "lvlText")
    level.text = text if text is not None else ""
    level.legal = lvl.find(W + "isLgl") is not None and wval(lvl, "isLgl") not in ("0", "false")
    level.restart = _int(wval(lvl, "lvlRestart"))
    return level


@dataclass
class Numbering:
    """numbering.xml read once; `label()` is then called on every numbered paragraph in order."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    num_to_abstract: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, dict[int, Level]] = field(default_factory=dict)
    start_overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    style_links: dict[str, str] = field(default_factory=dict)  # abstract id → numbering style
    style_levels: dict[str, int] = field(default_factory=dict)  # paragraph style → ilvl (lvl/pStyle)
    _counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstract id → level → value
    _seen_nums: set[str] = field(default_factory=set)

    @classmethod
    def from_xml(cls, root) -> Numbering:
        """Build from a parsed numbering.xml root (None → no lists)."""
        self = cls()
        if root is None:
            return self
        for an in root.iter(W + "abstractNum"):
            aid = an.get(W + "abstractNumId") or ""
            levels = {}
            for lvl in an.findall(W + "lvl"):
                ilvl = _int(lvl.get(W + "ilvl"), 0)
                if ilvl is not None and 0 <= ilvl <= 8:
                    levels[ilvl] = _parse_level(lvl)
                    if wval(lvl, "pStyle"):
                        self.style_levels[wval(lvl, "pStyle") or ""] = ilvl
            self.abstract[aid] = levels
            link = wval(an, "numStyleLink")
            if link:
                self.style_links[aid] = link
        for num in root.iter(W + "num"):
            nid = num.get(W + "numId") or ""
            self.num_to_abstract[nid] = wval(num, "abstractNumId") or ""
            for ov in num.findall(W + "lvlOverride"):
                ilvl = _int(ov.get(W + "ilvl"), 0) or 0
                start = _int(wval(ov, "startOverride"))
                if start is not None:
                    self.start_overrides.setdefault(nid, {})[ilvl] = _clamp(start)
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    self.overrides.setdefault(nid, {})[ilvl] = _parse_level(lvl)
        return self

    def resolve_links(self, style_num_ids: dict[str, str]) -> None:
        """Follow numStyleLink: an abstract list that only points at a numbering style."""
        for aid, style in self.style_links.items():
            target_num = style_num_ids.get(style)
            target = self.num_to_abstract.get(target_num or "")
            if target and target != aid and self.abstract.get(target):
                for nid, a in list(self.num_to_abstract.items()):
                    if a == aid:
                        self.num_to_abstract[nid] = target

    def _level(self, num_id: str, ilvl: int) -> Level | None:
        over = self.overrides.get(num_id, {}).get(ilvl)
        if over is not None:
            return over
        return self.abstract.get(self.num_to_abstract.get(num_id, ""), {}).get(ilvl)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter for (list, level) and return the printed label, "" if none."""
        aid = self.num_to_abstract.get(num_id)
        if not num_id or num_id == "0" or aid is None or not 0 <= ilvl <= 8:
            return ""
        level = self._level(num_id, ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(aid, {})
        if num_id not in self._seen_nums:  # a list's first paragraph applies its startOverride
            self._seen_nums.add(num_id)
            for lv in self.start_overrides.get(num_id, {}):
                counters.pop(lv, None)
        if ilvl in counters:
            counters[ilvl] = min(counters[ilvl] + 1, _MAX_COUNTER)
        else:
            counters[ilvl] = self._start(num_id, ilvl, level)
        for lower in range(ilvl + 1, 9):
            restart = (self._level(num_id, lower) or Level()).restart
            if restart is None or (restart > 0 and ilvl + 1 <= restart):
                counters.pop(lower, None)
        return self._render(num_id, level, counters)

    def _start(self, num_id: str, ilvl: int, level: Level) -> int:
        return self.start_overrides.get(num_id, {}).get(ilvl, level.start)

    def _render(self, num_id: str, level: Level, counters: dict[int, int]) -> str:
        out, text, i = [], level.text, 0
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
                n = int(text[i + 1]) - 1
                ref = self._level(num_id, n) or Level()
                value = counters.get(n, self._start(num_id, n, ref))
                fmt = "decimal" if level.legal and ref.fmt != "none" else ref.fmt
                out.append(format_number(value, fmt))
                i += 2
                continue
            out.append("•" if "\ue000" <= ch <= "\uf8ff" else ch)  # Symbol-font bullets
            i += 1
        return "".join(out).strip()
