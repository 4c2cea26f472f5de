"""Breaking a document title into a balanced shape of two or three lines (GB/T 9704 §7.3.3).

"标题回行时，要做到词意完整，排列对称，长短适宜，间距恰当": a long title is broken between
words, into lines of about the same printed width, never leaving "…的报/告" or one character
alone. Without a dictionary the breaks come from what titles of this genre are made of: the
words of official-document titles, digit runs, brackets and particles; the widths come from
the characters themselves (ASCII digits print half-width).
"""

from __future__ import annotations

import itertools
import math
import re

from core.domain.textfold import fold

# Words official titles are built from (plans, reports, notices of any office): never split.
TITLE_WORDS = (
    "关于", "落实情况", "落实", "情况", "报告", "台账", "政务公开", "政务", "公开", "工作要点", "工作", "要点",
    "分工方案", "实施方案", "方案", "分工", "实施", "重点任务", "重点", "任务", "年度", "人民政府", "政府",
    "办公室", "办公厅", "领导小组", "信息", "通知", "意见", "计划", "安排", "推进", "进一步", "全面", "深化",
    "贯彻", "印发", "加强", "做好", "责任", "清单", "分解", "工作任务", "完成", "总结", "自查",
)
NO_LINE_START = "，。、；：？！）》」』”’〕】…·"
NO_LINE_END = "（《「『“‘〔【"
_WORDS = re.compile("|".join(sorted(map(re.escape, TITLE_WORDS), key=len, reverse=True)))
FORBIDDEN = math.inf
MIN_LINE_CHARS = 3


def text_width(text: str) -> float:
    """Printed width in em: half for ASCII (digits, Latin letters, ASCII punctuation)."""
    return sum(0.5 if ord(ch) < 128 else 1.0 for ch in text)


def break_costs(title: str) -> list[float]:
    """cost[i]: how bad a line break before title[i] is (0 good … inf never); cost[0] unused."""
    folded = fold(title)
    costs = [20.0] * (len(title) + 1)
    for m in _WORDS.finditer(folded):
        for i in range(m.start() + 1, m.end()):
            costs[i] = max(costs[i], 60.0)  # inside a word
        for edge in (m.start(), m.end()):
            costs[edge] = min(costs[edge], 4.0)
    for i in range(1, len(title)):
        before, after = title[i - 1], title[i]
        if before.isascii() and after.isascii() and (before.isalnum() or after.isalnum()):
            costs[i] = FORBIDDEN  # inside a number, a year, a Latin word
        elif after in NO_LINE_START or before in NO_LINE_END:
            costs[i] = FORBIDDEN
        elif before == "的" or before in "》）":
            costs[i] = min(costs[i], 2.0)
        elif after == "的":
            costs[i] = max(costs[i], 40.0)
        elif before == "年" and i >= 2 and title[i - 2].isdigit():
            costs[i] = min(costs[i], 3.0)
        elif after.isdigit() != before.isdigit():
            costs[i] = min(costs[i], 8.0)
    return costs


def break_title(title: str, per_line: float, max_lines: int = 3) -> list[str]:
    """The title in as few lines as fit `per_line` em, broken where costs are least, widths even."""
    if text_width(title) <= per_line:
        return [title]
    costs = break_costs(title)
    n_min = max(2, math.ceil(text_width(title) / per_line))
    for n in range(n_min, max_lines + 1):
        best = _best_cuts(title, costs, n, per_line)
        if best is not None:
            return [title[a:b] for a, b in zip((0, *best), (*best, len(title)), strict=True)]
    return _greedy_lines(title, costs, per_line)  # longer than any balanced shape: fill the lines


def _greedy_lines(title: str, costs: list[float], per_line: float) -> list[str]:
    """Full lines, each ended at the cheapest break among its last few characters."""
    lines, start = [], 0
    while text_width(title[start:]) > per_line:
        end = start + 1
        while end < len(title) and text_width(title[start:end + 1]) <= per_line:
            end += 1
        window = range(max(start + 1, end - 4), end + 1)
        cut = min(window, key=lambda i: (costs[i], -i))
        lines.append(title[start:cut])
        start = cut
    return [*lines, title[start:]]


def _best_cuts(title: str, costs: list[float], n: int, per_line: float) -> tuple[int, ...] | None:
    best, best_cost = None, math.inf
    positions = [i for i in range(MIN_LINE_CHARS, len(title) - MIN_LINE_CHARS + 1) if costs[i] < FORBIDDEN]
    for cuts in itertools.combinations(positions, n - 1):
        bounds = list(zip((0, *cuts), (*cuts, len(title)), strict=True))
        if any(b - a < MIN_LINE_CHARS for a, b in bounds):
            continue
        widths = [text_width(title[a:b]) for a, b in bounds]
        if max(widths) > per_line:
            continue
        cost = sum(costs[c] for c in cuts) + 6.0 * (max(widths) - min(widths))
        if cost < best_cost:
            best, best_cost = cuts, cost
    return best
