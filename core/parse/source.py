"""From a file or the clipboard to a ParsedPlan: read once, hash what was read, parse. Never touches the store.

The one import orchestration: the import dialog's worker, the CLI's `parse` and `import` and
the sample plan all call `parse_source`, so the bytes that are parsed are the bytes whose
hash the duplicate check and the stored plan carry (a file changed between a separate hash
and read would otherwise pass the check as another file).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core.errors import InputError
from core.parse.parsed_plan import ParsedPlan
from core.readers.document import Document


@dataclass(frozen=True)
class PlanSource:
    """What to read a plan from: a file, or pasted text, HTML or RTF (from the clipboard)."""

    path: Path | None = None
    text: str | None = None
    html: str | None = None
    rtf: bytes | None = None

    @property
    def name(self) -> str:
        """The file's name as the plan's source; "" for the clipboard."""
        return self.path.name if self.path else ""


@dataclass
class SourcedPlan:
    """A parsed plan and what it was read from; `sha256` is of the file's bytes (None when pasted)."""

    plan: ParsedPlan
    source: PlanSource
    sha256: str | None = None


def parse_source(source: PlanSource | Path, parsing: Callable[[], None] | None = None,
                 on_page: Callable[[int, int], None] | None = None) -> SourcedPlan:
    """Read `source` once, hash the bytes read, and parse them into a plan.

    `parsing` is called when reading is done and parsing starts (the worker reports the
    stage there, and may raise to stop); `on_page(done, total)` as a scan is recognised.
    A parse-JSON file (the sample plan, a saved preview) is read back as it is.
    Raises InputError for anything that is no plan, as the readers and the pipeline do.
    """
    from core.parse.pipeline import parse_document

    source = source if isinstance(source, PlanSource) else PlanSource(path=Path(source))
    sha = None
    plan: ParsedPlan | None = None
    doc: Document | None = None
    if source.path is not None:
        from core.readers import document_from_bytes
        from core.readers.base import load_bytes

        data = load_bytes(source.path)
        _refuse_returned_workbook(data, source.path)
        sha = hashlib.sha256(data).hexdigest()
        if source.path.suffix.lower() == ".json":
            plan = ParsedPlan.from_json(data.decode("utf-8", errors="replace"))
        elif on_page is not None:
            from core.readers.ocr import reporting

            with reporting(on_page):
                doc = document_from_bytes(data, source.path)
        else:
            doc = document_from_bytes(data, source.path)
    elif source.html is not None:
        from core.readers import read_html

        doc = read_html(source.html)
    elif source.rtf is not None:
        from core.readers.rtf import RtfReader

        doc = RtfReader().read_bytes(source.rtf)
    if parsing is not None:
        parsing()
    if plan is None:
        plan = parse_document(doc) if doc is not None else parse_text(source.text or "")
    return SourcedPlan(plan=plan, source=source, sha256=sha)


def parse_file(path: Path) -> ParsedPlan:
    """The plan in any supported file (for scripts and tests that need no hash)."""
    return parse_source(PlanSource(path=Path(path))).plan


def parse_text(text: str, name: str = "") -> ParsedPlan:
    """Parse pasted plain text."""
    from core.parse.pipeline import parse_document
    from core.readers.text import paragraphs

    return parse_document(Document(blocks=paragraphs(text), source_name=name))


def _refuse_returned_workbook(data: bytes, path: Path) -> None:
    """A unit's returned fill-in workbook is no plan: read as one it would become a new plan of the
    unit's rows. Raise InputError naming the plan it belongs to, so the clerk merges it instead."""
    if not data.startswith(b"PK"):  # no zip, no workbook: openpyxl stays unloaded
        return
    from core.collect.returns import fillin_mark

    mark = fillin_mark(data)
    if mark is not None:
        raise InputError("fill_is_return", path=str(path), plan_id=mark.plan_id)
