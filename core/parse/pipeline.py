"""The parse pipeline: Document → ParsedPlan, as an ordered list of small named stages.

blocks (clean lines, read plan tables) → region (cut page noise, keep the notice for
metadata) → structure (lines → tree) → units → deadlines → meta. Each stage lives in its
own module and can be run and tested alone.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from core.errors import InputError
from core.messages import Notice
from core.parse import meta as meta_stage
from core.parse import region as region_stage
from core.parse.columns import Columns, first_leads, says_first_leads
from core.parse.deadlines import find_deadlines
from core.parse.draft import Draft
from core.parse.joined import line_entries
from core.parse.meta_block import is_metadata_table, metadata_lines
from core.parse.normalise import clean, is_noise
from core.parse.parsed_plan import ROLES, ParsedDeadline, ParsedPlan
from core.parse.structure import Entry, build, join_lone_labels, sub_point_lines
from core.parse.sub_points import sub_point_stage
from core.parse.table_shapes import join_continued, unfold_side_by_side
from core.parse.tables import find_header, guess_columns, read_table, table_lines
from core.parse.text_tables import tables_in_lines
from core.parse.twopart import fold_repeated_tables
from core.parse.unit_runs import plan_vocabulary, split_glued
from core.parse.units import inline_units, is_keyed_units, keyed_times, merge_units, read_cell
from core.parse.wrapped import rejoin_wrapped
from core.readers.document import Document, Paragraph

_LONG_BLOCK = 600  # a paragraph this long holding no numbering is many paragraphs run together
_SENTENCE = re.compile(r"(?<=[。！？；])")


def blocks(doc: Document, notes: list[Notice] | None = None) -> list[Entry]:
    """Stage 1: every block as cleaned entries; plan tables already read into drafts.

    A table whose header is not understood is read by what its cells look like, and a doubt
    ("table_guessed") is noted in `notes` for the import dialog.
    """
    entries: list[Entry] = []
    last: tuple[int, Columns] | None = None  # the last plan table's width and columns
    for block in join_continued(tables_in_lines(rejoin_wrapped(doc.blocks))):
        if isinstance(block, Paragraph):
            for line in block.text.splitlines() or [""]:
                text = clean(line)
                if text:
                    entries.extend(line_entries(text, block.label))
            continue
        if is_metadata_table(block):  # a portal's 索引号/发布机构/成文日期 table: lines for the metadata stage
            entries.extend(Entry(text=clean(t)) for t in metadata_lines(block) if clean(t))
            continue
        block = unfold_side_by_side(block)
        found = find_header(block)
        if found is None and last is not None and last[0] == _width(block):
            found = (-1, last[1])  # one table per section, the header printed over the first only
        if found is None:
            found = guess_columns(block)
            if found is not None and notes is not None:
                notes.append(Notice("table_guessed", {"head": _table_head(block)}))
        if found is None:
            entries.extend(Entry(text=t, word_label=lab, in_cell=True) for lab, t in table_lines(block))
            continue
        if not found[1].guessed:
            last = (_width(block), found[1])
        if any(says_first_leads(e.text) for e in entries[-2:]):
            found = (found[0], first_leads(replace(found[1], units=list(found[1].units))))
        before, drafts = read_table(block, *found)
        entries.extend(Entry(text=t) for t in before)
        entries.append(Entry(drafts=drafts, is_table=True))
    return sub_point_lines(join_lone_labels(entries))


def _width(table) -> int:
    return max((len(r) for r in table.rows), default=0)


def _table_head(table) -> str:
    """The first text of a table, to name it in a warning."""
    for row in table.rows:
        for cell in row:
            text = clean(cell.text)
            if text:
                return text if len(text) <= 20 else text[:20] + "…"
    return ""


def assign_units(draft: Draft) -> None:
    """Stage: units from the draft's unit cells and from its own text.

    Where both name a unit, the role the text gives wins over a column's default: a prose
    task saying "（责任单位：机关党委牵头，…）" whose 工作计划表 lists 机关党委 under 责任科室.
    """
    units: dict[str, list[str]] = {r: [] for r in ROLES}
    for text, role in draft.unit_cells:
        merge_units(units, read_cell(text, role))
    found, _ = inline_units(draft.text)
    for role in ("lead", "cooperating"):
        for name in found[role]:
            if name in units["responsible"]:
                units["responsible"].remove(name)
                units[role].append(name)
    merge_units(units, found)
    draft.units = units


def split_run_together(drafts: list[Draft]) -> None:
    """Stage: unit names run together ("区财政局区审计局") split, judged by the plan's own names."""
    all_drafts = [d for root in drafts for d in root.walk()]
    vocab = plan_vocabulary(n for d in all_drafts for names in d.units.values() for n in names)
    split: dict[str, list[str]] = {}  # a plan names the same units task after task: each split once
    for draft in all_drafts:
        for role, names in draft.units.items():
            if any(len(n) >= 6 for n in names):
                parts = [split[n] if n in split else split.setdefault(n, split_glued(n, vocab)) for n in names]
                draft.units[role] = list(dict.fromkeys(p for part in parts for p in part))


def assign_deadlines(draft: Draft, year: int | None) -> None:
    """Stage: deadlines from the draft's own text and its time cells."""
    found = find_deadlines(draft.text, year)
    keyed_cells = [text for text, _role in draft.unit_cells if is_keyed_units(text)]
    for cell in [*draft.time_cells, *keyed_times(draft.text)]:
        for deadline in find_deadlines(cell, year, cell=True) or [ParsedDeadline(text=cell, date=None)]:
            if all((d.text, d.date) != (deadline.text, deadline.date) for d in found):
                found.append(deadline)  # the prose and its 分解表 both giving "6月底前" is one deadline
    for cell in keyed_cells:  # "牵头单位：X，6月底前": a limit written into a keyed unit cell
        found.extend(d for d in find_deadlines(cell, year) if all(d.date != f.date for f in found))
    draft.deadlines = found


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a plan is parsed.

    The stages make many small objects (entries, drafts, matches) that live until the parse
    returns and hold no cycles; the collector would scan them again and again as a big document
    grows (a quarter of the time at 4 MB, and more the bigger). Reference counting still frees
    what dies; the collector runs again afterwards.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def parse_document(doc: Document) -> ParsedPlan:
    """Read a plan out of a document; InputError("no_plan") when there is none in it.

    The parser reads text; what the reader noted of the file (pages cut, OCR used) and what the
    stages doubted (no numbering, a table without its header) go to the plan's notes, one channel
    that the import dialog and the CLI show as warnings.
    """
    with _collector_paused():
        return _parse_document(doc)


def _parse_document(doc: Document) -> ParsedPlan:
    notes: list[Notice] = []
    entries = blocks(doc, notes)
    region = region_stage.split(entries)
    drafts = fold_repeated_tables(build(region.body)) if region is not None else []
    if not drafts:  # no numbering to go by: the paragraphs (or sentences) as flat tasks
        region = region_stage.unnumbered(sentences_if_one_block(entries))
        drafts = build(region.body) if region is not None else []
        if not drafts:
            raise InputError("no_plan")
        notes.append(Notice("no_structure", {"count": len(drafts)}))
    meta = meta_stage.extract(region.before, region.title, region.after, doc.title_hint)
    sub_point_stage(drafts, meta.year)
    for root in drafts:
        for draft in root.walk():
            assign_units(draft)
            assign_deadlines(draft, meta.year)
    split_run_together(drafts)
    plan = ParsedPlan(**vars(meta), nodes=[d.to_node() for d in drafts])
    plan.skipped = skipped_lines(entries, region)
    plan.notes = [*doc.notes, *notes]  # the reader's notes, then the parser's
    return plan


def sentences_if_one_block(entries: list[Entry]) -> list[Entry]:
    """A body that came as one or two long paragraphs is read sentence by sentence instead.

    A PDF text layer without line ends and a page pasted as one line give a whole plan so; a
    flat list of its sentences is something the clerk can indent and merge, one block is not.
    """
    long = [e for e in entries if not e.is_table and len(e.text) >= _LONG_BLOCK]
    if not long or len(long) > 2:
        return entries
    out: list[Entry] = []
    for entry in entries:
        if entry in long:
            out.extend(Entry(text=s) for s in _SENTENCE.split(entry.text) if s.strip())
        else:
            out.append(entry)
    return out


def skipped_lines(entries: list[Entry], region: region_stage.Region) -> list[str]:
    """Lines neither in the plan nor kept for its metadata: page noise, footers, headline lists."""
    body = {id(e) for e in region.body}
    notice = set(region.before)
    return [e.text for e in entries if not e.is_table and e.text and id(e) not in body
            and (e.text not in notice or is_noise(e.text))]
