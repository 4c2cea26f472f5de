"""File names made from the clerk's text fit every file system and keep their extension."""

from __future__ import annotations

import pytest

from core.filenames import NAME_MAX_BYTES, safe_file_name, shorten_bytes


@pytest.mark.parametrize("name", ["关" * 100 + ".pdf", "x" * 300 + ".docx", "报告" * 60, "关" * 84 + "x.tar.gz"])
def test_a_long_name_is_cut_by_bytes_and_keeps_its_extension(name, tmp_path):
    out = safe_file_name(name)
    assert len(out.encode("utf-8")) <= NAME_MAX_BYTES and "…" in out
    suffix = name[name.rfind("."):] if "." in name else ""
    assert out.endswith(suffix) and out.startswith(name[:10])
    (tmp_path / out).write_bytes(b"ok")  # the file system takes it


def test_shortening_never_splits_a_character():
    assert shorten_bytes("政务公开", 7) == "政…"  # 3 + 3 bytes of the mark; 政 is 3 bytes
    assert shorten_bytes("政务公开", 12) == "政务公开"


def test_titles_with_line_breaks_and_slashes_become_one_plain_name():
    assert safe_file_name("关于印发\n2026年/工作要点\t的通知", strip_folders=False) == "关于印发 2026年_工作要点 的通知"
    assert safe_file_name("..\\..\\windows\\win.ini") == "win.ini"  # an attachment's path: its name only
    assert safe_file_name("2026年政务公开工作要点：分工方案?") == "2026年政务公开工作要点：分工方案_"
