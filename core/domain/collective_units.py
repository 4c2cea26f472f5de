"""Collective unit names: which units "市直各单位", "各区政府", "各股室"… take in.

Plans often assign a task not to a unit by name but to a kind of unit. A clerk whose unit is
"市教育局" is meant by "市直各单位" and "各有关单位", but not by "各区政府". The rules below read
the kind out of the collective name (level prefix, government or department, section), so they
work for any city, county or district without lists of names. Both scripts are understood.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from core.domain.textfold import fold

_EVERYONE = re.compile(r"^(各|全体|所有)?(有关|相关|涉及|责任)?(的)?(单位|部门)(及个人)?$")
_DIRECT = re.compile(r"^(?P<level>[省市州盟县区旗])(直|级|政府|人民政府)(各|有关|相关|所属)?(单位|部门|机构|直属机构)$")
_DIRECT2 = re.compile(r"^(?P<level>[省市州盟县区旗])直(各|有关|相关)?(单位|部门)?(及)?(各|有关)?(单位|部门)?$")
_GOVS = re.compile(r"^各(?P<levels>[^各]{1,12}?)(人民)?(政府|管委会|办事处)$")
_PLACES = re.compile(r"^各(?P<levels>(县|市|区|乡|镇|街道|乡镇|旗|开发区)+)$")
_SECTIONS = re.compile(r"^(各|机关各|局机关各|内设)(股室|科室|处室|股|科|处|室|部门|内设机构)$")

GOV_ENDINGS = ("人民政府", "政府", "管委会", "管理委员会", "办事处", "街道")
SECTION_ENDINGS = ("股", "科", "室", "处")
LEVEL_WORDS = {"县": "县", "市": "市", "区": "区", "镇": "镇", "乡": "乡", "街道": "街道", "旗": "旗",
               "州": "州", "管委会": "管委会", "开发区": "开发区"}


@lru_cache(maxsize=65536)
def _norm(name: str) -> str:
    """One spelling of a unit name: simplified script, half-width letters and brackets, no spaces."""
    text = fold(unicodedata.normalize("NFKC", name)).strip()
    text = text.replace("（", "(").replace("）", ")")
    return re.sub(r"\s+", "", text)


def same_unit(a: str, b: str) -> bool:
    """Whether two names are the same unit written in another script or width (市政府辦公室, ＸＸ局)."""
    return _norm(a) == _norm(b)


def _strip_parens(text: str) -> tuple[str, str]:
    """"各区政府(管委会)" → ("各区政府", "管委会"): the outer name and what the brackets add."""
    inner = "".join(re.findall(r"\(([^()]*)\)", text))
    return re.sub(r"\([^()]*\)", "", text), inner


def is_government(unit: str) -> bool:
    return _norm(unit).endswith(GOV_ENDINGS)


@lru_cache(maxsize=4096)
def kind(collective: str) -> tuple[str, str] | None:
    """What a collective name takes in, as (rule, detail); None when it names one unit."""
    text = _norm(collective)
    outer, inner = _strip_parens(text)
    if _EVERYONE.match(outer):
        return ("everyone", "")
    m = _DIRECT.match(outer) or _DIRECT2.match(outer)
    if m:
        return ("departments", m.group("level"))
    m = _GOVS.match(outer) or _PLACES.match(outer)
    if m:
        levels = m.group("levels") + inner
        return ("governments", levels)
    if _SECTIONS.match(outer):
        return ("sections", "")
    return None


def is_collective(name: str) -> bool:
    return kind(name) is not None


@lru_cache(maxsize=65536)
def covers(collective: str, unit: str) -> bool:
    """Whether a plan naming `collective` assigns the task to `unit`."""
    if same_unit(collective, unit):
        return True
    k = kind(collective)
    if k is None:
        return False
    rule, detail = k
    name = _norm(unit)
    if rule == "everyone":
        return True
    if rule == "departments":
        return name.startswith(detail) and not is_government(name)
    if rule == "governments":
        if not is_government(name):
            return False
        core_name = re.sub(r"(人民)?(政府|管委会|管理委员会|办事处)$", "", name)
        return any(word in detail and core_name.endswith(word) for word in LEVEL_WORDS) or (
            "管委会" in detail and name.endswith(("管委会", "管理委员会")))
    if rule == "sections":
        return name.endswith(SECTION_ENDINGS)
    return False


def role_for(units: dict[str, list[str]], mine: list[str]) -> str | None:
    """The strongest role under which any of `mine` is named (directly or collectively)."""
    for role in ("lead", "responsible", "cooperating"):
        if any(covers(name, me) for name in units.get(role, []) for me in mine):
            return role
    return None
