"""佐证材料: files copied into the evidence folder beside the database, and links.

A copied file's name is made safe (no folders, no reserved names, no control characters), so
whatever the clerk attaches can never land outside the evidence folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from core.errors import InputError, NotFoundError
from core.store.tables import Evidence

MAX_EVIDENCE_BYTES = 500 * 1024 * 1024
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


@dataclass
class EvidenceInfo:
    id: int
    node_id: int
    kind: str  # "file" or "link"
    name: str
    target: str  # the link, or the path relative to the evidence folder
    path: Path | None  # the copied file, for kind "file"
    sha256: str | None
    added_at: dt.datetime


def safe_name(name: str, limit: int = 120) -> str:
    """A file name that is valid on Windows and Linux and cannot climb out of its folder."""
    name = unicodedata.normalize("NFC", Path(str(name).replace("\\", "/")).name)
    name = re.sub(r'[\x00-\x1f<>:"/\\|?*]', "_", name).strip(" .")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    if stem.upper() in _RESERVED or not stem:
        stem = f"_{stem}" if stem else "附件"
    suffix = suffix[:16]
    stem = stem[: max(1, limit - len(suffix) - 1)]
    return f"{stem}.{suffix}" if suffix else stem


def _unique(folder: Path, name: str) -> Path:
    target = folder / name
    stem, suffix = target.stem, target.suffix
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stem}（{n}）{suffix}"
    return target


def copy_in(src: Path, folder: Path, name: str | None = None) -> tuple[Path, str]:
    """Copy `src` into `folder` under a safe unique name; returns (path, sha256)."""
    src = Path(src)
    if not src.is_file():
        raise InputError("file_missing", path=str(src))
    if src.stat().st_size > MAX_EVIDENCE_BYTES:
        raise InputError("file_too_large", size_mb=src.stat().st_size // 2**20, limit_mb=MAX_EVIDENCE_BYTES // 2**20)
    folder.mkdir(parents=True, exist_ok=True)
    target = _unique(folder, safe_name(name or src.name))
    if folder.resolve() not in target.resolve().parents:
        raise InputError("bad_evidence_name", name=name or src.name)
    digest = hashlib.sha256()
    tmp = target.with_name(target.name + ".part")
    with open(src, "rb") as fin, open(tmp, "wb") as fout:
        for chunk in iter(lambda: fin.read(1 << 20), b""):
            digest.update(chunk)
            fout.write(chunk)
        fout.flush()
        os.fsync(fout.fileno())
    os.replace(tmp, target)
    return target, digest.hexdigest()


def info(row: Evidence, root: Path) -> EvidenceInfo:
    path = root / row.target if row.kind == "file" else None
    return EvidenceInfo(id=row.id, node_id=row.node_id, kind=row.kind, name=row.name, target=row.target,
                        path=path, sha256=row.sha256, added_at=row.added_at)


def remove_file(root: Path, target: str) -> None:
    """Delete an evidence copy once no record refers to it any more."""
    if Evidence.select().where((Evidence.kind == "file") & (Evidence.target == target)).exists():
        return
    path = (root / target).resolve()
    if root.resolve() in path.parents and path.is_file():
        path.unlink()
        try:
            path.parent.rmdir()
        except OSError:
            pass


def get(evidence_id: int) -> Evidence:
    row = Evidence.get_or_none(Evidence.id == evidence_id)
    if row is None:
        raise NotFoundError("evidence_not_found", evidence_id=evidence_id)
    return row
