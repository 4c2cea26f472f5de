"""Collective unit names take in every unit of their kind, in either script."""

from __future__ import annotations

import pytest

from core.domain.collective_units import covers, is_collective, role_for


@pytest.mark.parametrize("collective, unit", [
    ("市直各单位", "市教育局"),
    ("市政府各部门", "市财政局"),
    ("市直有关单位", "市教育局"),
    ("各有关单位", "香洲区人民政府"),
    ("各有关部门", "市教育局"),
    ("各区政府(管委会)", "香洲区政府"),
    ("各区政府（管委会）", "横琴新区管委会"),
    ("各縣(市)區政府", "四会县人民政府"),
    ("各乡镇人民政府", "城关镇人民政府"),
    ("各镇(街道)", "沙坪街道"),
    ("县直各单位", "县教育局"),
    ("各股室", "办公室"),
    ("市人力资源和社会保障局", "市人力资源和社会保障局"),
])
def test_collective_name_takes_in_unit(collective, unit):
    assert covers(collective, unit)


@pytest.mark.parametrize("collective, unit", [
    ("市直各单位", "香洲区政府"),
    ("各区政府", "市教育局"),
    ("县直各单位", "市教育局"),
    ("各乡镇人民政府", "县教育局"),
    ("各股室", "市教育局"),
    ("市人力资源和社会保障局", "市教育局"),
])
def test_collective_name_leaves_out_other_kinds(collective, unit):
    assert not covers(collective, unit)


def test_single_units_are_not_collective():
    assert not is_collective("市政府办公室")
    assert is_collective("市直各单位")


def test_role_is_the_strongest_naming():
    units = {"lead": ["市政府办公室"], "responsible": [], "cooperating": ["市直各单位"]}
    assert role_for(units, ["市教育局"]) == "cooperating"
    assert role_for(units, ["市政府办公室"]) == "lead"
    assert role_for(units, ["香洲区政府"]) is None


@pytest.mark.parametrize("a, b", [("市政府办公室", "市政府辦公室"), ("XX市大数据局", "ＸＸ市大數據局"),
                                  ("县财政局（国资办）", "县财政局(国资办)"), ("县 教育局", "县教育局")])
def test_same_unit_ignores_script_width_brackets_and_spaces(a, b):
    from core.domain.collective_units import same_unit

    assert same_unit(a, b) and same_unit(b, a)
    assert not same_unit(a, "县司法局")
