"""From a file or pasted text to a ParsedPlan: reader → parse pipeline. Never touches the store."""

from __future__ import annotations

import hashlib
from pathlib import Path

from core.parse.parsed_plan import ParsedPlan
from core.readers import read_document
from core.readers.base import load_bytes
from core.readers.document import Document


def parse_document(doc: Document) -> ParsedPlan:
    from core.parse.pipeline import parse_document as run

    plan = run(doc)
    plan.notes = [*doc.notes, *plan.notes]  # one channel to the warnings: the reader's notes, then the parser's
    return plan


def parse_file(path: Path) -> ParsedPlan:
    """Parse any supported document; a parse-JSON file is read back as it is."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        return ParsedPlan.from_json(load_bytes(path).decode("utf-8", errors="replace"))
    return parse_document(read_document(path))


def parse_text(text: str, name: str = "") -> ParsedPlan:
    """Parse pasted plain text."""
    from core.readers.text import paragraphs

    return parse_document(Document(blocks=paragraphs(text), source_name=name))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
