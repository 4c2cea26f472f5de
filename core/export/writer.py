"""Write an export whole or not at all: a temporary file in the target's folder, then os.replace.

A file open in Word (Windows refuses the replace), a read-only file or folder, a full disk: each
becomes a typed OutputError, and no half-written file is left behind. The file gets the mode any
new file gets (0644 under umask 022), not the private 0600 of a temporary file, so a colleague or
a shared folder can read the report as they read every other document.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from core.errors import OutputError
from core.messages import Notice

TEMP_PREFIX = ".~taizhang-"


def write_atomically(target: Path, save: Callable[[Path], None]) -> Path:
    """Call `save(tmp)` to write a temporary sibling of `target`, then move it into place."""
    target = Path(target).absolute()
    folder = target.parent
    if target.exists() and target.is_dir():
        raise OutputError("export_failed", path=str(target), detail=Notice("detail_target_is_folder"))
    if target.exists() and _read_only(target):
        # Windows refuses to replace a file Word holds open; a read-only file means the same here.
        raise OutputError("export_locked", path=str(target))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=target.suffix, dir=folder)
    except PermissionError as exc:
        raise OutputError("export_readonly", path=str(folder)) from exc
    except OSError as exc:
        raise _os_error(exc, folder) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        save(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        _fsync(tmp)
        os.replace(tmp, target)
    except PermissionError as exc:
        _discard(tmp)
        raise OutputError("export_locked", path=str(target)) from exc
    except OSError as exc:
        _discard(tmp)
        raise _os_error(exc, target) from exc
    except BaseException:
        _discard(tmp)
        raise
    return target


def _umask() -> int:
    """The process's umask: read from /proc on Linux; elsewhere reading it means setting it (and
    putting it back at once), which another thread creating a file just then could notice."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _read_only(path: Path) -> bool:
    """No write permission, or the read-only mark (which even an administrator's rename ignores)."""
    return not os.access(path, os.W_OK) or not path.stat().st_mode & stat.S_IWRITE


def _os_error(exc: OSError, path: Path) -> OutputError:
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return OutputError("export_readonly", path=str(path))
    return OutputError("export_failed", path=str(path), detail=exc.strerror or type(exc).__name__)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
