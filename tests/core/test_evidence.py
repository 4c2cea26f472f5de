"""佐证材料: copies land safely inside the evidence folder, links are kept, removal cleans up."""

from __future__ import annotations

import hashlib

import pytest

from core.errors import InputError, UsageError
from core.store.evidence import safe_name


@pytest.fixture
def task_id(service, sample_plan):
    plan_id = service.import_plan(sample_plan).plan_id
    return next(n.id for n in service.tree(plan_id) if n.is_task)


def test_attached_file_is_copied_with_its_hash(service, task_id, tmp_path):
    src = tmp_path / "发布截图.png"
    src.write_bytes(b"\x89PNG fake image")
    info = service.attach_file(task_id, src).result
    assert info.path.read_bytes() == src.read_bytes()
    assert info.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
    assert service.evidence_root in info.path.parents
    assert [e.name for e in service.evidence(task_id)] == ["发布截图.png"]
    src.unlink()
    assert info.path.exists()  # the copy does not depend on the original


def test_same_name_twice_gets_a_second_file(service, task_id, tmp_path):
    src = tmp_path / "a.pdf"
    src.write_bytes(b"one")
    first = service.attach_file(task_id, src).result
    src.write_bytes(b"two")
    second = service.attach_file(task_id, src).result
    assert first.path != second.path and second.path.read_bytes() == b"two"


@pytest.mark.parametrize("hostile, expected", [
    ("../../etc/passwd", "passwd"),
    ("..\\..\\windows\\win.ini", "win.ini"),
    ("CON.txt", "CON_.txt"),
    ("a\x00b<c>.doc", "ab_c_.doc"),  # control characters go, characters Windows refuses become _
    ("...", "附件"),
    ("NUL.tar.gz", "NUL_.tar.gz"),  # Windows reads the part before the first dot as the device
    ("aux.report.pdf", "aux_.report.pdf"),
    ("COM1.txt", "COM1_.txt"),
    ("com1 .txt", "_com1.txt"),
    ("lpt9", "lpt9_"),
    ("总结报告. . ", "总结报告"),  # Windows drops trailing dots and spaces: the name would change
    ("CON.", "CON_"),
])
def test_hostile_names_cannot_escape(hostile, expected):
    assert safe_name(hostile) == expected


@pytest.mark.parametrize("name_bytes", [200, 239, 253, 254, 255])
def test_names_up_to_the_file_system_limit_are_saved_whole_twice(service, task_id, tmp_path, name_bytes):
    """85 Chinese characters and ".pdf" is 259 bytes; a 253-byte name left no room for ".part"."""
    stem = "关" * ((name_bytes - 4) // 3) + "x" * ((name_bytes - 4) % 3)
    src = tmp_path / f"{stem}.pdf"
    assert len(src.name.encode()) == name_bytes
    src.write_bytes(b"%PDF-1.4 evidence")
    first, second = service.attach_file(task_id, src).result, service.attach_file(task_id, src).result
    for info in (first, second):
        assert info.path.read_bytes() == src.read_bytes() and info.path.suffix == ".pdf"
        assert len(info.path.name.encode()) <= 255
    assert first.path != second.path
    assert sorted(p.name for p in first.path.parent.iterdir()) == sorted([first.path.name, second.path.name])


def test_full_disk_is_named_and_leaves_nothing_behind(service, task_id, tmp_path, monkeypatch):
    import errno

    from core.errors import StoreError
    from core.store import evidence

    src = tmp_path / "截图.png"
    src.write_bytes(b"\x89PNG" * 1000)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(evidence.os, "fsync", full)
    with pytest.raises(StoreError) as err:
        service.attach_file(task_id, src)
    assert err.value.code == "evidence_disk_full"
    folder = service.evidence_root / str(task_id)
    assert list(folder.iterdir()) == [] and service.evidence(task_id) == []
    monkeypatch.undo()  # space again: the next save just works
    info = service.attach_file(task_id, src).result
    assert [p.name for p in folder.iterdir()] == ["截图.png"] and info.path.read_bytes() == src.read_bytes()


def test_links_are_kept_and_removal_deletes_the_copy(service, task_id, tmp_path):
    link = service.attach_link(task_id, " http://www.example.gov.cn/zwgk/1.html ", "门户网站公开页面").result
    assert (link.kind, link.target) == ("link", "http://www.example.gov.cn/zwgk/1.html")
    src = tmp_path / "台账.xlsx"
    src.write_bytes(b"data")
    copy = service.attach_file(task_id, src).result
    service.remove_evidence(copy.id)
    assert not copy.path.exists()
    assert [e.kind for e in service.evidence(task_id)] == ["link"]
    with pytest.raises(UsageError):
        service.attach_link(task_id, "   ")


def test_missing_file_is_a_clear_error(service, task_id, tmp_path):
    with pytest.raises(InputError) as err:
        service.attach_file(task_id, tmp_path / "gone.pdf")
    assert err.value.code == "file_missing"


def test_a_copy_left_by_a_killed_program_is_swept_away(service, task_id, tmp_path):
    import os
    import time

    from core.store.evidence import STALE_TEMP_SECONDS, TEMP_PREFIX

    folder = service.evidence_root / str(task_id)
    folder.mkdir(parents=True)
    old, fresh = folder / f"{TEMP_PREFIX}old", folder / f"{TEMP_PREFIX}fresh"
    old.write_bytes(b"x" * 1000)
    fresh.write_bytes(b"being written by another process")
    past = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(old, (past, past))
    src = tmp_path / "a.pdf"
    src.write_bytes(b"pdf")
    service.attach_file(task_id, src)
    assert sorted(p.name for p in folder.iterdir()) == sorted(["a.pdf", fresh.name])


def test_a_copy_gets_the_mode_of_any_new_file(service, task_id, tmp_path):
    import os
    import stat

    src = tmp_path / "a.pdf"
    src.write_bytes(b"pdf")
    old = os.umask(0o022)
    try:
        info = service.attach_file(task_id, src).result
    finally:
        os.umask(old)
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o644
