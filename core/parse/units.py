"""Stage: who does a task — unit names with their role (lead / responsible / cooperating).

Units come from a table's unit cell, an inline "(牵头单位:…;责任单位:…)", or a sentence
such as "此项工作由X负责,Y配合". Whether a string is a unit name is decided by generic
unit-name endings (局, 委, 办, 政府, 单位 …), never by lists of names from real plans.
All tests run on the fold (core.domain.textfold) and slice the original text by the same indices.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.domain.textfold import fold
from core.parse.brackets import BRACKETS, outside
from core.parse.deadlines import is_time_cell
from core.parse.parsed_plan import ROLES

_ENDINGS = (
    "局", "委", "办", "厅", "府", "会", "中心", "单位", "部门", "院", "所", "室", "股", "处", "科",
    "站", "队", "组", "部", "署", "社", "馆", "庭", "行", "司", "团", "街道", "镇", "乡", "区", "县",
    "机构", "机关", "企业", "国企", "市", "党委", "工委", "办事处", "台", "联", "协", "村", "社区", "校", "各地", "各级",
)
# generic action words: a phrase holding one is a task's wording, not a unit's name
_ACTION = re.compile(r"推进|加强|做好|开展|落实|完善|建立|健全|提高|提升|推动|深化|加快|强化|规范|发布|严格|持续|"
                     r"积极|认真|切实|及时|围绕|按照|确保|进一步|要求")
_OPENERS, _CLOSERS = BRACKETS
_BRACKET = re.compile("[" + re.escape(_OPENERS + _CLOSERS) + "]")
_ROLE_WORDS = (  # stripped from a clause's end; the role they give, or None
    ("牵头负责", "lead"), ("牵头", "lead"), ("配合", "cooperating"), ("协助", "cooperating"),
    ("协办", "cooperating"), ("参与", "cooperating"), ("协同", "cooperating"), ("协作", "cooperating"),
    ("负责", "responsible"), ("落实", None),
    ("按职责分工", None), ("按职能分工", None), ("按职责", None), ("分别", None), ("具体", None),
    ("共同", None), ("等有关单位", None), ("等有关部门", None), ("等相关单位", None),
    ("等相关部门", None), ("等单位", None), ("等部门", None), ("等", None),
)
# a unit key: a two-character role word and a unit noun ("牵头单位：" "负责科室：" "主责单位：" "协同单位："
# "责任主体："), or a bare "主办：" "协办："; its role is the table stage's (core.parse.columns.unit_role)
_KEY_END = re.compile(r"(?:单位|部门|处室|科室|股室|主体|机构|[处科股][(（]室[)）]|(?<![\u3400-\u9fff])主办|(?<![\u3400-\u9fff])协办)"
                      r"[ ]?[:：;；]|(?<![\u3400-\u9fff])(?:牵头|配合|协助|协同|参与|责任|负责)[ ]?[:：]")
_KEY_MARK = re.compile("[:：;；]")  # every key holds one: a text without is not scanned for keys
# a bare role word as a key, after a separator or at the start: county 分工表 cells ("牵头：X；配合：Y",
# "主办：X；协办：Y") and Taizhang's own exported 台账 ("牵头：X" / "责任：Y" a line each) alike
_BARE_KEYS = {"主办": "lead", "牵头": "lead", "协办": "cooperating", "配合": "cooperating",
              "协助": "cooperating", "协同": "cooperating", "参与": "cooperating",
              "责任": "responsible", "负责": "responsible"}
_OPEN_BEFORE = re.compile(r"[(（【\[][ ]?$")
# a time key inside a keyed unit list ends the units: "(牵头单位:X;完成时限:6月底前)"
_TIME_KEY = re.compile(r"(?:完成时限|完成时间|时间要求|时限要求|时限|进度安排)[ ]?[:：]")
_BY = re.compile(r"(?:由)([^，,。；;：:]{2,160}?)(牵头负责|牵头|分别负责|具体负责|负责)")
_ROLE_IN_SENTENCE = re.compile(r"(?:牵头|负责|配合|协助|协同|协作)[，,；;]?|(?:牵头|负责|配合|协助|协同|协作)$")
_TRAIL_ROLES = {"牵头": "lead", "配合": "cooperating", "协办": "cooperating"}
_TRAIL_ROLE = re.compile(r"[(（](牵头|配合|协办|负责)[)）]$")


def _top_level_split(text: str, seps: str) -> list[tuple[int, int]]:
    """Spans of `text` between separators that stand outside brackets."""
    spans, start = [], 0
    for i in outside(text, seps):
        spans.append((start, i))
        start = i + 1
    spans.append((start, len(text)))
    return spans


def _core(folded: str) -> str:
    """The name without trailing bracket groups: 各区政府(管委会) → 各区政府."""
    while folded and folded[-1] in _CLOSERS:
        depth, i = 0, len(folded) - 1
        while i >= 0:
            if folded[i] in _CLOSERS:
                depth += 1
            elif folded[i] in _OPENERS:
                depth -= 1
                if depth == 0:
                    break
            i -= 1
        if i <= 0:
            return ""
        folded = folded[:i].rstrip()
    return folded


def is_unit_name(name: str) -> bool:
    """Does `name` (any script) read as one whole unit name, judged by its ending?"""
    return _is_unit_folded(fold(name))


# "各镇街" "各片区" "各村居": a collective of places or bodies, whatever its last word; not "各项" "各类"
_COLLECTIVE = re.compile(r"各(?![项类种个自方界])[\u4e00-\u9fff]{2,3}")


def _is_unit_folded(folded: str) -> bool:
    core = _core(folded.strip())
    if _COLLECTIVE.fullmatch(core) and not _ACTION.search(core):
        return True  # district 分解表 and county 方案 alike name "各镇街" as the cooperating units
    return 2 <= len(core) <= 40 and core.endswith(_ENDINGS) and "。" not in core and not _ACTION.search(core)


_ROLE_BY_LAST: dict[str, list[tuple[str, str | None]]] = {}
for _word, _role in _ROLE_WORDS:
    _ROLE_BY_LAST.setdefault(_word[-1], []).append((_word, _role))


def _strip_roles(folded: str, end: int, start: int = 0) -> tuple[int, str | None]:
    """Move `end` left past trailing role words; return it and the strongest role met."""
    role = None
    while end > start:
        for word, r in _ROLE_BY_LAST.get(folded[end - 1], ()):
            if end - len(word) >= start and folded.startswith(word, end - len(word)):
                end -= len(word)
                if r and (role is None or r == "lead"):
                    role = r
                break
        else:
            break
    return end, role


def _split_connectors(text: str, folded: str) -> list[str]:
    """Split on 和/及/与 (and a blank) only where both sides are whole unit names."""
    if "和" not in folded and "及" not in folded and "与" not in folded and " " not in folded:
        return [text]
    out, start = [], 0
    for i in list(outside(folded, "和及与 ")):
        if _is_unit_folded(folded[start:i]) and _is_unit_folded(folded[i + 1:]):
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return out


def _clean(name: str) -> str:
    name = name.strip().strip("。.,，;；:：、 ")
    if name.startswith(("由", "请")) and is_unit_name(name[1:]):
        name = name[1:]
    return name


def split_units(text: str) -> list[str]:
    """Unit names in a list: split on 、，, and on 和/及 between whole names; 等… dropped."""
    out: list[str] = []
    for _role, name in _clauses(text, None):
        if name not in out:
            out.append(name)
    return out


@lru_cache(maxsize=4096)  # unit cells repeat down a plan ("市直各单位、各区政府(管委会)")
def _clauses(text: str, default: str | None) -> tuple[tuple[str | None, str], ...]:
    """(role, name) for each unit in a list such as "X牵头,Y、Z配合"; role None when unsaid."""
    folded = fold(text)
    result: list[tuple[str | None, str]] = []
    clauses = _top_level_split(folded, "，,；;。")
    said = [_strip_roles(folded, b, a) for a, b in clauses]
    for k, (a, _b) in enumerate(clauses):
        end, role = said[k]
        if role is None and any(r for _e, r in said[:k]):
            role = _role_ahead(said, k)  # "X牵头，Y，Z配合": Y cooperates like Z
        elif role is None and _role_ahead(said, k) == "lead" and not any(r for _e, r in said[:k]):
            role = "lead"  # "X，Y，Z牵头": all three lead
        for c, d in _top_level_split(folded[a:end], "、"):
            piece, fpiece = text[a + c:a + d], folded[a + c:a + d]
            pad = len(piece) - len(piece.lstrip())
            piece, fpiece = piece[pad:].rstrip(), fpiece[pad:].rstrip()
            piece_role = None
            m = _TRAIL_ROLE.search(fpiece)
            if m:
                piece_role = _TRAIL_ROLES.get(m.group(1), "responsible")
                piece, fpiece = piece[:m.start()], fpiece[:m.start()]
            e, r = _strip_roles(fpiece, len(fpiece))
            for name in _split_connectors(piece[:e], fpiece[:e]):
                name = _clean(name)
                if name:
                    result.append((piece_role or r or role or default, name))
    return tuple(result)


def keyed_times(text: str) -> list[str]:
    """What a time key inside a task's text says ("…；时限：6月完成摸底，8月完成整改）"): a time cell.

    County and department plans put the limit into the same bracket as the units.
    """
    folded = fold(text)
    out = []
    for m in _TIME_KEY.finditer(folded):
        end = len(folded)
        for stop in ("；", ";", "。", ")", "）", "】"):
            at = folded.find(stop, m.end())
            if 0 <= at < end:
                end = at
        if text[m.end():end].strip():
            out.append(text[m.end():end].strip())
    return out


def _role_ahead(said: list[tuple[int, str | None]], k: int) -> str | None:
    """The role the next clause that says one gives (None when none after `k` does)."""
    return next((r for _e, r in said[k + 1:] if r), None)


@lru_cache(maxsize=1024)
def _key_role(word: str) -> str | None:
    """The role a unit key gives (lead / responsible / cooperating), None when it is no key."""
    from core.parse.columns import unit_role

    role = unit_role(word.rstrip(" :：;；"))
    return role if role in ROLES else None  # "有关单位：" names units, it keys none


def _keys(folded: str, start: int = 0) -> list[tuple[int, int, str]]:
    """The unit keys in a folded text: (start, end, role); "牵头责任单位：" is one key (lead)."""
    out: list[tuple[int, int, str]] = []
    if not _KEY_MARK.search(folded, start):
        return out
    for m in _KEY_END.finditer(folded, start):
        bare = _BARE_KEYS.get(folded[m.start():m.start() + 2])
        if bare is not None and folded[m.start() + 2:m.end()].strip() in (":", "：", ";", "；"):
            out.append((m.start(), m.end(), bare))
            continue
        for n in (4, 2):
            a = m.start() - n
            role = _key_role(folded[a:m.end()]) if a >= start else None
            first = _key_role(folded[a:a + 2] + "单位：") if role is not None and n == 4 else role
            if first is not None:  # two role words: the first one says it ("牵头责任单位" leads)
                out.append((a, m.end(), first))
                break
    return out


def _key_at_start(folded: str) -> bool:
    keys = _keys(folded[:12])
    return bool(keys) and keys[0][0] == 0


def looks_like_unit_cell(text: str) -> bool:
    """True when a short line holds nothing but unit names (a unit column copied as a line)."""
    text = text.strip()
    if not text or len(text) > 200 or "《" in text:
        return False
    folded = fold(text)
    if _key_at_start(folded):
        return True
    names = [n for _r, n in _clauses(text, None)]
    return bool(names) and all(is_unit_name(n) for n in names)


def read_cell(text: str, default: str = "responsible") -> dict[str, list[str]]:
    """Units of a unit cell: keyed ("牵头单位:X;责任单位:Y") or a list with role words."""
    folded = fold(text)
    if _keys(folded):
        return _read_keyed(text)
    out: dict[str, list[str]] = {r: [] for r in ROLES}
    for role, name in _clauses(text, default):
        if name not in out[role or default]:
            out[role or default].append(name)
    return out


def _read_keyed(text: str) -> dict[str, list[str]]:
    folded = fold(text)
    out: dict[str, list[str]] = {r: [] for r in ROLES}
    keys = _keys(folded)
    stop = _TIME_KEY.search(folded)
    for k, (_a, key_end, role) in enumerate(keys):
        end = keys[k + 1][0] if k + 1 < len(keys) else len(text)
        if stop and key_end <= stop.start() < end:
            end = stop.start()
        part = text[key_end:end].strip().rstrip(";；。 ")
        for r, name in _clauses(part, role):
            if not is_time_cell(name):  # "（责任科室：执法支队，6月底前）": the limit is no unit
                out[r or role].append(name)
    return out


def inline_units(text: str) -> tuple[dict[str, list[str]], str]:
    """Units a task's own text names, and the text with a unit parenthesis cut out."""
    folded = fold(text)
    out: dict[str, list[str]] = {r: [] for r in ROLES}
    keys = _keys(folded)
    opened = next(((a, b) for a, _e, _r in keys if (b := _OPEN_BEFORE.search(folded, 0, a))), None)
    if opened:  # "（牵头单位：X；责任单位：Y）"
        key_start, bracket = opened
        close = _matching_close(folded, bracket.start())
        merge_units(out, _read_keyed(text[key_start:close]))
        return out, text[:bracket.start()] + text[close + 1:]
    if keys and _depth(folded, keys[0][0]) == 0:
        # "…。牵头单位:X;配合单位:Y。" — the keyed list runs to the end of its sentence
        key_start = keys[0][0]
        stop = _sentence_end(folded, keys[-1][1])
        merge_units(out, _read_keyed(text[key_start:stop]))
        return out, text[:key_start] + text[stop + 1:]
    for a, b in _role_groups(folded):  # "(市政府办公室牵头，各区政府配合)", maybe "…；时限：6月底前)"
        stop = _TIME_KEY.search(folded, a, b)
        if stop:
            b = len(folded[:stop.start()].rstrip("，,；; "))
        if looks_like_unit_cell(text[a:b]):
            merge_units(out, read_cell(text[a:b], "responsible"))
    for a, b in _top_level_split(folded, "。"):
        sentence = folded[a:b]
        by = _BY.search(sentence) if "由" in sentence else None
        if by is None:
            if _ROLE_IN_SENTENCE.search(sentence) and looks_like_unit_cell(text[a:b]):
                merge_units(out, read_cell(text[a:b], "responsible"))  # "X牵头，Y配合。"
            continue
        names_text = text[a + by.start(1):a + by.end(1)]
        if not looks_like_unit_cell(names_text):
            continue
        rest_start = a + by.end()
        merge_units(out, read_cell(text[a + by.start(1):rest_start],
                              "lead" if "牵头" in by.group(2) else "responsible"))
        tail = text[rest_start:b].lstrip("，,；; ")
        if tail and looks_like_unit_cell(tail):
            merge_units(out, read_cell(tail, "responsible"))
    return out, text


def _sentence_end(folded: str, start: int) -> int:
    """Index of the first 。 outside brackets at or after `start` (the text's end when none)."""
    for _start, b in _top_level_split(folded, "。"):
        if start <= b < len(folded):
            return b
    return len(folded)


def _role_groups(folded: str) -> list[tuple[int, int]]:
    """Spans inside top-level brackets that name a role (牵头/负责/配合)."""
    spans, depth, start = [], 0, 0
    for m in _BRACKET.finditer(folded):
        i, ch = m.start(), m.group()
        if ch in _OPENERS:
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch in _CLOSERS and depth:
            depth -= 1
            if depth == 0 and i - start <= 200 and _ROLE_IN_SENTENCE.search(folded, start, i):
                spans.append((start, i))
    return spans


def is_keyed_units(text: str) -> bool:
    """A line that starts with a unit key ("责任单位:…"): a unit cell wherever it stands."""
    return _key_at_start(fold(text).strip())


def _depth(folded: str, pos: int) -> int:
    depth = 0
    for m in _BRACKET.finditer(folded, 0, pos):
        depth = depth + 1 if m.group() in _OPENERS else max(0, depth - 1)
    return depth


def _matching_close(folded: str, open_at: int) -> int:
    depth = 0
    for m in _BRACKET.finditer(folded, open_at):
        if m.group() in _OPENERS:
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return m.start()
    return len(folded)


def merge_units(into: dict[str, list[str]], more: dict[str, list[str]]) -> None:
    """Add `more` to `into` by role, skipping names already there under any role."""
    seen = {n for names in into.values() for n in names}
    for role in ROLES:
        for name in more.get(role, []):
            if name not in seen:
                into[role].append(name)
                seen.add(name)
