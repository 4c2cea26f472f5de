"""Counting how often a test's file is read, so "read once" is a checked promise."""

from __future__ import annotations

import builtins
import os
from pathlib import Path


def count_reads(monkeypatch, target: Path) -> list[str]:
    """Every way a file is opened for its bytes (Path.read_bytes, open()), counted for `target`
    in any thread, for the rest of the test."""
    target = Path(target).resolve()
    reads: list[str] = []
    real_read, real_open = Path.read_bytes, builtins.open

    def read_bytes(self: Path) -> bytes:
        if self.resolve() == target:
            reads.append("read_bytes")
        return real_read(self)

    def open_(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and Path(file).resolve() == target:
            reads.append("open")  # how the duplicate check's hash used to be taken
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(builtins, "open", open_)
    return reads
