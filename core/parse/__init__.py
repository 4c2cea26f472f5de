"""The plan parser: Document → ParsedPlan through small named stages (see pipeline.py)."""

from core.parse.pipeline import parse_document

__all__ = ["parse_document"]
