"""The settings kept with the data, as raw text under their keys (core.domain.settings declares
each key's type and default, and encodes and decodes the text)."""

from __future__ import annotations

from core.store.tables import Setting


def read_setting(key: str) -> str | None:
    """The text stored under `key`, or None when it was never set."""
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row else None


def write_setting(key: str, value: str) -> None:
    """Store `value` under `key`, replacing what was there; the caller holds the transaction."""
    Setting.insert(key=key, value=value).on_conflict_replace().execute()
