"""Reading a returned fill-in workbook: ours as sent (keys and base), or one a unit retyped.

Columns are found by their header words, not their place, because a unit that retypes the
sheet (or pastes it into its own template) keeps the words — 工作任务, 状态, 完成情况 — but not
the order; rows without our hidden 编号 are matched to tasks by their text later (merge.py).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from core.collect.fillin import FORMAT, META_SHEET
from core.errors import InputError

HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "text": ("工作任务", "任务", "工作内容", "任务内容", "重点任务", "工作事项", "事项", "具体任务", "主要任务"),
    "status": ("状态", "完成状态", "任务状态", "办理状态"),
    "note": ("完成情况", "落实情况", "工作完成情况", "推进情况", "完成情况说明"),
    "completed_on": ("完成日期", "完成时间", "办结日期", "办结时间"),
    "entry": ("进展", "本期进展", "最新进展", "进展情况"),
    "key": ("编号",),
}
_UNIT_LINE = re.compile(r"填报单位[:：]\s*(?P<unit>[^\s　]+)")


@dataclass
class Base:
    """What a row went out with (from the hidden sheet)."""

    status: str
    note: str
    completed_on: dt.date | None


@dataclass
class ReturnedRow:
    file: str
    unit: str
    sheet: str
    row: int
    key: int | None
    text: str
    status: object = None  # the cell as read (a word, or None when the column is absent/empty)
    note: str | None = None  # None: the column is absent
    completed_on: object = None
    entry: str = ""
    base: Base | None = None


@dataclass
class Returned:
    """One returned workbook."""

    file: str
    plan_id: int | None
    exported_at: dt.datetime | None
    rows: list[ReturnedRow] = field(default_factory=list)
    ours: bool = False  # our layout with its hidden base, not retyped


@dataclass(frozen=True)
class FillinMark:
    """What tells a returned fill-in workbook from a plan: the plan it was made for."""

    plan_id: int


_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def fillin_mark(source: Path | bytes) -> FillinMark | None:
    """Is this a fill-in workbook we wrote (as sent, or saved again by Excel or WPS), and for which
    plan; None for anything else (a plan's own 台账, a Word file, a damaged file).

    Cheap, because the window asks it of every dropped file and `parse_source` of every file it
    reads: a file that is no zip costs four bytes, a zip without our very hidden sheet the reading
    of its sheet list; only a workbook holding that sheet is opened, and only the sheet's first
    rows are read. The merge reads the whole workbook afterwards, once.
    """
    try:
        if isinstance(source, bytes):
            if not source.startswith(b"PK"):
                return None
            stream: io.BytesIO | Path = io.BytesIO(source)
        else:
            stream = Path(source)
            with open(stream, "rb") as fh:
                if fh.read(2) != b"PK":
                    return None
        with zipfile.ZipFile(stream) as zf:  # the central directory and the sheet list only
            book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    except (OSError, zipfile.BadZipFile, KeyError, ElementTree.ParseError, RuntimeError):
        return None
    names = {el.get("name") for el in book.iter(f"{_MAIN_NS}sheet")}
    if META_SHEET not in names:
        return None
    return _mark_from_meta(stream)


def _mark_from_meta(stream: io.BytesIO | Path) -> FillinMark | None:
    from openpyxl import load_workbook

    if isinstance(stream, io.BytesIO):
        stream.seek(0)
    try:
        wb = load_workbook(stream, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - a workbook openpyxl cannot open is not ours to claim
        return None
    try:
        head = {r[0]: r[1] for r in wb[META_SHEET].iter_rows(max_row=3, max_col=2, values_only=True) if r and r[0]}
    finally:
        wb.close()
    if head.get("format") != FORMAT:
        return None
    try:
        return FillinMark(int(head.get("plan_id")))
    except (TypeError, ValueError):
        return None


def _plain(value: object) -> str:
    return re.sub(r"\s+", "", str(value)) if value is not None else ""


def _header(rows: list[tuple]) -> tuple[int, dict[str, int]] | None:
    """(row index, field → column) of the first row whose cells name a task column and another."""
    for index, row in enumerate(rows[:12]):
        found: dict[str, int] = {}
        for col, value in enumerate(row):
            word = _plain(value)
            for name, words in HEADER_WORDS.items():
                if word in words and name not in found:
                    found[name] = col
        if "text" in found and len(found) >= 2:
            return index, found
    return None


def _meta(wb) -> tuple[int | None, dt.datetime | None, dict[str, str], dict[tuple[str, int], Base]]:
    if META_SHEET not in wb.sheetnames:
        return None, None, {}, {}
    rows = list(wb[META_SHEET].iter_rows(values_only=True))
    head = {r[0]: r[1] for r in rows[:3] if r and r[0]}
    if head.get("format") != FORMAT:
        return None, None, {}, {}
    try:
        exported = dt.datetime.fromisoformat(str(head.get("exported_at")))
    except ValueError:
        exported = None
    units: dict[str, str] = {}
    bases: dict[tuple[str, int], Base] = {}
    for r in rows[4:]:
        if not r or r[0] is None or r[2] is None:
            continue
        sheet, unit, node_id, status, note, done = (list(r) + [None] * 6)[:6]
        units[str(sheet)] = str(unit)
        day = dt.date.fromisoformat(str(done)) if done else None
        bases[(str(sheet), int(node_id))] = Base(str(status), str(note or ""), day)
    plan_id = head.get("plan_id")
    return (int(plan_id) if plan_id is not None else None), exported, units, bases


def read_returned(path: Path) -> Returned:
    """Every task row of every sheet of a returned workbook."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    if not path.is_file():
        raise InputError("file_missing", path=str(path))
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise InputError("fill_unreadable", path=path.name) from exc
    try:
        plan_id, exported, units, bases = _meta(wb)
        out = Returned(file=path.name, plan_id=plan_id, exported_at=exported, ours=bool(bases))
        for ws in wb.worksheets:
            if ws.title == META_SHEET:
                continue
            rows = list(ws.iter_rows(values_only=True))
            found = _header(rows)
            if found is None:
                continue
            index, cols = found
            unit = units.get(ws.title) or _unit_line(rows[:index]) or path.stem
            for number, row in enumerate(rows[index + 1:], start=index + 2):
                out.rows.extend(_row(path.name, unit, ws.title, number, row, cols, bases))
    finally:
        wb.close()
    return out


def _unit_line(rows: list[tuple]) -> str | None:
    for row in rows:
        for value in row:
            m = _UNIT_LINE.search(str(value or ""))
            if m:
                return m.group("unit")
    return None


def _cell(row: tuple, cols: dict[str, int], name: str) -> object:
    col = cols.get(name)
    return row[col] if col is not None and col < len(row) else None


def _row(file: str, unit: str, sheet: str, number: int, row: tuple, cols: dict[str, int],
         bases: dict[tuple[str, int], Base]) -> list[ReturnedRow]:
    text = str(_cell(row, cols, "text") or "").strip()
    raw_key = _cell(row, cols, "key")
    try:
        key = int(raw_key) if raw_key not in (None, "") else None
    except (TypeError, ValueError):
        key = None
    if not text and key is None:
        return []
    note = _cell(row, cols, "note")
    return [ReturnedRow(file=file, unit=unit, sheet=sheet, row=number, key=key, text=text,
                        status=_cell(row, cols, "status"),
                        note=None if "note" not in cols else str(note or "").strip(),
                        completed_on=_cell(row, cols, "completed_on"),
                        entry=str(_cell(row, cols, "entry") or "").strip(),
                        base=bases.get((sheet, key)) if key is not None else None)]
