"""How alike two task texts are, read by meaning rather than by position or script.

A unit that retypes a returned 台账 and next year's plan that rewords a task both leave a text
that is the same task in other characters: another script (規範/规范), full-width digits, a
different label, spaces and punctuation. `text_key` folds all of that away; `similarity` is
difflib's ratio over the keys; `pair_up` matches two lists one-to-one, best pairs first.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from core.domain.textfold import fold

# A leading number as plans print them: 一、 （三） 3. 3、 (3) ① 第二条
_LABEL = re.compile(r"^\s*(第[一二三四五六七八九十百零〇\d]+[条项章节]|[（(][一二三四五六七八九十百零〇\d]+[)）]|"
                    r"[一二三四五六七八九十百零〇]+[、.．]|\d+[、.．)）]|[①-⑳])\s*")
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def text_key(text: str, strip_label: bool = True) -> str:
    """The text in one spelling: simplified script, half-width, no label, spaces or punctuation."""
    plain = unicodedata.normalize("NFKC", fold(text or ""))
    if strip_label:
        plain = _LABEL.sub("", plain, count=1)
    return _NOISE.sub("", plain).lower()


def similarity(a: str, b: str) -> float:
    """0–1: how much of two keys is the same text in the same order (difflib's ratio)."""
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _grams(key: str) -> set[str]:
    return {key[i:i + 2] for i in range(max(len(key) - 1, 1))}


def pair_up(left: Sequence[str], right: Sequence[str], threshold: float,
            candidates: int = 8) -> list[tuple[int, int, float]]:
    """One-to-one pairs (i, j, score) of keys at least `threshold` alike, best first.

    Identical keys pair at once; the rest compare only with the few texts sharing the most
    character pairs, so two plans of hundreds of tasks compare in well under a second.
    """
    pairs: list[tuple[int, int, float]] = []
    used_left: set[int] = set()
    used_right: set[int] = set()
    by_key: dict[str, list[int]] = {}
    for j, key in enumerate(right):
        by_key.setdefault(key, []).append(j)
    for i, key in enumerate(left):
        free = [j for j in by_key.get(key, []) if j not in used_right]
        if key and free:
            pairs.append((i, free[0], 1.0))
            used_left.add(i)
            used_right.add(free[0])
    postings: dict[str, list[int]] = {}  # character pair → the right-hand texts holding it
    for j in range(len(right)):
        if j not in used_right:
            for gram in _grams(right[j]):
                postings.setdefault(gram, []).append(j)
    scored: list[tuple[float, int, int]] = []
    for i, key in enumerate(left):
        if i in used_left or not key:
            continue
        shared = Counter(j for gram in _grams(key) for j in postings.get(gram, ()))
        near = [j for j, _ in shared.most_common(candidates)]
        for j in near:
            score = similarity(key, right[j])
            if score >= threshold:
                scored.append((score, i, j))
    for score, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if i not in used_left and j not in used_right:
            pairs.append((i, j, score))
            used_left.add(i)
            used_right.add(j)
    return sorted(pairs, key=lambda p: (p[0], p[1]))


def changed_words(old: str, new: str) -> list[tuple[str, str]]:
    """The texts as runs: ("=", same), ("-", only in old), ("+", only in new), character by character."""
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("=", old[a1:a2]))
            continue
        if a2 > a1:
            out.append(("-", old[a1:a2]))
        if b2 > b1:
            out.append(("+", new[b1:b2]))
    return out


def marked(runs: list[tuple[str, str]]) -> str:
    """Runs as one line: removed words in [-…-], added words in {+…+} (the CLI's and JSON's form)."""
    return "".join(text if op == "=" else (f"[-{text}-]" if op == "-" else f"{{+{text}+}}") for op, text in runs)
