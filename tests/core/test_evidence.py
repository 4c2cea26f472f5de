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
    info = service.attach_file(task_id, src)
    assert info.path.read_bytes() == src.read_bytes()
    assert info.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
    assert service.evidence_root in info.path.parents
    assert [e.name for e in service.evidence(task_id)] == ["发布截图.png"]
    src.unlink()
    assert info.path.exists()  # the copy does not depend on the original


def test_same_name_twice_gets_a_second_file(service, task_id, tmp_path):
    src = tmp_path / "a.pdf"
    src.write_bytes(b"one")
    first = service.attach_file(task_id, src)
    src.write_bytes(b"two")
    second = service.attach_file(task_id, src)
    assert first.path != second.path and second.path.read_bytes() == b"two"


@pytest.mark.parametrize("hostile, expected", [
    ("../../etc/passwd", "passwd"),
    ("..\\..\\windows\\win.ini", "win.ini"),
    ("CON.txt", "_CON.txt"),
    ("a\x00b<c>.doc", "a_b_c_.doc"),
    ("...", "附件"),
])
def test_hostile_names_cannot_escape(hostile, expected):
    assert safe_name(hostile) == expected


def test_links_are_kept_and_removal_deletes_the_copy(service, task_id, tmp_path):
    link = service.attach_link(task_id, " http://www.example.gov.cn/zwgk/1.html ", "门户网站公开页面")
    assert (link.kind, link.target) == ("link", "http://www.example.gov.cn/zwgk/1.html")
    src = tmp_path / "台账.xlsx"
    src.write_bytes(b"data")
    copy = service.attach_file(task_id, src)
    service.remove_evidence(copy.id)
    assert not copy.path.exists()
    assert [e.kind for e in service.evidence(task_id)] == ["link"]
    with pytest.raises(UsageError):
        service.attach_link(task_id, "   ")


def test_missing_file_is_a_clear_error(service, task_id, tmp_path):
    with pytest.raises(InputError) as err:
        service.attach_file(task_id, tmp_path / "gone.pdf")
    assert err.value.code == "file_missing"
