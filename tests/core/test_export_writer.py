"""An export that cannot be written says why, and leaves no half-written file behind."""

from __future__ import annotations

import os
import stat

import pytest
from export_helpers import AS_OF, worked_plan

from core.errors import OutputError
from core.export import ExportOptions, export_plan
from core.export import writer as writer_mod

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def plan_id(service, sample_plan):
    return worked_plan(service, sample_plan)


def _export(service, plan_id, out, fmt="docx"):
    return export_plan(service, plan_id, ExportOptions(format=fmt, as_of=AS_OF), out)


def _leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.startswith(writer_mod.TEMP_PREFIX)]


def test_export_replaces_an_older_file_whole(service, plan_id, tmp_path):
    out = tmp_path / "台账.docx"
    out.write_bytes(b"old")
    _export(service, plan_id, out)
    assert out.read_bytes()[:2] == b"PK" and _leftovers(tmp_path) == []


def test_file_open_in_word_is_reported_locked_and_kept(service, plan_id, tmp_path, monkeypatch):
    out = tmp_path / "台账.docx"
    out.write_bytes(b"open in Word")

    def refuse(src, dst):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(writer_mod.os, "replace", refuse)
    with pytest.raises(OutputError) as err:
        _export(service, plan_id, out)
    assert err.value.code == "export_locked" and err.value.params["path"] == str(out)
    assert out.read_bytes() == b"open in Word" and _leftovers(tmp_path) == []


def test_read_only_target_is_reported_locked(service, plan_id, tmp_path):
    out = tmp_path / "台账.xlsx"
    out.write_bytes(b"keep me")
    out.chmod(stat.S_IREAD)
    with pytest.raises(OutputError) as err:
        _export(service, plan_id, out, "xlsx")
    assert err.value.code == "export_locked" and out.read_bytes() == b"keep me"


def test_read_only_folder_is_reported(service, plan_id, tmp_path, monkeypatch):
    folder = tmp_path / "只读"
    folder.mkdir()
    if AS_ROOT:  # root writes anywhere: simulate the refusal a clerk would get
        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied")
        monkeypatch.setattr(writer_mod.tempfile, "mkstemp", refuse)
    else:
        folder.chmod(stat.S_IREAD | stat.S_IEXEC)
    try:
        with pytest.raises(OutputError) as err:
            _export(service, plan_id, folder / "台账.docx")
    finally:
        folder.chmod(stat.S_IRWXU)
    assert err.value.code == "export_readonly"
    assert list(folder.iterdir()) == []


def test_failure_while_writing_leaves_nothing(service, plan_id, tmp_path, monkeypatch):
    def boom(path):
        path.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    out = tmp_path / "台账.docx"
    with pytest.raises(OutputError) as err:
        writer_mod.write_atomically(out, boom)
    assert err.value.code == "export_failed" and not out.exists() and _leftovers(tmp_path) == []
