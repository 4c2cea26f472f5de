"""Fixtures for the store tests: real odd media (tests/media.py)."""

from tests.media import read_only, small_disk  # noqa: F401
