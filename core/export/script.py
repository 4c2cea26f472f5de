"""One script per exported document: 简体, 繁體, or the plan's own, applied to every word printed.

Plans arrive in either script (Taiwan, Hong Kong and some northern cities write 繁體; a crawled
page may be converted half-way), while the report's own words are written here in 简体. A
document that mixes the two looks careless, so the whole text — the plan's and the template's
— goes through one OpenCC conversion chosen once per export.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from core.errors import UsageError

SCRIPTS = ("simplified", "traditional", "original")
_CONFIGS = {"simplified": "t2s", "traditional": "s2t"}


@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def _differs(text: str, config: str) -> int:
    """How many characters of `text` the conversion would change (phrases counted per char)."""
    chars = sorted({ch for ch in text if ch > "\u2e7f"})
    if not chars:
        return 0
    out = _converter(config).convert("\n".join(chars)).split("\n")
    changed = {src for src, dst in zip(chars, out, strict=False) if dst != src}
    return sum(1 for ch in text if ch in changed)


def detect_script(texts: Iterable[str]) -> str:
    """"traditional" when more of the plan's characters are 繁體-only than 简体-only, else "simplified"."""
    text = "".join(texts)
    return "traditional" if _differs(text, "t2s") > _differs(text, "s2t") else "simplified"


def resolve_script(script: str, texts: Iterable[str]) -> str:
    """The concrete script ("simplified"/"traditional") an export of `texts` prints in."""
    if script not in SCRIPTS:
        raise UsageError("bad_script", script=script)
    return detect_script(texts) if script == "original" else script


def converter(script: str) -> Callable[[str], str]:
    """A text → text function into `script` ("simplified" or "traditional"), cached per string."""
    opencc = _converter(_CONFIGS[script])

    @lru_cache(maxsize=65536)
    def convert(text: str) -> str:
        return text if not text or text.isascii() else opencc.convert(text)

    return convert
