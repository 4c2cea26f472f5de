"""Stage: the plan's metadata — its own title, year, issuer, document number and date.

Read from the lines before the plan (the issuing notice and page header), the plan's title
line, and the footer. The notice's title is not the plan's title; a cited document number
in brackets is not this document's number.
"""

from __future__ import annotations

import datetime as dt
import re

from core.domain.numerals import cn_value
from core.domain.textfold import fold
from core.parse.meta_block import FIELD_NAMES, title_field
from core.parse.parsed_plan import PlanMeta
from core.parse.units import is_unit_name

_TITLE_END = re.compile(r"(?:(?:要点|方案|计划|安排|清单|任务|分工|分解|责任|台账)表?)$")  # …分工表, …计划表 too
_TITLE_TOPIC = re.compile(r"公开|要点|政务")
_NOTICE = re.compile(r"通知|关于印发|印发|转发")
_NOT_IN_TITLE = re.compile(r"[《：:，,。；;！？…]")
_OWN_NOTICE = re.compile(r"[^，,。：:；;]{2,30}关于[^，,。：:；;]{4,50}的(?:通知|意见)")
_FIELD_LINE = re.compile(r"^[^:：]{1,8}[:：]")  # "发布时间: …", "Date: …": the page's, not the plan's
_OPENING_LINES = 3  # the lines right before the first task: where an untitled list names its year
_SIGN_OFF_LINES = 6  # a sign-off stands right after the plan, before attachments and footers
_BOOK_TITLE = re.compile(r"《([^《》]{4,60}?)》")
_NOTICE_TITLE = re.compile(r"关于印发(.{4,60}?)的通知")
_DOCNO = re.compile(
    r"([\u3400-\u9fff]{1,12}?[\u3400-\u9fff]) ?([〔\[［【(（]) ?(\d{4}) ?([〕\]］】)）]) ?(\d{1,5}) ?([号號])"
)
_DOCNO_FIELD = re.compile(r"(?:文号|发文字号)[:：] ?")
_DOCNO_DAMAGED = re.compile(r"^([\u3400-\u9fff]{2,12})〔(\d{4})(\d{1,4})$")
_LETTER_ZERO = str.maketrans("ＯO", "〇〇")  # a typed year's 〇 often comes as the letter O (二OO九)
_CN = "〇○零ＯO一二三四五六七八九十"
_DATE_ARABIC = re.compile(r"(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日")
_DATE_CN = re.compile(rf"([{_CN}]{{4}}) ?年 ?([{_CN}]{{1,3}}) ?月 ?([{_CN}]{{1,3}}) ?日")
_DATE_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DATE_PACKED = re.compile(r"(?<!\d)(\d{4})(\d{1,2})(\d{1,2}) ?日")
_ISSUER_FIELD = re.compile(r"(?:发文机关|发布机构|发文单位|发布单位)[:：] ?([^ :：]{3,40})")
_DATE_FIELD = re.compile(r"(?:成文日期|发文日期|印发日期)[:：] ?(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2})")
_NEXT_FIELD = re.compile("|".join(FIELD_NAMES))
_ISSUER_ENDINGS = ("政府", "办公室", "办公厅", "委员会", "管委会", "领导小组", "小组", "局", "委", "厅", "办",
                   "中心", "院", "部", "署")
_CN_YEAR = re.compile(r"([〇○零一二三四五六七八九]{4}) ?年")
_YEAR = re.compile(r"(20\d\d|19\d\d) ?年")


def is_title_line(text: str) -> bool:
    """Does this line read as a plan's own title (not the notice that issues it)?"""
    if not 6 <= len(text) <= 60:
        return False
    key = fold(text).rstrip(" 。")
    return bool(_TITLE_END.search(key) and _TITLE_TOPIC.search(key)) and not (
        _NOTICE.search(key) or _NOT_IN_TITLE.search(key))


def _cn_number(s: str) -> int:
    """A date's or year's numeral (二〇一〇, 十二), read by the one numeral function."""
    return cn_value(s.translate(_LETTER_ZERO))


def parse_date(text: str) -> dt.date | None:
    """A date written 2019年6月24日, 二○一○年四月十九日, 2024-07-01 or damaged 2010422日."""
    for pattern, conv in ((_DATE_ARABIC, int), (_DATE_CN, _cn_number), (_DATE_ISO, int)):
        m = pattern.search(text)
        if m:
            try:
                return dt.date(conv(m.group(1)), conv(m.group(2)), conv(m.group(3)))
            except ValueError:
                return None
    m = _DATE_PACKED.search(text)
    if m:
        digits = m.group(1) + m.group(2) + m.group(3)
        year, rest = int(digits[:4]), digits[4:]
        for cut in range(1, len(rest)):
            try:
                return dt.date(year, int(rest[:cut]), int(rest[cut:]))
            except ValueError:
                continue
    return None


def is_date_line(text: str) -> bool:
    """A line holding a date and next to nothing else (a sign-off)."""
    rest = _DATE_ARABIC.sub("", text)
    rest = _DATE_CN.sub("", rest)
    return rest != text and len(rest.strip()) <= 4


def _doc_number(lines: list[str]) -> str | None:
    """This document's 文号: a 文号 field's, a number opening a line (or following the notice's title)."""
    for line in lines:
        m = _DOCNO_FIELD.search(fold(line))
        if m and (number := _DOCNO.match(line, m.end())):
            return number.group(0).replace(" ", "")
    for line in lines:
        at = fold(line).rfind("通知")
        segment = (line[at + 2:] if at >= 0 else line).strip()
        m = _DOCNO.match(segment)
        if m:
            return m.group(0).replace(" ", "")
    for line in lines:
        m = _DOCNO_DAMAGED.match(line.strip())
        if m:  # "肇府辦〔201031": the closing bracket and 号 were lost
            mark = "號" if any(fold(ln) != ln for ln in lines) else "号"
            return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}{mark}"
    return None


def extract(before: list[str], title_line: str | None, after: list[str], hint: str | None = None) -> PlanMeta:
    """Metadata from the lines before the plan, its title line and the lines after it."""
    meta = PlanMeta()
    meta.title = _whole_title((title_line or "").strip().rstrip("。 "), before)
    named = title_field(before)
    if named and (not meta.title or (len(named) > len(meta.title) and fold(named).endswith(fold(meta.title)))):
        meta.title = named  # the page's metadata block names the document: it is the source
    if not meta.title:
        meta.title = _title_from_notice(before) or (hint or "").strip()
    folded_before = [fold(x) for x in before]
    for i, line in enumerate(before):
        key = folded_before[i]
        if meta.issuer is None and (m := _ISSUER_FIELD.search(key)):
            glued = _NEXT_FIELD.search(key, m.start(1) + 2, m.end(1))  # "发布机构：X名称：…" run together
            meta.issuer = line[m.start(1):glued.start() if glued else m.end(1)]
        if meta.date is None and (m := _DATE_FIELD.search(key)):
            meta.date = parse_date(m.group(1).replace("年", "-").replace("月", "-"))
    signed = _signature(before)
    if signed:
        issuer, date = signed
        meta.issuer = meta.issuer or issuer
        meta.date = meta.date or date
    signed_after = _signature(after[:_SIGN_OFF_LINES]) if meta.issuer is None or meta.date is None else None
    if signed_after:  # a 通知 whose body is the plan signs off after it
        meta.issuer = meta.issuer or signed_after[0]
        meta.date = meta.date or signed_after[1]
    if meta.issuer is None:
        meta.issuer = _issuer_from_titles(before, meta.title)
    if meta.date is None:
        for line in after:
            if fold(line).replace(" ", "").endswith("印发"):
                meta.date = parse_date(line)
                if meta.date:
                    break
    meta.doc_number = _doc_number(before)
    meta.year = _year(meta) or _year_in(before[-_OPENING_LINES:])
    return meta


def _whole_title(title: str, before: list[str]) -> str:
    """The title as the notice names it when the plan's own line drops the place
    ("2020年政务公开工作要点" under "现将《朝阳市2020年政务公开工作要点》印发给你们").

    City and county notices cite the full title; the attached plan often repeats it shortened.
    """
    if not title:
        return title
    key = fold(title)
    for line in before:
        for m in _BOOK_TITLE.finditer(fold(line)):
            cited = m.group(1)
            if len(cited) > len(key) and cited.endswith(key) and is_title_line(cited):
                return line[m.start(1):m.end(1)]
    return title


def _title_from_notice(before: list[str]) -> str:
    for line in before:
        key = fold(line)
        m = _NOTICE_TITLE.search(key)
        if m:
            return line[m.start(1):m.end(1)].strip("《》")
    for line in before:
        for m in _BOOK_TITLE.finditer(fold(line)):
            if is_title_line(m.group(1)):
                return line[m.start(1):m.end(1)]
    return _notice_as_title(before)


def _notice_as_title(before: list[str]) -> str:
    """A 通知 that carries the tasks itself ("X关于做好2017年政务公开工作的通知") is the plan's title.

    Departments and counties issue their year's openness work so, as often as they attach a plan.
    """
    for line in before:
        key = fold(line).strip()
        if _OWN_NOTICE.fullmatch(key) and _TITLE_TOPIC.search(key):
            return line.strip()
    return ""


def _signature(before: list[str]) -> tuple[str | None, dt.date | None] | None:
    """The notice's sign-off: a unit name on the line above a line holding only a date."""
    for i, line in enumerate(before):
        if not is_date_line(line):
            continue
        issuer = None
        if i > 0 and _looks_like_issuer(before[i - 1]):
            issuer = before[i - 1].strip()
        if issuer is not None:
            return issuer, parse_date(line)
    for line in before:
        if is_date_line(line):
            return None, parse_date(line)
    return None


def _looks_like_issuer(text: str) -> bool:
    text = text.strip()
    return 3 <= len(text) <= 30 and fold(text).endswith(_ISSUER_ENDINGS) and is_unit_name(text) and \
        not re.search(r"[，,。:：;；]", text)


def _issuer_from_titles(before: list[str], title: str) -> str | None:
    for line in before:
        key = fold(line)
        at = key.find("关于")
        if at > 0 and _looks_like_issuer(line[:at]):
            return line[:at].strip()
    m = _YEAR.search(title)
    if m and m.start() > 0 and _looks_like_issuer(title[:m.start()]):
        return title[:m.start()].strip()
    return None


def _year(meta: PlanMeta) -> int | None:
    for source in (meta.title, meta.doc_number or ""):
        m = _YEAR.search(source) or re.search(r"[〔\[［【(（](\d{4})[〕\]］】)）]", source)
        if m:
            return int(m.group(1))
    m = _CN_YEAR.search(meta.title)
    if m:
        return _cn_number(m.group(1))
    return meta.date.year if meta.date else None


def _year_in(lines: list[str]) -> int | None:
    """The year an untitled list speaks of ("2021年，我厅政务公开工作主要围绕以下几个方面开展：").

    Department pages and short lists often carry no title and no notice, only that opening line.
    """
    for line in lines:
        m = _YEAR.search(line)
        if m and not _FIELD_LINE.match(fold(line)):
            return int(m.group(1))
    return None
