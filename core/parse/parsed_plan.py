"""The parsed plan: what every importer produces and the store accepts.

Its JSON form is exactly what `main.py parse --json` prints (see ../shared/eval/README.md),
so a plan can travel as a file between the parser and the store.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from core.domain.records import ROLES
from core.domain.textclean import clean_text
from core.errors import InputError
from core.messages import Notice, term

ROLE_ZH: dict[str, str] = {r: term(f"role_{r}") for r in ROLES}  # 牵头, 责任, 配合: the catalogue's names


@dataclass
class ParsedDeadline:
    """A deadline as printed, with the date it means when one can be given."""

    text: str
    date: dt.date | None = None

    def to_dict(self) -> dict:
        return {"text": self.text, "date": self.date.isoformat() if self.date else None}


@dataclass
class ParsedNode:
    """A section or task; a node without children is a task."""

    label: str = ""
    title: str = ""
    text: str = ""
    units: dict[str, list[str]] = field(default_factory=lambda: {r: [] for r in ROLES})
    deadlines: list[ParsedDeadline] = field(default_factory=list)
    children: list[ParsedNode] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "label": self.label,
            "title": self.title,
            "text": self.text,
            "units": {r: list(self.units.get(r, [])) for r in ROLES},
            "deadlines": [d.to_dict() for d in self.deadlines],
            "children": [c.to_dict() for c in self.children],
        }

    def walk(self):
        """Yield this node and its descendants in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def cleaned(self) -> ParsedNode:
        """A copy whose every text is `clean_text`-ed (what the store accepts)."""
        return ParsedNode(label=clean_text(self.label), title=clean_text(self.title), text=clean_text(self.text),
                          units={r: [clean_text(u) for u in names] for r, names in self.units.items()},
                          deadlines=[ParsedDeadline(clean_text(d.text), d.date) for d in self.deadlines],
                          children=[c.cleaned() for c in self.children])


@dataclass
class PlanMeta:
    """What a document says about itself: the metadata stage's output, and the head of a ParsedPlan."""

    title: str = ""
    year: int | None = None
    issuer: str | None = None
    doc_number: str | None = None
    date: dt.date | None = None


@dataclass
class ParsedPlan(PlanMeta):
    """A whole plan with its metadata, as read from one document."""

    nodes: list[ParsedNode] = field(default_factory=list)
    # Lines the parser left out as page noise, for the import preview's warning; never in the JSON.
    skipped: list[str] = field(default_factory=list, repr=False, compare=False)
    # What the reader and the parser noted about the document (core.messages.Notice: pages left
    # unread, OCR, no numbering found…), for the import warnings; never in the JSON.
    notes: list = field(default_factory=list, repr=False, compare=False)

    def to_dict(self) -> dict:
        return {
            "title": self.title or None,  # null when the document names no title (score.py's gold)
            "year": self.year,
            "issuer": self.issuer,
            "doc_number": self.doc_number,
            "date": self.date.isoformat() if self.date else None,
            "nodes": [n.to_dict() for n in self.nodes],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def walk(self):
        """Yield every node in document order."""
        for node in self.nodes:
            yield from node.walk()

    def cleaned(self) -> ParsedPlan:
        """A copy without the control characters Word leaves in text, which no .docx/.xlsx can hold."""
        return ParsedPlan(title=clean_text(self.title), year=self.year, issuer=clean_text(self.issuer) or None,
                          doc_number=clean_text(self.doc_number) or None, date=self.date,
                          nodes=[n.cleaned() for n in self.nodes], skipped=list(self.skipped))

    def counts(self) -> tuple[int, int]:
        """(sections, tasks) in this plan."""
        sections = tasks = 0
        for node in self.walk():
            if node.children:
                sections += 1
            else:
                tasks += 1
        return sections, tasks

    @classmethod
    def from_dict(cls, data: object) -> ParsedPlan:
        """Read the parse JSON back; malformed input is an InputError, not a crash."""
        if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
            raise InputError("bad_json", detail=Notice("detail_json_no_nodes"))
        try:
            return cls(
                title=str(data.get("title") or ""),
                year=_year(data.get("year")),
                issuer=data.get("issuer") or None,
                doc_number=data.get("doc_number") or None,
                date=_date(data.get("date")),
                nodes=[_node(n) for n in data["nodes"]],
            )
        except (TypeError, ValueError, AttributeError, KeyError) as exc:
            raise InputError("bad_json", detail=str(exc)) from exc
        except RecursionError as exc:  # children nested thousands deep: hostile, not a plan
            raise InputError("bad_json", detail=Notice("detail_json_too_deep")) from exc

    @classmethod
    def from_json(cls, text: str) -> ParsedPlan:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise InputError("bad_json", detail=str(exc)) from exc
        except RecursionError as exc:
            raise InputError("bad_json", detail=Notice("detail_json_too_deep")) from exc
        return cls.from_dict(data)


YEARS = range(1000, 10000)  # what a plan's year can be: four digits, as in 2026年


def _year(value: object) -> int | None:
    """The plan's year from JSON: a whole number (or its digits as text) of four digits, else bad JSON.

    Infinity, 1e999, NaN and integers of hundreds of digits are valid JSON but no year; they must
    be refused here, not overflow later in int() or SQLite.
    """
    if value in (None, ""):
        return None
    if isinstance(value, float) and value.is_integer():  # 2026.0; never NaN or ±Infinity
        value = int(value)
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and len(value.strip()) <= 4:
        value = int(value.strip())
    if type(value) is not int or value not in YEARS:  # bool is an int, but not a year
        raise InputError("bad_json", detail=Notice("detail_json_bad_year"))
    return value


def _date(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    return dt.date.fromisoformat(str(value))


def _node(data: dict) -> ParsedNode:
    units = data.get("units") or {}
    if isinstance(units, list):  # a flat list means "responsible"
        units = {"responsible": units}
    return ParsedNode(
        label=str(data.get("label") or ""),
        title=str(data.get("title") or ""),
        text=str(data.get("text") or data.get("title") or ""),
        units={r: [str(u) for u in units.get(r) or []] for r in ROLES},
        deadlines=[
            ParsedDeadline(text=str(d.get("text") or ""), date=_date(d.get("date")))
            for d in data.get("deadlines") or []
        ],
        children=[_node(c) for c in data.get("children") or []],
    )
