"""The parse pipeline (placeholder until the importer lands): Document → ParsedPlan."""

from __future__ import annotations

from core.document import Document
from core.model import ParsedPlan


def parse_document(doc: Document) -> ParsedPlan:
    raise NotImplementedError
