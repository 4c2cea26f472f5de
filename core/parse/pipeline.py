"""The parse pipeline: Document → ParsedPlan, as an ordered list of small named stages.

blocks (clean lines, read plan tables) → region (cut page noise, keep the notice for
metadata) → structure (lines → tree) → units → deadlines → meta. Each stage lives in its
own module and can be run and tested alone.
"""

from __future__ import annotations

from core.document import Document, Paragraph
from core.errors import InputError
from core.model import ROLES, ParsedDeadline, ParsedPlan
from core.parse import meta as meta_stage
from core.parse import region as region_stage
from core.parse.deadlines import find_deadlines
from core.parse.draft import Draft
from core.parse.joined import line_entries
from core.parse.normalise import clean, is_noise
from core.parse.structure import Entry, build, join_lone_labels
from core.parse.tables import find_header, read_table, table_lines
from core.parse.units import inline_units, merge_units, read_cell


def blocks(doc: Document) -> list[Entry]:
    """Stage 1: every block as cleaned entries; plan tables already read into drafts."""
    entries: list[Entry] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            for line in block.text.splitlines() or [""]:
                text = clean(line)
                if text:
                    entries.extend(line_entries(text, block.label))
            continue
        found = find_header(block)
        if found is None:
            entries.extend(Entry(text=t, word_label=lab, in_cell=True) for lab, t in table_lines(block))
            continue
        before, drafts = read_table(block, *found)
        entries.extend(Entry(text=t) for t in before)
        entries.append(Entry(drafts=drafts, is_table=True))
    return join_lone_labels(entries)


def assign_units(draft: Draft) -> None:
    """Stage: units from the draft's unit cells and from its own text."""
    units: dict[str, list[str]] = {r: [] for r in ROLES}
    for text, role in draft.unit_cells:
        merge_units(units, read_cell(text, role))
    found, _ = inline_units(draft.text)
    merge_units(units, found)
    draft.units = units


def assign_deadlines(draft: Draft, year: int | None) -> None:
    """Stage: deadlines from the draft's own text and its time cells."""
    found = find_deadlines(draft.text, year)
    for cell in draft.time_cells:
        found.extend(find_deadlines(cell, year, cell=True) or [ParsedDeadline(text=cell, date=None)])
    draft.deadlines = found


def parse_document(doc: Document) -> ParsedPlan:
    """Read a plan out of a document; InputError("no_plan") when there is none in it."""
    entries = blocks(doc)
    region = region_stage.split(entries)
    if region is None:
        raise InputError("no_plan")
    drafts = build(region.body)
    if not drafts:
        raise InputError("no_plan")
    meta = meta_stage.extract(region.before, region.title, region.after, doc.title_hint)
    for root in drafts:
        for draft in root.walk():
            assign_units(draft)
            assign_deadlines(draft, meta.year)
    plan = ParsedPlan(title=meta.title, year=meta.year, issuer=meta.issuer, doc_number=meta.doc_number,
                      date=meta.date, nodes=[d.to_node() for d in drafts])
    plan.skipped = skipped_lines(entries, region)
    return plan


def skipped_lines(entries: list[Entry], region: region_stage.Region) -> list[str]:
    """Lines neither in the plan nor kept for its metadata: page noise, footers, headline lists."""
    body = {id(e) for e in region.body}
    notice = set(region.before)
    return [e.text for e in entries if not e.is_table and e.text and id(e) not in body
            and (e.text not in notice or is_noise(e.text))]
