"""Settings are declared once in core (key, type, default) and read and written through the service."""

from __future__ import annotations

import pytest

from core.domain.settings import CURRENT_PLAN, MY_UNITS, SETTINGS


def test_every_setting_is_declared_once_with_a_default_and_a_purpose():
    assert len(SETTINGS) == len({s.key for s in SETTINGS.values()})
    for spec in SETTINGS.values():
        assert spec.doc and spec.kind in (str, int, list)
        assert spec.decode(None) == spec.default


def test_an_unset_setting_reads_as_its_default(service):
    assert service.get(MY_UNITS) == [] and service.get(CURRENT_PLAN) is None


def test_settings_round_trip_in_their_own_type(service):
    service.put(CURRENT_PLAN, 7)
    service.put(MY_UNITS, ["县教育局", "县财政局"])
    assert service.get(CURRENT_PLAN) == 7 and service.get(MY_UNITS) == ["县教育局", "县财政局"]
    assert service.setting("gui.current_plan") == "7"  # the same row the window has always written
    with pytest.raises(TypeError):
        service.put(CURRENT_PLAN, "7")


def test_a_damaged_number_reads_as_the_default(service):
    service.set_setting(CURRENT_PLAN.key, "not a number")
    assert service.get(CURRENT_PLAN) is None


def test_my_units_are_stored_as_the_declared_setting(service):
    change = service.set_my_units([" 县教育局\n", "县教育局", "县财政局"])
    assert change.fields == {MY_UNITS.key} and change.before == []
    assert service.get(MY_UNITS) == ["县教育局", "县财政局"] == service.my_units()


def test_a_default_list_is_never_shared_between_readers(service):
    service.get(MY_UNITS).append("县教育局")
    assert service.get(MY_UNITS) == []
