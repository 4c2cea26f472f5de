"""The families of synthetic plans, by letter: builder and how many documents a run writes."""

from __future__ import annotations

from tools.unseen.text_families import Doc, family_a, family_b, family_e

FAMILIES = {
    "a": (family_a, 9),
    "b": (family_b, 8),
    "e": (family_e, 5),
}

__all__ = ["Doc", "FAMILIES"]
