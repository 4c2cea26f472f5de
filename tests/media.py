"""Real odd media for tests: a read-only folder (a locked USB stick) and a tiny disk to fill up.

Root ignores chmod, so a read-only medium is a read-only bind mount and a full disk a 2 MB
tmpfs; both need root on Linux and skip elsewhere. Import the fixtures into a test module.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def _need_root() -> None:
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("needs root on Linux to mount a file system")


@contextlib.contextmanager
def read_only_view(folder: Path, in_place: bool = False):
    """`folder` seen through a read-only bind mount: writes there fail with EROFS, as on a locked stick.

    Beside it as `<folder>-ro`, or `in_place` over the folder itself.
    """
    view = folder if in_place else folder.with_name(folder.name + "-ro")
    view.mkdir(exist_ok=in_place)
    if not (_mount("--bind", str(folder), str(view)) and _mount("-o", "remount,bind,ro", str(view))):
        subprocess.run(["umount", str(view)], capture_output=True)
        pytest.skip("bind mounts are not allowed here")
    try:
        yield view
    finally:
        subprocess.run(["umount", "-l", str(view)], capture_output=True)


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs, to fill up for real."""
    _need_root()
    mount = tmp_path / "small"
    mount.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)):
        pytest.skip("mounting a tmpfs is not allowed here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


@pytest.fixture
def read_only(tmp_path):
    """A function: read_only(folder) → context manager giving the folder's read-only view."""
    _need_root()
    return read_only_view


def fill(folder: Path) -> Path:
    """Fill the file system holding `folder` to the last byte; delete the returned file to free it."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as fh:
        for chunk in (1 << 16, 512, 1):
            try:
                while True:
                    fh.write(b"\0" * chunk)
            except OSError:
                pass
    return filler
