"""Fixtures for the core tests: real odd media (tests/media.py), a service on a fixed day."""

import datetime as dt

import pytest

from tests.media import read_only, small_disk  # noqa: F401

TRACKING_TODAY = dt.date(2026, 9, 10)  # 8月底前 has passed, 9月15日前 has not


@pytest.fixture
def svc(db_path):
    """A service whose today is TRACKING_TODAY, so overdue and periods are fixed."""
    from core.service.facade import PlanService

    service = PlanService(db_path, today=lambda: TRACKING_TODAY)
    yield service
    service.close()


@pytest.fixture
def plan(svc, sample_plan):
    """The sample plan imported into `svc`: its id."""
    return svc.import_plan(sample_plan).plan_id
