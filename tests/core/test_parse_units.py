"""Unit names and roles: unit cells, inline brackets and sentences, split by generic endings."""

from __future__ import annotations

import pytest

from core.parse.units import inline_units, is_unit_name, looks_like_unit_cell, read_cell, split_units


@pytest.mark.parametrize("text, names", [
    ("市直各单位、各区政府(管委会)", ["市直各单位", "各区政府(管委会)"]),
    ("各縣(市)區政府、市政府各部門、市(中、省)直單位", ["各縣(市)區政府", "市政府各部門", "市(中、省)直單位"]),
    ("市政府辦公室、各縣(市、區)人民政府和肇慶高新區管委會", ["市政府辦公室", "各縣(市、區)人民政府", "肇慶高新區管委會"]),
    ("市人力资源和社会保障局", ["市人力资源和社会保障局"]),
    ("市城市管理和综合执法局、市有关部门及各县政府", ["市城市管理和综合执法局", "市有关部门", "各县政府"]),
    ("社會事務和社會工作股，基層政權和社區治理股", ["社會事務和社會工作股", "基層政權和社區治理股"]),
    ("市直各单位、税务部门等按职责分工负责", ["市直各单位", "税务部门"]),
    ("市政府辦公室、市監察局等有關單位配合", ["市政府辦公室", "市監察局"]),
    ("各有关单位", ["各有关单位"]),
])
def test_unit_list_is_split_into_whole_names(text, names):
    assert split_units(text) == names


@pytest.mark.parametrize("name", ["市教育局", "县委网信办", "市卫生健康委", "各区政府(管委会)", "辦公室", "社会救助股",
                                  "市政务服务数据管理局", "各乡镇人民政府", "承担对外服务职能的市直各单位"])
def test_unit_names_are_known_by_their_endings(name):
    assert is_unit_name(name)


@pytest.mark.parametrize("text", ["市人力资源", "加强行政执法信息公开", "做好", "市经济"])
def test_other_words_are_not_unit_names(text):
    assert not is_unit_name(text)


def test_unit_cell_with_lead_marks_lead_and_rest_responsible():
    units = read_cell("市扶贫办牵头,市财政局,市直各单位、各区政府(管委会)")
    assert units == {"lead": ["市扶贫办"], "responsible": ["市财政局", "市直各单位", "各区政府(管委会)"],
                     "cooperating": []}


def test_unit_cell_default_role_comes_from_its_column():
    assert read_cell("县直各单位", "cooperating")["cooperating"] == ["县直各单位"]


def test_unit_cell_with_bracketed_role():
    units = read_cell("市政府办公室（牵头）、市司法局")
    assert units["lead"] == ["市政府办公室"] and units["responsible"] == ["市司法局"]


def test_inline_keyed_units_in_traditional_script():
    text = "做好公開。(牽頭單位:市政府辦公室、市委編辦;責任單位:各縣(市)區政府、市政府各部門)"
    units, rest = inline_units(text)
    assert units["lead"] == ["市政府辦公室", "市委編辦"]
    assert units["responsible"] == ["各縣(市)區政府", "市政府各部門"]
    assert rest == "做好公開。"


def test_inline_keyed_units_tolerate_a_semicolon_for_a_colon():
    units, _ = inline_units("x。(牽頭單位:市政府辦公室;責任單位;各縣(市)政府、市政府各單位)")
    assert units["responsible"] == ["各縣(市)政府", "市政府各單位"]


def test_sentence_names_responsible_and_cooperating_units():
    units, _ = inline_units("落实制度。此項工作由市保密局負責,市政府辦公室、市監察局配合。")
    assert units["responsible"] == ["市保密局"]
    assert units["cooperating"] == ["市政府辦公室", "市監察局"]


def test_sentence_with_lead_and_cooperating_units():
    units, _ = inline_units("丰富解读形式。县政府办公室牵头，县融媒体中心配合。")
    assert units["lead"] == ["县政府办公室"] and units["cooperating"] == ["县融媒体中心"]


def test_sentence_with_units_sharing_out_work():
    units, _ = inline_units("此項工作由市財政局、市規劃綱要辦等有關單位分別負責。")
    assert units["responsible"] == ["市財政局", "市規劃綱要辦"]


def test_by_phrase_without_unit_names_gives_no_units():
    units, _ = inline_units("由政府公报统一刊登本级政府规章，各部门负责解释。")
    assert not any(units.values())


def test_unit_line_is_recognised():
    assert looks_like_unit_cell("市直各單位、各區政府(管委會)")
    assert looks_like_unit_cell("市政府办公室、市审计局按职责分工负责,市直各单位、各区政府(管委会)。")


@pytest.mark.parametrize("text", ["加強行政執法信息公開。", "做好各類規劃主動公開", "《政府信息公开条例》"])
def test_task_line_is_not_a_unit_line(text):
    assert not looks_like_unit_cell(text)


def test_keyed_units_at_the_end_of_a_task_without_brackets():
    units, _ = inline_units("做好解读。牵头单位：县政府办公室；配合单位：县融媒体中心、各乡镇。")
    assert units["lead"] == ["县政府办公室"] and units["cooperating"] == ["县融媒体中心", "各乡镇"]


def test_time_key_inside_unit_brackets_is_not_a_unit():
    units, _ = inline_units("做好公开。（牵头单位：县政务服务数据管理局；完成时限：第三季度）")
    assert units == {"lead": ["县政务服务数据管理局"], "responsible": [], "cooperating": []}


def test_bracketed_roles_without_keys():
    units, _ = inline_units("做好信息公开工作。（市政府办公室牵头，各区政府、市直各单位配合）")
    assert units["lead"] == ["市政府办公室"] and units["cooperating"] == ["各区政府", "市直各单位"]


def test_keyed_unit_list_ends_with_its_sentence():
    from core.parse.source import parse_text

    plan = parse_text("示例县2024年政务公开工作要点\n一、加强政策解读\n"
                      "1. 做好政策解读工作。牵头单位：县发改局。6月底前完成。\n"
                      "2. 做好回应关切工作。牵头单位：县政府办；配合单位：县直各单位、县委网信办。\n")
    first, second = plan.nodes[0].children
    assert first.units["lead"] == ["县发改局"]
    assert [d.text for d in first.deadlines] == ["6月底前"]
    assert (second.units["lead"], second.units["cooperating"]) == (["县政府办"], ["县直各单位", "县委网信办"])
