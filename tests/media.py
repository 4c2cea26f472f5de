"""Odd media and odd files for tests: a read-only folder (a locked USB stick), a tiny disk to fill
up, a backup that finds no space, and another program's SQLite file.

Root ignores chmod, so a read-only medium is a read-only bind mount and a full disk a 2 MB
tmpfs; both need root on Linux and skip elsewhere. tests/core/conftest.py registers the fixtures.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
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


def foreign_sqlite(path: Path, user_version: int = 0,
                   sql: tuple[str, ...] = ("CREATE TABLE person (name TEXT)", "INSERT INTO person VALUES ('张三')")
                   ) -> Path:
    """Another program's SQLite file: its own tables, any user_version."""
    con = sqlite3.connect(path)
    for statement in sql:
        con.execute(statement)
    con.execute(f"PRAGMA user_version = {user_version}")
    con.commit()
    con.close()
    return path


def no_space_for_backups(monkeypatch) -> None:
    """Every backup copy fails as on a full disk (ENOSPC), until monkeypatch.undo()."""
    from core.store import backup

    def no_space(source, target):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "copy_database", no_space)
