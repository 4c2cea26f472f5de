"""The plan parser: Document → ParsedPlan through small named stages (see pipeline.py).

`parse_document` is imported on first use, so a module that needs only the plan's records
(parsed_plan.py: the window, the store) does not load the whole parser with them.
"""

from __future__ import annotations

__all__ = ["parse_document"]


def __getattr__(name: str):
    if name == "parse_document":
        from core.parse.pipeline import parse_document

        return parse_document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
