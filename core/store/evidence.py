"""佐证材料: files copied into the evidence folder beside the database, and links.

A copied file's name is made safe (no folders, no reserved names, no control characters, short
enough for any file system), so whatever the clerk attaches can never land outside the evidence
folder. The copy is written under a short temporary name and moved into place only when whole: a
full disk or a pulled USB stick leaves nothing behind and is named as such.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from core.errors import InputError, NotFoundError, StoreError
from core.filenames import NAME_MAX_BYTES, safe_file_name
from core.messages import term
from core.store.tables import Evidence

MAX_EVIDENCE_BYTES = 500 * 1024 * 1024
# room left in a name for "（12）", the mark _unique adds to a second file of the same name
NAME_BYTES = NAME_MAX_BYTES - 16
TEMP_PREFIX = ".~part-"
STALE_TEMP_SECONDS = 3600  # a temporary copy this old was left by a program that was killed


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


def safe_name(name: str, max_bytes: int = NAME_BYTES) -> str:
    """A file name that is valid on Windows and Linux and cannot climb out of its folder."""
    return safe_file_name(name, max_bytes=max_bytes, fallback=term("attachment"))


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
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(exc, folder) from exc
    target = _unique(folder, safe_name(name or src.name))
    if folder.resolve() not in target.resolve().parents:
        raise InputError("bad_evidence_name", name=name or src.name)
    try:
        fin = open(src, "rb")  # noqa: SIM115 - closed below, with the copy
    except OSError as exc:
        raise InputError("file_unreadable", path=str(src)) from exc
    _sweep(folder)
    fd, tmp_name = _temp_in(folder, fin)
    tmp = Path(tmp_name)
    digest = hashlib.sha256()
    try:
        with fin, os.fdopen(fd, "wb") as fout:
            for chunk in iter(lambda: fin.read(1 << 20), b""):
                digest.update(chunk)
                fout.write(chunk)
            fout.flush()
            os.fsync(fout.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise _write_error(exc, folder) from exc
        raise
    return target, digest.hexdigest()


def _sweep(folder: Path) -> None:
    """Remove temporary copies a killed program left behind: they hold disk space and nothing else."""
    limit = dt.datetime.now().timestamp() - STALE_TEMP_SECONDS
    for leftover in folder.glob(f"{TEMP_PREFIX}*"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < limit:
                leftover.unlink()


def _temp_in(folder: Path, fin) -> tuple[int, str]:
    """A new file under a short random name beside the copy, whatever the length of the name it
    becomes; created with the umask's mode like any file (mkstemp's would be private, 0600)."""
    while True:
        path = folder / f"{TEMP_PREFIX}{secrets.token_hex(6)}"
        try:
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), str(path)
        except FileExistsError:
            continue
        except OSError as exc:
            fin.close()
            raise _write_error(exc, folder) from exc


def _write_error(exc: OSError, folder: Path) -> StoreError:
    """What stopped a copy, by errno: a full disk, a read-only folder, or another fault named as is."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StoreError("evidence_disk_full", path=str(folder))
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StoreError("evidence_readonly", path=str(folder))
    return StoreError("evidence_write_failed", path=str(folder), detail=exc.strerror or type(exc).__name__)


def info(row: Evidence, root: Path) -> EvidenceInfo:
    path = root / row.target if row.kind == "file" else None
    return EvidenceInfo(id=row.id, node_id=row.node_id, kind=row.kind, name=row.name, target=row.target,
                        path=path, sha256=row.sha256, added_at=row.added_at)


TRASH = ".trash"  # removed copies wait here for Undo; emptied when the window next opens


def remove_file(root: Path, target: str) -> bool:
    """Move an evidence copy no record refers to any more into the trash (so Undo can bring it back);
    True when it was moved."""
    if Evidence.select().where((Evidence.kind == "file") & (Evidence.target == target)).exists():
        return False
    path = (root / target).resolve()
    if root.resolve() not in path.parents or not path.is_file():
        return False
    kept = root / TRASH / target
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, kept)
    except OSError as exc:
        raise _write_error(exc, root) from exc
    with contextlib.suppress(OSError):
        path.parent.rmdir()
    return True


def restore_file(root: Path, target: str) -> None:
    """Put a removed copy back from the trash (undoing its removal)."""
    path, kept = root / target, root / TRASH / target
    if path.is_file():
        return
    if not kept.is_file():
        raise NotFoundError("evidence_file_gone", path=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.replace(kept, path)
    except OSError as exc:
        raise _write_error(exc, root) from exc


def empty_trash(root: Path) -> None:
    """Delete the removed copies for good: called when no undo stack can want them back."""
    shutil.rmtree(root / TRASH, ignore_errors=True)


def _row(evidence_id: int) -> Evidence:
    row = Evidence.get_or_none(Evidence.id == evidence_id)
    if row is None:
        raise NotFoundError("evidence_not_found", evidence_id=evidence_id)
    return row


def get(evidence_id: int, root: Path) -> EvidenceInfo:
    """One record; NotFoundError when it is gone."""
    return info(_row(evidence_id), root)


def records(node_id: int, root: Path) -> list[EvidenceInfo]:
    """A task's evidence, in the order it was added."""
    return [info(r, root) for r in Evidence.select().where(Evidence.node == node_id).order_by(Evidence.id)]


def add_record(node_id: int, kind: str, name: str, target: str, root: Path, sha256: str | None = None) -> EvidenceInfo:
    """Record a copied file (`target` relative to `root`) or a link; the caller holds the transaction."""
    return info(Evidence.create(node=node_id, kind=kind, name=name, target=target, sha256=sha256), root)


def delete_record(evidence_id: int) -> dict:
    """Delete a record (its file, if any, is remove_file's once the transaction committed); returns
    its row as it was, for restore_record (Undo)."""
    snapshot = dict(Evidence.select().where(Evidence.id == _row(evidence_id).id).dicts().get())
    Evidence.delete().where(Evidence.id == evidence_id).execute()
    return snapshot


def restore_record(snapshot: dict, root: Path) -> EvidenceInfo:
    """Put a deleted record back under its id (its file is restore_file's)."""
    Evidence.insert(snapshot).execute()
    return get(snapshot["id"], root)
