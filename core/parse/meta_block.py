"""A page's metadata block (索引号 / 发布机构 / 名称 / 成文日期 / 文号) as the lines the metadata stage reads.

Government portals print it above every document — as a table of field and value cells, as
one line of fields, or as a line per field — and for a department page with no title of its
own, or a 通知 reposted without its sign-off, it is the only place that names issuer, date and title.
"""

from __future__ import annotations

import re

from core.domain.textfold import fold
from core.readers.document import Table

FIELD_NAMES = ("索引号", "发布机构", "发文机关", "发文单位", "名称", "标题", "发文日期", "成文日期", "发布日期",
               "印发日期", "文号", "发文字号", "主题分类", "公开方式", "公开范围", "有效性", "生成日期", "公开时限")
_FIELD_CELL = re.compile(rf"^(?:{'|'.join(FIELD_NAMES)})[ ]?[:：]?$")
_FIELD_START = re.compile(rf"^(?:{'|'.join(FIELD_NAMES)})[ ]?[:：]")
_ANY_FIELD = re.compile(rf"(?:{'|'.join(FIELD_NAMES)})[ ]?[:：]")
_TITLE_NAMES = ("名称", "标题")
_MIN_FIELDS = 2


def _field_cells(table: Table) -> int:
    return sum(1 for row in table.rows for cell in row if not cell.merged_left and not cell.merged_up
               and (_FIELD_CELL.match(_key(cell.text)) or _FIELD_START.match(_key(cell.text))))


def _key(text: str) -> str:
    return fold(text).strip().replace("\u3000", "")


def is_metadata_table(table: Table) -> bool:
    """A table that holds a portal's metadata fields, not a plan: most of its rows name a field."""
    rows = [r for r in table.rows if any(c.text.strip() for c in r)]
    return bool(rows) and _field_cells(table) >= max(_MIN_FIELDS, len(rows))


def metadata_lines(table: Table) -> list[str]:
    """"发布机构：某市交通运输局" for each field, its value taken from the cell beside a bare field name."""
    out: list[str] = []
    for row in table.rows:
        cells = [c.text.strip() for c in row if not c.merged_left]
        i = 0
        while i < len(cells):
            text = " ".join(cells[i].split())
            if _FIELD_CELL.match(_key(text)) and i + 1 < len(cells) and not _FIELD_START.match(_key(cells[i + 1])):
                out.append(f"{text.rstrip(':： ')}：{' '.join(cells[i + 1].split())}")
                i += 2
                continue
            if text:
                out.append(text)
            i += 1
    return out


def title_field(lines: list[str]) -> str:
    """The document's name as its metadata block gives it ("名称：X"), or ""."""
    for line in lines:
        fields = [m for m in _ANY_FIELD.finditer(line) if m.start() == 0 or not _is_cjk(line[m.start() - 1])]
        for k, m in enumerate(fields):  # a line may hold every field ("索引号：… 名称：X 成文日期：…")
            if line[m.start():m.end()].rstrip(" :：") in _TITLE_NAMES:
                end = fields[k + 1].start() if k + 1 < len(fields) else len(line)
                value = line[m.end():end].strip()
                if 6 <= len(value) <= 80:
                    return value
    return ""


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"
