"""Whether a Taizhang window has a database open, read from the lock file the window keeps.

The window takes a QLockFile beside the database (gui/app/single_instance.py). The command line
cannot use Qt, so it reads the same file — "pid\\nprogram\\nhost\\n…" — to refuse steps that must
not happen under an open window (restoring a backup replaces everything the window shows).
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path


def lock_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".lock")


def _alive(pid: int) -> bool:
    if pid <= 0 or pid == os.getpid():
        return False
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def window_pid(db_path: Path) -> int | None:
    """The pid of a live window holding `db_path` on this computer, else None."""
    try:
        lines = lock_path(db_path).read_text(encoding="utf-8", errors="replace").splitlines()
        pid, host = int(lines[0]), lines[2] if len(lines) > 2 else ""
    except (OSError, ValueError, IndexError):
        return None
    if host and host != platform.node():
        return None  # another computer: Qt's own take-over dialog deals with that
    return pid if _alive(pid) else None
