"""Parse speed: median time for a ~20,000-character plan, and for 1 MB of concatenated plans.

    .venv/bin/python benchmarks/parse_bench.py [PLANS_DIR]

Targets (issue): ≤ 50 ms median for 20k characters; ≤ 2 s for 1 MB, growing linearly.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.parse.pipeline import blocks  # noqa: E402
from core.parse.region import split  # noqa: E402
from core.parse.source import parse_text  # noqa: E402
from core.readers.document import Document  # noqa: E402
from core.readers.text import decode, paragraphs  # noqa: E402

PLANS = ROOT / ".." / "shared" / "plans"


def _plans(folder: Path) -> list[str]:
    return [decode(p.read_bytes())[0] for p in sorted(folder.glob("*.txt"))]


def _timed(text: str, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        parse_text(text)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _sized(texts: list[str], size: int, unit: str = "chars") -> str:
    measure = len if unit == "chars" else (lambda s: len(s.encode("utf-8")))
    out, total, i = [], 0, 0
    while total < size:
        out.append(texts[i % len(texts)])
        total += measure(out[-1]) + 1
        i += 1
    return "\n".join(out)


def _body(text: str) -> str:
    """The plan's own lines (title and body, no page noise), so a concatenation is parsed to its end."""
    region = split(blocks(Document(blocks=paragraphs(text))))
    return "\n".join([region.title or ""] + [e.text for e in region.body if not e.is_table])


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else PLANS
    texts = _plans(folder)
    if not texts:
        sys.exit(f"no .txt plans in {folder}")
    parse_text(texts[0])  # warm caches (OpenCC, regexes)
    rows = []
    for text in texts:
        rows.append((f"{len(text):>9,} chars, one plan", statistics.median(_timed(text, 15))))
    plan20k = _sized(texts, 20_000)
    rows.append((f"{len(plan20k):>9,} chars (20k)", statistics.median(_timed(plan20k, 21))))
    bodies = [_body(t) for t in texts]
    for size in (250_000, 500_000, 1_000_000, 2_000_000):
        big = _sized(texts, size, "bytes")
        rows.append((f"{len(big.encode()) / 1e6:>5.2f} MB concatenated", min(_timed(big, 3))))
        big = _sized(bodies, size, "bytes")
        rows.append((f"{len(big.encode()) / 1e6:>5.2f} MB of plan bodies", min(_timed(big, 3))))
    print(f"{'input':34}{'ms':>10}")
    for name, ms in rows:
        print(f"{name:34}{ms:>10.1f}")


if __name__ == "__main__":
    main()
