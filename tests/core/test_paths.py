"""Where things live, from source and frozen: resources under sys._MEIPASS, data in a portable
`data/` beside the executable or else the per-user folder (tools/check_bundle.py checks the real bundle)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from core import paths


@pytest.fixture
def frozen(monkeypatch, tmp_path: Path) -> Path:
    """A pretend PyInstaller bundle: Taizhang(.exe) beside _internal/ (sys._MEIPASS)."""
    bundle = tmp_path / "Taizhang"
    internal = bundle / "_internal"
    (internal / "resources").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "Taizhang.exe"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home-data"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "home-data"))
    return bundle


def test_resources_come_from_the_source_tree_when_not_frozen():
    assert paths.resource_path("sample_plan.json").is_file()
    assert paths.resource_dir() == Path(paths.__file__).resolve().parent.parent / "resources"


def test_frozen_resources_come_from_the_bundle(frozen):
    assert paths.resource_dir() == frozen / "_internal" / "resources"
    assert paths.app_dir() == frozen


def test_a_data_folder_beside_the_executable_holds_the_database(frozen):
    (frozen / "data").mkdir()
    assert paths.default_db_path() == frozen / "data" / paths.DB_FILE_NAME
    assert paths.evidence_dir(paths.default_db_path()) == frozen / "data" / "evidence"


def test_without_a_data_folder_the_per_user_folder_is_used(frozen, tmp_path):
    db = paths.default_db_path()
    assert frozen not in db.parents
    assert db.name == paths.DB_FILE_NAME and "Taizhang" in db.parent.parts[-1]
