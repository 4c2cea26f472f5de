"""The fold lets keywords match in either script without changing what the clerk sees."""

from __future__ import annotations

from core.domain.textfold import fold


def test_fold_maps_traditional_to_simplified():
    assert fold("政務公開工作要點") == "政务公开工作要点"


def test_fold_keeps_length_and_positions():
    text = "牽頭單位：市政府辦公室；責任單位：各縣(市)區政府\n2020年"
    folded = fold(text)
    assert len(folded) == len(text)
    at = folded.index("责任单位")
    assert text[at:at + 4] == "責任單位"


def test_fold_leaves_simplified_ascii_and_punctuation_alone():
    text = "市人力资源和社会保障局（牵头）, 8月底前; ABC 123 〔2019〕"
    assert fold(text) == text


def test_fold_of_empty_text_is_empty():
    assert fold("") == ""


def test_a_lone_surrogate_from_broken_pasted_text_folds_to_itself():
    assert fold("規範\ud800") == "规范\ud800"
