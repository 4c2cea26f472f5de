"""Where an export goes: `export --out` read the way a clerk means it.

`--out 报告/` (a folder, existing or ending in a separator) takes the default file name inside it;
`--out 台账.xlsx` says the format by its extension when `--format` does not; `--out 台账` gets the
extension added; an extension that is not the format's (`--out x.txt`) is refused rather than
writing a Word file under a name nothing will open it by.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from core.errors import UsageError

DEFAULT_FORMAT = "docx"
SUFFIX_FORMATS = {".docx": "docx", ".xlsx": "xlsx"}


def _is_folder(out: str) -> bool:
    separators = ("/", os.sep) + ((os.altsep,) if os.altsep else ())
    return out.endswith(separators) or Path(out).is_dir()


def _suffix(path: Path) -> str:
    """The extension as a clerk sees it: ".txt", but not the ".2" of "台账 v1.2"."""
    suffix = path.suffix.lower()
    return suffix if suffix[1:].isalnum() and not suffix[1:].isdigit() else ""


def export_target(out: str | None, fmt: str | None, default_name: Callable[[str], str]) -> tuple[Path, str]:
    """(the file to write, its format) for `--out` and `--format`; `default_name(format)` names a file
    written into a folder. Raises UsageError when the name's extension and the format disagree."""
    if not out or _is_folder(out):
        fmt = fmt or DEFAULT_FORMAT
        return Path(out or Path.cwd()) / default_name(fmt), fmt
    path = Path(out)
    suffix = _suffix(path)
    named = SUFFIX_FORMATS.get(suffix)
    if not suffix:
        fmt = fmt or DEFAULT_FORMAT
        return path.with_name(f"{path.name}.{fmt}"), fmt
    if named is None or (fmt and named != fmt):
        wanted = fmt or DEFAULT_FORMAT
        raise UsageError("export_wrong_suffix", suffix=path.suffix, format=wanted, path=str(path))
    return path, named
