"""Stage: the part of a one-line body before the plan — the notice, its sign-off, the metadata block
and the plan's title — cut into the lines the metadata stage reads.

A web archive joins them with a blank or with nothing ("…请抓好落实。山西省人民政府办公厅二〇二四年
三月五日（此件公开发布）附件山西省2024年政务公开工作台账…", "索引号：…发布机构：X名称：…文号：…").
They are cut at blanks, at metadata field names, after a sentence or the 主送 colon, around the
sign-off date and the publication note, and after a title followed by the plan's first sentence.
"""

from __future__ import annotations

import re

from core.domain.textfold import fold
from core.parse.inline import paragraphs
from core.parse.meta import is_title_line
from core.parse.units import is_unit_name

_CN = "〇○零一二三四五六七八九十"
_FIELD = re.compile(r"(?:索引号|发布机构|发文机关|发文单位|名称|标题|发文日期|成文日期|发布日期|印发日期|文号|发文字号|"
                    r"主题分类|公开方式|公开范围|有效性)[:：]")
_DATE = re.compile(rf"(?:\d{{4}}|[{_CN}]{{4}}) ?年 ?(?:\d{{1,2}}|[{_CN}]{{1,3}}) ?月 ?(?:\d{{1,2}}|[{_CN}]{{1,3}}) ?日")
_NOTE = re.compile(r"[(（]此件[^()（）]{1,8}[)）]")
_ATTACHMENT = re.compile(r"^附件\d?[:：]?")
_SENTENCE = re.compile(r"(?<=[。！？])")
_TITLE_MAX = 60
_OPENER = re.compile(r"(?:根据|按照|为了|为|结合|围绕|依据|对照|现将|现就|经)")  # a sentence's first word
_TITLE_WORD = re.compile(r"要点|方案|计划|安排|清单|任务|分工|台账|表")
_LEAD_IN = re.compile(r"(?:是|为|如下)[:：]?$|[:：]$")
_TITLE_GOES_ON = re.compile(r"(?:[(（]|分解|分工|任务|责任|清单|台账|计划|方案|安排|表)")


def notice_lines(text: str) -> list[str]:
    """The notice part's lines, in order, without "（此件公开发布）"-type notes and "附件" marks.

    Serves one-line provincial and city archives (cut by blanks) and pages that join everything
    with nothing (metadata block, notice, sign-off and title run together) alike.
    """
    out: list[str] = []
    for para in paragraphs(text):
        for piece in _cut(para):
            piece = _ATTACHMENT.sub("", piece).strip()
            if piece:
                out.extend(_title_off(piece))
    return out


def _cut(text: str) -> list[str]:
    """Cut points: field names, sentence ends, the 主送 colon, the sign-off date, the note."""
    fields = list(_FIELD.finditer(text))
    cuts = {m.start() for m in fields} | {m.start() for m in _SENTENCE.finditer(text)}
    colon = text.find("：")
    if colon > 0 and colon + 1 not in {m.end() for m in fields}:
        cuts.add(colon + 1)
    for m in _NOTE.finditer(text):
        cuts |= {m.start(), m.end()}
    for m in _DATE.finditer(text):
        rest = text[m.end():]
        signer = text[max([0, *(c for c in cuts if c <= m.start())]):m.start()]
        if _FIELD.fullmatch(signer.strip()):
            continue  # "发文日期：2019年02月13日" is a field's value
        if not rest or _NOTE.match(rest) or _ATTACHMENT.match(rest) or rest[0] in "。 " or is_unit_name(signer):
            cuts |= {m.start(), m.end()}  # a date that ends its sentence or follows a unit: the sign-off
    pieces, start = [], 0
    for at in sorted(c for c in cuts if 0 < c < len(text)):
        pieces.append(text[start:at])
        start = at
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip() and not _NOTE.fullmatch(p.strip())]


def _title_off(piece: str) -> list[str]:
    """A title glued to the plan's first sentence ("…工作要点为深入贯彻…") stands on its own line.

    The shortest title that the rest does not continue ("…要点|分解表" continues, "…要点|根据…" does
    not); a sentence opening "根据…要点" is no title.
    """
    key = fold(piece)
    if len(piece) <= 8 or _OPENER.match(key):
        return [piece]
    for m in _TITLE_WORD.finditer(key, 0, _TITLE_MAX):  # a title ends in one of its words
        end = m.end()
        if _LEAD_IN.match(key, end):
            return [piece]  # "2023年全市政务公开工作的主要任务是：" leads into the tasks, it names no plan
        if end >= 6 and is_title_line(key[:end]) and not _TITLE_GOES_ON.match(key, end):
            return [piece[:end], piece[end:]] if end < len(piece) else [piece]
    return [piece]
