"""Stage: where the plan starts and ends inside a copied page.

Before the plan: page header, the issuing notice (kept for metadata), the plan's title.
After it: footers, disclaimers and lists of unrelated headlines. The plan starts at the
first numbered line (or plan table) after its title, and ends at the first footer line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.domain.textfold import fold
from core.parse.meta import is_date_line, is_title_line
from core.parse.normalise import is_end, is_noise
from core.parse.structure import Entry, label_of
from core.parse.units import is_unit_name

_PUNCT = re.compile(r"[，,。；;：:、！？]")
_HEADLINE_RUN = 5  # this many bare numbered one-liners in a row are a list of news headlines
_CLOSING = re.compile(r"(?:各[^，,。；;]{1,14}?(?:要|应|须|务必)|请各|本(?:要点|方案|计划|通知|意见)(?:由|自|未尽))")
_SENTENCE_MIN = 15  # a shorter line is a page line or a heading, not a paragraph of the plan
_BODY_BEFORE_TITLE = 3  # numbered lines before a title-looking line: that line is inside the plan


@dataclass
class Region:
    """The document cut in three: lines before the plan, its body, lines after it."""

    before: list[str] = field(default_factory=list)
    title: str | None = None
    body: list[Entry] = field(default_factory=list)
    after: list[str] = field(default_factory=list)


def _is_content(entry: Entry) -> bool:
    if entry.is_table:
        return bool(entry.drafts)
    label, rest = label_of(entry)
    return label is not None and not is_noise(rest)


def _is_title(entry: Entry) -> bool:
    return not entry.is_table and label_of(entry)[0] is None and is_title_line(entry.text) and not is_noise(entry.text)


def split(entries: list[Entry]) -> Region | None:
    """Cut `entries` into before / title / body / after; None when nothing numbered is found."""
    listed = _headline_runs(entries)
    content = [i for i, e in enumerate(entries) if i not in listed and _is_content(e)]
    if not content:
        return None
    titles = [i for i, e in enumerate(entries) if _is_title(e)]
    start, title_at = content[0], None
    if titles:
        first = titles[0]
        if sum(1 for i in content if i < first) < _BODY_BEFORE_TITLE:
            start = next((i for i in content if i > first), content[0])
            title_at = max((t for t in titles if t < start), default=None)
    end = _end(entries, start, content[-1])
    region = Region(title=entries[title_at].text if title_at is not None else None)
    region.before = [e.text for e in entries[:start] if not e.is_table and e.text]
    region.after = [e.text for e in entries[end:] if not e.is_table and e.text]
    region.body = [e for e in entries[start:end] if e.is_table or not is_noise(e.text)]
    closing = _closing_lines(region.body)
    if closing:
        region.after = [e.text for e in region.body[-closing:]] + region.after
        del region.body[-closing:]
    return region


def _closing_lines(body: list[Entry]) -> int:
    """How many unnumbered paragraphs at the body's end are the plan's closing words, not its last task.

    City and provincial 要点 end "各地区、各部门要将…情况纳入年度报告…"; department 实施方案 end
    "本方案自印发之日起施行": addressed to everyone, after the last numbered task.
    """
    count = 0
    for entry in reversed(body):
        if entry.is_table or label_of(entry)[0] is not None or not _CLOSING.match(fold(entry.text)):
            break
        count += 1
    return count if count < len(body) else 0


def unnumbered(entries: list[Entry]) -> Region | None:
    """The cut for a document with no numbering to go by: the body is every paragraph after the
    title (or after the notice's lines when there is no title) up to the first footer line.

    Serves plans whose numbering was lost (pasted text, PDFs without line ends) and department
    lists written as bare paragraphs; the import dialog shows them as flat tasks. None when the
    document holds no text at all.
    """
    texts = [i for i, e in enumerate(entries) if not e.is_table and e.text and not is_noise(e.text)]
    if not texts:
        return None
    titles = [i for i in texts if _is_title(entries[i])]
    title_at = titles[0] if titles else None
    after_title = [i for i in texts if title_at is None or i > title_at]
    start = next((i for i in after_title if _is_body_sentence(entries[i].text)),
                 after_title[0] if after_title else len(entries))
    end = next((i for i in range(start + 1, len(entries)) if not entries[i].is_table and is_end(entries[i].text)),
               len(entries))
    region = Region(title=entries[title_at].text if title_at is not None else None)
    region.before = [e.text for e in entries[:start] if not e.is_table and e.text]
    region.after = [e.text for e in entries[end:] if not e.is_table and e.text]
    region.body = [e for e in entries[start:end] if e.is_table or (e.text and not is_noise(e.text))]
    if not region.body:  # a title and nothing else: the title is the one task
        region.body = [entries[title_at]] if title_at is not None else []
    return region


def _is_body_sentence(text: str) -> bool:
    """A paragraph of the plan, not a page line, a field ("发布机构：…") or the 主送 line."""
    return len(text) >= _SENTENCE_MIN and not re.match(r"^[^，,。]{1,12}[:：]", text) and \
        not text.rstrip().endswith(("：", ":"))


def _is_headline(entry: Entry) -> bool:
    if entry.is_table or entry.row:
        return False
    label, rest = label_of(entry)
    return label is not None and len(rest) <= 40 and not _PUNCT.search(rest)


def _headline_runs(entries: list[Entry]) -> set[int]:
    """Indices of runs of bare numbered one-liners (news lists, menus) anywhere on the page."""
    out: set[int] = set()
    run: list[int] = []
    for i, entry in enumerate([*entries, Entry(is_table=True)]):
        if _is_headline(entry):
            run.append(i)
            continue
        if len(run) >= _HEADLINE_RUN:
            out.update(run)
        run = []
    return out


def _signs(entry: Entry) -> bool:
    return not entry.is_table and label_of(entry)[0] is None and len(entry.text) <= 30 and \
        is_unit_name(entry.text)


def _has_unit_lines(entries: list[Entry], start: int, end: int) -> bool:
    """Does the body carry unit cells as lines (so a last unit line + date line is a table row)?"""
    return any(_signs(entries[i]) and not _signs(entries[i - 1]) for i in range(max(start, 1), end))


def _plan_table_follows(entries: list[Entry], at: int) -> bool:
    """"附件：…任务分解表" then the table: an attachment that carries the plan's units, not a footer.

    Two-part plans (prose 要点 + 分工表) from provinces, cities and departments attach it so.
    """
    return any(e.is_table and e.drafts for e in entries[at + 1:at + 4])


def _end(entries: list[Entry], start: int, last_content: int) -> int:
    run_start, run = None, 0
    for i in range(start, len(entries)):
        entry = entries[i]
        if entry.is_table:
            run = 0
            continue
        if i > start and is_end(entry.text) and not _plan_table_follows(entries, i):
            return i
        if i - 1 > last_content and is_date_line(entry.text) and _signs(entries[i - 1]) \
                and not _has_unit_lines(entries, start, i - 1):
            return i - 1  # a sign-off after the plan: issuer, then date
        if _is_headline(entry):
            if run == 0:
                run_start = i
            run += 1
            if run >= _HEADLINE_RUN and run_start is not None and run_start > start:
                return run_start
        else:
            run = 0
    return len(entries)
