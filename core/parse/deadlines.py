"""Stage: time limits in a task's text, with the date each one means.

"8月底前", "9月15日前", "年底前", "上半年", "第三季度前", "6月中旬至7月中旬" (the range's end),
a damaged "20211210日前"; the plan's year when the text gives none. Never from inside 《…》
titles or a cited document number. Relative or recurring limits ("5个工作日内", "每季度",
"长期坚持") are kept as text with no date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from core.domain.numerals import cn_value
from core.domain.textfold import fold
from core.parse.parsed_plan import ParsedDeadline

_Y = r"(?:(?P<y>\d{4}) ?年(?:度)?)?"
# "四月底前", "十二月份": offices write months in Chinese numerals too (never after another numeral)
_M = r"(?P<m>1[0-2]|0?[1-9]|(?<![一二三四五六七八九十〇○零])(?:十[一二]|[一二三四五六七八九十]))"
_BEFORE = r"(?:前|之前|以前)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ymd_packed", re.compile(r"(?<!\d)(?P<y>20\d\d)(?P<m>1[0-2]|0?[1-9])(?P<d>3[01]|[12]\d|0?[1-9])日" + _BEFORE)),
    ("md", re.compile(_Y + _M + r" ?月 ?(?P<d>3[01]|[12]\d|0?[1-9]) ?[日号]"
                      r"(?P<b>" + _BEFORE + r")?")),
    ("xun", re.compile(_Y + _M + r" ?月(?:份)?(?P<x>上旬|中旬|下旬)(?P<b>末|底|" + _BEFORE + r")?")),
    ("month_end", re.compile(_Y + _M + r" ?月(?:份)?(?:底|末)" + _BEFORE + "?")),
    ("month_before", re.compile(_Y + _M + r" ?月(?:份)?" + _BEFORE)),
    ("year_end", re.compile(r"(?:(?P<y>\d{4}) ?年|(?<![\d一二三四五六七八九十两个每明多])年)(?:底|末)(?:前|之前|以前)?|"
                            r"(?<![\d一二三四五六七八九十两个每明多])年(?:度)?内")),
    ("half", re.compile(_Y + r"(?P<h>上|下)半年")),
    ("quarter", re.compile(_Y + r"第?(?P<q>[一二三四1-4])季度(?:末|底)?(?:" + _BEFORE + ")?")),
    ("relative", re.compile(r"\d{1,3} ?个?(?:工作日|自然日|日|天|周|个月|月)(?:之内|以内|内)|每(?:季度|半年|年度|年|月|周)|"
                            r"长期坚持|长期执行|长期推进")),
]
# for each pattern, words one of which every match holds (deadline patterns begin with optional
# parts, so a regex scan tries every position; most task texts lack most of these words)
_NEEDS: list[tuple[str, ...]] = [("日",), ("日", "号"), ("旬",), ("底", "末"), ("月",), ("年",), ("半年",),
                                 ("季度",), ("内", "每", "长期")]
_RANGE_GLUE = re.compile(r" ?(?:至|到|-|—|－|~|～) ?")
_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_BOOK = re.compile(r"《[^《》\n]{0,200}》")
_CITED = re.compile(r"[(（〔\[【][^()（）\n]{0,40}(?:号|令|〕|\])[^()（）\n]{0,10}[)）\]】]")


# full-width digits and date marks to ASCII, one character for one (indices kept)
_NARROW = str.maketrans({chr(0xFF10 + k): str(k) for k in range(10)} | {"／": "/", "．": ".", "－": "-"})
_WIDE = re.compile("[" + re.escape("".join(chr(c) for c in _NARROW)) + "]")  # a look far cheaper than translate()


def _deadline_fold(text: str) -> str:
    """The fold deadlines are matched on: script folded, and width folded too.

    Plans typed in Word/WPS with a Chinese input method, and pages pasted from such files
    (county and department notices alike), carry full-width digits ("２０２１年６月底前",
    "第３季度"); the deadline is read from the narrow form and printed as written.
    """
    folded = fold(text)
    return folded.translate(_NARROW) if _WIDE.search(folded) else folded


def _month(text: str) -> int:
    return int(text) if text.isdigit() else cn_value(text)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _blank(folded: str) -> str:
    """The fold with 《titles》 and cited document numbers blanked out (indices kept)."""
    for pattern in (_BOOK, _CITED):
        if pattern.search(folded):
            folded = pattern.sub(lambda m: "□" * len(m.group(0)), folded)
    return folded


def _date(kind: str, m: re.Match[str], year: int | None) -> dt.date | None | bool:
    """The date a match means; False when the match is not a deadline at all."""
    g = m.groupdict()
    y = int(g["y"]) if g.get("y") else year
    if kind == "relative":
        return None
    if y is None or not 1900 < y < 2200:
        return None
    try:
        if kind in ("ymd_packed", "md"):
            return dt.date(y, _month(g["m"]), int(g["d"]))
        if kind == "xun":
            month = _month(g["m"])
            day = {"上旬": 10, "中旬": 20}.get(g["x"]) or _last_day(y, month)
            return dt.date(y, month, day)
        if kind == "month_end":
            month = _month(g["m"])
            return dt.date(y, month, _last_day(y, month))
        if kind == "month_before":
            month = _month(g["m"]) - 1
            return dt.date(y - 1, 12, 31) if month == 0 else dt.date(y, month, _last_day(y, month))
        if kind == "year_end":
            return dt.date(y, 12, 31)
        if kind == "half":
            return dt.date(y, 6, 30) if g["h"] == "上" else dt.date(y, 12, 31)
        if kind == "quarter":
            month = _QUARTER[g["q"]] * 3
            return dt.date(y, month, _last_day(y, month))
    except ValueError:
        return None
    return None


_CELL_ONLY = [
    # an Excel date cell (the xlsx reader prints it ISO) or a typed "2021.6.30" / "2021/6/30"
    ("md", re.compile(r"(?<!\d)(?P<y>20\d\d)[-/.](?P<m>1[0-2]|0?[1-9])[-/.](?P<d>3[01]|[12]\d|0?[1-9])(?!\d)"
                      r"(?P<b>" + _BEFORE + r")?")),
    ("month_end", re.compile(_Y + _M + r" ?月(?:份)?(?![\d上中下底末前内次一二三四五六七八九十])")),
    ("year_end", re.compile(r"(?:(?P<y>\d{4}) ?年)?全年")),
]


_CELL_NEEDS: list[tuple[str, ...]] = [("20",), ("月",), ("全年",)]
# any of those words at all: most task texts hold none, and then no pattern is tried
_ANY_NEED = {cell: re.compile("|".join(re.escape(w) for w in sorted({w for ns in needs for w in ns})))
             for cell, needs in ((False, _NEEDS), (True, _NEEDS + _CELL_NEEDS))}

_START = re.compile(r" ?(?:份)?(?:起|开始|以来)")


def _is_start(folded: str, end: int) -> bool:
    """"2021年7月起持续推进", "自7月起", "7月份开始": the date a task starts, not its limit.

    Ongoing tasks in 分解表 time cells and in departments' 实施方案 prose both say when work
    begins; reading that as a month-end limit would mark the task overdue from August.
    """
    return bool(_START.match(folded, end))


_OBJECT_VERB = re.compile(r"(?:公开|发布|公布|报送|上报|通报|总结|报告|汇总|统计|分析|编制|梳理|评估|形成)(?:本|当|全)?$")
_LIMIT_AFTER = re.compile(r" ?(?:前|之前|以前|内|底|末|完成|结束|办结)")


def _is_period_object(folded: str, start: int, end: int) -> bool:
    """"7月底前公开上半年进展情况": a half-year or quarter named as what is published, not a limit.

    Plans of every level ask for periodic reports ("报送第三季度工作情况", "发布上半年数据");
    after such a verb the period qualifies a noun, unless a limit word follows it.
    """
    head = re.sub(r"\d{4} ?年(?:度)?$", "", folded[max(0, start - 8):start])
    return bool(_OBJECT_VERB.search(head)) and not _LIMIT_AFTER.match(folded, end)


_BY_DATE = re.compile(r"(?:完成|办结|上线|报送|截止|为止|止)")


def _limit_context(folded: str, start: int, end: int) -> bool:
    """"于2023年6月30日完成", "截至6月30日": a bare date worded as a limit."""
    before = folded[max(0, start - 2):start]
    return before.endswith(("于", "截至", "截止", "在")) or bool(_BY_DATE.match(folded, end))


_TIME_KEYED = re.compile(r"(?:完成时限|完成时间|时间要求|时限要求|时间节点|进度安排|时限)[ ]?[:：]"
                         r"(?P<v>[^)）】\]。；;\n]{1,60})")


def find_deadlines(text: str, year: int | None, cell: bool = False) -> list[ParsedDeadline]:
    """Every time limit in `text`, in order; `year` fills in dates that name no year.

    A time column's `cell` is all deadline, so there a bare date or month counts too — and so
    does what follows a time key in prose ("（责任单位：…，完成时限：3月公布计划，7月公布结果）"),
    the way departments' 实施方案 and plans that inline their 分工 write a table cell.
    """
    if cell:
        return _find(text, year, True)
    keyed = [m for m in _TIME_KEYED.finditer(_deadline_fold(text))]
    if not keyed:
        return _find(text, year, False)
    out: list[ParsedDeadline] = []
    start = 0
    for m in keyed:
        out += _find(text[start:m.start()], year, False) + _find(text[m.start("v"):m.end("v")], year, True)
        start = m.end()
    return out + _find(text[start:], year, False)


def _find(text: str, year: int | None, cell: bool) -> list[ParsedDeadline]:
    folded = _deadline_fold(text)
    if not _ANY_NEED[cell].search(folded):
        return []
    folded = _blank(folded)
    patterns = _PATTERNS + _CELL_ONLY if cell else _PATTERNS
    hits: list[tuple[int, int, str, re.Match[str]]] = []
    taken = bytearray(len(folded))
    for (kind, pattern), needs in zip(patterns, _NEEDS + _CELL_NEEDS if cell else _NEEDS, strict=True):
        if not any(word in folded for word in needs):
            continue  # a substring test is far cheaper than a scan that cannot match
        for m in pattern.finditer(folded):
            if any(taken[m.start():m.end()]):
                continue
            hits.append((m.start(), m.end(), kind, m))
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    hits.sort()
    out: list[ParsedDeadline] = []
    spans: list[int] = []
    for k, (start, end, kind, m) in enumerate(hits):
        nxt = hits[k + 1] if k + 1 < len(hits) else None
        joined = nxt is not None and _RANGE_GLUE.fullmatch(folded[end:nxt[0]] or "x") is not None
        if joined:
            continue  # the start of a range: only its end is the deadline
        if _is_start(folded, end):
            continue
        if kind in ("half", "quarter") and not cell and _is_period_object(folded, start, end):
            continue
        after_range = k > 0 and _RANGE_GLUE.fullmatch(folded[hits[k - 1][1]:start] or "x") is not None
        if kind in ("md", "xun") and not (m.group("b") or after_range or cell or _limit_context(folded, start, end)):
            continue  # a bare date in prose is an event, not a limit
        date = _date(kind, m, year)
        shown = text[hits[k - 1][0]:end] if after_range else text[start:end]
        out.append(ParsedDeadline(text=shown.strip(), date=date if isinstance(date, dt.date) else None))
        spans.append(start)
    if cell and len(out) > 1:
        _name_steps(text, out, spans)
    return out


_STEP_SEP = re.compile(r"[,，;；、。\n]")


def _name_steps(text: str, found: list[ParsedDeadline], starts: list[int]) -> None:
    """"6月公布计划,10月公布结果": each step of a time cell keeps its own words as its text.

    Time columns of 任务分解表 and of departments' 工作计划表 both list several dated steps in
    one cell; the clerk needs to know which step each date is for.
    """
    cuts = [0] + [m.end() for m in _STEP_SEP.finditer(text)] + [len(text) + 1]
    clauses = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False)]
    owners = [next(k for k, (a, b) in enumerate(clauses) if a <= start < b) for start in starts]
    if len(set(owners)) != len(owners):
        return  # two dates in one clause: a range or a pair, keep them as printed
    for deadline, k in zip(found, owners, strict=True):
        a, b = clauses[k]
        words = text[a:b].strip(" ,，;；、。\n")
        if words:
            deadline.text = words


_TIME_WORDS = re.compile(r"^(?:长期坚持|长期推进|长期|持续推进|持续开展|常态化推进|常态化开展|常态化|全年|全年推进|按要求|"
                         r"按时|及时|定期|每年|每季度|每月|每半年|按季度|按月|按年度)(?:更新|开展|推进|落实)?$")


def is_time_cell(text: str) -> bool:
    """Is this short line all time limit ("2022年6月底前", "长期坚持") — a copied time column?"""
    key = _deadline_fold(text).strip().rstrip("。.;；")
    if not key or len(key) > 20:
        return False
    if _TIME_WORDS.match(key):
        return True
    rest = key
    for _kind, pattern in _PATTERNS + _CELL_ONLY if _ANY_NEED[True].search(key) else ():
        rest = pattern.sub("", rest)
    return len(re.sub(r"[\s,，、;；至到前完成止]", "", rest)) == 0
