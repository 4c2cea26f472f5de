"""Shared fixtures: every test gets its own SQLite file; Qt runs offscreen.

Fixtures chain db_path → service → (gui tests) window; none is autouse.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _hypothesis_profiles() -> None:
    """`ci` (the default) keeps every property test to seconds; HYPOTHESIS_PROFILE=fuzz hunts for hours."""
    from hypothesis import HealthCheck, settings

    slow = [HealthCheck.too_slow, HealthCheck.data_too_large]
    settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=slow)
    settings.register_profile("fuzz", max_examples=20_000, deadline=None, suppress_health_check=slow)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


_hypothesis_profiles()
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "taizhang.sqlite3"


@pytest.fixture
def service(db_path: Path):
    from core.service.facade import PlanService

    svc = PlanService(db_path)
    yield svc
    svc.close()


@pytest.fixture
def sample_plan():
    from core.parse.parsed_plan import ParsedPlan
    from core.paths import resource_path

    return ParsedPlan.from_json(resource_path("sample_plan.json").read_text(encoding="utf-8"))


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED
