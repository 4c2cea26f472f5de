"""What a plan table's columns hold, learnt from the words of its header — or, failing that, its cells.

Offices name the same column a dozen ways (责任单位 / 责任处室 / 负责科室 / 牵头单位 / 主办;
完成时限 / 时间节点 / 时限要求 / 进度安排 / 月份) and put them in any order, units before the
task as often as after. So a column is known by the keyword class of its header cell, never
by its position. `header_role` is public: the text stage uses it to find a header that was
flattened into one line of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.domain.textfold import fold
from core.parse.labels import split_label

SEQ, CATEGORY, TASK, REQUIREMENT = "seq", "category", "task", "requirement"
LEAD, RESPONSIBLE, COOPERATING, UNIT = "lead", "responsible", "cooperating", "unit"
DEADLINE, NOTE = "deadline", "note"
UNIT_ROLES = (LEAD, RESPONSIBLE, COOPERATING, UNIT)
CONTENT_ROLES = (CATEGORY, TASK, REQUIREMENT)

_HEADER_MAX = 12  # a header cell is a few words; a longer cell is content
_PUNCT = re.compile(r"[\s*＊:：()（）\[\]【】<>《》\"“”'‘’·.。,，;；]")
_SEQ = re.compile(r"^(?:序号|编号|序|号|项次|排序|no|NO|No)$")
# 完成情况 / 进展 columns are what the clerk fills in during the year: never plan content
_NOTE = re.compile(r"备注|说明|附注|完成情况|进展|落实情况|推进情况|工作成效|佐证|评分|分值|得分|"
                   r"领导|责任人|联系人|经办人|联络员|电话")  # people, not units
_DEADLINE = re.compile(r"时限|时间|期限|日期|进度|节点|时序|月份|截止|完成时")
_LEAD = re.compile(r"牵头|主办|主责|主要负责|主管")
_COOPERATING = re.compile(r"配合|协办|协助|参与|协同|协作")
_RESPONSIBLE = re.compile(r"责任|负责|承办|落实|实施|承担|执行")
_UNIT_WORD = re.compile(r"单位|部门|处室|科室|股室|机构|主体|分工|局|科|室|处|股")
# content headers are noun phrases ending in their class noun ("工作任务", "具体措施"); a cell with
# the word inside ("制定年度工作计划并公开") is a task's text, not a header
_CATEGORY = re.compile(r"(?:类别|分类|类型|板块|领域|方面|栏目|专项|大类|指标)$")
_REQUIREMENT = re.compile(r"(?:要求|措施|内容|标准|举措|做法|目标|方式|途径|路径)$|^(?:细化|具体)(?:分工|任务|工作|事项|安排)$")
_TASK = re.compile(r"(?:任务|事项|工作|要点|项目|分工|重点|名称|环节|步骤|阶段)$")
# header_role's rules in order: a 序号, a note (filled in later, or people) or a deadline before
# any unit word; the content classes after it
_BEFORE_UNITS = ((_SEQ, SEQ), (_NOTE, NOTE), (_DEADLINE, DEADLINE))
_AFTER_UNITS = ((_CATEGORY, CATEGORY), (_REQUIREMENT, REQUIREMENT), (_TASK, TASK))


def _key(text: str) -> str:
    return _PUNCT.sub("", fold(text))


_NOTE_IN_BRACKETS = re.compile(r"[(（][^()（）]*[)）]")
_FIRST_IS_LEAD = re.compile(r"(?:第一|首)(?:位|个|名)?[^，,。；;()（）]{0,4}(?:为|是)牵头|"
                            r"牵头(?:单位|部门|处室|科室)?(?:排|列|居)在?(?:第一|首)")


def lead_listed_first(text: str) -> bool:
    """"责任单位（排第一位的为牵头单位）": the header says the first unit named leads.

    Provincial 分工方案 and city 任务分解表 both print this note in the unit column's head.
    """
    return any(_FIRST_IS_LEAD.search(fold(m.group(0))) for m in _NOTE_IN_BRACKETS.finditer(text))


def says_first_leads(text: str) -> bool:
    """A table's note "注：排第一位的为牵头单位" (in a row of its own or just above the table)."""
    return len(text) <= 120 and bool(_FIRST_IS_LEAD.search(fold(text)))


def first_leads(cols: Columns) -> Columns:
    """The columns with every plain responsible unit column read "the first unit leads"."""
    cols.units = [(c, LEAD_FIRST if role == RESPONSIBLE else role) for c, role in cols.units]
    return cols


def header_role(text: str) -> str | None:
    """The column role a header cell's words give, or None when they name no role.

    One of seq, category, task, requirement, lead, responsible, cooperating, unit (any
    role), deadline, note. Order matters: "完成情况" and "责任领导" are notes (filled in
    later, or people) before they could be a deadline or units; "配合/责任单位" is
    cooperating before responsible; "工作要求" a requirement before "工作" a task.
    """
    key = _key(_NOTE_IN_BRACKETS.sub("", text) or text)  # "责任单位（部门）": the note is not the name
    if not key or len(key) > _HEADER_MAX or split_label(text.strip())[0] is not None or "。" in text:
        return None  # a numbered or finished sentence is content, whatever words it holds
    before = next((role for words, role in _BEFORE_UNITS if words.search(key)), None)
    return before or unit_role(key) or next((role for words, role in _AFTER_UNITS if words.search(key)), None)


def unit_role(key: str) -> str | None:
    """The role a unit column's header gives: 牵头单位 lead, 配合/责任单位 cooperating, 责任处室 responsible.

    A bare role word heads a sub-column under a merged "责任单位" (主办 | 协办), so it counts
    on its own; "分工" alone is a task word (任务分工), a unit column only with a role word.
    """
    has_word = bool(_UNIT_WORD.search(key)) and key not in ("分工", "任务分工", "细化分工", "工作分工")
    if _COOPERATING.search(key) and (has_word or len(key) <= 4):
        return COOPERATING
    if _LEAD.search(key) and (has_word or len(key) <= 4):
        if re.search(r"(?:牵头|主办|主责)责任", key):
            return LEAD  # "牵头责任单位": the unit that leads; "牵头及责任单位" names both roles
        return RESPONSIBLE if _RESPONSIBLE.search(key.replace("主要负责", "")) else LEAD
    if _RESPONSIBLE.search(key) and (has_word or len(key) <= 3):
        return RESPONSIBLE
    if has_word and len(key) <= 4 and re.search(r"单位|部门|处室|科室|股室|机构|主体", key) and not re.match(
            r"[各省市县区乡镇]", key):
        return UNIT  # "单位", "部门", "实施主体" — not a unit's own name ("各二级单位", "县直单位")
    return None


@dataclass
class Columns:
    """Which grid column holds what, learnt from a header row (or from the cells)."""

    seq: int | None = None
    groups: list[int] = field(default_factory=list)  # outermost first: category, merged task columns
    task: int | None = None
    body: list[int] = field(default_factory=list)  # requirement columns: more of the task's text
    units: list[tuple[int, str]] = field(default_factory=list)  # (column, role)
    time: list[int] = field(default_factory=list)
    roles: list[str | None] = field(default_factory=list)  # the role of every column, by header
    guessed: bool = False  # learnt from the cells, the header was not understood

    def unit_columns(self) -> set[int]:
        return {c for c, _ in self.units}


def roles_of(header: list[str]) -> list[str | None]:
    """The role of each header cell."""
    return [header_role(text) for text in header]


def is_header(roles: list[str | None]) -> bool:
    """Enough known roles for a plan table: content and at least one more kind of column."""
    known = [r for r in roles if r]
    content = [r for r in known if r in CONTENT_ROLES]
    if not content or len(known) < 2:
        return False
    others = {r for r in known if r not in CONTENT_ROLES}
    return bool(others) or len(content) > 1


LEAD_FIRST = "lead_first"  # a unit column whose first unit leads (see lead_listed_first)


def assign(roles: list[str | None], merged: set[int], header: list[str] | None = None) -> Columns:
    """Columns from roles; `merged` are the content columns whose cells span rows (groups).

    A category column, and a task column merged over several rows while a later content column
    varies, group the rows below them; the first content column left is the task, and any
    content columns after it (工作要求, 具体措施) are more of the task's text.
    """
    cols = Columns(roles=list(roles))
    content: list[int] = []
    for i, role in enumerate(roles):
        if role == SEQ and cols.seq is None:
            cols.seq = i
        elif role in UNIT_ROLES:
            if header is not None and i < len(header) and lead_listed_first(header[i]):
                role = LEAD_FIRST
            cols.units.append((i, RESPONSIBLE if role == UNIT else role))
        elif role == DEADLINE:
            cols.time.append(i)
        elif role in CONTENT_ROLES:
            content.append(i)
    rest = list(content)
    while len(rest) > 1 and (roles[rest[0]] == CATEGORY or rest[0] in merged):
        cols.groups.append(rest.pop(0))
    if rest:
        cols.task = rest[0]
        cols.body = rest[1:]
    return cols
