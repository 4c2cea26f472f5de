"""Stage: unit names run together inside a row of text, found and split without a separator.

A flattened table ("…集中展示。区经济发展局区自然资源与生态环境局 区直有关单位，…") and a
task cell glued to its unit cell ("…责任清单省编办（省审改办）省直各部门，…") carry units with
nothing between them. A name is known by its generic ending (局, 委, 办 …), by standing after a
separator or starting with an administrative level (省, 市, 区, 县, 各 …), and best by the plan's
own vocabulary: a name the same plan shows whole elsewhere, between separators.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from core.domain.textfold import fold
from core.parse.brackets import outside
from core.parse.units import _is_unit_folded, split_units

_INITIALS = set("省市区县州盟旗乡镇街村各")  # administrative levels a unit name starts with
_SEPS = "，,、；;/／"
_BLANKS = " \u3000"
_STOP_IN_NAME = set("。，,、；;：:！？!? \u3000《》“”\"'")
_LAST_CHARS = ("局委办厅府会心位门院所室股处科站队组部署社馆庭行司团道镇乡区县市构关业台联协村校级企街居)）】〕")
_NAME_END = re.compile(f"[{re.escape(_LAST_CHARS)}]")
_NAME_STOPS = "".join(sorted(_STOP_IN_NAME))
_ROUND = ("(（", ")）")  # the brackets a unit name may hold stops in ("各县（市、区）…")
# stops that no gap between names holds either (a gap is separators, blanks, connectors, 等…)
_HARD_STOPS = frozenset(_STOP_IN_NAME - set(_SEPS) - set(_BLANKS))
# names for many units at once (各乡镇, 区直有关单位, 县属国有企业): the other column's, as a rule
_COLLECTIVE = re.compile(r"^各|有关|相关|直属|所属|^[省市区县][直属]|.各(?:部门|单位|处室|科室|股室)$")
_GROUP = re.compile(r"[(（][^()（）]*[)）]")
_TWO_IN_ONE = re.compile(f"[{re.escape(_LAST_CHARS)}][{''.join(sorted(_INITIALS))}]")  # "…局省…", "…办区…"
_CONNECTOR = re.compile(r"会同|和|及|与")
_ETC = re.compile(r"等(?:有关|相关)?(?:单位|部门)?")
_ETC_TAIL = re.compile(r"等(?:有关|相关)?(?:单位|部门)?$")
_VOCAB_MAX = 16
_GLUED_PENALTY = 0.25
_TEXT_LIKE = 0.3
_LEVEL_BACK = 6  # how far back a level character may start the same name
_WEAK_GLUED = 2.0  # a bare place or a collective's first half glued to another generic name
_NAME_MAX = 20
_AFTER = set(_SEPS + "。；;：:)）】”")  # after one of these a name may start with any character
# (not after a blank: a blank also stands between a unit cell and the text of the next cell)
_START = re.compile(rf"[{''.join(sorted(_INITIALS))}]|(?<=[{re.escape(''.join(sorted(_AFTER)))}]).")
_GENERIC_MAX = 15
_VOCAB, _GENERIC_LEVEL, _GENERIC = 3.0, 1.5, 1.0


@dataclass(frozen=True)
class Run:
    """Unit names found in a row: the span they cover, the names, and what stood before each
    ("start", "sep" for a separator or connector, "blank", "glued")."""

    start: int
    end: int
    names: tuple[str, ...]
    gaps: tuple[str, ...]
    score: float


# a separator or stop outside brackets (brackets in unit names do not nest): the next bracket
# after it is no closing one (looked for without backtracking, so each look ends at a bracket)
_CUT = re.compile(r"([，,、；;/／。：:！？ \u3000\n])(?![^(（〔\[【)）〕\]】]*+[)）〕\]】])")


def _pieces(text: str) -> Iterable[tuple[str, str]]:
    """(piece, the separator after it) for pieces between top-level separators and stops."""
    parts = _CUT.split(text)  # piece, separator, piece, …, piece
    return zip(parts[0::2], [*parts[1::2], ""], strict=True)


def vocabulary(texts: Iterable[str], addressees: Iterable[str] = ()) -> frozenset[str]:
    """Names this plan shows whole: listed between separators, and not two names run together.

    Serves flattened 分解表 (Pingtan/Fujian style, where one row's glued units are another row's
    listed ones) and prose plans with "责任单位：A、B" lists alike. A listed piece counts when it
    starts with an administrative level or stands beside one that does; `addressees` are the
    notice's 主送 names, units whatever their ending.
    """
    seen: set[str] = {fold(a).strip() for a in addressees if 2 <= len(a.strip()) <= _NAME_MAX}
    beside_only: dict[str, int] = {}  # pieces known only by their neighbours: need two sightings
    for text in texts:
        for group in _groups(fold(text)):
            for i, piece in enumerate(group):
                if not _namelike(piece):
                    continue
                if piece[0] in _INITIALS:
                    seen.add(piece)
                    continue
                beside = [g for g in group[max(0, i - 1):i] + group[i + 1:i + 2] if _namelike(g)]
                if i > 0 and any(g[0] in _INITIALS for g in beside):
                    beside_only[piece] = beside_only.get(piece, 0) + 1
    seen.update(p for p, n in beside_only.items() if n >= 2)
    return frozenset(p for p in seen if not _two_names(p, seen))


def _groups(folded: str) -> list[list[str]]:
    """Lists of pieces: separated by 、，； inside, ended by a stop, a colon or a blank."""
    groups: list[list[str]] = [[]]
    for piece, sep in _pieces(folded):
        piece = piece.strip()
        groups[-1].append(_ETC_TAIL.sub("", piece) if "等" in piece else piece)
        if sep not in _SEPS:
            groups.append([])
    return groups


@lru_cache(maxsize=8192)  # a plan lists the same names row after row
def _namelike(piece: str) -> bool:
    return 2 <= len(piece) <= _VOCAB_MAX and "的" not in piece and _is_unit_folded(piece)


def _two_names(piece: str, seen: set[str]) -> bool:
    """Is `piece` two names run together, or joined by a connector ("A会同B", "A和B")?"""
    for m in _CONNECTOR.finditer(piece):
        if _namelike(piece[:m.start()]) and _namelike(piece[m.end():]):
            return True
    for cut in range(2, len(piece) - 1):
        left, right = piece[:cut], piece[cut:]
        if (left in seen or _generic(left, False)) and (right in seen or _generic(right, False)):
            return True
    return False


@lru_cache(maxsize=8192)
def _generic(name: str, after_sep: bool) -> bool:
    if not 3 <= len(name) <= _GENERIC_MAX or not (after_sep or name[0] in _INITIALS):
        return False
    bare = _GROUP.sub("", name) if "(" in name or "（" in name else name  # "各县（市、区）…" may list inside
    if name[0] in ")）〕]】(（" or "的" in bare or "等" in bare or any(ch in _STOP_IN_NAME for ch in bare):
        return False
    if name[-1] in _INITIALS and name[-2] not in _INITIALS and _is_unit_folded(name[:-1]):
        return False  # "…管理局区": the level word starts the next name
    return _balanced(name) and _is_unit_folded(name)


def _balanced(name: str) -> bool:
    depth = 0
    for ch in name:
        depth += ch in "(（〔[【"
        depth -= ch in ")）〕]】"
        if depth < 0:
            return False
    return depth == 0


@lru_cache(maxsize=16)
def _holds_hard_stop(vocab: frozenset[str]) -> bool:
    """Does a known name hold a character that a generic name cannot (a colon, a quote …)?"""
    return any(ch in _HARD_STOPS for name in vocab for ch in name)


@lru_cache(maxsize=16)
def _known_index(vocab: frozenset[str]) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]], frozenset[str]] | None:
    """The characters vocabulary names start with; for each two-character beginning the lengths
    of the names that begin so, longest first; and the one-character names.

    One alternation of every name would try them all at every position of a row, a cost that
    grows with the plan's vocabulary as well as its length; this index keeps it linear, and
    the two-character key leaves most places where a name's first character stands after one
    look-up (省, 市, 区 begin words of every sentence).
    """
    if not vocab:
        return None
    lengths: dict[str, set[int]] = {}
    for name in vocab:
        if len(name) > 1:
            lengths.setdefault(name[:2], set()).add(len(name))
    singles = frozenset(n for n in vocab if len(n) == 1)
    firsts = re.compile("[" + "".join(re.escape(c) for c in sorted({n[0] for n in vocab})) + "]")
    return firsts, {c: tuple(sorted(n, reverse=True)) for c, n in lengths.items()}, singles


def _known_ends(folded: str, vocab: frozenset[str], start: int = 0) -> dict[int, list[int]]:
    """Position → ends of the known names starting there (the longest one), also with a level
    character before them; from `start` on."""
    index = _known_index(vocab)
    ends: dict[int, list[int]] = {}
    if index is None:
        return ends
    firsts, lengths, singles = index
    size = len(folded)
    for m in firsts.finditer(folded, start):
        p = m.start()
        longer = lengths.get(folded[p:p + 2])
        q = next((p + n for n in longer if p + n <= size and folded[p:p + n] in vocab), None) if longer else None
        if q is None:
            if m.group() not in singles:
                continue
            q = p + 1
        ends.setdefault(p, []).append(q)
        if p and folded[p - 1] in _INITIALS:
            ends.setdefault(p - 1, []).append(q)
    return ends


_UNSEEN = object()  # a memo miss (None is a result: no run from there)


class _Parser:
    """Best parses of runs of names in one folded row (memoised per start)."""

    def __init__(self, folded: str, vocab: frozenset[str], end: int | None) -> None:
        self.f, self.end = folded, end
        self.stops = list(outside(folded, _NAME_STOPS, _ROUND))  # characters no name holds
        self.start = self._first_start(vocab)
        self.known = _known_ends(folded, vocab, self.start)
        self.memo: dict[tuple[int, bool, bool], tuple[float, tuple] | None] = {}
        self.skips: dict[int, tuple[int, str]] = {}
        self.ends = [m.end() for m in _NAME_END.finditer(folded, self.start)]  # where a generic name may end

    def _first_start(self, vocab: frozenset[str]) -> int:
        """Where a run that must reach `end` may start: after the last stop before it that neither
        a name nor the gap between two names holds ("…集中展示。|区经济发展局…"). Every row's prose
        before it is then never tried."""
        if self.end is None or _holds_hard_stop(vocab):
            return 0
        f = self.f
        for at in reversed(self.stops[:bisect_left(self.stops, self.end)]):
            if f[at] in _HARD_STOPS:
                return at + 1
        return 0

    def names_at(self, p: int, after_sep: bool, first: bool) -> list[tuple[int, float]]:
        f = self.f
        known = self.known.get(p, ())
        out = [(q, _VOCAB) for q in known] if known else []  # a known name, or one with its level before it (省+卫计委)
        level = f[p] in _INITIALS
        if not (after_sep or level):
            return out
        ends, stops = self.ends, self.stops
        lo = bisect_left(ends, p + 3)
        if lo == len(ends) or ends[lo] > p + _GENERIC_MAX:
            return out  # no generic ending near enough
        s = bisect_left(stops, p)
        limit = min(stops[s] if s < len(stops) else len(f), p + _GENERIC_MAX)
        base = _GENERIC_LEVEL if level else _GENERIC
        glued = first and not after_sep  # glued to the text before: the longer, the likelier it is text
        for q in ends[lo:bisect_right(ends, limit, lo)]:
            if q in known:
                continue
            name = f[p:q]
            if _generic(name, after_sep):
                score = _TEXT_LIKE if not level and _CONNECTOR.search(name) else base  # "流程和时限区文化局" after a 、
                if glued and q - p > 6:
                    score -= _GLUED_PENALTY * (q - p - 6)
                out.append((q, score))
        return out

    def _skip(self, q: int) -> tuple[int, str]:
        """Past the separators, blanks and connectors after a name: where the next one may start."""
        f, gap = self.f, "glued"
        m = _ETC.match(f, q)
        if m and m.end() > q:
            q = m.end()
        while q < len(f):
            if f[q] in _SEPS:
                gap, q = "sep", q + 1
            elif f[q] in _BLANKS:
                gap, q = ("blank" if gap == "glued" else gap), q + 1
            elif (c := _CONNECTOR.match(f, q)) and gap == "glued":
                gap, q = "sep", c.end()
            else:
                break
        return q, gap

    def best(self, p: int, after_sep: bool, first: bool = False) -> tuple[float, tuple] | None:
        key = (p, after_sep, first)
        memo = self.memo
        found = memo.get(key, _UNSEEN)
        if found is not _UNSEEN:
            return found
        memo[key] = None
        candidates = self.names_at(p, after_sep, first)
        if not candidates:
            return None
        found, reach = None, -1  # the best parse and where it ends
        end, size, known, skips = self.end, len(self.f), self.known, self.skips
        known_here = known.get(p, ())
        for q, score in candidates:
            step = skips.get(q)  # computed once per place a name ends
            if step is None:
                step = skips[q] = self._skip(q)
            q2, gap = step
            # of the options, the higher score; on a tie the longer reach (longest match)
            if (end is None or q2 >= end) and (found is None or (score, q) > (found[0], reach)):
                found, reach = (score, ((p, q, ""),)), q
            if q2 < size and (end is None or q2 < end):
                rest = self.best(q2, gap == "sep")
                if rest is not None:
                    score_rest, spans = rest
                    head, last = spans[0], spans[-1][1]
                    weak = gap == "glued" and q not in known_here and head[1] not in known.get(head[0], ()) \
                        and not _whole_alone(self.f[p:q])
                    total = score + score_rest - (_WEAK_GLUED if weak else 0.0)  # "各设区|市人民政府", "省政府|各部门"
                    if found is None or (total, last) > (found[0], reach):
                        found, reach = (total, ((p, q, ""), (head[0], head[1], gap), *spans[1:])), last
        memo[key] = found
        return found


def find_run(text: str, vocab: frozenset[str], at_end: bool, not_before: int = 1) -> Run | None:
    """The best run of unit names in `text`; with `at_end` it must reach the text's end.

    Serves flattened 分解表 rows whose unit cells come last (task | 要求 | 牵头 | 配合) and rows
    whose unit cells stand between the task and its requirement (task | 牵头 | 责任 | 要求).
    """
    folded = fold(text)
    end = len(folded.rstrip(" \u3000。；;"))
    parser = _Parser(folded, vocab, end if at_end else None)
    best: Run | None = None
    lowest = max(0, not_before, parser.start)
    starts = {m.start() for m in _START.finditer(folded, lowest, end)} | set(parser.known)
    if not_before <= 0:
        starts.add(0)
    for p in sorted(starts):
        if not lowest <= p < end:
            continue
        before = folded[p - 1] if p else " "
        after_sep = before in _AFTER
        parsed = parser.best(p, after_sep, not after_sep)  # "first" only weighs a name glued to text
        if parsed is None:
            continue
        score, spans = parsed
        if best is not None and (score, spans[-1][1]) <= (best.score, best.end):
            continue  # not better than the run found: the checks below could only drop it
        if not after_sep and _longer_start(parser, folded, starts, p, spans[0][1], lowest):
            continue  # "…公示区市场监督管理局", "…信息省住房城乡建设厅": the name keeps its level character
        has_vocab = any(folded[a:b] in vocab for a, b, _g in spans)
        if len(spans) < 2 and not has_vocab and not (at_end and after_sep):
            continue
        names = tuple(text[a:b] for a, b, _g in spans)
        best = Run(p, spans[-1][1], names, ("start", *(g for _a, _b, g in spans[1:])), score)
    return best


def _longer_start(parser: _Parser, folded: str, starts: set[int], p: int, q: int, lowest: int) -> bool:
    """Does a level character a few places before `p` start a name ending where p's first one ends?"""
    for earlier in range(max(lowest, p - _LEVEL_BACK), p):
        if earlier in starts and folded[earlier] in _INITIALS:
            before = folded[earlier - 1] if earlier else " "
            parsed = parser.best(earlier, before in _AFTER, before not in _AFTER)
            if parsed is not None and parsed[1][0][1] == q:
                return True
    return False


def split_roles(run: Run, roles: list[str], blank_after: bool, blank_before: bool,
                units_last: bool) -> dict[str, list[str]]:
    """Which names belong to which unit column, from the run's separators and blanks.

    The last unit column is a separated list, so the name before the first separator opens it
    and the names before that fill the first column; a blank where a cell would be is an empty
    cell; with nothing between any names, the first collective name (区直有关单位, 各乡镇) opens
    the last column. Serves the 牵头|配合 and 牵头|责任 pairs of provincial and district 分解表.
    """
    out: dict[str, list[str]] = {r: [] for r in ("lead", "responsible", "cooperating")}
    names = [list(split_units(n)) or [n] for n in run.names]
    if len(roles) == 1 or (blank_after and units_last):
        cut = len(names)
    elif "sep" in run.gaps and _list_then_glued(run.gaps) is not None:
        cut = _list_then_glued(run.gaps)  # "A/B/C" glued to "D/E": both cells are lists
    elif "sep" in run.gaps:
        cut = run.gaps.index("sep") - 1
    elif "blank" in run.gaps:
        cut = run.gaps.index("blank")
    elif len(names) == 1 and blank_before:
        cut = 0  # one name after an empty first unit cell
    else:
        cut = max(1, next((i for i, n in enumerate(run.names) if _COLLECTIVE.search(fold(n))), 1))
    for i, group in enumerate(names):
        role = roles[0] if i < cut else roles[-1]
        for name in group:
            if name not in out[role]:
                out[role].append(name)
    return out



def _list_then_glued(gaps: tuple[str, ...]) -> int | None:
    """Where a separated list ends and the next starts with nothing between (the cell border)."""
    for i in range(2, len(gaps)):
        if gaps[i] in ("glued", "blank") and gaps[i - 1] == "sep":
            return i
    return None


def split_glued(name: str, vocab: frozenset[str]) -> list[str]:
    """One "name" that is several run together ("省林业局省财政厅") as its names; else itself.

    Serves keyed unit lists whose names lost their separators (provincial 要点 pasted from PDF)
    and 分解表 unit cells whose lines were joined (city and district 台账) alike.
    """
    if len(name) < 6 or not _TWO_IN_ONE.search(fold(name)):
        return [name]
    run = find_run(name, vocab, at_end=True, not_before=0)
    if run is None or run.start != 0 or len(run.names) < 2 or "sep" in run.gaps:
        return [name]
    parts = [n.strip() for n in run.names]
    return parts if all(fold(p) in vocab or _whole_alone(fold(p)) for p in parts) else [name]


@lru_cache(maxsize=8192)
def _whole_alone(name: str) -> bool:
    """A name that stands for a unit on its own: not a bare place (各设区, 各市（州）) or a collective's
    first half (省政府|各部门)."""
    core = _GROUP.sub("", name)
    return len(core) >= 4 and core[-1] not in _INITIALS


def plan_vocabulary(names: Iterable[str]) -> frozenset[str]:
    """The names a plan's unit lists give, as a vocabulary (two names run together left out)."""
    seen = {fold(n).strip() for n in names if 2 <= len(n.strip()) <= _NAME_MAX}
    return frozenset(p for p in seen if not _two_names(p, seen))
